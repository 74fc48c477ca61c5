/**
 * 京东 reviews [G]: no console review endpoint is public, so the simulated console answers its guessed
 * path (`/jdm/api/comment/getVenderComments`, the one the adapter whitelists) with the JOS
 * `PopCommentJosVo` rows (platforms.md §4): `creationTime` as "yyyy-MM-dd HH:mm:ss" (every 11th row as
 * epoch ms, the other form JOS clients see), a single 1–5 `score`, `isVenderReply` and `replies[]` (other
 * shoppers may reply too), and the buyer's account `pin`, which the extension must never keep.
 */
import type { DemoReview, World } from '../../generator/types';
import { formatDateTime } from '../../generator/time';
import { idScheme } from '../common/ids';
import type { Fault } from '../common/faults';
import { intParam, pageOf, replyAsOf, reviewRecord, reviewsNewestFirst } from '../common/records';
import { consoleShop } from '../common/shop';

export const COMMENT_IDS = idScheme('187', 11, 34_000_000);
export const ORDER_IDS = idScheme('30', 12, 1_234_000_000);
export const SKU_IDS = idScheme('1000', 12, 12_340_000);
export const WARE_IDS = idScheme('1000', 12, 123_000);

export const DEFAULT_TEXT = '此用户未填写评价内容';

/** 京东's buckets: 好评 4–5 星, 中评 2–3 星, 差评 1 星. */
export const bucketOf = (star: number): 'good' | 'mid' | 'bad' =>
  star >= 4 ? 'good' : star >= 2 ? 'mid' : 'bad';

/** The buyer's JD account (`pin`): personal data the console shows and the extension must drop. */
export const pinOf = (index: number): string => `jd_${(index * 2_654_435_761) % 4_294_967_291}`;

/** One comment row as of `t`. */
export function commentRow(world: World, index: number, t: number): Record<string, unknown> {
  const rec = reviewRecord(world, index);
  if (!rec) return {};
  const { review: r } = rec;
  const commentId = COMMENT_IDS.of(index);
  const reply = replyAsOf(world, 'jd', commentId, r, t);
  const shopName = consoleShop(world, 'jd').name;
  // Another shopper's answer on some unanswered reviews: replies[] alone does not mean the shop replied.
  const replies = reply
    ? [
        {
          content: reply.text,
          replyId: 55_000 + index,
          creationTime: formatDateTime(reply.at),
          nickName: shopName,
        },
      ]
    : index % 19 === 4
      ? [
          {
            content: '同感，我的也是这样',
            replyId: 56_000 + index,
            creationTime: formatDateTime(r.createdAt + 3_600_000),
            nickName: '另一位买家',
          },
        ]
      : [];
  return {
    commentId,
    skuid: Number(SKU_IDS.of(rec.productIndex * 100 + rec.skuIndex)),
    skuName: `${rec.product.name} ${rec.sku.spec.map((s) => s.value).join(' ')}`.trim(),
    orderId: ORDER_IDS.of(rec.orderIndex),
    content: r.kind === 'default' ? DEFAULT_TEXT : r.text,
    creationTime: index % 11 === 3 ? r.createdAt : formatDateTime(r.createdAt),
    score: r.stars.product,
    replyCount: replies.length,
    usefulCount: index % 5,
    status: 1,
    isVenderReply: Boolean(reply),
    nickName: r.nick,
    pin: pinOf(index),
    replies,
    images: Array.from({ length: r.photos }, (_, i) => ({
      id: 9000 + i,
      imgUrl: `//img30.360buyimg.com/shaidan/jfs/t1/${commentId}-${i}.jpg`,
    })),
    videos:
      r.videos > 0 ? [{ id: 7000 + index, videoUrl: `//jvod.300hu.com/vod/product/${commentId}.mp4` }] : [],
    imiageStatus: r.photos > 0 ? 1 : 0,
  };
}

/** Query filters: score bucket (1 差 / 2 中 / 3 好, [G]), reply state, order id. */
function filters(world: World, q: URLSearchParams, t: number): ((r: DemoReview, i: number) => boolean)[] {
  const out: ((r: DemoReview, i: number) => boolean)[] = [];
  const bucket = { '1': 'bad', '2': 'mid', '3': 'good' }[q.get('score') ?? ''];
  if (bucket) out.push((r) => bucketOf(r.stars.product) === bucket);
  const replied = (r: DemoReview, i: number) => replyAsOf(world, 'jd', COMMENT_IDS.of(i), r, t) !== undefined;
  if (q.get('isVenderReply') === '1') out.push(replied);
  if (q.get('isVenderReply') === '0') out.push((r, i) => !replied(r, i));
  const orderId = q.get('orderIds')?.trim();
  if (orderId) out.push((r) => ORDER_IDS.of(r.order) === orderId);
  return out;
}

/** The list payload for a query (`page` 1-based), newest first. */
export function commentList(
  world: World,
  q: URLSearchParams,
  t: number,
  fault: Fault | undefined,
): Record<string, unknown> {
  const page = intParam(q.get('page'), 1, 1, 100_000);
  const pageSize = intParam(q.get('pageSize'), 20, 1, 100);
  const keep = filters(world, q, t);
  const matching = reviewsNewestFirst(world, t, (r, i) => keep.every((f) => f(r, i)));
  const comments = pageOf(matching, page - 1, pageSize).map((i) => commentRow(world, i, t));
  if (fault === 'missing_id' && comments[0]) delete comments[0].commentId;
  return { totalItem: matching.length, page, pageSize, comments };
}
