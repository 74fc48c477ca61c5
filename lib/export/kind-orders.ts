/** The 订单 export: one row per order (items joined in one cell). */
import type { Order } from '../model';
import { DAY_MS, dayStart as dayMs } from '../keys';
import type { ExportKind } from './kind-types';
import { storeColumns } from './kind-types';
import {
  AFTER_SALE_STATUS_LABEL,
  AFTER_SALE_TYPE_LABEL,
  ORDER_STATUS_LABEL,
  REVIEW_STATE_LABEL,
  SOURCE_LABEL,
  timeText,
  yuan,
} from './format';

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
    // issue #16: the destination province only (no city, address or receiver).
    { header: '收货省份', type: 'text', get: (o) => o.province },
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
