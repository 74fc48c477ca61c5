/**
 * 快手小店 reviews [G]: the console's review JSON is not public, so the simulated console answers the
 * adapter's guessed path with the open-platform `ItemCommentBaseInfo` rows (platforms.md §5) in
 * `{result: 1, data: {total, hits, rootComment}}`: times in ms, `qualityScore` / `logisticsScore` /
 * `serviceScore`, `replied` + `sellerReply`, `attached` (an append) with `attachedContent` [G], `auto` for
 * 默认好评 and `valid` for whether it counts. Paged by `offset` / `limit`.
 */
import type { DemoReview, World } from '../../generator/types';
import { idScheme } from '../common/ids';
import type { Fault } from '../common/faults';
import { appendsAsOf, intParam, replyAsOf, reviewRecord, reviewsNewestFirst } from '../common/records';

export const COMMENT_IDS = idScheme('5123', 18, 987_654_000_000);
export const ORDER_IDS = idScheme('2418', 16, 800_012_000_000);
export const ITEM_IDS = idScheme('2198', 11, 8_770_000);
const SKU_IDS = idScheme('9001', 11, 1_220_000);

/** The merchant may reply within 30 days of the review [M]. */
export const REPLY_DAYS = 30;

/** One comment row as of `t`. */
export function commentRow(world: World, index: number, t: number): Record<string, unknown> {
  const rec = reviewRecord(world, index);
  if (!rec) return {};
  const { review: r } = rec;
  const commentId = COMMENT_IDS.of(index);
  const reply = replyAsOf(world, 'kuaishou', commentId, r, t);
  const append = appendsAsOf(r, t)[0];
  const auto = r.kind === 'default';
  return {
    commentId,
    itemId: ITEM_IDS.of(rec.productIndex),
    itemSkuId: SKU_IDS.of(rec.productIndex * 100 + rec.skuIndex),
    // [G] the console shows the title; the open-platform row has only the id.
    itemTitle: rec.product.name,
    orderId: ORDER_IDS.of(rec.orderIndex),
    rootCommentId: commentId,
    content: r.text,
    auditStatus: 1,
    complainStatus: r.stars.product <= 2 && index % 5 === 0 ? 1 : 0,
    reportStatus: 0,
    cheatStatus: 0,
    valid: !auto,
    replied: Boolean(reply),
    sellerReply: reply?.text ?? '',
    attached: Boolean(append),
    ...(append ? { attachedTime: append.at, attachedContent: append.text } : {}),
    anonymous: index % 4 === 0,
    auto,
    creditScore: 0,
    qualityScore: r.stars.product,
    logisticsScore: r.stars.logistics,
    serviceScore: r.stars.service,
    imageUrl: Array.from(
      { length: r.photos },
      (_, i) => `https://p2.a.kwimgs.com/ufile/${commentId}-${i}.jpg`,
    ),
    videoId: r.videos > 0 ? [String(5_223_334_445_556_000 + index)] : [],
    nickName: index % 4 === 0 ? '匿名用户' : r.nick,
    createTime: r.createdAt,
    updateTime: Math.max(r.createdAt, reply?.at ?? 0, append?.at ?? 0),
  };
}

/** Filters: star lists per dimension (as the open API takes them), reply state, order id. */
function filters(world: World, q: URLSearchParams, t: number): ((r: DemoReview, i: number) => boolean)[] {
  const out: ((r: DemoReview, i: number) => boolean)[] = [];
  const stars = (k: string) => (q.get(k) ?? '').split(',').filter(Boolean).map(Number);
  const quality = stars('qualityScore');
  if (quality.length) out.push((r) => quality.includes(r.stars.product));
  const replied = (r: DemoReview, i: number) =>
    replyAsOf(world, 'kuaishou', COMMENT_IDS.of(i), r, t) !== undefined;
  if (q.get('replied') === 'true') out.push(replied);
  if (q.get('replied') === 'false') out.push((r, i) => !replied(r, i));
  const orderId = q.get('outOrderNo')?.trim();
  if (orderId) out.push((r) => ORDER_IDS.of(r.order) === orderId);
  return out;
}

/** `data` of the list for a query, newest first. */
export function commentList(
  world: World,
  q: URLSearchParams,
  t: number,
  fault: Fault | undefined,
): Record<string, unknown> {
  const offset = intParam(q.get('offset'), 0, 0, 10_000_000);
  const limit = intParam(q.get('limit'), 20, 1, 100);
  const keep = filters(world, q, t);
  const matching = reviewsNewestFirst(world, t, (r, i) => keep.every((f) => f(r, i)));
  const rootComment = matching.slice(offset, offset + limit).map((i) => commentRow(world, i, t));
  if (fault === 'missing_id' && rootComment[0]) delete rootComment[0].commentId;
  return { total: matching.length, hits: rootComment.length, rootComment };
}
