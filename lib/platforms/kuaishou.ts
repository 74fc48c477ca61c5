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
 * Test URLs:
 * https://s.kwaixiaodian.com/zone/comment/list
 * https://s.kwaixiaodian.com/zone/cultivation/shop/experience
 * https://s.kwaixiaodian.com/zone/order/list
 */
import type { OrderDraft, ParseResult, ReviewDraft } from '../capture/batch';
import { emptyResult } from '../capture/batch';
import type { DimensionId, OrderStatus, Polarity, Rejection, ScoreDimension, ScoreIndicator } from '../model';
import { DAY_MS, dayKey } from '../keys';
import { ENDPOINTS } from './endpoints';
import { PLATFORM_HOSTS } from './hosts';
import { rowKeyOf, tableReplyBox } from './reply-fill';
import {
  TimeUnitError,
  idOf,
  maskedNick,
  msToMs,
  numOf,
  reject,
  shanghaiDateTimeToMs,
  starOf,
  textOf,
} from './parse-utils';
import type { ParseContext, PlatformAdapter } from './types';

type Obj = Record<string, unknown>;
type RowError = [Rejection['code'], string];
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const obj = (v: unknown): Obj => (isObj(v) ? v : {});
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);
const yes = (v: unknown) => v === true || v === 1 || v === '1' || v === 'true';

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

/** JSON rows must be objects; anything else is a schema problem of that row. */
const objRow =
  <T>(f: (row: Obj) => T | RowError) =>
  (row: unknown): T | RowError =>
    isObj(row) ? f(row) : ['schema', '不是对象'];

/** Runs `map` over rows, turning row problems into rejections (one bad row never sinks the page). */
function collect<R, T>(
  rows: readonly R[],
  map: (row: R) => T | RowError,
  key: (t: T) => string,
  out: T[],
  r: ParseResult,
): void {
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    r.seen += 1;
    const at = `第 ${i + 1} 行：`;
    try {
      const m = map(row);
      if (Array.isArray(m)) return void r.rejects.push(reject(m[0], at + m[1], i));
      const k = key(m);
      if (seen.has(k))
        return void r.rejects.push(reject('duplicate_in_page', `${at}与本页前面的行重复（${k}）`, i));
      seen.add(k);
      out.push(m);
    } catch (e) {
      if (!(e instanceof TimeUnitError)) throw e;
      r.rejects.push(reject('bad_time', at + e.message, i));
    }
  });
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
  const r = emptyResult();
  const error = envelopeError(body);
  if (error) {
    r.rejects.push(reject('envelope_error', error));
    return r;
  }
  const data = obj(obj(body).data);
  try {
    if (endpointId === 'commentList') {
      const rows = [data.rootComment, data.list, data.comments].find(Array.isArray) as unknown[] | undefined;
      if (!rows)
        r.rejects.push(reject('schema', '响应中找不到评价列表 data.rootComment：快手后台接口可能已改版'));
      else collect(rows, objRow(review), (x) => x.reviewId, r.reviews, r);
    } else if (endpointId === 'shopExpDetail') shopExp(data, ctx.now, r);
    else r.rejects.push(reject('unknown_endpoint', `未知接口 ${endpointId}`));
  } catch (e) {
    r.rejects.push(reject('internal', e instanceof Error ? e.message : String(e)));
  }
  return r;
}

// ---- DOM fallback: tables read by header text, never by (hashed) class names. ----

interface TableRow {
  cells: string[];
  /** `data-row-key`: the record id React table libraries put on each row. */
  key?: string;
}
interface Table {
  headers: string[];
  rows: TableRow[];
}
const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const isHeaderRow = (tr: Element) => [...tr.children].some((c) => c.tagName === 'TH');

/**
 * Every table with a header row. Grids with a fixed header render header and body as two sibling
 * tables: a header-only table takes the rows of the next table without headers. Hidden measure rows
 * (aria-hidden) and empty rows are skipped.
 */
function readTables(doc: Document): Table[] {
  const tables = [...doc.querySelectorAll('table')];
  const out: Table[] = [];
  for (let i = 0; i < tables.length; i++) {
    const head = [...tables[i]!.querySelectorAll('tr')].find(isHeaderRow);
    if (!head) continue;
    const rowsOf = (t: Element) => [...t.querySelectorAll('tr')].filter((tr) => !isHeaderRow(tr));
    let body = rowsOf(tables[i]!);
    const next = tables[i + 1];
    if (!body.length && next && !next.querySelector('th')) [body, i] = [rowsOf(next), i + 1];
    out.push({
      headers: [...head.children].map((c) => clean(c.textContent)),
      rows: body
        .filter((tr) => tr.getAttribute('aria-hidden') !== 'true')
        .map((tr) => ({
          cells: [...tr.children].map((c) => clean(c.textContent)),
          key: tr.getAttribute('data-row-key') ?? undefined,
        }))
        .filter((row) => row.cells.some(Boolean)),
    });
  }
  return out;
}

/** Column index per field, by header text; -1 when the table has no such column. */
const columns = <K extends string>(headers: string[], spec: Record<K, RegExp>) =>
  Object.fromEntries(
    Object.entries<RegExp>(spec).map(([k, re]) => [k, headers.findIndex((h) => re.test(h))]),
  ) as Record<K, number>;

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
};

/** "5星", "5分", "5" or "★★★★☆". */
const starFromText = (t = '') => {
  const filled = (t.match(/★/g) ?? []).length;
  return filled ? starOf(filled) : starOf(Number(/[1-5]/.exec(t)?.[0]));
};
const cellAt = (cells: string[], i: number) => (i >= 0 ? cells[i] || undefined : undefined);
const NO_REPLY = /^(回复|未回复|暂无|无|-|—)$/;
const yuanToFen = (t?: string) => {
  const n = numOf(t?.replace(/[¥￥元]/g, ''));
  return n === undefined ? undefined : Math.round(n * 100);
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
    const rowKey = key && /^[\w-]{6,64}$/.test(key) ? key : undefined;
    const reviewId = idOf(at('id')) ?? rowKey ?? idOf(at('order'));
    if (!reviewId) return ['missing_id', '表格行缺少评价编号或订单号'];
    const createdAt = shanghaiDateTimeToMs(at('time'));
    if (!createdAt) return ['bad_time', `评价时间无法识别（${at('time') ?? '空'}）`];
    const text = at('text') ?? '';
    const star = starFromText(at('quality'));
    const reply = at('reply');
    const hasReply = Boolean(reply && !NO_REPLY.test(reply));
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
      replied: hasReply,
      replyText: hasReply ? reply!.slice(0, 5000) : undefined,
      replyDeadline: hasReply ? undefined : createdAt + REPLY_DAYS * DAY_MS,
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
      source: 'dom',
    };
  };

/**
 * DOM fallback: reads the review table (评价内容 + 评价时间) and the order table (订单号 + 订单状态) by
 * header text; 收货人/手机/地址 columns are never read. `url` is not needed: headers identify the tables.
 */
export function readDom(doc: Document, _url: URL): ParseResult {
  const r = emptyResult();
  for (const t of readTables(doc)) {
    const rc = columns(t.headers, REVIEW_COLS);
    const oc = columns(t.headers, ORDER_COLS);
    if (rc.text >= 0 && rc.time >= 0) collect(t.rows, domReview(rc), (x) => x.reviewId, r.reviews, r);
    else if (oc.id >= 0 && oc.status >= 0) collect(t.rows, domOrder(oc), (x) => x.orderId, r.orders, r);
  }
  r.store = identifyFromDom(doc);
  return r;
}

/** Text nodes of the console header, in order (script/style excluded). */
function headerTexts(doc: Document): string[] {
  const root = doc.querySelector('header, [role="banner"]') ?? doc.body;
  if (!root) return [];
  const out: string[] = [];
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n && out.length < 2000; n = walker.nextNode()) {
    const t = n.nodeValue?.trim();
    if (t && !/^(SCRIPT|STYLE|NOSCRIPT)$/.test(n.parentElement?.tagName ?? '')) out.push(t);
  }
  return out;
}

/**
 * The header shows the shop name and "店铺ID：123" [G: text pattern, no class names]. The name is
 * "店铺名称：…" when labelled, else the text right before the id label.
 */
function identifyFromDom(doc: Document): ReturnType<NonNullable<PlatformAdapter['identifyFromDom']>> {
  const texts = headerTexts(doc);
  for (let i = 0; i < texts.length; i++) {
    const m = /店铺\s*ID\s*[:：]\s*(\d{4,20})?/i.exec(texts[i]!);
    const id = m && (m[1] ?? /^\d{4,20}$/.exec(texts[i + 1] ?? '')?.[0]);
    if (!id) continue;
    const labelled = texts.map((t) => /^店铺名称\s*[:：]\s*(.{1,60})$/.exec(t)?.[1]).find(Boolean);
    const before = texts[i - 1];
    const name = labelled ?? (before && !/[:：]|^\d+$/.test(before) ? before.slice(0, 60) : undefined);
    return { platform: 'kuaishou', shopId: id, name, via: 'dom' };
  }
  return undefined;
}

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
