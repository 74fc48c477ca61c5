/**
 * Seeded synthetic reviews and orders for tests and the benchmark (never shipped to merchants: only
 * tests and scripts import it). Deterministic for a seed so failures reproduce.
 */
import type { Order, PlatformId, Review } from '../model';
import { DAY_MS, addDays, dayStart, recordKey } from '../model';
import { mulberry32 } from '../random';

const H = 3600 * 1000;

/** Seeded test-data randomness (lib/random.ts). */
export const rng = mulberry32;

/** A review with defaults; pass what the test cares about. */
export function makeReview(
  p: Partial<Review> & { storeKey: string; reviewId: string; createdAt: number },
): Review {
  return {
    key: recordKey(p.storeKey, p.reviewId),
    platform: 'douyin',
    text: '质量很好，物流也快，和描述一致',
    appends: [],
    images: 0,
    videos: 0,
    replied: false,
    source: 'api',
    capturedAt: p.createdAt,
    updatedAt: p.createdAt,
    ...p,
  };
}

/** An order with defaults (paid, 承诺 48 h, not shipped yet unless given). */
export function makeOrder(p: Partial<Order> & { storeKey: string; orderId: string; paidAt: number }): Order {
  return {
    key: recordKey(p.storeKey, p.orderId),
    platform: 'douyin',
    status: 'completed',
    items: [{ productId: '3671000001', productName: '加厚珊瑚绒睡衣女冬季', quantity: 1 }],
    source: 'api',
    capturedAt: p.paidAt,
    updatedAt: p.paidAt,
    ...p,
  };
}

const GOOD = [
  '质量很好，物流也快',
  '面料舒服，和描述一致',
  '包装完好，客服态度好',
  '性价比高，会回购',
  '颜色正，尺码标准',
];
const BAD_TEXT = [
  '物流太慢了，等了一周',
  '收到就破损了',
  '起球严重，质量差',
  '色差很大，和图片不符',
  '客服不理人，推诿',
];

export interface SynthOptions {
  storeKey: string;
  platform?: PlatformId;
  /** First day (YYYY-MM-DD). */
  from: string;
  days: number;
  perDay: number;
  seed: number;
  /** Share of late orders / of 1–2★ reviews. */
  badRate?: number;
}

/** Orders spread over `days` (completed, most shipped within a day). */
export function* synthOrders(o: SynthOptions): Generator<Order> {
  const r = rng(o.seed);
  let n = 0;
  for (let d = 0; d < o.days; d++) {
    const base = dayStart(addDays(o.from, d));
    for (let i = 0; i < o.perDay; i++) {
      const paidAt = Math.floor(base + r() * DAY_MS);
      const late = r() < (o.badRate ?? 0.02);
      const shippedAt = paidAt + (late ? 50 + r() * 30 : 2 + r() * 18) * H;
      const collectedAt = shippedAt + H;
      const deliveredAt = collectedAt + (24 + r() * 48) * H;
      const x = r();
      const afterSale =
        x < 0.01
          ? { reason: '质量问题', status: 'succeeded' as const }
          : x < 0.013
            ? { reason: '商品破损', status: 'succeeded' as const }
            : undefined;
      yield makeOrder({
        storeKey: o.storeKey,
        platform: o.platform ?? 'douyin',
        orderId: `69${String(o.seed).padStart(4, '0')}${String(n++).padStart(10, '0')}`,
        paidAt,
        promisedShipAt: paidAt + 48 * H,
        shippedAt,
        collectedAt,
        deliveredAt,
        ...(afterSale ? { afterSale: { ...afterSale, appliedAt: deliveredAt + 2 * H } } : {}),
      });
    }
  }
}

/** Reviews spread over `days`: mostly 5★, `badRate` 1–2★. */
export function* synthReviews(o: SynthOptions): Generator<Review> {
  const r = rng(o.seed + 1);
  let n = 0;
  for (let d = 0; d < o.days; d++) {
    const base = dayStart(addDays(o.from, d));
    for (let i = 0; i < o.perDay; i++) {
      const bad = r() < (o.badRate ?? 0.04);
      const star = bad ? (r() < 0.5 ? 1 : 2) : r() < 0.1 ? 4 : 5;
      const text = bad ? BAD_TEXT[Math.floor(r() * BAD_TEXT.length)]! : GOOD[Math.floor(r() * GOOD.length)]!;
      yield makeReview({
        storeKey: o.storeKey,
        platform: o.platform ?? 'douyin',
        reviewId: `7350${String(o.seed).padStart(4, '0')}${String(n++).padStart(10, '0')}`,
        createdAt: Math.floor(base + r() * DAY_MS),
        star,
        starProduct: star,
        starLogistics: bad && text.includes('物流') ? star : 5,
        starService: bad && text.includes('客服') ? star : 5,
        text,
        replied: !bad || r() < 0.5,
      });
    }
  }
}
