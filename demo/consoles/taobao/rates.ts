/**
 * `mtop.rm.sellercenter.list.data.pc` (platforms.md §2.2): the 千牛 review list. Times in ms; no stars,
 * only an emotion code (11 正面 / 12 中性 / 13 负面); the reply state is not a field but the `reply` action
 * in `operator.dataSource` with its `beforeTips` ("还有27天可回复"), and the shop's reply text as
 * `mainRate.reply` [G]. Rows newest first; `pagination.current` is 1-based.
 */
import type { World } from '../../generator/types';
import { addDays, dayKey, dayStart, DAY_MS, HOUR_MS } from '../../generator/time';
import { idScheme } from '../common/ids';
import {
  NEGATIVE_TAGS,
  appendsAsOf,
  intParam,
  pageOf,
  replyAsOf,
  reviewRecord,
  reviewsNewestFirst,
} from '../common/records';
import type { Fault } from '../common/faults';

export const FEED_IDS = idScheme('1284', 13, 760_000_000);
const MAIN_ORDER_IDS = idScheme('2951', 19, 203_765_016_000_000);
const SUB_ORDER_IDS = idScheme('2951', 19, 209_988_123_000_000);
const APPEND_IDS = idScheme('1284', 13, 700_000_000);
export const ITEM_IDS = idScheme('97953', 12, 6_801_000);

/** Days the shop may reply after the review ([G]: the row only says how many are left). */
export const REPLY_DAYS = 30;
const DEFAULT_TEXT = '评价方未及时做出评价,系统默认好评!';

/** 11 正面 / 12 中性 / 13 负面, from the 描述相符 star the seller list hides. */
export const emotionOf = (star: number): '11' | '12' | '13' => (star >= 4 ? '11' : star === 3 ? '12' : '13');

/** "还有27天可回复" (or hours on the last day); undefined once the window has closed. */
export function beforeTips(createdAt: number, t: number): string | undefined {
  const deadline = createdAt + REPLY_DAYS * DAY_MS;
  if (deadline <= t) return undefined;
  const days = Math.round((dayStart(dayKey(deadline)) - dayStart(dayKey(t))) / DAY_MS);
  return days >= 1
    ? `还有${days}天可回复`
    : `还有${Math.max(1, Math.ceil((deadline - t) / HOUR_MS))}小时可回复`;
}

const media = (id: string, images: number, videos: number): Record<string, string>[] => [
  ...Array.from({ length: videos }, (_, i) => ({
    uiType: 'video',
    thumbnail: `//img.alicdn.com/imgextra/${id}-v${i}.jpg`,
    mp4Url: `//cloud.video.taobao.com/play/u/demo/p/1/e/6/t/1/${id}${i}.mp4`,
  })),
  ...Array.from({ length: images }, (_, i) => ({
    uiType: 'image',
    thumbnail: `//img.alicdn.com/imgextra/i${i % 4}/${id}-${i}-rate.jpg`,
  })),
];

/** One review row as the list returns it, as of `t`. */
export function rateRow(world: World, index: number, t: number): Record<string, unknown> {
  const rec = reviewRecord(world, index);
  if (!rec) return {};
  const { review: r, order: o } = rec;
  const feedId = FEED_IDS.of(index);
  const itemId = Number(ITEM_IDS.of(rec.productIndex));
  const mainOrderId = MAIN_ORDER_IDS.of(rec.orderIndex);
  const orderId = o.items.length > 1 ? SUB_ORDER_IDS.of(rec.orderIndex * 8 + rec.itemIndex) : mainOrderId;
  const emotion = emotionOf(r.stars.product);
  const reply = replyAsOf(world, 'taobao', feedId, r, t);
  const append = appendsAsOf(r, t)[0];
  const tips = reply ? undefined : beforeTips(r.createdAt, t);
  const tag = emotion === '11' ? undefined : NEGATIVE_TAGS[r.cause];
  const actions: Record<string, unknown>[] = [];
  if (tips)
    actions.push({
      operateType: 'reply',
      uiType: 'reply',
      content: '回复',
      rateType: 0,
      method: 'POST',
      asyncUrl: '//rate.taobao.com/rateReply.htm',
      params: { feedbackID: feedId, explainItemId: itemId },
      beforeTips: tips,
      complaintSource: '5',
    });
  if (emotion !== '11') {
    actions.push({ uiType: 'complaintCro', content: '投诉评价', rateType: 0 });
    if (append) actions.push({ uiType: 'complaintCro', content: '投诉追评', rateType: 3 });
  }
  return {
    userInfo: {
      userName: r.nick,
      userStar: `https://img.alicdn.com/tfs/TB1demo${index % 5}.png`,
      securityuid: `RAzN8${feedId.slice(-8)}`,
    },
    emotionType: append ? { status: emotion, appendRateStatus: emotion } : { status: emotion },
    orderInfo: { mainOrderId, orderId },
    itemInfo: {
      itemId,
      title: rec.product.name,
      link: `//item.taobao.com/item.htm?id=${itemId}`,
      orderId,
    },
    rateContent: {
      mainRate: {
        feedId,
        date: r.createdAt,
        content: r.kind === 'default' ? DEFAULT_TEXT : r.text,
        contentTitle: null,
        language: 'zh_CN',
        expression: tag ? [{ content: tag, emotion }] : [],
        mediaList: media(feedId, r.photos, r.videos),
        ...(reply ? { reply: reply.text } : {}),
      },
      ...(append
        ? {
            appendRate: {
              feedId: APPEND_IDS.of(index),
              // Days after receipt, the only time the list gives for an append.
              days: Math.max(0, Math.round((append.at - (o.deliveredAt ?? r.createdAt)) / DAY_MS)),
              content: append.text,
              expression: [],
              mediaList: media(`${feedId}a`, append.photos, 0),
            },
          }
        : {}),
    },
    operator: { dataSource: actions },
  };
}

/** Shanghai "YYYYMMDD" → the day's start (ms), or undefined. */
const dayOf = (v: unknown): number | undefined => {
  const m = typeof v === 'string' ? /^(\d{4})(\d{2})(\d{2})$/.exec(v) : null;
  return m ? dayStart(`${m[1]}-${m[2]}-${m[3]}`) : undefined;
};

/** The list: `params` is the unwrapped jsonBody (pageType, pagination, dateRange, emotion filter [G]). */
export function rateList(
  world: World,
  params: Record<string, unknown>,
  t: number,
  fault: Fault | undefined,
): Record<string, unknown> {
  const pagination = (params.pagination ?? {}) as Record<string, unknown>;
  const current = intParam(pagination.current, 1, 1, 100_000);
  const pageSize = intParam(pagination.pageSize, 20, 1, 100);
  const range = Array.isArray(params.dateRange) ? params.dateRange : defaultRange(t);
  const from = dayOf(range[0]) ?? 0;
  const toDay = dayOf(range[1]);
  const to = toDay === undefined ? Infinity : toDay + DAY_MS - 1;
  // [G] emotion filter of the tabs: "11" / "12" / "13", absent or "" = all.
  const emotion = typeof params.emotionType === 'string' ? params.emotionType : '';
  const matching = reviewsNewestFirst(
    world,
    Math.min(t, to),
    (r) => r.createdAt >= from && (emotion === '' || emotionOf(r.stars.product) === emotion),
  );
  const rows = pageOf(matching, current - 1, pageSize).map((i) => rateRow(world, i, t));
  const first = rows[0]?.rateContent as { mainRate?: Record<string, unknown> } | undefined;
  if (fault === 'missing_id' && first?.mainRate) delete first.mainRate.feedId;
  return {
    data: {
      pageType: typeof params.pageType === 'string' ? params.pageType : 'rateWait4PC',
      pagination: { current, pageSize, total: matching.length },
      dataSource: rows,
    },
  };
}

/** Date range when the call has none: the last 180 days (the longest the list offers). */
export function defaultRange(t: number): [string, string] {
  const to = dayKey(t);
  return [addDays(to, -179).replaceAll('-', ''), to.replaceAll('-', '')];
}
