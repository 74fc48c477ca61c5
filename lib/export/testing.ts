/**
 * Seeded history for export/backup tests and the export benchmark: realistic Chinese reviews and orders,
 * with hostile texts mixed in (commas, quotes, newlines, formula triggers, emoji, RTL, control chars).
 * Not shipped: only tests and scripts import it.
 */
import type { Order, Review, Store } from '../model';
import { recordKey, storeKey } from '../keys';
import { mulberry32 } from '../random';

/** Texts that break naive CSV/XLSX writers or turn into formulas. */
export const HOSTILE_TEXTS = [
  '质量很好，物流也快',
  '他说"还行"，我觉得一般',
  '第一行\n第二行\r\n第三行',
  '=HYPERLINK("http://evil.example","点我")',
  '+1 好评',
  '-2 差评',
  '@x 客服',
  '\t制表符开头',
  '\r回车开头',
  "'单引号开头",
  "'=引号后是等号",
  '＝全角等号',
  '😀👍🏻 emoji 家人👨‍👩‍👧',
  'مرحبا RTL عربي',
  '"',
  ',',
  '  前后空格  ',
  '<b>标签</b> & 符号',
  '=1+1',
  '',
] as const;

const PRAISE = ['质量很好', '做工精细', '物流很快', '客服耐心', '没有色差', '性价比很高', '包装严实'];
const COMPLAINTS = ['起球了', '掉色严重', '尺码偏小', '物流太慢', '盒子压坏了', '少发了一件', '客服态度差'];

/** mulberry32: small, seeded, good enough for fixtures. */
export const rng = mulberry32;

export function makeStore(shopId = '88776655', name = '测试旗舰店', at = Date.UTC(2026, 0, 1)): Store {
  return { key: storeKey('douyin', shopId), platform: 'douyin', shopId, name, firstSeen: at, lastSeen: at };
}

/** `count` reviews for a store: every 7th has a hostile text; ids are 19-digit strings. */
export function makeReviews(store: Store, count: number, seed = 1, start = Date.UTC(2025, 0, 1)): Review[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const out: Review[] = [];
  for (let i = 0; i < count; i++) {
    const star = 1 + Math.floor(r() * 5);
    const reviewId = String(7_350_000_000_000_000_000n + BigInt(i));
    const createdAt = start + Math.floor(r() * 300 * 86_400_000);
    const hostile = i % 7 === 0;
    const text = hostile
      ? pick(HOSTILE_TEXTS)
      : star >= 4
        ? `${pick(PRAISE)}，${pick(PRAISE)}`
        : `${pick(PRAISE)}，但是${pick(COMPLAINTS)}`;
    const replied = r() < 0.4;
    out.push({
      key: recordKey(store.key, reviewId),
      storeKey: store.key,
      platform: store.platform,
      reviewId,
      orderId: String(6_931_000_000_000_000_000n + BigInt(i)),
      productId: String(3_671_000_000_000_000_000n + BigInt(i % 50)),
      productName: i % 11 === 0 ? pick(HOSTILE_TEXTS) || '连衣裙' : '夏季新款连衣裙',
      skuText: '颜色:黑色;尺码:XL',
      createdAt,
      star,
      starProduct: star,
      starLogistics: 1 + Math.floor(r() * 5),
      starService: 5,
      polarity: star >= 4 ? 'good' : star === 3 ? 'neutral' : 'bad',
      text,
      buyerNick: 'a***',
      appends:
        i % 13 === 0 ? [{ text: hostile ? '=追评' : '用了一周还不错', at: createdAt + 86_400_000 }] : [],
      images: Math.floor(r() * 4),
      videos: 0,
      replied,
      replyText: replied ? '亲，感谢您的支持！' : undefined,
      replyAt: replied ? createdAt + 3_600_000 : undefined,
      isDefault: false,
      source: 'api',
      capturedAt: createdAt + 60_000,
      updatedAt: createdAt + 60_000,
    });
  }
  return out;
}

export function makeOrders(store: Store, count: number, seed = 2, start = Date.UTC(2025, 0, 1)): Order[] {
  const r = rng(seed);
  return Array.from({ length: count }, (_, i) => {
    const orderId = String(6_931_000_000_000_000_000n + BigInt(i));
    const paidAt = start + Math.floor(r() * 300 * 86_400_000);
    return {
      key: recordKey(store.key, orderId),
      storeKey: store.key,
      platform: store.platform,
      orderId,
      status: 'completed',
      statusText: '已完成',
      createdAt: i % 5 === 0 ? undefined : paidAt - 60_000,
      paidAt,
      shippedAt: paidAt + 20 * 3_600_000,
      carrier: '中通快递',
      amountFen: 1000 + Math.floor(r() * 20000),
      items: [
        {
          itemOrderId: orderId,
          productId: '3671000000000000001',
          productName: '夏季新款连衣裙',
          quantity: 1,
        },
      ],
      source: 'api',
      capturedAt: paidAt,
      updatedAt: paidAt,
    } satisfies Order;
  });
}
