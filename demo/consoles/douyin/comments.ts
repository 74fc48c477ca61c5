/**
 * `GET /product/tcomment/commentList` (platforms.md §1.2).
 * Rows newest first, page 0-based, `data` a plain array — except pages served in the nested variant.
 */
import { appealAsOf, starsAsOf } from '../common/outcome';
import type { DemoReview, World } from '../../generator/types';
import type { DemoRequest, DemoResponse } from '../http';
import { ok, sec, type Fault } from './envelope';
import { reviewsUpTo, submittedReply } from './view';

const LABEL = (rank: number): string => (rank >= 4 ? '好评' : rank === 3 ? '中评' : '差评');
const NEGATIVE_TAGS: Partial<Record<DemoReview['cause'], string>> = {
  quality: '质量差',
  mismatch: '与描述不符',
  logistics_slow: '物流慢',
  late_ship: '发货慢',
  damage: '商品破损',
  missing: '少件漏发',
  wrong: '发错货',
  lost: '物流丢件',
  service: '服务态度差',
  price: '性价比低',
};

const APPEAL_STATUS = { none: 0, pending: 1, accepted: 2, rejected: 3 } as const;
const APPEAL_TEXT = { none: '', pending: '申诉审核中', accepted: '申诉成功', rejected: '申诉驳回' } as const;

/** One review row as the console returns it, as of `t`. */
export function commentRow(world: World, index: number, t: number): Record<string, unknown> {
  const r = world.reviews[index];
  const o = r ? world.orders[r.order] : undefined;
  if (!r || !o) return {};
  const item = o.items[r.item] ?? o.items[0];
  const product = world.products[item?.product ?? 0];
  const sku = product?.skus[item?.sku ?? 0];
  const appends = r.appends.filter((a) => a.at <= t);
  const reply = submittedReply(world, r.id, t) ?? (r.reply && r.reply.at <= t ? r.reply : undefined);
  const stars = starsAsOf(r, t);
  const appeal = appealAsOf(r, t);
  const bad = stars.product <= 2;
  const row: Record<string, unknown> = {
    // Some rows name the id `comment_id` (one real client reads both).
    [index % 13 === 7 ? 'comment_id' : 'id']: r.id,
    order_id: item?.subOrderId ?? o.id,
    shop_order_id: o.id,
    product_id: product?.id ?? '',
    sku_id: sku?.id ?? '',
    sku: sku?.text ?? '',
    product: { name: product?.name ?? '', img: '' },
    rank: stars.product,
    rank_product: stars.product,
    rank_logistic: stars.logistics,
    rank_shop: stars.service,
    tags: {
      rank_info: { name: LABEL(stars.product) },
      negative_tags: bad || stars.logistics <= 2 ? [NEGATIVE_TAGS[r.cause] ?? '其他'] : [],
      bad_info: null,
    },
    content: r.text,
    orig_content: r.text,
    photos: Array.from({ length: r.photos }, (_, i) => ({
      url: `https://p3-ecom-comment.byteimg.com/tos-cn-i-demo/${r.id}-${i}~tplv-resize.jpeg`,
      width: 1080,
      height: 1440,
    })),
    videos: r.videos > 0 ? [{ video_id: `v0d00fg${r.id.slice(-8)}`, cover: '' }] : [],
    is_append: appends.length > 0 ? 1 : 0,
    parent_id: '0',
    appends: appends.map((a) => ({
      content: a.text,
      comment_time: sec(a.at),
      photos: Array.from({ length: a.photos }, () => ({ url: '' })),
    })),
    shop_reply: reply?.text ?? '',
    is_shop_reply: reply ? 1 : 0,
    reply_time: sec(reply?.at),
    user_name: r.nick,
    likes: 0,
    // [G] platforms.md §1.2: appeal state in status/status_info (no explicit field was seen).
    status: APPEAL_STATUS[appeal],
    status_info: appeal === 'none' ? null : { text: APPEAL_TEXT[appeal] },
    comment_time: sec(r.createdAt),
    // [G] whether the review counts toward the score; 系统默认好评 does not.
    count_ecology_score: r.kind === 'default' || appeal === 'accepted' ? 0 : 1,
    is_abnormal_order: false,
  };
  return row;
}

type Filter = (r: DemoReview, i: number) => boolean;

function filters(world: World, q: URLSearchParams, t: number): Filter[] {
  const out: Filter[] = [];
  const rank = Number(q.get('rank') ?? '0');
  if (rank === 1) out.push((r) => starsAsOf(r, t).product <= 2);
  if (rank === 2) out.push((r) => starsAsOf(r, t).product === 3);
  if (rank === 3) out.push((r) => starsAsOf(r, t).product >= 4);
  // [G] reply_search: 1 = 未回复, 2 = 已回复.
  const replied = (r: DemoReview): boolean =>
    (r.reply !== undefined && r.reply.at <= t) || submittedReply(world, r.id, t) !== undefined;
  const reply = q.get('reply_search');
  if (reply === '1') out.push((r) => !replied(r));
  if (reply === '2') out.push((r) => replied(r));
  // [G] content_search: 1 = 有内容, 2 = 有图.
  const content = q.get('content_search');
  if (content === '1') out.push((r) => r.text !== '');
  if (content === '2') out.push((r) => r.photos > 0);
  if (q.get('count_ecology_score_filter') === '1') out.push((r) => r.kind !== 'default');
  const id = q.get('id')?.trim();
  if (id) {
    out.push((r) => {
      const o = world.orders[r.order];
      return r.id === id || o?.id === id || o?.items.some((it) => it.subOrderId === id) === true;
    });
  }
  return out;
}

/** The comment list. */
export function commentList(
  world: World,
  req: DemoRequest,
  t: number,
  fault: Fault | undefined,
): DemoResponse {
  const q = req.url.searchParams;
  const page = Math.max(0, Math.floor(Number(q.get('page') ?? '0')) || 0);
  // Bench switch (issue #7, scripts/bench/ingest.ts): `demo_page_size` on the page URL is forwarded here
  // and allows pages of up to 1000 rows; without it the console's own cap of 100 holds.
  const cap = q.has('demo_page_size') ? 1000 : 100;
  const pageSize = Math.min(cap, Math.max(1, Math.floor(Number(q.get('pageSize') ?? '20')) || 20));
  const fs = filters(world, q, t);
  const rows: Record<string, unknown>[] = [];
  let total = 0;
  for (let i = reviewsUpTo(world, t) - 1; i >= 0; i--) {
    const r = world.reviews[i];
    if (!r || !fs.every((f) => f(r, i))) continue;
    if (total >= page * pageSize && rows.length < pageSize) rows.push(commentRow(world, i, t));
    total++;
  }
  if (fault === 'missing_id' && rows[0]) {
    delete rows[0].id;
    delete rows[0].comment_id;
  }
  // Shape varies like the real thing: `variant=nested` (or every 4th page by default) wraps the rows.
  const variant = q.get('variant');
  const nested = variant === 'nested' || (variant !== 'flat' && page % 4 === 3);
  return nested ? ok({ data: rows, total }) : ok(rows, { total });
}
