/**
 * `POST porder.shop.jd.com/order/orderlist` (platforms.md §4, [G] shape): `data{totalCount, orderList[]}`
 * with the JOS order fields (`orderState` codes, dates "yyyy-MM-dd HH:mm:ss", money in 元 strings), the
 * shop's `venderId`, and the buyer's personal data the page shows (`consigneeInfo`, `userPin`), which the
 * extension must never keep.
 */
import { receiverOf } from '../../generator/people';
import { formatDateTime } from '../../generator/time';
import type { DemoOrder, World } from '../../generator/types';
import { ordersByCreated } from '../douyin/view';
import type { Fault } from '../common/faults';
import { intParam } from '../common/records';
import { consoleShop } from '../common/shop';
import { ORDER_IDS, SKU_IDS, WARE_IDS } from './comments';

const yuan = (fen: number): string => (fen / 100).toFixed(2);
const at = (ms: number | undefined, t: number): string | undefined =>
  ms !== undefined && ms <= t ? formatDateTime(ms) : undefined;

type Tab = 'allOrders' | 'waitOut' | 'hadOut' | 'completed' | 'canceled';

/** JOS order state and its remark as of `t`. */
export function orderState(o: DemoOrder, t: number): [string, string, Tab] {
  if (o.cancelledAt !== undefined && o.cancelledAt <= t) return ['TRADE_CANCELED', '取消', 'canceled'];
  if (o.finishedAt !== undefined && o.finishedAt <= t) return ['FINISHED_L', '完成', 'completed'];
  if (o.collectedAt !== undefined && o.collectedAt <= t)
    return ['WAIT_GOODS_RECEIVE_CONFIRM', '等待确认收货', 'hadOut'];
  return ['WAIT_SELLER_STOCK_OUT', '等待出库', 'waitOut'];
}

/** One order row as of `t`. */
export function orderRow(world: World, orderIndex: number, t: number): Record<string, unknown> {
  const o = world.orders[orderIndex];
  if (!o) return {};
  const [state, remark] = orderState(o, t);
  const rc = receiverOf(o);
  const finished = state === 'FINISHED_L' || state === 'TRADE_CANCELED';
  return {
    orderId: ORDER_IDS.of(orderIndex),
    venderId: Number(consoleShop(world, 'jd').id),
    orderType: 22,
    payType: '4-在线支付',
    orderTotalPrice: yuan(o.amountFen + o.discountFen),
    orderPayment: yuan(o.amountFen),
    freightPrice: yuan(o.postFen),
    orderState: state,
    orderStateRemark: remark,
    orderStartTime: formatDateTime(o.createdAt),
    paymentConfirmTime: formatDateTime(o.paidAt),
    modified: formatDateTime(
      Math.max(
        o.paidAt,
        ...[o.collectedAt, o.finishedAt, o.cancelledAt].filter((x): x is number => x !== undefined && x <= t),
      ),
    ),
    ...(finished ? { orderEndTime: at(o.finishedAt ?? o.cancelledAt, t) } : {}),
    consigneeInfo: {
      fullname: rc.name,
      mobile: rc.phone,
      telephone: '',
      fullAddress: `${rc.province}${rc.city}${rc.district}${rc.street}${rc.detail}`,
      province: rc.province,
      city: rc.city,
    },
    userPin: `jd_${o.piiSeed.toString(36)}`,
    venderRemark: '',
    itemInfoList: o.items.map((it) => {
      const p = world.products[it.product];
      const sku = p?.skus[it.sku];
      return {
        skuId: SKU_IDS.of(it.product * 100 + it.sku),
        skuName: `${p?.name ?? ''} ${sku?.spec.map((s) => s.value).join(' ') ?? ''}`.trim(),
        wareId: WARE_IDS.of(it.product),
        jdPrice: yuan(it.priceFen),
        itemTotal: String(it.quantity),
      };
    }),
  };
}

/** The list for a request body {current (1-based), pageSize, selectedTabName, orderId}, newest first. */
export function orderList(
  world: World,
  body: Record<string, unknown>,
  t: number,
  fault: Fault | undefined,
): Record<string, unknown> {
  const current = intParam(body.current, 1, 1, 100_000);
  const pageSize = intParam(body.pageSize, 20, 1, 100);
  const tab = typeof body.selectedTabName === 'string' ? body.selectedTabName : 'allOrders';
  const wanted = typeof body.orderId === 'string' ? body.orderId.trim() : '';
  const { order, count } = ordersByCreated(world, t);
  const matching: number[] = [];
  // The legacy list covers the last 3 months.
  const from = t - 90 * 86_400_000;
  for (let i = count - 1; i >= 0; i--) {
    const idx = order[i] ?? 0;
    const o = world.orders[idx];
    if (!o || o.createdAt < from) break;
    if (tab !== 'allOrders' && orderState(o, t)[2] !== tab) continue;
    if (wanted && ORDER_IDS.of(idx) !== wanted) continue;
    matching.push(idx);
  }
  const orderList = matching
    .slice((current - 1) * pageSize, current * pageSize)
    .map((i) => orderRow(world, i, t));
  if (fault === 'missing_id' && orderList[0]) delete orderList[0].orderId;
  return { totalCount: matching.length, orderList };
}
