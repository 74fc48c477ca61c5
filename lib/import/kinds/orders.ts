/**
 * Order export rows → order drafts, shared by the 抖店 / 拼多多 / 淘宝 kinds. A platform export has one row
 * per sub-order (item); rows of one order id are folded into one draft with an items list. Order-level
 * cells (status, amount, times) are taken from the first row of the order.
 */
import type { OrderDraft, ParseResult } from '../../capture/batch';
import { emptyResult } from '../../capture/batch';
import type { AfterSale, OrderItem, PlatformId } from '../../model';
import { LIMITS } from '../../model';
import { reject } from '../../platforms/parse-utils';
import { provinceOf } from '../../provinces';
import { CellError, fenCell, idCell, numCell, text, timeCell } from '../cells';
import type { XCell } from '../xlsx-read';
import { afterSaleOf, orderStatusOf } from './status';
import { getter } from './types';

export type OrderField =
  | 'orderId'
  | 'itemOrderId'
  | 'productName'
  | 'productId'
  | 'skuId'
  | 'skuText'
  | 'quantity'
  | 'amount'
  | 'createdAt'
  | 'paidAt'
  | 'promisedShipAt'
  | 'shippedAt'
  | 'deliveredAt'
  | 'finishedAt'
  | 'carrier'
  | 'carrierInfo'
  /** The 省 column only (issue #16); 市/区/街道/收货地址 columns are never mapped. */
  | 'province'
  | 'status'
  | 'afterSale'
  | 'refund';

const short = (s: string | undefined) => s?.slice(0, LIMITS.name);

/** "中通快递 7312345678" (抖店 快递信息) → "中通快递"; tracking numbers are not kept. */
export function carrierOf(info: string | undefined): string | undefined {
  return info?.match(/^[^\d,，;；:：\s]+/)?.[0];
}

export function parseOrders(
  platform: PlatformId,
  rows: readonly XCell[][],
  index: Partial<Record<OrderField, number>>,
  first: number,
): ParseResult {
  const r = emptyResult();
  const byId = new Map<string, OrderDraft>();
  rows.forEach((row, i) => {
    const line = first + i;
    if (row.every((c) => text(c) === undefined)) return;
    r.seen++;
    const get = getter(row, index);
    try {
      const orderId = idCell(get('orderId'), '订单号');
      if (!orderId) return void r.rejects.push(reject('missing_id', `第 ${line} 行：缺少订单号`, line));
      const item: OrderItem = {
        itemOrderId: idCell(get('itemOrderId'), '子订单号'),
        productId: idCell(get('productId'), '商品ID'),
        productName: short(text(get('productName'))),
        skuId: idCell(get('skuId'), 'SKU ID'),
        skuText: short(text(get('skuText'))),
        quantity: numCell(get('quantity')),
      };
      if (item.quantity !== undefined && !(Number.isInteger(item.quantity) && item.quantity >= 0))
        item.quantity = undefined;
      const hasItem = Object.values(item).some((v) => v !== undefined);
      const prev = byId.get(orderId);
      if (prev) {
        const dup = prev.items.some((x) => x.itemOrderId && x.itemOrderId === item.itemOrderId);
        if (hasItem && !dup && prev.items.length < LIMITS.items) prev.items.push(item);
        return;
      }
      const statusText = short(text(get('status')));
      const refund = numCell(get('refund'));
      let afterSale: AfterSale | undefined = afterSaleOf(text(get('afterSale')));
      if (!afterSale && refund && refund > 0) afterSale = { status: 'other', text: `退款 ¥${refund}` };
      byId.set(orderId, {
        platform,
        orderId,
        status: orderStatusOf(statusText),
        statusText,
        createdAt: timeCell(get('createdAt')),
        paidAt: timeCell(get('paidAt')),
        promisedShipAt: timeCell(get('promisedShipAt')),
        shippedAt: timeCell(get('shippedAt')),
        deliveredAt: timeCell(get('deliveredAt')),
        finishedAt: timeCell(get('finishedAt')),
        carrier: short(text(get('carrier')) ?? carrierOf(text(get('carrierInfo')))),
        province: provinceOf(text(get('province'))),
        amountFen: fenCell(get('amount')),
        items: hasItem ? [item] : [],
        afterSale,
        source: 'import',
      });
    } catch (e) {
      if (!(e instanceof CellError)) throw e;
      r.rejects.push(reject('schema', `第 ${line} 行：${e.message}`, line));
    }
  });
  r.orders = [...byId.values()];
  return r;
}
