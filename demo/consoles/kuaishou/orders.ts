/**
 * The 快手小店 order list as the page loads it (`GET /rest/pc/order/list` [G], not a path the extension
 * whitelists: 快手 orders reach it only through the DOM fallback reading the table). Rows carry the
 * receiver's name, phone and address the page shows; the DOM reader must skip those columns.
 */
import { receiverOf } from '../../generator/people';
import type { World } from '../../generator/types';
import { ordersByCreated } from '../douyin/view';
import type { Fault } from '../common/faults';
import { intParam } from '../common/records';
import { ORDER_IDS } from './comments';

/** Status text as of `t`: 待发货 / 已发货 / 交易成功 / 已关闭. */
function statusText(o: NonNullable<World['orders'][number]>, t: number): string {
  if (o.cancelledAt !== undefined && o.cancelledAt <= t) return '已关闭';
  if (o.finishedAt !== undefined && o.finishedAt <= t) return '交易成功';
  return o.collectedAt !== undefined && o.collectedAt <= t ? '已发货' : '待发货';
}

/** `data` of the list for a query (pageNum 1-based), newest first. */
export function orderList(
  world: World,
  q: URLSearchParams,
  t: number,
  fault: Fault | undefined,
): Record<string, unknown> {
  const pageNum = intParam(q.get('pageNum'), 1, 1, 100_000);
  const pageSize = intParam(q.get('pageSize'), 20, 1, 100);
  const { order, count } = ordersByCreated(world, t);
  const from = t - 90 * 86_400_000;
  const matching: number[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const o = world.orders[order[i] ?? 0];
    if (!o || o.createdAt < from) break;
    matching.push(order[i] ?? 0);
  }
  const list = matching.slice((pageNum - 1) * pageSize, pageNum * pageSize).map((idx) => {
    const o = world.orders[idx]!;
    const rc = receiverOf(o);
    const shipped = o.collectedAt !== undefined && o.collectedAt <= t;
    return {
      oid: ORDER_IDS.of(idx),
      status: statusText(o, t),
      itemTitle: o.items.map((it) => world.products[it.product]?.name ?? '').join('；'),
      num: o.items.reduce((n, it) => n + it.quantity, 0),
      totalFee: o.amountFen,
      createTime: o.createdAt,
      payTime: o.paidAt,
      sendTime: shipped ? o.collectedAt : 0,
      consignee: rc.name,
      mobile: rc.phone,
      address: `${rc.province}${rc.city}${rc.district}${rc.street}${rc.detail}`,
    };
  });
  if (fault === 'missing_id' && list[0]) list[0].oid = '';
  return { total: matching.length, list };
}
