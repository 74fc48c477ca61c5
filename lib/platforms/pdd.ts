/**
 * 拼多多 (mms.pinduoduo.com) adapter. Shapes: shared/platforms.md §3.
 * Envelope `{success, errorCode: 1000000, errorMsg, result}`; times in **seconds**.
 *
 * The review list shows at most `result.showNum` (2000) rows even when `totalRows` is larger. The model
 * has no place for a non-fatal note, so the parser records nothing about it; the page walker reads
 * `showNum`/`totalRows` itself and narrows the date range to reach older reviews.
 *
 * Test URLs:
 * https://mms.pinduoduo.com/goods/evaluation/index
 * https://mms.pinduoduo.com/sycm/goods_quality/help
 * https://mms.pinduoduo.com/orders/list
 */
import type { OrderDraft, ParseResult, ReviewDraft } from '../capture/batch';
import type { AfterSale, DimensionId, OrderStatus, ScoreDimension, ScoreIndicator } from '../model';
import { dayKey } from '../keys';
import { provinceOf } from '../provinces';
import { shopFromHeader } from './dom-table';
import { ENDPOINTS } from './endpoints';
import { PLATFORM_HOSTS } from './hosts';
import { rowKeyOf, tableReplyBox } from './reply-fill';
import type { Obj, RowError } from './parse-utils';
import {
  collectRows,
  idOf,
  inListUnit,
  isObj,
  listAt,
  maskedNick,
  numOf,
  obj,
  objRow,
  parseFrame,
  pick,
  reject,
  secondsToMs,
  shanghaiDateTimeToMs,
  starOf,
  textOf,
} from './parse-utils';
import type { ParseContext, PlatformAdapter } from './types';

const DEFAULT_TEXT = /^(此用户未填写(文字)?评价(内容)?|该用户未填写评价(内容)?|系统默认好评)[。.!！]?$/;

/** `specs` is a JSON *string* of `[{spec_key, spec_value}]`; a plain "颜色:红" string is kept as is. */
function specText(v: unknown): string | undefined {
  let specs: unknown = v;
  if (typeof v === 'string') {
    try {
      specs = JSON.parse(v);
    } catch {
      return v.trim().slice(0, 200) || undefined;
    }
  }
  if (!Array.isArray(specs)) return undefined;
  const parts = specs.filter(isObj).map((s) => `${String(s.spec_key ?? '')}:${String(s.spec_value ?? '')}`);
  return parts.join(';').slice(0, 200) || undefined;
}

/** Renamed-but-obvious review fields (issue #12): camelCase, snake_case, the generic `id`. */
const REVIEW_ID = ['reviewId', 'review_id', 'commentId', 'comment_id', 'id'] as const;
const REVIEW_TIME = ['createTime', 'create_time', 'commentTime', 'comment_time'] as const;

function review(row: Obj): ReviewDraft | RowError {
  const reviewId = idOf(pick(row, REVIEW_ID));
  if (!reviewId) return ['missing_id', '缺少评价 id（reviewId）'];
  const createdAt = secondsToMs(pick(row, REVIEW_TIME), 'createTime');
  if (!createdAt) return ['bad_time', '缺少评价时间 createTime'];
  const text = (textOf(row.comment) ?? '').trim();
  // Variant rows carry the append as `appendReview.comment` (platforms.md §3.2).
  const appendText = textOf(row.appendComment)?.trim() || textOf(obj(row.appendReview).comment)?.trim();
  const appendAt = row.appendCreateTime ?? obj(row.appendReview).createTime;
  const replyText = textOf(row.reply)?.trim() || undefined;
  const status = numOf(row.replyStatus);
  // `score` is always 0 in observed rows; the star the console shows is `descScore`.
  const star = starOf(row.descScore) ?? starOf(row.score);
  return {
    platform: 'pdd',
    reviewId,
    // `orderSn` (YYMMDD-15 digits) is the number merchants and the order list use; `orderId` is internal.
    orderId: idOf(row.orderSn ?? row.order_sn) ?? idOf(row.orderId),
    productId: idOf(row.goodsId ?? row.goods_id),
    productName: textOf(row.goodsName ?? row.goods_name, 200),
    skuId: idOf(row.skuId),
    skuText: specText(row.specs),
    createdAt,
    star,
    starProduct: starOf(row.descScore),
    starLogistics: starOf(row.logisticsScore),
    starService: starOf(row.serviceScore),
    polarity: star ? (star >= 4 ? 'good' : star === 3 ? 'neutral' : 'bad') : undefined,
    text,
    buyerNick: maskedNick(row.userName),
    appends: appendText ? [{ text: appendText, at: secondsToMs(appendAt, 'appendCreateTime') }] : [],
    images: numOf(row.pictureCount) ?? (Array.isArray(row.pictureUrls) ? row.pictureUrls.length : 0),
    videos: row.hasVideo === 1 || row.hasVideo === true ? 1 : 0,
    // 1 = 已回复; 0 and 2 = 未回复 (2 is the request filter's value, 0 seen in rows).
    replied: status === undefined ? Boolean(replyText) : status === 1,
    replyText,
    replyAt: secondsToMs(row.replyTime, 'replyTime'),
    appealState: textOf(row.reportDesc, 200) ?? (numOf(row.reportStatus) === 99 ? '未被举报' : undefined),
    isDefault: text === '' || DEFAULT_TEXT.test(text),
    source: 'api',
  };
}

/** after_sales_status codes [G: PDD open-platform order docs; the console list uses the same field]. */
const AFTER_SALES: Record<number, [NonNullable<AfterSale['status']>, string, AfterSale['type']?]> = {
  2: ['applied', '买家申请退款，待商家处理', 'refund_only'],
  3: ['applied', '退货退款，待商家处理', 'return_refund'],
  4: ['in_progress', '商家同意退款，退款中', 'refund_only'],
  5: ['in_progress', '平台同意退款，退款中'],
  6: ['rejected', '驳回退款，待买家处理'],
  7: ['in_progress', '已同意退货退款，待用户发货', 'return_refund'],
  8: ['in_progress', '平台处理中'],
  9: ['closed', '平台拒绝退款，退款关闭'],
  10: ['succeeded', '退款成功'],
  11: ['closed', '买家撤销'],
  12: ['failed', '买家逾期未处理，退款失败'],
  13: ['failed', '买家逾期，超过有效期'],
  14: ['applied', '换货补寄待商家处理', 'other'],
  15: ['in_progress', '换货补寄待用户处理', 'other'],
  16: ['succeeded', '换货补寄成功', 'other'],
  17: ['failed', '换货补寄失败', 'other'],
  18: ['in_progress', '换货补寄待用户确认完成', 'other'],
};

function afterSale(row: Obj): AfterSale | undefined {
  const code = numOf(row.after_sales_status);
  const text = textOf(row.after_sales_status_str ?? row.after_sales_status_desc, 200);
  if (!code && !text) return undefined;
  const known = AFTER_SALES[code ?? -1];
  return { status: known?.[0] ?? 'other', type: known?.[2], text: text ?? known?.[1] };
}

/** The console's status text first (it is what merchants see), then `order_status` 1/2/3 [G]. */
function statusOf(code: number | undefined, text = ''): OrderStatus {
  if (/取消|关闭/.test(text)) return 'cancelled';
  if (/待支付|待付款|未支付/.test(text)) return 'unpaid';
  if (/已签收|已收货|交易成功|已完成/.test(text)) return 'completed';
  if (/已发货|待签收|待收货/.test(text)) return 'shipped';
  if (/待发货|待成团|已支付/.test(text)) return 'paid';
  return (
    ({ 1: 'paid', 2: 'shipped', 3: 'completed' } as Record<number, OrderStatus>)[code ?? -1] ?? 'unknown'
  );
}

/** Amounts are integers in 分 [G]; anything else is left out rather than guessed. */
const fen = (v: unknown): number | undefined => {
  const n = numOf(v);
  return n !== undefined && Number.isInteger(n) ? n : undefined;
};

// Buyer personal data (receive_name, mobile, city/district/address, buyer_memo) is never read; the
// province is kept, checked against the list of provinces (issue #16).
function order(snake: Obj): OrderDraft | RowError {
  const row = snakeCase(snake);
  const orderId = idOf(row.order_sn);
  if (!orderId) return ['missing_id', '缺少订单号 order_sn'];
  const statusText = textOf(row.order_status_str, 200);
  return {
    platform: 'pdd',
    orderId,
    status: statusOf(numOf(row.order_status), statusText),
    statusText,
    createdAt: secondsToMs(row.created_time, 'created_time'),
    // confirm_time is the 成交 (paid / group formed) time; pay_time where a row has it.
    paidAt: secondsToMs(row.pay_time ?? row.confirm_time, 'confirm_time'),
    promisedShipAt: secondsToMs(row.promise_shipping_time, 'promise_shipping_time'),
    shippedAt: secondsToMs(row.shipping_time, 'shipping_time'),
    finishedAt: secondsToMs(row.receive_time, 'receive_time'),
    province: provinceOf(row.province_name),
    amountFen: fen(row.order_amount),
    items: [
      {
        productId: idOf(row.goods_id),
        productName: textOf(row.goods_name, 200),
        skuId: idOf(row.sku_id),
        skuText: textOf(row.spec, 200),
        quantity: numOf(row.goods_number),
      },
    ],
    afterSale: afterSale(row),
    source: 'api',
  };
}

/** camelCase keys (`orderSn`, `confirmTime`) read as the snake_case the public sync code shows. */
const snakeCase = (row: Obj): Obj => {
  const out: Obj = {};
  for (const [k, v] of Object.entries(row)) out[k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)] ??= v;
  return out;
};

/** A list the response must hold (`where` names it in the rejection), read row by row. */
function rows<T extends object>(
  body: unknown,
  paths: readonly string[],
  map: (row: Obj) => T | RowError,
  key: (t: T) => string,
  out: T[],
  r: ParseResult,
): void {
  const found = listAt(body, paths);
  if (!found) {
    r.rejects.push(reject('schema', `响应中找不到列表（${paths[0]}）：拼多多后台接口可能已改版`));
    return;
  }
  // Seconds per the public sources; a list whose every time is in ms is read as ms (issue #12).
  inListUnit(found.rows, 's', () => collectRows(found.rows, objRow(map), key, out, r));
}

/** Where the lists sit: the public shape first, then the variants seen in public clients (issue #12). */
const REVIEW_LISTS = ['result.data', 'result.list', 'result.data.list', 'data', 'data.list'] as const;
const ORDER_LISTS = ['result.pageItems', 'result.list', 'result.data', 'data.pageItems'] as const;

const SERVE_PARTS: [string, DimensionId, string][] = [
  ['spLmScore', 'product', '商品服务'],
  ['fhLmScore', 'logistics', '发货服务'],
  ['wlLmScore', 'logistics', '物流服务'],
  ['attiLmScore', 'service', '服务态度'],
  ['jcfwLmScore', 'service', '基础服务'],
];
const scoreDay = (v: unknown, now: number): string =>
  dayKey(
    shanghaiDateTimeToMs(typeof v === 'string' ? v.replace(/^(\d{4})(\d{2})(\d{2})$/, '$1-$2-$3') : v) ?? now,
  );

/** 消费者服务体验分 (0–5): five sub-scores, each also an indicator named by its field (scoring matches it). */
function serveScore(res: Obj, now: number, r: ParseResult): void {
  if (numOf(res.cstmrServScore) === undefined && !SERVE_PARTS.some(([f]) => numOf(res[f]) !== undefined)) {
    r.rejects.push(reject('schema', '服务体验分响应缺少 cstmrServScore 与各子分：后台接口可能已改版'));
    return;
  }
  const dims: ScoreDimension[] = [];
  const indicators: ScoreIndicator[] = [];
  for (const [field, id, name] of SERVE_PARTS) {
    const value = numOf(res[field]);
    const warn = res[`${field}Warning`];
    dims.push({ id, name, value, rating: warn === true || warn === 1 ? '预警' : undefined });
    indicators.push({ id: field, dimension: id, name, value: value ?? null });
  }
  indicators.push({
    id: 'ptHelpRate1m',
    dimension: 'service',
    name: '平台求助率',
    value: numOf(res.ptHelpRate1m) ?? null,
  });
  indicators.push({
    id: 'cstmrServRank',
    dimension: 'overall',
    name: '同行排名',
    value: numOf(res.cstmrServRank) ?? null,
  });
  for (const p of (Array.isArray(res.hotProblems) ? res.hotProblems : []).filter(isObj).slice(0, 10)) {
    const name = textOf(p.title ?? p.probName, 200) ?? '热点问题';
    indicators.push({
      id: `hotProblem:${textOf(p.probName, 100) ?? name}`,
      dimension: 'other',
      name,
      value: numOf(p.clfyOrdrCnt) ?? null,
      display: numOf(p.clfyOrdrCntRate) !== undefined ? `占比 ${String(p.clfyOrdrCntRate)}` : undefined,
    });
  }
  r.scores.push({
    platform: 'pdd',
    kind: 'pdd.service',
    date: scoreDay(res.readyDate, now),
    scaleMin: 0,
    scaleMax: 5,
    value: numOf(res.cstmrServScore) ?? null,
    dimensions: dims,
    indicators,
  });
  r.seen += 1;
}

/** 店铺评价分: only `descOver50RevScr3m` is known [M]; every other numeric field is kept as an indicator. */
function mallDsr(res: Obj, now: number, r: ParseResult): void {
  const value = numOf(res.descOver50RevScr3m);
  if (value === undefined) {
    r.rejects.push(reject('schema', '店铺评价分响应缺少 descOver50RevScr3m：后台接口可能已改版'));
    return;
  }
  const indicators: ScoreIndicator[] = Object.entries(res)
    .filter(([, v]) => typeof v === 'number')
    .slice(0, 60)
    .map(([k, v]) => ({
      id: k.slice(0, 200),
      // [G] prefixes: desc = 描述相符, lgst/logistics = 物流, serv = 服务.
      dimension: /^desc/.test(k)
        ? 'product'
        : /^(lgst|logistics)/.test(k)
          ? 'logistics'
          : /^serv/.test(k)
            ? 'service'
            : 'other',
      name: k === 'descOver50RevScr3m' ? '近3个月描述相符评分' : k.slice(0, 200),
      value: v as number,
    }));
  r.scores.push({
    platform: 'pdd',
    kind: 'pdd.dsr',
    date: scoreDay(res.readyDate ?? res.statDate, now),
    scaleMin: 1,
    scaleMax: 5,
    value,
    dimensions: [{ id: 'product', name: '描述相符', value }],
    indicators,
  });
  r.seen += 1;
}

function envelopeError(body: unknown): string | undefined {
  const env = obj(body);
  const code = numOf(env.errorCode);
  if (!isObj(body) || (env.success === undefined && code === undefined))
    return '响应不是拼多多后台接口格式（缺少 success / errorCode）';
  if (env.success !== false && (code === undefined || code === 1_000_000)) return undefined;
  const msg = textOf(env.errorMsg, 80) ?? '';
  // [G] 43001 is the login-expired code seen on mms; the message wording varies.
  const hint =
    code === 43001 || /会话|登录|过期/.test(msg)
      ? '：登录已过期，请重新登录拼多多商家后台后刷新本页'
      : /频繁|限流/.test(msg)
        ? '：请求过于频繁，请稍后再翻页'
        : '：请刷新页面后重试';
  return `拼多多返回错误 ${code ?? ''}${msg ? ' ' + msg : ''}${hint}`;
}

function parse(endpointId: string, body: unknown, ctx: ParseContext): ParseResult {
  return parseFrame(envelopeError(body), (r) => {
    const res = obj(obj(body).result);
    if (endpointId === 'reviewsList') rows(body, REVIEW_LISTS, review, (x) => x.reviewId, r.reviews, r);
    else if (endpointId === 'orderList') rows(body, ORDER_LISTS, order, (x) => x.orderId, r.orders, r);
    else if (endpointId === 'mallServeScore') serveScore(res, ctx.now, r);
    else if (endpointId === 'mallDsr') mallDsr(res, ctx.now, r);
    else r.rejects.push(reject('unknown_endpoint', `未知接口 ${endpointId}`));
  });
}

/** The header shows the shop name and "店铺ID：123" [G: text pattern, no class names]. */
const identifyFromDom = (doc: Document) => shopFromHeader(doc, 'pdd', /店铺\s*ID\s*[:：]\s*(\d{4,20})?/i);

export const pdd: PlatformAdapter = {
  id: 'pdd',
  name: '拼多多',
  hosts: PLATFORM_HOSTS.pdd,
  timeUnit: 's',
  endpoints: ENDPOINTS.pdd,
  sampleUrls: [
    'https://mms.pinduoduo.com/goods/evaluation/index',
    'https://mms.pinduoduo.com/sycm/goods_quality/help',
    'https://mms.pinduoduo.com/orders/list',
  ],
  startPages: [
    { label: '评价管理', url: 'https://mms.pinduoduo.com/goods/evaluation/index' },
    { label: '消费者服务体验分', url: 'https://mms.pinduoduo.com/sycm/goods_quality/help' },
    // [G] page path: the order list XHR is known (§3.1), this page path is the usual one.
    { label: '订单查询', url: 'https://mms.pinduoduo.com/orders/list' },
  ],
  parse,
  identifyFromDom,
  // [G] no saved review page yet: a 评价ID column, or the table library's data-row-key.
  replyBox: tableReplyBox({ idOf: (cell, tr) => idOf(cell(/^评价(ID|编号)$/i)) ?? rowKeyOf(tr) }),
};
