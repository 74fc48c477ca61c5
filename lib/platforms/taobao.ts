/**
 * 千牛 / 淘宝 / 天猫 adapter (myseller.taobao.com, qn.taobao.com). Shapes: shared/platforms.md §2.
 * The console calls mtop on h5api.m.taobao.com: envelope `{api, v, ret: ["SUCCESS::…"], data}`; review
 * times in **ms**; the review list has no stars, only an emotion code (11/12/13).
 *
 * Orders: the 已卖出的宝贝 list's own JSON (`soldList`: `{error, page, mainOrders[]}`; each main order has
 * `orderInfo{id, createTime}`, `payInfo{actualFee}`, `statusInfo{text}`, `subOrders[]{itemInfo}`), read the
 * way public sold-list clients read it [M: one public ERP client posts to /trade/itemlist/asyncSold.htm].
 * Times are Beijing "YYYY-MM-DD HH:mm:ss" strings there [M]; a numeric time is read as ms. `statusInfo.status`
 * as a TOP trade status code is [G]; the Chinese `text` is the fallback. Buyer and receiver fields are never
 * read, except the province at the head of a receiver address. The TOP `taobao.trades.sold.get` shape is
 * not what the page receives and is not modelled; the 订单导出 file import stays the other way in.
 *
 * Test URLs:
 * https://myseller.taobao.com/home.htm/comment-manage/list/rateWait4PC
 * https://qn.taobao.com/home.htm/comment-manage/list/rateWait4PC
 * https://trade.taobao.com/trade/itemlist/list_sold_items.htm
 */
import type { OrderDraft, ParseResult, ReviewDraft } from '../capture/batch';
import type { DimensionId, OrderStatus, Polarity, ScoreDimension, ScoreIndicator } from '../model';
import { provinceOf } from '../provinces';
import { addDays, dayKey, dayStart, DAY_MS } from '../keys';
import { shopFromHeader } from './dom-table';
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
  textOf,
} from './parse-utils';
import type { ParseContext, PlatformAdapter } from './types';

const EMOTION: Record<string, Polarity> = { '11': 'good', '12': 'neutral', '13': 'bad' };
const DEFAULT_TEXT =
  /^(此用户没有填写评价|该用户未填写评价|评价方未及时做出评价[,，]\s*系统默认好评|系统默认好评)[。.!！]?$/;

const mediaCount = (media: unknown, type: 'image' | 'video') =>
  list(media).filter((m) => m.uiType === type || m.type === type).length;

/**
 * Reply state is not a field [G]: the row advertises what the merchant may still do in
 * `operator.dataSource`. A `reply` action means the console still expects a reply, and its `beforeTips`
 * ("还有27天可回复") is the time left, counted in Asia/Shanghai calendar days from the capture, so the
 * deadline is the end of that day. No reply action means nothing is left to answer (already replied, or
 * the window closed); `replyText` tells the two apart when the row carries the reply.
 */
function replyWindow(operators: Obj[], now: number): { open: boolean; deadline?: number } {
  const action = operators.find((o) => o.operateType === 'reply' || o.uiType === 'reply');
  if (!action) return { open: false };
  const tips = textOf(action.beforeTips, 100) ?? '';
  const days = /还有\s*(\d{1,3})\s*天/.exec(tips);
  if (days) return { open: true, deadline: dayStart(addDays(dayKey(now), Number(days[1]))) + DAY_MS - 1 };
  const hours = /还有\s*(\d{1,2})\s*小时/.exec(tips);
  if (hours) return { open: true, deadline: now + Number(hours[1]) * 3_600_000 };
  return { open: true };
}

/** The merchant's explanation, where the row carries it [G: `reply` as text or `{content}`]. */
const replyOf = (rate: Obj): string | undefined =>
  (textOf(rate.reply) ?? textOf(obj(rate.reply).content) ?? textOf(rate.replyContent))?.trim() || undefined;

function review(row: Obj, now: number): ReviewDraft | RowError {
  const content = obj(row.rateContent);
  const main = obj(content.mainRate);
  const reviewId = idOf(main.feedId);
  if (!reviewId) return ['missing_id', '缺少评价 id（rateContent.mainRate.feedId）'];
  const createdAt = msToMs(main.date, 'mainRate.date');
  if (!createdAt) return ['bad_time', '缺少评价时间 mainRate.date'];
  const order = obj(row.orderInfo);
  const item = obj(row.itemInfo);
  const text = (textOf(main.content) ?? '').trim();
  const append = isObj(content.appendRate) ? content.appendRate : undefined;
  const operators = list(obj(row.operator).dataSource);
  const reply = replyWindow(operators, now);
  const replyText = replyOf(main);
  const complaints = operators.filter((o) => o.uiType === 'complaintCro').map((o) => textOf(o.content, 20));
  return {
    platform: 'taobao',
    reviewId,
    orderId: idOf(order.orderId) ?? idOf(item.orderId),
    parentOrderId: idOf(order.mainOrderId),
    productId: idOf(item.itemId),
    productName: textOf(item.title, 200),
    createdAt,
    // No star here: the seller list hides DSR stars (platforms.md §2.2), so star* stay undefined.
    polarity: EMOTION[String(obj(row.emotionType).status)],
    text,
    buyerNick: maskedNick(obj(row.userInfo).userName),
    appends: append
      ? [
          {
            text: textOf(append.content) ?? '',
            at: msToMs(append.date, 'appendRate.date'),
            images: mediaCount(append.mediaList, 'image'),
          },
        ]
      : [],
    images: mediaCount(main.mediaList, 'image'),
    videos: mediaCount(main.mediaList, 'video'),
    replied: Boolean(replyText) || !reply.open,
    replyText,
    replyDeadline: reply.deadline,
    appealState: complaints.length ? `可投诉（${complaints.filter(Boolean).join('、')}）` : undefined,
    isDefault: text === '' || DEFAULT_TEXT.test(text),
    source: 'api',
  };
}

function rows(data: Obj, now: number, r: ParseResult): void {
  const inner = obj(data.data);
  const source = Array.isArray(inner.dataSource) ? inner.dataSource : data.dataSource;
  if (!Array.isArray(source)) {
    r.rejects.push(reject('schema', '响应中找不到评价列表（data.data.dataSource）：千牛接口可能已改版'));
    return;
  }
  // mainRate.date is ms per the public sources; a list whose every date is in seconds is read so (issue #12).
  inListUnit(source, 'ms', () =>
    collectRows(
      source,
      objRow((row) => review(row, now)),
      (x) => x.reviewId,
      r.reviews,
      r,
      '评价',
    ),
  );
}

const DIMENSION_OF = (name: string): DimensionId =>
  /宝贝|商品|质量/.test(name)
    ? 'product'
    : /物流/.test(name)
      ? 'logistics'
      : /服务/.test(name)
        ? 'service'
        : 'other';
const STORE_CODES: Record<string, [DimensionId, string]> = {
  newGoods: ['product', '宝贝质量'],
  newLogistics: ['logistics', '物流速度'],
  newServices: ['service', '服务保障'],
};
/** "--" and empty strings are the console's "no data". */
const scoreOf = (v: unknown): number | null => numOf(v) ?? null;
/** Score pages carry their statistics day as "YYYY-MM-DD" or "YYYYMMDD" [G]; else the capture day. */
function dateOf(v: unknown, now: number): string {
  const s = typeof v === 'string' ? v.replace(/^(\d{4})(\d{2})(\d{2})$/, '$1-$2-$3') : undefined;
  return dayKey(shanghaiDateTimeToMs(s) ?? now);
}

/** 真实体验分 card (`mtop.alibaba.tmall.front.store.index`): total (`nps`) and the three dimensions. */
function storeIndex(data: Obj, now: number, r: ParseResult): void {
  const ds = obj(data.dataSource ?? obj(data.data).dataSource);
  const items = list(ds.list);
  if (!items.length) {
    r.rejects.push(reject('schema', '真实体验分响应中找不到 dataSource.list：千牛页面可能已改版'));
    return;
  }
  const dims: ScoreDimension[] = [];
  for (const it of items) {
    const known = STORE_CODES[String(it.code)];
    if (!known) continue;
    dims.push({ id: known[0], name: textOf(it.name, 200) ?? known[1], value: numOf(it.score) });
  }
  r.scores.push({
    platform: 'taobao',
    kind: 'taobao.real_experience',
    date: dateOf(ds.statDate ?? ds.bizDate, now),
    scaleMin: 3,
    scaleMax: 5,
    value: scoreOf(items.find((it) => it.code === 'nps')?.score),
    dimensions: dims,
    indicators: [],
  });
  r.seen += 1;
}

/**
 * 真实体验分 indicators (`mtop.sdx.nps.home.indexsummary`). Stored under its own kind: scores are one row
 * per kind and day, so sharing `taobao.real_experience` with the card would let one overwrite the other.
 */
function indexSummary(data: Obj, now: number, r: ParseResult): void {
  const inner = obj(data.data);
  const mains = list(inner.mainIndexInfoList ?? data.mainIndexInfoList);
  if (!mains.length) {
    r.rejects.push(reject('schema', '体验分指标响应中找不到 mainIndexInfoList：千牛页面可能已改版'));
    return;
  }
  const dims: ScoreDimension[] = [];
  const indicators: ScoreIndicator[] = [];
  for (const main of mains) {
    const name = textOf(main.name, 200) ?? '未命名维度';
    const dimension = DIMENSION_OF(name);
    if (numOf(main.score) !== undefined) dims.push({ id: dimension, name, value: numOf(main.score) });
    for (const sub of list(main.subIndexInfoList)) {
      const subName = textOf(sub.name, 200) ?? '未命名指标';
      indicators.push({
        id: textOf(sub.code, 200) ?? subName,
        dimension,
        name: subName,
        value: scoreOf(sub.value),
        display: textOf(sub.showValue, 200),
        unit: textOf(sub.unit, 50),
        score: scoreOf(sub.score),
      });
    }
  }
  r.scores.push({
    platform: 'taobao',
    kind: 'taobao.real_experience.detail',
    date: dateOf(inner.statDate ?? inner.bizDate, now),
    scaleMin: 3,
    scaleMax: 5,
    dimensions: dims.slice(0, 12),
    indicators: indicators.slice(0, 60),
  });
  r.seen += 1;
}

/** mtop error codes seen on consoles [G] → what the merchant can do. */
const MTOP_HINTS: [RegExp, string][] = [
  [/SESSION_EXPIRED|SID_INVALID/, '登录已过期，请在千牛重新登录后刷新本页'],
  [/TOKEN_EXOIRED|TOKEN_EXPIRED|TOKEN_EMPTY/, '接口令牌过期，页面一般会自动重试；数据没更新时请刷新本页'],
  [/USER_VALIDATE|RGV587/, '平台要求安全验证，请在页面上完成验证后刷新'],
  [/FLOWLIMIT|TRAFFIC_LIMIT/, '请求过于频繁，请稍等片刻再翻页'],
];

function envelopeError(body: unknown): string | undefined {
  const ret = obj(body).ret;
  const first = Array.isArray(ret) ? ret[0] : undefined;
  if (typeof first !== 'string') return '响应不是千牛 mtop 接口格式（缺少 ret）';
  if (first.startsWith('SUCCESS')) {
    const data = obj(obj(body).data);
    if (data.success === false)
      return `千牛接口返回失败：${textOf(data.errorMsg ?? data.msg, 80) ?? '未说明原因'}`;
    return undefined;
  }
  const [code = '', desc = ''] = first.split('::');
  const hint = MTOP_HINTS.find(([re]) => re.test(code))?.[1] ?? '请刷新页面后重试';
  return `千牛返回错误 ${code.slice(0, 60)}${desc ? `（${desc.slice(0, 40)}）` : ''}：${hint}`;
}

/** TOP trade status codes [S: taobao.trades.sold.get], where the sold list carries one [G]. */
const TRADE_STATUS: Record<string, OrderStatus> = {
  WAIT_BUYER_PAY: 'unpaid',
  TRADE_NO_CREATE_PAY: 'unpaid',
  PAY_PENDING: 'unpaid',
  WAIT_SELLER_SEND_GOODS: 'paid',
  PAID_FORBID_CONSIGN: 'paid',
  SELLER_CONSIGNED_PART: 'shipped',
  WAIT_BUYER_CONFIRM_GOODS: 'shipped',
  TRADE_BUYER_SIGNED: 'shipped',
  TRADE_FINISHED: 'completed',
  TRADE_CLOSED: 'cancelled',
  TRADE_CLOSED_BY_TAOBAO: 'cancelled',
};

/** The console's status wording (买家已付款, 卖家已发货, 交易成功, 交易关闭, 等待买家付款). */
function statusOfText(t = ''): OrderStatus {
  if (/交易成功/.test(t)) return 'completed';
  if (/关闭|取消/.test(t)) return 'cancelled';
  if (/已发货|待收货|确认收货|已签收/.test(t)) return 'shipped';
  if (/已付款|待发货/.test(t)) return 'paid';
  if (/等待买家付款|待付款/.test(t)) return 'unpaid';
  return 'unknown';
}

/** A sold-list time: a Beijing date-time string [M], or ms; absent → undefined; present but unreadable → error. */
function soldTime(v: unknown, field: string): number | undefined | RowError {
  if (v === undefined || v === null || v === '') return undefined;
  const t = typeof v === 'number' ? msToMs(v, field) : shanghaiDateTimeToMs(v);
  return t ?? ['bad_time', `无法识别的时间 ${field}`];
}

function soldOrder(row: Obj): OrderDraft | RowError {
  const info = obj(row.orderInfo);
  const orderId = idOf(info.id ?? row.id);
  if (!orderId) return ['missing_id', '缺少订单号 orderInfo.id'];
  const createdAt = soldTime(info.createTime, 'orderInfo.createTime');
  if (Array.isArray(createdAt)) return createdAt;
  const paidAt = soldTime(info.payTime, 'orderInfo.payTime');
  if (Array.isArray(paidAt)) return paidAt;
  const st = obj(row.statusInfo);
  const code = textOf(st.status, 60);
  const statusText = textOf(st.text, 200);
  const fee = numOf(obj(row.payInfo).actualFee);
  // The receiver is read for its province only: the head of the address; name and phone are never read.
  const receiver = obj(row.receiverInfo);
  return {
    platform: 'taobao',
    orderId,
    status: (code && TRADE_STATUS[code]) || statusOfText(statusText),
    statusText,
    createdAt,
    paidAt,
    province: provinceOf(receiver.province) ?? provinceOf(textOf(receiver.address, 20)),
    amountFen: fee === undefined || fee < 0 ? undefined : Math.round(fee * 100),
    items: list(row.subOrders)
      .slice(0, 50)
      .map((sub) => {
        const item = obj(sub.itemInfo);
        const sku = list(item.skuText)
          .map((x) => [textOf(x.name, 20), textOf(x.value, 60)].filter(Boolean).join('：'))
          .join('；');
        const qty = numOf(sub.quantity);
        return {
          itemOrderId: idOf(sub.id),
          productId: idOf(item.id ?? item.itemId),
          productName: textOf(item.title, 200),
          skuText: sku ? sku.slice(0, 200) : undefined,
          quantity: qty !== undefined && Number.isInteger(qty) && qty >= 0 ? qty : undefined,
        };
      }),
    source: 'api',
  };
}

/** 已卖出的宝贝 JSON: not an mtop envelope; `error` holds the console's message when the query failed. */
function parseSold(body: unknown): ParseResult {
  const b = obj(body);
  const error = textOf(b.error, 120)?.trim();
  // A gateway answer in the mtop envelope (`ret: ["FAIL_SYS_SESSION_EXPIRED::…"]`) says why just as well.
  const mtopError = Array.isArray(b.ret) ? envelopeError(body) : undefined;
  const failed = error ? `已卖出的宝贝接口返回错误：${error}（请刷新页面或重新登录）` : mtopError;
  return parseFrame(failed, (r) => {
    const rows = [b.mainOrders, obj(b.data).mainOrders].find(Array.isArray) as unknown[] | undefined;
    if (!rows)
      r.rejects.push(reject('schema', '响应中找不到订单列表 mainOrders：淘宝已卖出的宝贝接口可能已改版'));
    else collectRows(rows, objRow(soldOrder), (x) => x.orderId, r.orders, r);
  });
}

function parse(endpointId: string, body: unknown, ctx: ParseContext): ParseResult {
  if (endpointId === 'soldList') return parseSold(body);
  return parseFrame(envelopeError(body), (r) => {
    const data = obj(obj(body).data);
    if (endpointId === 'rateList') rows(data, ctx.now, r);
    else if (endpointId === 'storeIndex') storeIndex(data, ctx.now, r);
    else if (endpointId === 'npsIndexSummary') indexSummary(data, ctx.now, r);
    else r.rejects.push(reject('unknown_endpoint', `未知接口 ${endpointId}`));
  });
}

/** The 千牛 header shows the shop name and "店铺ID：123" (or 卖家ID) [G: text pattern, no class names]. */
const identifyFromDom = (doc: Document) =>
  shopFromHeader(doc, 'taobao', /(?:店铺|卖家)\s*ID\s*[:：]\s*(\d{4,20})?/i);

export const taobao: PlatformAdapter = {
  id: 'taobao',
  name: '淘宝/天猫',
  hosts: PLATFORM_HOSTS.taobao,
  timeUnit: 'ms',
  endpoints: ENDPOINTS.taobao,
  sampleUrls: [
    'https://myseller.taobao.com/home.htm/comment-manage/list/rateWait4PC',
    'https://qn.taobao.com/home.htm/comment-manage/list/rateWait4PC',
    'https://myseller.taobao.com/home.htm/shop-experience/real-score',
    'https://trade.taobao.com/trade/itemlist/list_sold_items.htm',
  ],
  startPages: [
    { label: '评价管理', url: 'https://myseller.taobao.com/home.htm/comment-manage/list/rateWait4PC' },
    // [G] page path: the score mtop calls are known (§2.1), the page that issues them is not.
    { label: '真实体验分', url: 'https://myseller.taobao.com/home.htm/shop-experience/real-score' },
  ],
  parse,
  identifyFromDom,
  // [G] no saved review page yet: a 评价ID column, or the table library's data-row-key.
  replyBox: tableReplyBox({ idOf: (cell, tr) => idOf(cell(/^评价(ID|编号)$/i)) ?? rowKeyOf(tr) }),
};
