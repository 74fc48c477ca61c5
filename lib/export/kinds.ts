/**
 * What can be exported: one small descriptor per kind — the table, how to read one store's rows in
 * order (an index whose first part is `storeKey`, or the primary key prefix `${storeKey}|`), and the
 * columns (Chinese header, cell type, accessor). Adding a kind (estimated score history, reply drafts,
 * suspicious flags — once their tables exist in lib/db.ts) = one descriptor + one line in EXPORT_KINDS.
 */
import type { OfficialScore, Order, Review, Store } from '../model';
import { DAY_MS, dayStart as dayMs } from '../keys';
import { PLATFORM_NAMES } from '../platforms/index';
import type { CellType } from './csv';
import {
  AFTER_SALE_STATUS_LABEL,
  AFTER_SALE_TYPE_LABEL,
  ORDER_STATUS_LABEL,
  POLARITY_LABEL,
  REVIEW_STATE_LABEL,
  SOURCE_LABEL,
  timeText,
  yuan,
} from './format';

export type Cell = string | number | boolean | undefined;

/** Context every accessor gets (store names for the 店铺 column). */
export interface RowContext {
  stores: ReadonlyMap<string, Store>;
}

export interface Column<T> {
  header: string;
  type: CellType;
  get(row: T, ctx: RowContext): Cell;
}

/** How one store's rows are read in chunks. */
export type Scan<T> =
  | {
      /** A compound index `[storeKey+field]`; rows come out ordered by `field`. */
      index: string;
      field: keyof T & string;
      /** Inclusive lower / exclusive upper bound of `field` for a day range (YYYY-MM-DD, inclusive). */
      bounds(from?: string, to?: string): [unknown, unknown];
      /**
       * Primary keys are `${storeKey}|…` too: without a day range the rows are read by key instead, which
       * is about twice as fast in Chromium (an index read looks every record up a second time).
       */
      byKeyWhenUnfiltered?: boolean;
    }
  | {
      /** Primary keys are `${storeKey}|…`; `keep` applies the day range. */
      prefix: true;
      keep(row: T, from?: string, to?: string): boolean;
    };

export interface ExportKind<T = unknown> {
  id: string;
  /** Chinese name, also the XLSX sheet name (≤ 31 chars, no []:*?/\). */
  label: string;
  table: string;
  scan: Scan<T>;
  columns: readonly Column<T>[];
}

/** Store and platform columns every kind starts with. */
export function storeColumns<T extends { storeKey: string; platform: Store['platform'] }>(): Column<T>[] {
  return [
    {
      header: '店铺',
      type: 'text',
      get: (r, c) => c.stores.get(r.storeKey)?.name ?? c.stores.get(r.storeKey)?.shopId,
    },
    { header: '店铺ID', type: 'id', get: (r, c) => c.stores.get(r.storeKey)?.shopId },
    { header: '平台', type: 'text', get: (r) => PLATFORM_NAMES[r.platform] },
  ];
}

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
    { header: '计入评分', type: 'bool', get: (r) => yes(r.countsTowardScore) },
    { header: '默认评价', type: 'bool', get: (r) => yes(r.isDefault) },
    { header: '来源', type: 'text', get: (r) => SOURCE_LABEL[r.source] },
    { header: '采集时间', type: 'time', get: (r) => timeText(r.capturedAt) },
    { header: '更新时间', type: 'time', get: (r) => timeText(r.updatedAt) },
  ],
};

/** An order's time for the date filter: created, else paid (older captures may lack one of them). */
const orderTime = (o: Order): number | undefined => o.createdAt ?? o.paidAt;

export const ordersKind: ExportKind<Order> = {
  id: 'orders',
  label: '订单',
  table: 'orders',
  // createdAt is optional, and IndexedDB leaves rows without it out of [storeKey+createdAt]: read by key.
  scan: {
    prefix: true,
    keep: (o, from, to) => {
      if (!from && !to) return true;
      const t = orderTime(o);
      if (t === undefined) return false;
      return (!from || t >= dayMs(from)) && (!to || t < dayMs(to) + DAY_MS);
    },
  },
  columns: [
    ...storeColumns<Order>(),
    { header: '订单号', type: 'id', get: (o) => o.orderId },
    { header: '订单状态', type: 'text', get: (o) => o.statusText ?? ORDER_STATUS_LABEL[o.status] },
    { header: '下单时间', type: 'time', get: (o) => timeText(o.createdAt) },
    { header: '支付时间', type: 'time', get: (o) => timeText(o.paidAt) },
    { header: '承诺发货时间', type: 'time', get: (o) => timeText(o.promisedShipAt) },
    { header: '发货时间', type: 'time', get: (o) => timeText(o.shippedAt) },
    { header: '揽收时间', type: 'time', get: (o) => timeText(o.collectedAt) },
    { header: '签收时间', type: 'time', get: (o) => timeText(o.deliveredAt) },
    { header: '完成时间', type: 'time', get: (o) => timeText(o.finishedAt) },
    { header: '快递公司', type: 'text', get: (o) => o.carrier },
    { header: '实付金额(元)', type: 'number', get: (o) => yuan(o.amountFen) },
    { header: '商品', type: 'text', get: (o) => o.items.map((i) => i.productName ?? '').join('；') },
    { header: '商品ID', type: 'id', get: (o) => o.items.map((i) => i.productId ?? '').join(';') },
    { header: '子订单号', type: 'id', get: (o) => o.items.map((i) => i.itemOrderId ?? '').join(';') },
    { header: '商品规格', type: 'text', get: (o) => o.items.map((i) => i.skuText ?? '').join('；') },
    {
      header: '商品数量',
      type: 'number',
      get: (o) =>
        o.items.some((i) => i.quantity !== undefined)
          ? o.items.reduce((n, i) => n + (i.quantity ?? 0), 0)
          : undefined,
    },
    {
      header: '售后类型',
      type: 'text',
      get: (o) => (o.afterSale?.type ? AFTER_SALE_TYPE_LABEL[o.afterSale.type] : undefined),
    },
    {
      header: '售后状态',
      type: 'text',
      get: (o) =>
        o.afterSale?.text ?? (o.afterSale?.status ? AFTER_SALE_STATUS_LABEL[o.afterSale.status] : undefined),
    },
    { header: '售后原因', type: 'text', get: (o) => o.afterSale?.reason },
    { header: '售后申请时间', type: 'time', get: (o) => timeText(o.afterSale?.appliedAt) },
    {
      header: '评价状态',
      type: 'text',
      get: (o) => (o.reviewState === undefined ? undefined : REVIEW_STATE_LABEL[o.reviewState]),
    },
    { header: '来源', type: 'text', get: (o) => SOURCE_LABEL[o.source] },
    { header: '采集时间', type: 'time', get: (o) => timeText(o.capturedAt) },
    { header: '更新时间', type: 'time', get: (o) => timeText(o.updatedAt) },
  ],
};

export const officialScoresKind: ExportKind<OfficialScore> = {
  id: 'officialScores',
  label: '官方体验分',
  table: 'officialScores',
  scan: {
    index: '[storeKey+date]',
    field: 'date',
    bounds: (from, to) => [from ?? '', to ? `${to}\uffff` : '\uffff'],
    byKeyWhenUnfiltered: true,
  },
  columns: [
    ...storeColumns<OfficialScore>(),
    { header: '日期', type: 'date', get: (s) => s.date },
    { header: '分数类型', type: 'text', get: (s) => s.kind },
    { header: '分数', type: 'number', get: (s) => s.value ?? undefined },
    { header: '五分制', type: 'number', get: (s) => s.fivePoint ?? undefined },
    { header: '分数下限', type: 'number', get: (s) => s.scaleMin },
    { header: '分数上限', type: 'number', get: (s) => s.scaleMax },
    {
      header: '维度',
      type: 'text',
      get: (s) =>
        s.dimensions
          .map((d) => `${d.name} ${d.value ?? '—'}${d.weight === undefined ? '' : ` (${d.weight * 100}%)`}`)
          .join('；'),
    },
    {
      header: '指标',
      type: 'text',
      get: (s) => s.indicators.map((i) => `${i.name}=${i.value ?? '无数据'}${i.unit ?? ''}`).join('；'),
    },
    { header: '近30天订单数', type: 'number', get: (s) => s.windowOrders },
    { header: '采集时间', type: 'time', get: (s) => timeText(s.capturedAt) },
  ],
};

/** The registry: the kinds the 数据 tab offers, in order. */
export const EXPORT_KINDS: readonly ExportKind<never>[] = [
  reviewsKind as ExportKind<never>,
  ordersKind as ExportKind<never>,
  officialScoresKind as ExportKind<never>,
];

export function kindById(id: string): ExportKind<never> | undefined {
  return EXPORT_KINDS.find((k) => k.id === id);
}
