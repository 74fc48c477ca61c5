/** The 评价 export: one row per review. */
import { OUTCOME_LABEL, isNegative, outcomeOf } from '../boards/winback';
import type { Review } from '../model';
import { DAY_MS, dayStart as dayMs } from '../keys';
import type { Cell, ExportKind } from './kind-types';
import { storeColumns } from './kind-types';
import { POLARITY_LABEL, SOURCE_LABEL, timeText } from './format';

const yes = (b: boolean | undefined): Cell => (b === undefined ? undefined : b);

export const reviewsKind: ExportKind<Review> = {
  id: 'reviews',
  label: '评价',
  table: 'reviews',
  scan: {
    index: '[storeKey+createdAt]',
    field: 'createdAt',
    bounds: (from, to) => [from ? dayMs(from) : -Infinity, to ? dayMs(to) + DAY_MS : Infinity],
    byKeyWhenUnfiltered: true,
  },
  columns: [
    ...storeColumns<Review>(),
    { header: '评价ID', type: 'id', get: (r) => r.reviewId },
    { header: '订单号', type: 'id', get: (r) => r.orderId },
    { header: '主订单号', type: 'id', get: (r) => r.parentOrderId },
    { header: '商品ID', type: 'id', get: (r) => r.productId },
    { header: '商品名称', type: 'text', get: (r) => r.productName },
    { header: 'SKU ID', type: 'id', get: (r) => r.skuId },
    { header: '商品规格', type: 'text', get: (r) => r.skuText },
    { header: '评价时间', type: 'time', get: (r) => timeText(r.createdAt) },
    { header: '星级', type: 'number', get: (r) => r.star },
    { header: '商品评分', type: 'number', get: (r) => r.starProduct },
    { header: '物流评分', type: 'number', get: (r) => r.starLogistics },
    { header: '服务评分', type: 'number', get: (r) => r.starService },
    { header: '评价等级', type: 'text', get: (r) => (r.polarity ? POLARITY_LABEL[r.polarity] : undefined) },
    { header: '评价内容', type: 'text', get: (r) => r.text },
    { header: '买家昵称', type: 'text', get: (r) => r.buyerNick },
    { header: '追评内容', type: 'text', get: (r) => r.appends.map((a) => a.text).join('\n') },
    { header: '追评时间', type: 'time', get: (r) => timeText(r.appends[0]?.at) },
    { header: '图片数', type: 'number', get: (r) => r.images },
    { header: '视频数', type: 'number', get: (r) => r.videos },
    { header: '已回复', type: 'bool', get: (r) => r.replied },
    { header: '回复内容', type: 'text', get: (r) => r.replyText },
    { header: '回复时间', type: 'time', get: (r) => timeText(r.replyAt) },
    { header: '回复截止', type: 'time', get: (r) => timeText(r.replyDeadline) },
    { header: '举报/申诉状态', type: 'text', get: (r) => r.appealState },
    // issue #16 (差评挽回): what happened after a negative review. Append wording is not judged here.
    { header: '首次星级', type: 'number', get: (r) => r.firstStar },
    { header: '改评时间', type: 'time', get: (r) => timeText(r.starChangedAt) },
    { header: '后台消失时间', type: 'time', get: (r) => timeText(r.goneAt) },
    {
      header: '差评结果',
      type: 'text',
      get: (r) => (isNegative(r) ? OUTCOME_LABEL[outcomeOf(r, () => false)] : undefined),
    },
    { header: '计入评分', type: 'bool', get: (r) => yes(r.countsTowardScore) },
    { header: '默认评价', type: 'bool', get: (r) => yes(r.isDefault) },
    { header: '来源', type: 'text', get: (r) => SOURCE_LABEL[r.source] },
    { header: '采集时间', type: 'time', get: (r) => timeText(r.capturedAt) },
    { header: '更新时间', type: 'time', get: (r) => timeText(r.updatedAt) },
  ],
};
