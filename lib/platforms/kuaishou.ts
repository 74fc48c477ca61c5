/**
 * 快手小店 (s.kwaixiaodian.com) adapter. Shapes: shared/platforms.md §5. Envelope `{result: 1, data}`.
 *
 * Reviews [G]: the console's review JSON is not public. The parser takes the open-platform
 * `open.comment.list.get` result (`data.rootComment[]` of ItemCommentBaseInfo) as what the console's own
 * endpoint returns, at a guessed path (lib/platforms/endpoints.ts); `readDom` reads the table otherwise.
 * Time unit: **ms**. §5 has one client querying with ms against one SDK doc string saying seconds; the
 * cross-platform table leans to ms, so ms it is, and a seconds value is rejected as `bad_time` rather
 * than silently rescaled (a wrong guess then shows up in capture health instead of in the data).
 *
 * 店铺体验分 (`/rest/app/tts/apollo/shopexp/getDetail`): shape unknown, read defensively.
 *
 * Orders (issue #12): the console's order JSON is not public either. Like reviews, the parser takes the
 * open-platform order shape (`open.order.cursor.list`, platforms.md §5: `orderBaseInfo{oid, status,
 * createTime, payTime, sendTime, totalFee (分)}`, `orderItemInfo`, `orderAddress`, `orderLogisticsInfo[]`)
 * at a guessed path, and also the flat rows some clients return. Only the province of `orderAddress` is
 * kept; consignee, phone and the rest of the address are never read.
 *
 * Test URLs:
 * https://s.kwaixiaodian.com/zone/comment/list
 * https://s.kwaixiaodian.com/zone/cultivation/shop/experience
 * https://s.kwaixiaodian.com/zone/order/list
 */
import type { OrderDraft, ParseResult, ReviewDraft } from '../capture/batch';
import type { DimensionId, OrderStatus, Polarity, ScoreDimension, ScoreIndicator } from '../model';
import { DAY_MS, dayKey } from '../keys';
import { provinceOf } from '../provinces';
import type { TableRow } from './dom-table';
import { cellAt, domTableReader, recordKey, replyFromCell, shopFromHeader, starFromText } from './dom-table';
import { ENDPOINTS } from './endpoints';
import { PLATFORM_HOSTS } from './hosts';
import { rowKeyOf, tableReplyBox } from './reply-fill';
import type { Obj, RowError } from './parse-utils';
import {
  collectRows,
  idOf,
  isObj,
  list,
  maskedNick,
  inListUnit,
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

/** Open-platform rule [M]: the merchant may reply within 30 days of the review. */
const REPLY_DAYS = 30;
const DEFAULT_TEXT = /^(此用户未填写评价内容|该用户未填写评价|系统默认好评|用户默认好评)[。.!！]?$/;
const polarityOf = (star?: number): Polarity | undefined =>
  star === undefined ? undefined : star >= 4 ? 'good' : star === 3 ? 'neutral' : 'bad';

function review(row: Obj): ReviewDraft | RowError {
  const reviewId = idOf(row.commentId);
  if (!reviewId) return ['missing_id', '缺少评价 id（commentId）'];
  const createdAt = msToMs(row.createTime, 'createTime');
  if (!createdAt) return ['bad_time', '缺少评价时间 createTime'];
  const text = (textOf(row.content) ?? '').trim();
  const reply = textOf(row.sellerReply) ?? textOf(obj(row.sellerReply).content);
  const replied = yes(row.replied) || Boolean(reply?.trim());
  // The list shows the product-quality star first; it stands for the review's star [G].
  const star = starOf(row.qualityScore);
  const complain = numOf(row.complainStatus);
  return {
    platform: 'kuaishou',
    reviewId,
    orderId: idOf(row.orderId),
    productId: idOf(row.itemId),
    productName: textOf(row.itemTitle ?? row.itemName, 200),
    skuId: idOf(row.itemSkuId),
    createdAt,
    star,
    starProduct: star,
    starLogistics: starOf(row.logisticsScore),
    starService: starOf(row.serviceScore),
    polarity: polarityOf(star),
    text,
    buyerNick: maskedNick(row.nickName ?? row.buyerNick),
    // `attached` says an append exists; its text field is not documented [G: attachedContent].
    appends: yes(row.attached)
      ? [{ text: textOf(row.attachedContent) ?? '', at: msToMs(row.attachedTime, 'attachedTime') }]
      : [],
    images: Array.isArray(row.imageUrl) ? row.imageUrl.length : 0,
    videos: Array.isArray(row.videoId) ? row.videoId.length : 0,
    replied,
    replyText: reply?.trim() || undefined,
    replyDeadline: replied ? undefined : createdAt + REPLY_DAYS * DAY_MS,
    appealState: textOf(row.complainStatusDesc, 200) ?? (complain ? `申诉状态 ${complain}` : undefined),
    countsTowardScore: row.valid === undefined ? undefined : yes(row.valid),
    isDefault: yes(row.auto) || text === '' || DEFAULT_TEXT.test(text),
    source: 'api',
  };
}

/** Open-platform order status codes [M]: 10 待付款, 30 已付款, 40 已发货, 50 已签收, 70 成功, 80 失败/关闭. */
const ORDER_STATUS: Record<number, OrderStatus> = {
  10: 'unpaid',
  30: 'paid',
  40: 'shipped',
  50: 'shipped',
  70: 'completed',
  80: 'cancelled',
};
/** A time field that is 0 or absent means "not yet" (an unshipped order's sendTime), not a bad time. */
const timeOrNone = (v: unknown, field: string) => (numOf(v) ? msToMs(v, field) : undefined);

function order(row: Obj): OrderDraft | RowError {
  // Nested (open.order.cursor.list) or flat rows: the same names either way.
  const base: Obj = isObj(row.orderBaseInfo) ? row.orderBaseInfo : row;
  const items = [row.orderItemInfo, ...list(row.orderItemInfoList ?? row.itemList)].filter(isObj);
  const orderId = idOf(base.oid ?? base.orderId);
  if (!orderId) return ['missing_id', '缺少订单号 oid'];
  const code = numOf(base.status);
  const address = obj(row.orderAddress);
  const logistics = list(row.orderLogisticsInfo)[0];
  const refund = list(row.orderRefundList)[0];
  return {
    platform: 'kuaishou',
    orderId,
    status: (code !== undefined && ORDER_STATUS[code]) || 'unknown',
    statusText: textOf(base.statusDesc ?? base.statusText, 200),
    createdAt: timeOrNone(base.createTime, 'createTime'),
    paidAt: timeOrNone(base.payTime, 'payTime'),
    shippedAt: timeOrNone(base.sendTime, 'sendTime'),
    promisedShipAt: timeOrNone(base.promiseTimeStampOfDelivery, 'promiseTimeStampOfDelivery'),
    carrier: textOf(logistics?.logisticsName ?? logistics?.expressName, 40),
    // Province only: from its own field, else the head of a flat address string (the rest is dropped).
    province: provinceOf(address.province) ?? provinceOf(textOf(base.address, 20)),
    amountFen: numOf(base.totalFee),
    items: (items.length ? items : [base]).slice(0, 50).map((it) => ({
      productId: idOf(it.itemId),
      productName: textOf(it.itemTitle, 200),
      skuId: idOf(it.skuId),
      skuText: textOf(it.skuDesc, 200),
      quantity: numOf(it.num),
    })),
    afterSale: refund
      ? {
          status: 'other',
          reason: textOf(refund.refundReason, 200),
          text: textOf(refund.refundStatusDesc, 200),
        }
      : undefined,
    source: 'api',
  };
}

const dimensionOf = (name: string): DimensionId =>
  /商品|质量|描述/.test(name)
    ? 'product'
    : /物流|发货|配送/.test(name)
      ? 'logistics'
      : /服务|售后|客服/.test(name)
        ? 'service'
        : 'other';
const dimensionOfKey = (key: string): DimensionId | undefined =>
  /goods|item|product|quality/i.test(key)
    ? 'product'
    : /logistic|delivery/i.test(key)
      ? 'logistics'
      : /service|aftersale/i.test(key)
        ? 'service'
        : undefined;
const firstNum = (o: Obj, keys: string[]) => keys.map((k) => numOf(o[k])).find((n) => n !== undefined);
const firstList = (o: Obj, keys: string[]) => keys.map((k) => list(o[k])).find((l) => l.length > 0) ?? [];
const nameOf = (o: Obj) => textOf(o.name ?? o.title ?? o.dimensionName ?? o.indicatorName, 200);
const INDICATOR_LISTS = ['indicators', 'indicatorList', 'subIndicators', 'children', 'items', 'detailList'];

function indicatorsOf(items: Obj[], dimension: DimensionId): ScoreIndicator[] {
  return items.map((it) => {
    const name = nameOf(it) ?? '未命名指标';
    return {
      id: textOf(it.code ?? it.key, 200) ?? name,
      dimension,
      name,
      value: firstNum(it, ['value', 'indicatorValue', 'rate']) ?? null,
      display: textOf(it.showValue ?? it.displayValue, 200),
      unit: textOf(it.unit, 50),
      score: firstNum(it, ['score', 'indicatorScore']) ?? null,
    };
  });
}

/** Dated "YYYY-MM-DD…" strings or epoch ms; anything else falls back to the capture day. */
function scoreDay(v: unknown, now: number): string {
  if (typeof v === 'number' && v >= 946_684_800_000 && v <= 4_102_444_800_000) return dayKey(v);
  return dayKey(shanghaiDateTimeToMs(v) ?? now);
}

/** 店铺体验分, shape unknown [G]: dimension lists with nested indicators, or flat `…Score` fields. */
function shopExp(data: Obj, now: number, r: ParseResult): void {
  const value = firstNum(data, [
    'totalScore',
    'shopExpScore',
    'experienceScore',
    'expScore',
    'shopScore',
    'score',
  ]);
  const dims: ScoreDimension[] = [];
  const indicators: ScoreIndicator[] = [];
  for (const item of firstList(data, [
    'scoreItems',
    'dimensions',
    'dimensionList',
    'subScores',
    'scoreList',
  ])) {
    const name = nameOf(item) ?? '未命名维度';
    const id = dimensionOf(name);
    dims.push({ id, name, value: firstNum(item, ['score', 'value']) });
    indicators.push(...indicatorsOf(firstList(item, INDICATOR_LISTS), id));
  }
  if (!dims.length)
    for (const [k, v] of Object.entries(data)) {
      const id = /score$/i.test(k) && numOf(v) !== undefined ? dimensionOfKey(k) : undefined;
      if (id) dims.push({ id, name: k.slice(0, 200), value: numOf(v) });
    }
  indicators.push(...indicatorsOf(firstList(data, ['indicators', 'indicatorList']), 'other'));
  if (value === undefined && !dims.length) {
    r.rejects.push(reject('schema', '体验分响应中找不到分数字段：快手后台页面可能已改版'));
    return;
  }
  const shopId = idOf(data.shopId);
  if (shopId) r.store = { platform: 'kuaishou', shopId, name: textOf(data.shopName, 200), via: 'api' };
  r.scores.push({
    platform: 'kuaishou',
    kind: 'kuaishou.experience',
    date: scoreDay(data.updateTime ?? data.statDate ?? data.date, now),
    // 5-point unless the number says otherwise [G: the console's scale is not documented].
    scaleMin: 0,
    scaleMax: value !== undefined && value > 5 ? 100 : 5,
    value: value ?? null,
    dimensions: dims.slice(0, 12),
    indicators: indicators.slice(0, 60),
  });
  r.seen += 1;
}

function envelopeError(body: unknown): string | undefined {
  const env = obj(body);
  const code = numOf(env.result);
  if (!isObj(body) || code === undefined) return '响应不是快手小店接口格式（缺少 result）';
  if (code === 1) return undefined;
  const msg = textOf(env.error_msg ?? env.msg ?? env.message, 80) ?? '';
  // [G] 109 is the not-logged-in result seen on kwaixiaodian REST calls.
  const hint =
    code === 109 || /登录|login/i.test(msg)
      ? '：登录已过期，请重新登录快手小店后刷新本页'
      : '：请刷新页面后重试';
  return `快手小店返回错误 ${code}${msg ? ' ' + msg : ''}${hint}`;
}

function parse(endpointId: string, body: unknown, ctx: ParseContext): ParseResult {
  return parseFrame(envelopeError(body), (r) => {
    const data = obj(obj(body).data);
    if (endpointId === 'commentList') {
      const rows = [data.rootComment, data.list, data.comments].find(Array.isArray) as unknown[] | undefined;
      if (!rows)
        r.rejects.push(reject('schema', '响应中找不到评价列表 data.rootComment：快手后台接口可能已改版'));
      else
        // createTime is ms in public clients, seconds in one SDK doc: the whole list decides (issue #12).
        inListUnit(rows, 'ms', () => void collectRows(rows, objRow(review), (x) => x.reviewId, r.reviews, r));
    } else if (endpointId === 'orderList') {
      const rows = [data.orderList, data.list, data.orders].find(Array.isArray) as unknown[] | undefined;
      if (!rows)
        r.rejects.push(reject('schema', '响应中找不到订单列表 data.orderList：快手后台接口可能已改版'));
      else inListUnit(rows, 'ms', () => void collectRows(rows, objRow(order), (x) => x.orderId, r.orders, r));
    } else if (endpointId === 'shopExpDetail') shopExp(data, ctx.now, r);
    else r.rejects.push(reject('unknown_endpoint', `未知接口 ${endpointId}`));
  });
}

// ---- DOM fallback: tables read by header text (lib/platforms/dom-table.ts). ----

const REVIEW_COLS = {
  id: /^评价(ID|编号)$/i,
  text: /^(评价内容|评价)$/,
  quality: /^(商品质量|质量评分|商品评分|评分)$/,
  logistics: /^(物流服务|物流评分)$/,
  service: /^(服务态度|服务评分)$/,
  time: /^评价时间$/,
  order: /^订单(号|编号)$/,
  product: /^商品(名称|信息)?$/,
  reply: /^(商家回复|回复内容|回复)$/,
  nick: /^(买家|买家昵称|用户|用户昵称)$/,
};
const ORDER_COLS = {
  id: /^订单(号|编号)$/,
  status: /^(订单状态|状态)$/,
  created: /^(下单时间|创建时间)$/,
  paid: /^(支付时间|付款时间)$/,
  shipped: /^发货时间$/,
  product: /^商品(名称|信息)?$/,
  quantity: /^(数量|商品数量)$/,
  amount: /^(实付金额|实付款|订单金额)$/,
  // Issue #16 [G: column names of the 订单管理 table; platforms.md §5 has no 快手 order fields]: of the
  // address only the province it starts with is kept (provinceOf); the courier's name as shown.
  address: /^(收货地址|收件地址|收货信息|省份|收货省份)$/,
  carrier: /^(快递公司|物流公司|承运商)$/,
};

function statusOfText(t = ''): OrderStatus {
  if (/关闭|取消/.test(t)) return 'cancelled';
  if (/待付款|待支付/.test(t)) return 'unpaid';
  if (/交易成功|已完成|已收货/.test(t)) return 'completed';
  if (/已发货|待收货/.test(t)) return 'shipped';
  if (/待发货|已支付/.test(t)) return 'paid';
  return 'unknown';
}

const domReview =
  (c: Record<keyof typeof REVIEW_COLS, number>) =>
  ({ cells, key }: TableRow): ReviewDraft | RowError => {
    const at = (k: keyof typeof REVIEW_COLS) => cellAt(cells, c[k]);
    // Row keys shorter than 6 characters are list indexes, not ids; the order number is the fallback
    // (快手 allows one review per order item) and will not merge with API captures.
    const reviewId = idOf(at('id')) ?? recordKey(key) ?? idOf(at('order'));
    if (!reviewId) return ['missing_id', '表格行缺少评价编号或订单号'];
    const createdAt = shanghaiDateTimeToMs(at('time'));
    if (!createdAt) return ['bad_time', `评价时间无法识别（${at('time') ?? '空'}）`];
    const text = at('text') ?? '';
    const star = starFromText(at('quality'));
    const replyText = replyFromCell(at('reply'));
    return {
      platform: 'kuaishou',
      reviewId,
      orderId: idOf(at('order')),
      productName: at('product')?.slice(0, 200),
      createdAt,
      star,
      starProduct: star,
      starLogistics: starFromText(at('logistics')),
      starService: starFromText(at('service')),
      polarity: polarityOf(star),
      text: text.slice(0, 5000),
      buyerNick: maskedNick(at('nick')),
      appends: [],
      images: 0,
      videos: 0,
      replied: Boolean(replyText),
      replyText,
      replyDeadline: replyText ? undefined : createdAt + REPLY_DAYS * DAY_MS,
      isDefault: text === '' || DEFAULT_TEXT.test(text),
      source: 'dom',
    };
  };

const domOrder =
  (c: Record<keyof typeof ORDER_COLS, number>) =>
  ({ cells }: TableRow): OrderDraft | RowError => {
    const at = (k: keyof typeof ORDER_COLS) => cellAt(cells, c[k]);
    const orderId = idOf(at('id'));
    if (!orderId) return ['missing_id', '表格行缺少订单号'];
    return {
      platform: 'kuaishou',
      orderId,
      status: statusOfText(at('status')),
      statusText: at('status')?.slice(0, 200),
      createdAt: shanghaiDateTimeToMs(at('created')),
      paidAt: shanghaiDateTimeToMs(at('paid')),
      shippedAt: shanghaiDateTimeToMs(at('shipped')),
      amountFen: yuanToFen(at('amount')),
      items: [{ productName: at('product')?.slice(0, 200), quantity: numOf(at('quantity')) }],
      province: provinceOf(at('address')),
      carrier: at('carrier')?.slice(0, 50) || undefined,
      source: 'dom',
    };
  };

/** The header shows the shop name and "店铺ID：123" [G: text pattern, no class names]. */
const identifyFromDom = (doc: Document) =>
  shopFromHeader(doc, 'kuaishou', /店铺\s*ID\s*[:：]\s*(\d{4,20})?/i);

/**
 * DOM fallback: reads the review table (评价内容 + 评价时间) and the order table (订单号 + 订单状态) by
 * header text; 收货人/手机/地址 columns are never read. `url` is not needed: headers identify the tables.
 */
export const readDom = domTableReader([REVIEW_COLS, domReview], [ORDER_COLS, domOrder], identifyFromDom);

export const kuaishou: PlatformAdapter = {
  id: 'kuaishou',
  name: '快手小店',
  hosts: PLATFORM_HOSTS.kuaishou,
  timeUnit: 'ms',
  endpoints: ENDPOINTS.kuaishou,
  sampleUrls: [
    'https://s.kwaixiaodian.com/zone/comment/list',
    'https://s.kwaixiaodian.com/zone/cultivation/shop/experience',
    'https://s.kwaixiaodian.com/zone/order/list',
  ],
  startPages: [
    // [G] page paths for reviews and the score; /zone/order/list is seen in public code [M].
    { label: '评价管理', url: 'https://s.kwaixiaodian.com/zone/comment/list' },
    { label: '店铺体验分', url: 'https://s.kwaixiaodian.com/zone/cultivation/shop/experience' },
    { label: '订单管理', url: 'https://s.kwaixiaodian.com/zone/order/list' },
  ],
  parse,
  identifyFromDom,
  readDom,
  // Row → review id by the DOM fallback's own rule (domReview).
  replyBox: tableReplyBox({
    idOf: (cell, tr) => idOf(cell(REVIEW_COLS.id)) ?? rowKeyOf(tr) ?? idOf(cell(REVIEW_COLS.order)),
  }),
};
