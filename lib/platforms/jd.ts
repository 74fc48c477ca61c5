/**
 * 京东 (shop.jd.com, porder.shop.jd.com) adapter. Shapes: shared/platforms.md §4.
 *
 * Reviews [G]: no console review endpoint is public. The parser takes the JOS
 * `getVenderCommentsForJos` result (`comments[]` of PopCommentJosVo; `creationTime` as
 * "yyyy-MM-dd HH:mm:ss" Asia/Shanghai or epoch ms) as what the console's own endpoint returns, at a
 * guessed path (lib/platforms/endpoints.ts). `readDom` reads the review table when that guess is wrong.
 *
 * Orders: the legacy page (porder.shop.jd.com/order/orderlist/<tab>) POSTs `/order/orderlist`, answered
 * by `orderList[]` (top level in one public client [M], under `data` in another [G]: both accepted) whose
 * rows use the JOS order field names [G] and the console's `orderItems` [M]. The new console
 * (shop.jd.com/jdm/trade/orders/order-list) loads orders from sff.jd.com/api?api=dsm.order.bff…, where
 * every call shares the path `/api`; a path whitelist cannot tell them apart, so `readDom` covers it.
 *
 * Identity: the 商家编号 (venderId), from order rows or the page header.
 *
 * Test URLs:
 * https://shop.jd.com/jdm/comment/list
 * https://porder.shop.jd.com/order/orderlist/allOrders
 * https://shop.jd.com/jdm/trade/orders/order-list?tabType=waitOut
 */
import type { OrderDraft, ParseResult, ReviewDraft } from '../capture/batch';
import type { OrderStatus, Polarity } from '../model';
import { provinceOf } from '../provinces';
import type { TableRow } from './dom-table';
import { cellAt, domTableReader, recordKey, replyFromCell, shopFromHeader, starFromText } from './dom-table';
import { ENDPOINTS } from './endpoints';
import { PLATFORM_HOSTS } from './hosts';
import { rowKeyOf, tableReplyBox } from './reply-fill';
import type { Obj, RowError } from './parse-utils';
import {
  TimeUnitError,
  collectRows,
  idOf,
  isObj,
  list,
  maskedNick,
  msToMs,
  numOf,
  obj,
  objRow,
  parseFrame,
  reject,
  shanghaiDateTimeToMs,
  starOf,
  textOf,
  yes,
  yuanToFen,
} from './parse-utils';
import type { ParseContext, PlatformAdapter } from './types';

/** JOS dates are "yyyy-MM-dd HH:mm:ss" (Asia/Shanghai) or epoch ms; seconds are refused. */
function jdTime(v: unknown, field: string): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'number' || (typeof v === 'string' && /^\d+$/.test(v))) return msToMs(v, field);
  const ms = shanghaiDateTimeToMs(v);
  if (ms === undefined) throw new TimeUnitError(`${field}=${String(v).slice(0, 30)} 不是日期`);
  return ms;
}

/** 京东's own wording: 好评 4–5 星, 中评 2–3 星, 差评 1 星 [G]. */
const polarityOf = (star?: number): Polarity | undefined =>
  star === undefined ? undefined : star >= 4 ? 'good' : star >= 2 ? 'neutral' : 'bad';
const DEFAULT_TEXT =
  /^(此用户未填写评价内容|此用户未及时(填写|做出)评价[,，]?\s*系统默认好评|系统默认好评)[。.!！]?$/;
const isDefaultText = (t: string) => t === '' || DEFAULT_TEXT.test(t);

function review(row: Obj): ReviewDraft | RowError {
  // `id` / `comment_id` in variant envelopes (issue #12).
  const reviewId = idOf(row.commentId ?? row.comment_id ?? row.id);
  if (!reviewId) return ['missing_id', '缺少评价 id（commentId）'];
  const createdAt = jdTime(row.creationTime, 'creationTime');
  if (!createdAt) return ['bad_time', '缺少评价时间 creationTime'];
  const text = (textOf(row.content) ?? '').trim();
  const star = starOf(row.score);
  const replies = list(row.replies);
  // Other shoppers can reply too: only `isVenderReply` says the shop did [G when absent].
  const replied = row.isVenderReply === undefined ? replies.length > 0 : yes(row.isVenderReply);
  const reply = replied ? replies[0] : undefined;
  return {
    platform: 'jd',
    reviewId,
    orderId: idOf(row.orderId),
    productId: idOf(row.skuid ?? row.skuId),
    productName: textOf(row.skuName, 200),
    skuId: idOf(row.skuid ?? row.skuId),
    createdAt,
    star,
    polarity: polarityOf(star),
    text,
    // `pin` is the buyer's account: never read. `nickName` only when the console masked it.
    buyerNick: maskedNick(row.nickName),
    appends: [],
    images: Array.isArray(row.images) ? row.images.length : 0,
    videos: Array.isArray(row.videos) ? row.videos.length : 0,
    replied,
    replyText: textOf(reply?.content)?.trim() || undefined,
    replyAt: reply ? jdTime(reply.creationTime, 'replies.creationTime') : undefined,
    isDefault: isDefaultText(text),
    source: 'api',
  };
}

const ORDER_STATE: Record<string, OrderStatus> = {
  WAIT_SELLER_STOCK_OUT: 'paid',
  WAIT_SELLER_DELIVERY: 'paid',
  SEND_TO_DISTRIBUTION_CENER: 'shipped',
  DISTRIBUTION_CENTER_RECEIVED: 'shipped',
  WAIT_GOODS_RECEIVE_CONFIRM: 'shipped',
  RECEIPTS_CONFIRM: 'completed',
  FINISHED_L: 'completed',
  TRADE_CANCELED: 'cancelled',
};
/** Status words of the console tabs and JOS `orderStateRemark`. */
function statusOfText(t = ''): OrderStatus {
  if (/取消|关闭/.test(t)) return 'cancelled';
  if (/等待付款|待付款/.test(t)) return 'unpaid';
  if (/完成|已收货/.test(t)) return 'completed';
  if (/确认收货|已出库|已发货|配送/.test(t)) return 'shipped';
  if (/等待出库|等待发货|待出库|待发货/.test(t)) return 'paid';
  return 'unknown';
}

// userPin/pin, receiver names, phones and addresses are never read; of consigneeInfo only the province
// (checked against the list of provinces, issue #16).
function order(raw: Obj): OrderDraft | RowError {
  // JOS order_search answers in snake_case (`order_id`, `order_state`): read as the camelCase names.
  const row: Obj = { ...raw };
  for (const [k, v] of Object.entries(raw))
    row[k.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase())] ??= v;
  const orderId = idOf(row.orderId);
  if (!orderId) return ['missing_id', '缺少订单号 orderId'];
  const statusText = textOf(row.orderStateRemark ?? row.orderStatusStr, 200);
  return {
    platform: 'jd',
    orderId,
    status: ORDER_STATE[String(row.orderState)] ?? statusOfText(statusText),
    statusText,
    createdAt: jdTime(row.orderStartTime ?? row.orderCreateTime, 'orderStartTime'),
    paidAt: jdTime(row.paymentConfirmTime, 'paymentConfirmTime'),
    finishedAt: jdTime(row.orderEndTime ?? row.orderCompleteTime, 'orderEndTime'),
    province: provinceOf(obj(row.consigneeInfo).province),
    amountFen: yuanToFen(row.orderPayment ?? row.orderTotalPrice),
    items: list(row.itemInfoList ?? row.orderItems)
      .slice(0, 50)
      .map((it) => ({
        productId: idOf(it.wareId),
        productName: textOf(it.skuName, 200),
        skuId: idOf(it.skuId),
        quantity: numOf(it.itemTotal ?? it.skuNum ?? it.num),
      })),
    source: 'api',
  };
}

const LOGIN = '：登录已过期，请重新登录京东商家后台后刷新本页';
/** JOS `error_response`, a JOS `…_responce` wrapper, or a console `{code, success, message, data}` [G]. */
function unwrap(body: unknown): { error?: string; payloads: Obj[] } {
  if (!isObj(body)) return { error: '响应不是京东接口格式（不是 JSON 对象）', payloads: [] };
  const joserr = body.error_response;
  if (isObj(joserr)) {
    const code = String(joserr.code ?? '');
    const desc = textOf(joserr.zh_desc ?? joserr.en_desc, 80) ?? '';
    return {
      error: `京东返回错误 ${code} ${desc}${code === '19' || /token|授权/i.test(desc) ? LOGIN : '：请刷新页面后重试'}`,
      payloads: [],
    };
  }
  const josKey = Object.keys(body).find((k) => /_respon[cs]e$/.test(k));
  const inner = josKey ? obj(body[josKey]) : body;
  const code = inner.code ?? inner.resultCode;
  const ok = code === undefined || ['0', '200'].includes(String(code));
  if (inner.success === false || !ok) {
    const msg = textOf(inner.message ?? inner.msg ?? inner.errorMessage, 80) ?? '';
    const hint =
      /^40[13]$/.test(String(code)) || /登录|login|token/i.test(msg) ? LOGIN : '：请刷新页面后重试';
    return { error: `京东返回错误 ${String(code ?? '')}${msg ? ' ' + msg : ''}${hint}`, payloads: [] };
  }
  const nested = Object.values(inner).filter(isObj);
  return { payloads: [obj(inner.result), obj(inner.data), inner, ...nested] };
}

function parse(endpointId: string, body: unknown, _ctx: ParseContext): ParseResult {
  const u = unwrap(body);
  const find = (k: string) => u.payloads.map((p) => p[k]).find(Array.isArray) as unknown[] | undefined;
  return parseFrame(u.error, (r) => {
    if (endpointId === 'venderComments') {
      // `result.data` in one variant envelope (issue #12); a bare `data` array is no known shape.
      const inResult = u.payloads[0]?.data;
      const rows = find('comments') ?? find('list') ?? (Array.isArray(inResult) ? inResult : undefined);
      if (!rows) r.rejects.push(reject('schema', '响应中找不到评价列表 comments：京东后台接口可能已改版'));
      else collectRows(rows, objRow(review), (x) => x.reviewId, r.reviews, r);
    } else if (endpointId === 'orderList') {
      const rows = find('orderList') ?? find('orderInfoList') ?? find('order_info_list');
      if (!rows) r.rejects.push(reject('schema', '响应中找不到订单列表 orderList：京东后台接口可能已改版'));
      else {
        collectRows(rows, objRow(order), (x) => x.orderId, r.orders, r);
        const venders = new Set(
          list(rows)
            .map((x) => idOf(x.venderId))
            .filter(Boolean),
        );
        const [vender] = venders;
        if (vender && venders.size === 1) r.store = { platform: 'jd', shopId: vender, via: 'api' };
      }
    } else r.rejects.push(reject('unknown_endpoint', `未知接口 ${endpointId}`));
  });
}

// ---- DOM fallback: tables read by header text (lib/platforms/dom-table.ts). ----

const REVIEW_COLS = {
  id: /^评价(ID|编号)$/i,
  text: /^(评价内容|评价)$/,
  star: /^(评分|星级|评价星级|商品评分)$/,
  time: /^评价时间$/,
  order: /^订单(号|编号)$/,
  product: /^商品(名称|信息)?$/,
  sku: /^(SKU|SKU编号|商品编号)$/i,
  reply: /^(商家回复|回复内容|回复)$/,
  nick: /^(买家|买家昵称|用户|评价人)$/,
};
const ORDER_COLS = {
  id: /^订单(号|编号)$/,
  status: /^(订单状态|状态)$/,
  created: /^(下单时间|创建时间|订单创建时间)$/,
  paid: /^(付款时间|支付时间)$/,
  finished: /^(完成时间|订单完成时间)$/,
  product: /^商品(名称|信息)?$/,
  sku: /^(SKU|SKU编号|商品编号)$/i,
  quantity: /^(数量|商品数量)$/,
  amount: /^(实付金额|订单金额|应付金额|金额)$/,
};

function domReview(c: Record<keyof typeof REVIEW_COLS, number>) {
  return ({ cells, key }: TableRow): ReviewDraft | RowError => {
    const at = (k: keyof typeof REVIEW_COLS) => cellAt(cells, c[k]);
    const orderId = idOf(at('order'));
    const sku = idOf(at('sku'));
    // Row keys shorter than 6 characters are list indexes, not ids. Without an id, a composite
    // 订单号-SKU (one review per SKU of an order) keeps rows apart; it will not merge with API captures.
    const reviewId = idOf(at('id')) ?? recordKey(key) ?? (orderId && (sku ? `${orderId}-${sku}` : orderId));
    if (!reviewId) return ['missing_id', '表格行缺少评价编号或订单号'];
    const createdAt = shanghaiDateTimeToMs(at('time'));
    if (!createdAt) return ['bad_time', `评价时间无法识别（${at('time') ?? '空'}）`];
    const text = at('text') ?? '';
    const star = starFromText(at('star'));
    const replyText = replyFromCell(at('reply'));
    return {
      platform: 'jd',
      reviewId,
      orderId,
      productId: sku,
      productName: at('product')?.slice(0, 200),
      skuId: sku,
      createdAt,
      star,
      polarity: polarityOf(star),
      text: text.slice(0, 5000),
      buyerNick: maskedNick(at('nick')),
      appends: [],
      images: 0,
      videos: 0,
      replied: Boolean(replyText),
      replyText,
      isDefault: isDefaultText(text),
      source: 'dom',
    };
  };
}

function domOrder(c: Record<keyof typeof ORDER_COLS, number>) {
  return ({ cells }: TableRow): OrderDraft | RowError => {
    const at = (k: keyof typeof ORDER_COLS) => cellAt(cells, c[k]);
    const orderId = idOf(at('id'));
    if (!orderId) return ['missing_id', '表格行缺少订单号'];
    return {
      platform: 'jd',
      orderId,
      status: statusOfText(at('status')),
      statusText: at('status')?.slice(0, 200),
      createdAt: shanghaiDateTimeToMs(at('created')),
      paidAt: shanghaiDateTimeToMs(at('paid')),
      finishedAt: shanghaiDateTimeToMs(at('finished')),
      amountFen: yuanToFen(at('amount')),
      items: [
        {
          skuId: idOf(at('sku')),
          productName: at('product')?.slice(0, 200),
          quantity: numOf(at('quantity')),
        },
      ],
      source: 'dom',
    };
  };
}

/** The header shows the shop name and "商家编号：123" (商家ID) [G: text pattern, no class names]. */
const identifyFromDom = (doc: Document) =>
  shopFromHeader(doc, 'jd', /商家\s*(?:编号|ID)\s*[:：]\s*(\d{4,20})?/i);

/**
 * DOM fallback: reads the review table (评价内容 + 评价时间 columns) and the order table (订单号 + 订单状态)
 * the page shows. Columns are found by header text; 收货人/手机/地址 columns are never read. `url` is not
 * needed: tables are recognised by their headers on any page.
 */
export const readDom = domTableReader([REVIEW_COLS, domReview], [ORDER_COLS, domOrder], identifyFromDom);

export const jd: PlatformAdapter = {
  id: 'jd',
  name: '京东',
  hosts: PLATFORM_HOSTS.jd,
  timeUnit: 'date-string',
  endpoints: ENDPOINTS.jd,
  sampleUrls: [
    'https://shop.jd.com/jdm/comment/list',
    'https://porder.shop.jd.com/order/orderlist/allOrders',
    'https://shop.jd.com/jdm/trade/orders/order-list?tabType=waitOut',
  ],
  startPages: [
    // [G] page path: no public source names the console's review page.
    { label: '评价管理', url: 'https://shop.jd.com/jdm/comment/list' },
    { label: '订单管理', url: 'https://porder.shop.jd.com/order/orderlist/allOrders' },
  ],
  parse,
  identifyFromDom,
  readDom,
  // Row → review id by the DOM fallback's own rule (domReview), so rows meet the records readDom stored.
  replyBox: tableReplyBox({
    idOf(cell, tr) {
      const order = idOf(cell(REVIEW_COLS.order));
      const sku = idOf(cell(REVIEW_COLS.sku));
      return idOf(cell(REVIEW_COLS.id)) ?? rowKeyOf(tr) ?? (order && (sku ? `${order}-${sku}` : order));
    },
  }),
};
