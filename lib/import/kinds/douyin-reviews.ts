/**
 * 抖店 评价导出 (xlsx). Headers from an importer that requires them (shared/platforms.md §1.5 [M]):
 * 评价日期, 订单ID, 商品ID, 商品名称, 商品规格, 商品评价得分, 评价内容 + optional 用户昵称, 评价等级, 追评内容,
 * 追评时间, 商家是否回复, 回复内容 (门店ID/门店名称 ignored).
 *
 * The file has no review id. The draft's id is `order-<订单ID>` (one review per sub-order); the background
 * swaps it for the console's real review id when a captured review of the same order exists
 * (lib/import/adopt.ts), so an import and a capture of one review stay one record.
 */
import type { ParseResult, ReviewDraft } from '../../capture/batch';
import { emptyResult } from '../../capture/batch';
import type { Polarity } from '../../model';
import { LIMITS } from '../../model';
import { maskedNick, reject, starOf } from '../../platforms/parse-utils';
import { CellError, idCell, numCell, text, timeCell } from '../cells';
import type { ImportKind } from './types';
import { getter } from './types';

type F =
  | 'createdAt'
  | 'orderId'
  | 'productId'
  | 'productName'
  | 'skuText'
  | 'star'
  | 'text'
  | 'nick'
  | 'level'
  | 'appendText'
  | 'appendAt'
  | 'replied'
  | 'replyText';

export const IMPORTED_REVIEW_PREFIX = 'order-';

const LEVEL: Record<string, Polarity> = { 好评: 'good', 中评: 'neutral', 差评: 'bad' };
const DEFAULT_TEXT =
  /^(系统默认好评|此用户没有填写评价|该用户未填写评价|用户未填写评价内容|默认好评)[。.!！]?$/;

function parse(rows: readonly (readonly unknown[])[], index: Partial<Record<F, number>>, first: number) {
  const r: ParseResult = emptyResult();
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const line = first + i;
    const get = getter(row as never, index);
    if (row.every((c) => text(c as never) === undefined)) return;
    r.seen++;
    try {
      const orderId = idCell(get('orderId'), '订单ID');
      if (!orderId) return void r.rejects.push(reject('missing_id', `第 ${line} 行：缺少订单ID`, line));
      const createdAt = timeCell(get('createdAt'));
      if (!createdAt) return void r.rejects.push(reject('bad_time', `第 ${line} 行：评价日期无法识别`, line));
      const reviewId = `${IMPORTED_REVIEW_PREFIX}${orderId}`;
      if (seen.has(reviewId))
        return void r.rejects.push(
          reject('duplicate_in_page', `第 ${line} 行：订单 ${orderId} 的评价重复`, line),
        );
      seen.add(reviewId);
      const star = starOf(numCell(get('star')));
      const body = (text(get('text')) ?? '').slice(0, LIMITS.text);
      const replyText = text(get('replyText'))?.slice(0, LIMITS.text);
      const appendText = text(get('appendText'))?.slice(0, LIMITS.text);
      const level = text(get('level'));
      const draft: ReviewDraft = {
        platform: 'douyin',
        reviewId,
        orderId,
        productId: idCell(get('productId'), '商品ID'),
        productName: text(get('productName'))?.slice(0, LIMITS.name),
        skuText: text(get('skuText'))?.slice(0, LIMITS.name),
        createdAt,
        star,
        starProduct: star,
        polarity:
          (level && LEVEL[level]) ||
          (star ? (star >= 4 ? 'good' : star === 3 ? 'neutral' : 'bad') : undefined),
        text: body,
        buyerNick: maskedNick(text(get('nick'))),
        appends: appendText ? [{ text: appendText, at: timeCell(get('appendAt')) }] : [],
        images: 0,
        videos: 0,
        replied: text(get('replied')) === '已回复' || Boolean(replyText),
        replyText,
        isDefault: body === '' || DEFAULT_TEXT.test(body),
        source: 'import',
      };
      r.reviews.push(draft);
    } catch (e) {
      if (!(e instanceof CellError)) throw e;
      r.rejects.push(reject('schema', `第 ${line} 行：${e.message}`, line));
    }
  });
  return r;
}

export const douyinReviews: ImportKind<F> = {
  id: 'douyin-reviews',
  label: '抖店 评价导出',
  platform: 'douyin',
  records: 'reviews',
  fields: {
    createdAt: { headers: ['评价日期', '评价时间'], required: true },
    orderId: { headers: ['订单ID', '订单编号', '子订单ID'], required: true },
    productId: { headers: ['商品ID'], required: true },
    productName: { headers: ['商品名称'], required: true },
    skuText: { headers: ['商品规格'], required: true },
    star: { headers: ['商品评价得分', '商品评分'], required: true },
    text: { headers: ['评价内容'], required: true },
    nick: { headers: ['用户昵称', '买家昵称'] },
    level: { headers: ['评价等级'] },
    appendText: { headers: ['追评内容'] },
    appendAt: { headers: ['追评时间'] },
    replied: { headers: ['商家是否回复', '是否回复'] },
    replyText: { headers: ['回复内容', '商家回复内容'] },
  },
  parse,
};
