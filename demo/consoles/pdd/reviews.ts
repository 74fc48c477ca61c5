/**
 * `POST /saturn/reviews/list` (platforms.md §3.2): `result{totalRows, showNum, totalNum, data[]}`, times
 * in seconds, three star dimensions (`descScore` is the star the console shows, `score` is always 0),
 * `specs` a JSON *string*, `replyStatus` 1 = 已回复, `reportStatus` 99 = 未被举报. At most 2000 rows
 * (`showNum`) can be paged through whatever `totalRows` says. Some rows carry the append as
 * `appendReview{comment, createTime}` instead of the flat fields (a variant seen in public clients).
 */
import { appealAsOf, starsAsOf } from '../common/outcome';
import type { DemoReview, World } from '../../generator/types';
import { dayKey } from '../../generator/time';
import { idScheme } from '../common/ids';
import type { Fault } from '../common/faults';
import {
  NEGATIVE_TAGS,
  appendsAsOf,
  intParam,
  pageOf,
  replyAsOf,
  reviewRecord,
  reviewsNewestFirst,
} from '../common/records';

export const REVIEW_IDS = idScheme('7478', 18, 83_323_036_000_000);
const ORDER_SNS = idScheme('6622', 15, 59_689_000_000);
const ORDER_IDS = idScheme('3282', 19, 662_259_689_000_000);
export const GOODS_IDS = idScheme('9300', 12, 5_554_000);
export const SKU_IDS = idScheme('1258', 13, 800_010_000);
const USER_IDS = idScheme('98', 10, 95_000_000);

/** The most rows the list lets a merchant page through. */
export const SHOW_LIMIT = 2000;

const sec = (ms: number | undefined): number | null => (ms === undefined ? null : Math.floor(ms / 1000));

/** `orderSn`: the pay day as YYMMDD, a dash and 15 digits. */
export function orderSnOf(world: World, orderIndex: number): string {
  const o = world.orders[orderIndex];
  const day = o ? dayKey(o.paidAt).slice(2).replaceAll('-', '') : '000000';
  return `${day}-${ORDER_SNS.of(orderIndex)}`;
}

/** The order index of an `orderSn`, or undefined. */
export const orderIndexOfSn = (sn: string): number | undefined => ORDER_SNS.index(sn.split('-')[1] ?? '');

/** Internal order id (the row's `orderId`; merchants use `orderSn`). */
export const orderIdOf = (orderIndex: number): string => ORDER_IDS.of(orderIndex);

/** `specs` as the console sends it: a JSON string of [{spec_key, spec_value}]. */
export const specsOf = (spec: { name: string; value: string }[]): string =>
  JSON.stringify(spec.map((s) => ({ spec_key: s.name, spec_value: s.value })));

/** One review row as the list returns it, as of `t`. */
export function reviewRow(world: World, index: number, t: number): Record<string, unknown> {
  const rec = reviewRecord(world, index);
  if (!rec) return {};
  const { review: r } = rec;
  const reviewId = REVIEW_IDS.of(index);
  const reply = replyAsOf(world, 'pdd', reviewId, r, t);
  const append = appendsAsOf(r, t)[0];
  const stars = starsAsOf(r, t);
  const appeal = appealAsOf(r, t);
  const bad = stars.product <= 2;
  const reported = appeal === 'pending' || (appeal === 'none' && bad && index % 7 === 0);
  const variant = index % 17 === 5;
  const row: Record<string, unknown> = {
    reviewId,
    userId: Number(USER_IDS.of(index)),
    goodsId: Number(GOODS_IDS.of(rec.productIndex)),
    orderId: orderIdOf(rec.orderIndex),
    orderSn: orderSnOf(world, rec.orderIndex),
    score: 0,
    descScore: stars.product,
    logisticsScore: stars.logistics,
    serviceScore: stars.service,
    comment: r.text,
    goodsName: rec.product.name,
    specs: specsOf(rec.sku.spec),
    createTime: sec(r.createdAt),
    anonymous: index % 3 === 0 ? 1 : 0,
    append: append ? 1 : 0,
    appendNum: append ? 1 : 0,
    appendComment: append && !variant ? append.text : '',
    appendCreateTime: append && !variant ? sec(append.at) : null,
    reply: reply?.text ?? '',
    replyTime: sec(reply?.at),
    replyStatus: reply ? 1 : 0,
    replyCount: reply ? 1 : 0,
    userName: index % 3 === 0 ? '匿名买家' : r.nick,
    favorCount: index % 11 === 0 ? 2 : 0,
    status: 2,
    pictureUrls: Array.from(
      { length: r.photos },
      (_, i) => `https://review.pddpic.com/review/${dayKey(r.createdAt)}/${reviewId.slice(-8)}-${i}.jpeg`,
    ),
    pictureCount: r.photos,
    hasVideo: r.videos > 0 ? 1 : 0,
    keywords: bad ? [NEGATIVE_TAGS[r.cause] ?? '其他'] : [],
    // [G] codes of a decided report: 2 成功, 3 驳回.
    reportStatus: reported ? 1 : appeal === 'accepted' ? 2 : appeal === 'rejected' ? 3 : 99,
    reportDesc: reported
      ? '举报审核中'
      : appeal === 'accepted'
        ? '举报成功'
        : appeal === 'rejected'
          ? '举报驳回'
          : '未被举报',
  };
  if (append && variant) row.appendReview = { comment: append.text, createTime: sec(append.at) };
  return row;
}

type Filter = (r: DemoReview, index: number) => boolean;

/** Filters of the request body: time range (s), star list, reply state, content, order number. */
function filters(world: World, body: Record<string, unknown>, t: number): Filter[] {
  const out: Filter[] = [];
  const start = Number(body.startTime) * 1000;
  const end = Number(body.endTime) * 1000;
  if (start > 0) out.push((r) => r.createdAt >= start);
  if (end > 0) out.push((r) => r.createdAt <= end);
  const stars = Array.isArray(body.descScore) ? body.descScore.map(Number) : [];
  if (stars.length) out.push((r) => stars.includes(starsAsOf(r, t).product));
  // Request filter: "1" 已回复, "2" 未回复 (rows use 1 / 0).
  const replied: Filter = (r, i) => replyAsOf(world, 'pdd', REVIEW_IDS.of(i), r, t) !== undefined;
  if (String(body.replyStatus ?? '') === '1') out.push(replied);
  if (String(body.replyStatus ?? '') === '2') out.push((r, i) => !replied(r, i));
  if (String(body.mainReviewContentStatus ?? '') === '1') out.push((r) => r.text !== '');
  const sn = typeof body.orderSn === 'string' ? body.orderSn.trim() : '';
  if (sn) {
    const orderIndex = orderIndexOfSn(sn);
    out.push((r) => r.order === orderIndex);
  }
  return out;
}

/** The list `result` for a request body, as of `t`. */
export function reviewList(
  world: World,
  body: Record<string, unknown>,
  t: number,
  fault: Fault | undefined,
): Record<string, unknown> {
  const pageNo = intParam(body.pageNo, 1, 1, 100_000);
  const pageSize = intParam(body.pageSize, 10, 1, 100);
  const keep = filters(world, body, t);
  const matching = reviewsNewestFirst(world, t, (r, i) => keep.every((f) => f(r, i)));
  const visible = matching.slice(0, SHOW_LIMIT);
  const data = pageOf(visible, pageNo - 1, pageSize).map((i) => reviewRow(world, i, t));
  if (fault === 'missing_id' && data[0]) delete data[0].reviewId;
  return {
    totalRows: matching.length,
    showNum: visible.length,
    totalNum: matching.length,
    data,
  };
}
