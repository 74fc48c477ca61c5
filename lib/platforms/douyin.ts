/**
 * 抖店 (fxg.jinritemai.com) adapter. Field names and shapes: shared/platforms.md §1.
 * Envelope `{code, st, msg, data}`; times in **seconds**; money in 分.
 *
 * Test URLs:
 * https://fxg.jinritemai.com/ffa/maftersale/comment
 * https://fxg.jinritemai.com/ffa/eco/experience-score
 * https://fxg.jinritemai.com/ffa/morder/order/list
 */
import type { OrderDraft, ParseResult, ReviewDraft } from '../capture/batch';
import { emptyResult } from '../capture/batch';
import type { AfterSale, DimensionId, OrderStatus, Polarity, ScoreDimension, ScoreIndicator } from '../model';
import { dayKey } from '../keys';
import { provinceOf } from '../provinces';
import { ENDPOINTS } from './endpoints';
import { PLATFORM_HOSTS } from './hosts';
import { rowKeyOf, tableReplyBox } from './reply-fill';
import type { Obj, RowError } from './parse-utils';
import {
  TimeUnitError,
  countOf,
  idOf,
  isObj,
  maskedNick,
  numOf,
  obj,
  reject,
  inListUnit,
  secondsToMs,
  shanghaiDateTimeToMs,
  starOf,
  textOf,
} from './parse-utils';
import type { ParseContext, PlatformAdapter } from './types';

/** `data` is a plain array in the console, `data.data` / `data.list` / `data.shop_order_list` elsewhere. */
function rowsOf(data: unknown): unknown[] | undefined {
  if (Array.isArray(data)) return data;
  const d = obj(data);
  for (const k of ['data', 'list', 'shop_order_list', 'items', 'comments'])
    if (Array.isArray(d[k])) return d[k] as unknown[];
  return undefined;
}

/** Texts that platforms put in place of a review the buyer did not write. */
const DEFAULT_TEXT =
  /^(系统默认好评|此用户没有填写评价|该用户未填写评价|用户未填写评价内容|该用户觉得商品较好|默认好评)[。.!！]?$/;

const POLARITY: Record<string, Polarity> = { 好评: 'good', 中评: 'neutral', 差评: 'bad' };

function review(row: Obj): ReviewDraft | RowError {
  const reviewId = idOf(row.id) ?? idOf(row.comment_id);
  if (!reviewId) return ['missing_id', '缺少评价 id（id / comment_id）'];
  const createdAt = secondsToMs(row.comment_time, 'comment_time');
  if (!createdAt) return ['bad_time', '缺少评价时间 comment_time'];
  const text = (textOf(row.content) ?? textOf(row.orig_content) ?? '').trim();
  const appends = (Array.isArray(row.appends) ? row.appends : [])
    .filter(isObj)
    .slice(0, 10)
    .map((a) => ({ text: textOf(a.content) ?? '', at: secondsToMs(a.comment_time, 'appends.comment_time') }));
  const replyText = textOf(row.shop_reply)?.trim() || undefined;
  const label = textOf(obj(obj(row.tags).rank_info).name);
  const star = starOf(row.rank_product) ?? starOf(row.rank);
  const statusInfo = row.status_info;
  return {
    platform: 'douyin',
    reviewId,
    orderId: idOf(row.order_id) ?? idOf(row.shop_order_id),
    parentOrderId: idOf(row.shop_order_id),
    productId: idOf(row.product_id),
    productName: textOf(obj(row.product).name, 200) ?? textOf(row.product_name, 200),
    skuId: idOf(row.sku_id),
    skuText: textOf(row.sku, 200),
    createdAt,
    star,
    starProduct: starOf(row.rank_product),
    starLogistics: starOf(row.rank_logistic),
    starService: starOf(row.rank_shop),
    polarity:
      (label && POLARITY[label]) ||
      (star ? (star >= 4 ? 'good' : star === 3 ? 'neutral' : 'bad') : undefined),
    text,
    buyerNick: maskedNick(row.user_name),
    appends,
    images: countOf(row.photos),
    videos: countOf(row.videos),
    replied: Boolean(replyText) || row.is_shop_reply === 1 || row.is_shop_reply === true,
    replyText,
    replyAt: secondsToMs(row.reply_time, 'reply_time'),
    appealState:
      typeof statusInfo === 'string' ? statusInfo.slice(0, 200) : textOf(obj(statusInfo).text, 200),
    isDefault: text === '' || DEFAULT_TEXT.test(text),
    source: 'api',
  };
}

/** OpenAPI order_status codes (platforms.md §1.4). */
const ORDER_STATUS: Record<number, OrderStatus> = {
  1: 'unpaid',
  105: 'paid',
  2: 'paid',
  101: 'shipped',
  3: 'shipped',
  4: 'cancelled',
  5: 'completed',
};
const AFTER_SALE_TYPE: Record<number, NonNullable<AfterSale['type']>> = {
  0: 'return_refund',
  1: 'refund_only',
  2: 'presale_refund',
  3: 'exchange',
};
const AFTER_SALE_STATUS: Record<number, NonNullable<AfterSale['status']>> = {
  6: 'applied',
  7: 'in_progress',
  12: 'succeeded',
  27: 'rejected',
  28: 'failed',
};

function afterSale(items: Obj[]): AfterSale | undefined {
  for (const it of items) {
    const a = obj(it.after_sale_info);
    const text = textOf(a.after_sale_text, 200);
    const status = numOf(a.after_sale_status);
    if (!text && !status) continue;
    return {
      type: AFTER_SALE_TYPE[numOf(a.after_sale_type) ?? -1],
      status:
        AFTER_SALE_STATUS[status ?? -1] ??
        (text?.includes('成功') ? 'succeeded' : text ? 'in_progress' : 'other'),
      reason: textOf(a.reason_text ?? a.after_sale_reason, 200),
      text,
      appliedAt: secondsToMs(a.apply_time, 'after_sale_info.apply_time'),
    };
  }
  return undefined;
}

function order(row: Obj): OrderDraft | RowError {
  const orderId = idOf(row.shop_order_id) ?? idOf(row.order_id);
  if (!orderId) return ['missing_id', '缺少订单号（shop_order_id / order_id）'];
  const items = [
    ...(Array.isArray(row.sku_order_list) ? row.sku_order_list : []),
    ...(Array.isArray(row.product_item) ? row.product_item : []),
  ].filter(isObj);
  const logistics = (Array.isArray(row.logistics_info) ? row.logistics_info : []).filter(isObj)[0] ?? {};
  const firstItem = items[0] ?? {};
  const statusCode = numOf(row.order_status);
  return {
    platform: 'douyin',
    orderId,
    status: ORDER_STATUS[statusCode ?? -1] ?? 'unknown',
    statusText:
      textOf(obj(row.order_status_info).order_status_text, 200) ?? textOf(row.order_status_desc, 200),
    createdAt: secondsToMs(row.create_time, 'create_time'),
    paidAt: secondsToMs(row.pay_time, 'pay_time'),
    promisedShipAt: secondsToMs(row.exp_ship_time ?? firstItem.exp_ship_time, 'exp_ship_time'),
    shippedAt: secondsToMs(row.ship_time ?? logistics.ship_time ?? firstItem.ship_time, 'ship_time'),
    collectedAt: secondsToMs(logistics.collect_time ?? row.collect_time, 'collect_time'),
    // [G] logistics_receipt_time = 物流签收时间; confirm_receipt_time = 买家确认收货.
    deliveredAt: secondsToMs(
      firstItem.logistics_receipt_time ?? row.logistics_receipt_time,
      'logistics_receipt_time',
    ),
    finishedAt: secondsToMs(row.finish_time ?? firstItem.confirm_receipt_time, 'finish_time'),
    carrier: textOf(logistics.company_name ?? logistics.company, 200),
    // Province only (issue #16): the rest of post_addr and the receiver are never read.
    province: provinceOf(
      obj(obj(row.post_addr).province).name ?? obj(obj(obj(row.receiver_info).post_addr).province).name,
    ),
    amountFen: numOf(row.pay_amount),
    items: items.slice(0, 50).map((it) => ({
      itemOrderId: idOf(it.item_order_id) ?? idOf(it.order_id),
      productId: idOf(it.product_id),
      productName: textOf(it.product_name, 200),
      skuId: idOf(it.sku_id),
      skuText: Array.isArray(it.spec)
        ? it.spec
            .filter(isObj)
            .map((s) => `${String(s.name)}:${String(s.value)}`)
            .join(';')
            .slice(0, 200)
        : textOf(it.merchant_sku_code, 200),
      quantity: numOf(it.item_num),
    })),
    afterSale: afterSale(items),
    reviewState: [0, 1, 2].includes(numOf(firstItem.is_comment) ?? -1)
      ? numOf(firstItem.is_comment)
      : undefined,
    source: 'api',
  };
}

const DIMENSIONS: [string, DimensionId, string][] = [
  ['goods_score', 'product', '商品体验'],
  ['logistics_score', 'logistics', '物流体验'],
  ['service_score', 'service', '服务体验'],
  ['bad_behavior_deduct_score', 'deduction', '差行为扣分'],
];

/** -9999 is 抖店's "no data". */
const scoreNum = (v: unknown): number | null => {
  const n = numOf(v);
  return n === undefined || n === -9999 ? null : n;
};

function overview(data: Obj, ctx: ParseContext, r: ParseResult): void {
  const shopId = idOf(data.shop_id);
  if (shopId) r.store = { platform: 'douyin', shopId, name: textOf(data.shop_name, 200), via: 'api' };
  const dims: ScoreDimension[] = [];
  for (const [field, id, name] of DIMENSIONS) {
    const d = data[field];
    if (!isObj(d)) continue;
    const weight = numOf(d.weight);
    dims.push({
      id,
      name,
      value: scoreNum(d.value) ?? undefined,
      weight: weight !== undefined && weight >= 0 && weight <= 1 ? weight : undefined,
      weightedValue: numOf(d.score_weight),
      rating: textOf(d.rating, 200),
    });
  }
  const value = scoreNum(obj(data.experience_score).value);
  const five = obj(data.score_five_info);
  const at = shanghaiDateTimeToMs(data.update_time) ?? ctx.now;
  r.scores.push({
    platform: 'douyin',
    kind: 'douyin.experience',
    date: dayKey(at),
    scaleMin: 50,
    scaleMax: 100,
    value,
    fivePoint: scoreNum(five.score),
    dimensions: dims,
    indicators: [],
  });
  r.seen += 1;
}

const NODE_DIMENSION: Record<string, DimensionId> = { '1': 'product', '2': 'logistics', '3': 'service' };

function subScore(data: Obj, ctx: ParseContext, r: ParseResult): void {
  const node = ctx.url.searchParams.get('experience_node') ?? '3';
  const dimension = NODE_DIMENSION[node] ?? 'other';
  const indicators: ScoreIndicator[] = (Array.isArray(data.shop_analysis) ? data.shop_analysis : [])
    .filter(isObj)
    .slice(0, 60)
    .map((n) => {
      const v = obj(n.value);
      const s = obj(n.node_score_info);
      return {
        id: String(idOf(n.experience_node) ?? textOf(n.title, 50) ?? '?'),
        dimension,
        name: textOf(n.title, 200) ?? '未命名指标',
        value: scoreNum(v.value_figure),
        unit: textOf(v.value_type, 50),
        score: scoreNum(s.node_score),
        weight: numOf(s.node_weight),
        numerator: numOf(obj((n.calculate_numerator as unknown[] | undefined)?.[0]).value),
        denominator: numOf(obj(n.calculate_denominator).value),
      };
    });
  const at = shanghaiDateTimeToMs(data.current_date) ?? ctx.now;
  r.scores.push({
    platform: 'douyin',
    kind: `douyin.subscore.${dimension}`,
    date: dayKey(at),
    scaleMin: 50,
    scaleMax: 100,
    dimensions: [],
    indicators,
    windowOrders: numOf(data.shop_order_latest_30_cnt),
  });
  r.seen += 1;
}

function statistics(data: Obj, ctx: ParseContext, r: ParseResult): void {
  const rate = (k: string) => scoreNum(obj(data[k]).last_30days_value);
  const ind = (id: string, name: string, value: number | null, unit?: string): ScoreIndicator => ({
    id,
    name,
    value,
    unit,
    dimension: 'product',
  });
  r.scores.push({
    platform: 'douyin',
    kind: 'douyin.review_stats',
    date: dayKey(shanghaiDateTimeToMs(data.latestDate) ?? ctx.now),
    scaleMin: 0,
    scaleMax: 100,
    dimensions: [],
    indicators: [
      ind('positive_rate_30d', '近30天好评率', rate('positive_comment_rate'), '%'),
      ind('order_comment_rate_30d', '近30天评价率', rate('order_comment_rate'), '%'),
      // The console misspells "commnet" for positive counts only.
      ind(
        'positive_30d',
        '近30天好评数',
        scoreNum(data.positive_commnet_count_30d ?? data.positive_comment_count_30d),
      ),
      ind('neutral_30d', '近30天中评数', scoreNum(data.neutral_comment_count_30d)),
      ind('negative_30d', '近30天差评数', scoreNum(data.negative_comment_count_30d)),
    ],
  });
  r.seen += 1;
}

function rows<T extends object>(
  data: unknown,
  map: (row: Obj) => T | RowError,
  key: (t: T) => string,
  out: T[],
  r: ParseResult,
): void {
  const list = rowsOf(data);
  if (!list) {
    r.rejects.push(reject('schema', '响应中找不到列表（data / data.data）：控制台接口可能已改版'));
    return;
  }
  const seen = new Set<string>();
  // Seconds per the public sources; a list whose every time is in ms is read as ms (issue #12).
  inListUnit(list, 's', () => each(list, map, key, out, r, seen));
}

function each<T extends object>(
  list: unknown[],
  map: (row: Obj) => T | RowError,
  key: (t: T) => string,
  out: T[],
  r: ParseResult,
  seen: Set<string>,
): void {
  list.forEach((row, i) => {
    r.seen += 1;
    if (!isObj(row)) return void r.rejects.push(reject('schema', `第 ${i + 1} 行不是对象`, i));
    try {
      const m = map(row);
      if (Array.isArray(m)) return void r.rejects.push(reject(m[0], `第 ${i + 1} 行：${m[1]}`, i));
      const k = key(m);
      if (seen.has(k))
        return void r.rejects.push(
          reject('duplicate_in_page', `第 ${i + 1} 行与本页前面的行重复（${k}）`, i),
        );
      seen.add(k);
      out.push(m);
    } catch (e) {
      if (e instanceof TimeUnitError) r.rejects.push(reject('bad_time', `第 ${i + 1} 行：${e.message}`, i));
      else throw e;
    }
  });
}

function parse(endpointId: string, body: unknown, ctx: ParseContext): ParseResult {
  const r = emptyResult();
  const env = obj(body);
  const code = numOf(env.code);
  if (!isObj(body) || code === undefined) {
    r.rejects.push(reject('envelope_error', '响应不是抖店接口格式（缺少 code）'));
    return r;
  }
  // 10000 is the 抖店 open platform's success code; its shapes also reach console pages (issue #12).
  if (code !== 0 && !(code === 10000 && isObj(env.data))) {
    const msg = textOf(env.msg, 100) ?? '';
    const hint =
      code === -10001 || /权限/.test(msg) ? '：当前账号没有该页面的权限，请用主账号或有权限的子账号打开' : '';
    r.rejects.push(reject('envelope_error', `抖店返回错误 ${code}${msg ? ' ' + msg : ''}${hint}`));
    return r;
  }
  const scoreEndpoint = ['getOverviewByVersion', 'getSubScoreNew', 'statistics'].includes(endpointId);
  if (scoreEndpoint && !isObj(env.data)) {
    // `code: 0` without data must not store an all-empty score over the day's real one.
    r.rejects.push(reject('schema', '响应中没有 data：抖店接口可能已改版或暂无数据，未保存'));
    return r;
  }
  try {
    switch (endpointId) {
      case 'commentList':
        rows(env.data, review, (x) => x.reviewId, r.reviews, r);
        break;
      case 'searchlist':
        rows(env.data, order, (x) => x.orderId, r.orders, r);
        break;
      case 'getOverviewByVersion':
        overview(obj(env.data), ctx, r);
        break;
      case 'getSubScoreNew':
        subScore(obj(env.data), ctx, r);
        break;
      case 'statistics':
        statistics(obj(env.data), ctx, r);
        break;
      default:
        r.rejects.push(reject('unknown_endpoint', `未知接口 ${endpointId}`));
    }
  } catch (e) {
    r.rejects.push(
      reject(
        e instanceof TimeUnitError ? 'bad_time' : 'internal',
        e instanceof Error ? e.message : String(e),
      ),
    );
  }
  return r;
}

/** The console header shows "店铺ID：123" next to the shop name [G: selector-free text match]. */
function identifyFromDom(doc: Document): ReturnType<NonNullable<PlatformAdapter['identifyFromDom']>> {
  const header = doc.querySelector('header') ?? doc.body;
  const text = header?.textContent ?? '';
  const m = /店铺\s*ID\s*[:：]\s*(\d{4,20})/.exec(text);
  if (!m) return undefined;
  const nameEl = header?.querySelector('[class*="shopName"], [class*="shop-name"]');
  return {
    platform: 'douyin',
    shopId: m[1]!,
    name: nameEl?.textContent?.trim().slice(0, 200) || undefined,
    via: 'dom',
  };
}

export const douyin: PlatformAdapter = {
  id: 'douyin',
  name: '抖店',
  hosts: PLATFORM_HOSTS.douyin,
  timeUnit: 's',
  endpoints: ENDPOINTS.douyin,
  sampleUrls: [
    'https://fxg.jinritemai.com/ffa/maftersale/comment',
    'https://fxg.jinritemai.com/ffa/eco/experience-score',
    'https://fxg.jinritemai.com/ffa/morder/order/list',
  ],
  startPages: [
    { label: '评价管理', url: 'https://fxg.jinritemai.com/ffa/maftersale/comment' },
    { label: '体验分', url: 'https://fxg.jinritemai.com/ffa/eco/experience-score' },
    { label: '订单管理', url: 'https://fxg.jinritemai.com/ffa/morder/order/list' },
  ],
  parse,
  identifyFromDom,
  // [G] rows carry the comment id (data-comment-id on the demo console; antd-style data-row-key otherwise).
  replyBox: tableReplyBox({ idOf: (_, tr) => idOf(tr.getAttribute('data-comment-id')) ?? rowKeyOf(tr) }),
};
