/**
 * `POST /mangkhut/mms/recentOrderList` (platforms.md §3.4): `result{totalItemNum, pageItems[]}`, one goods
 * per order (拼多多 orders hold one SKU), times in seconds, money in 分, and the buyer's personal data the
 * console shows (receive_name, mobile, address, and now and then a phone number in buyer_memo), which
 * the extension must never keep.
 */
import { receiverOf } from '../../generator/people';
import { trackingNoOf } from '../../generator/ids';
import type { DemoOrder, World } from '../../generator/types';
import { ordersByCreated } from '../douyin/view';
import type { Fault } from '../common/faults';
import { intParam } from '../common/records';
import { GOODS_IDS, SKU_IDS, orderSnOf } from './reviews';

const sec = (ms: number | undefined, t: number): number =>
  ms !== undefined && ms <= t ? Math.floor(ms / 1000) : 0;

/** after_sales_status of an order's after-sale as of `t` (codes as the open-platform docs list them). */
function afterSalesStatus(o: DemoOrder, t: number): number {
  const as = o.afterSale;
  if (!as || as.appliedAt > t) return 0;
  const exchange = as.type === 'exchange' || as.type === 'resend';
  if (as.handledAt === undefined || as.handledAt > t)
    return exchange ? 14 : as.type === 'return_refund' ? 3 : 2;
  if (as.outcome === 'rejected') return 6;
  if (as.resolvedAt === undefined || as.resolvedAt > t)
    return exchange ? 15 : as.type === 'return_refund' ? 7 : 4;
  return exchange ? 16 : 10;
}

/** One order row as of `t`. */
export function orderRow(world: World, orderIndex: number, t: number): Record<string, unknown> {
  const o = world.orders[orderIndex];
  const item = o?.items[0];
  const product = item ? world.products[item.product] : undefined;
  const sku = item ? product?.skus[item.sku] : undefined;
  if (!o || !item || !product || !sku) return {};
  const cancelled = o.cancelledAt !== undefined && o.cancelledAt <= t;
  const delivered = sec(o.deliveredAt, t) > 0;
  const shipped = sec(o.collectedAt, t) > 0;
  const [status, text] = cancelled
    ? [0, '已取消']
    : delivered
      ? [3, '已签收']
      : shipped
        ? [2, '已发货，待签收']
        : [1, '待发货'];
  const rc = receiverOf(o);
  const quantity = o.items.reduce((n, it) => n + it.quantity, 0);
  return {
    order_sn: orderSnOf(world, orderIndex),
    order_status: status,
    order_status_str: text,
    confirm_time: sec(o.paidAt, t),
    promise_shipping_time: Math.floor(o.promisedShipAt / 1000),
    shipping_time: sec(o.collectedAt, t),
    receive_time: sec(o.deliveredAt, t),
    tracking_number: shipped ? (trackingNoOf(o) ?? '') : '',
    after_sales_status: afterSalesStatus(o, t),
    goods_id: Number(GOODS_IDS.of(item.product)),
    goods_name: product.name,
    spec: sku.spec.map((s) => s.value).join(' '),
    sku_id: Number(SKU_IDS.of(item.product * 100 + item.sku)),
    goods_number: quantity,
    out_sku_sn: sku.code,
    goods_amount: o.amountFen + o.discountFen,
    order_amount: o.amountFen,
    buyer_memo: orderIndex % 23 === 0 ? `请发顺丰，电话${rc.phone}` : '',
    mall_remark: '',
    receive_name: rc.name,
    mobile: rc.phone,
    province_name: rc.province,
    city_name: rc.city,
    district_name: rc.district,
    address: `${rc.street}${rc.detail}`,
  };
}

/** The list for a request body (pageNumber 1-based, groupStartTime/groupEndTime in s), newest first. */
export function orderList(
  world: World,
  body: Record<string, unknown>,
  t: number,
  fault: Fault | undefined,
): Record<string, unknown> {
  const pageNumber = intParam(body.pageNumber, 1, 1, 100_000);
  const pageSize = intParam(body.pageSize, 20, 1, 100);
  const start = Number(body.groupStartTime) * 1000 || 0;
  const endRaw = Number(body.groupEndTime) * 1000 || 0;
  const { order, count } = ordersByCreated(world, Math.min(t, endRaw > 0 ? endRaw : Infinity));
  const matching: number[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const o = world.orders[order[i] ?? 0];
    if (!o || o.createdAt < start) break;
    matching.push(order[i] ?? 0);
  }
  const pageItems = matching
    .slice((pageNumber - 1) * pageSize, pageNumber * pageSize)
    .map((i) => orderRow(world, i, t));
  if (fault === 'missing_id' && pageItems[0]) delete pageItems[0].order_sn;
  return { totalItemNum: matching.length, pageItems };
}
