/**
 * `GET /api/order/searchlist`: the console row of platforms.md §1.4 plus the OpenAPI-style logistics
 * fields, `total` at the top level. Buyer personal data is included where the console has it, so the
 * extension's "drop PII at parse time" is tested against real-looking input.
 */
import { trackingNoOf } from '../../generator/ids';
import { receiverOf } from '../../generator/people';
import type { DemoOrder, World } from '../../generator/types';
import { afterSaleInfo } from './aftersale';
import type { DemoRequest, DemoResponse } from '../http';
import { ok, sec, type Fault } from './envelope';
import { ordersByCreated } from './view';

/** One order row as the console returns it, as of `t`. */
export function orderRow(world: World, o: DemoOrder, t: number): Record<string, unknown> {
  const at = (ms: number | undefined): number => (ms !== undefined && ms <= t ? sec(ms) : 0);
  const cancelled = o.cancelledAt !== undefined && o.cancelledAt <= t;
  const collected = o.collectedAt !== undefined && o.collectedAt <= t;
  const finished = o.finishedAt !== undefined && o.finishedAt <= t;
  const status = cancelled ? 4 : finished ? 5 : collected ? 3 : 2;
  const statusText = { 2: '待发货', 3: '已发货', 4: '已关闭', 5: '已完成' }[status];
  const as = o.afterSale && o.afterSale.appliedAt <= t ? afterSaleInfo(o.afterSale, t) : undefined;
  const review = o.review !== undefined ? world.reviews[o.review] : undefined;
  const isComment = review && review.createdAt <= t ? (review.appends.some((a) => a.at <= t) ? 2 : 1) : 0;
  const rc = receiverOf(o);
  // [G] field names of the receiver block: OpenAPI uses post_receiver / post_tel / post_addr.
  const postAddr = {
    province: { name: rc.province, id: '' },
    city: { name: rc.city, id: '' },
    town: { name: rc.district, id: '' },
    street: { name: rc.street, id: '' },
    detail: rc.detail,
  };
  const items = o.items.map((it, i) => {
    const p = world.products[it.product];
    const sku = p?.skus[it.sku];
    const mine = as && o.afterSale?.item === i ? as : undefined;
    return { it, p, sku, mine };
  });
  return {
    shop_order_id: o.id,
    order_id: o.id,
    order_status: status,
    order_status_info: { order_status_text: statusText },
    create_time: sec(o.createdAt),
    pay_time: sec(o.paidAt),
    update_time: sec(
      Math.max(
        o.paidAt,
        ...[o.collectedAt, o.deliveredAt, o.finishedAt, o.cancelledAt].filter(
          (x): x is number => x !== undefined && x <= t,
        ),
      ),
    ),
    exp_ship_time: sec(o.promisedShipAt),
    ship_time: collected ? sec(o.shippedAt) : 0,
    finish_time: at(o.finishedAt),
    pay_amount: o.amountFen,
    promotion_pay_amount: o.discountFen,
    post_amount: o.postFen,
    promotion_detail: { shop_discount_detail: { total_amount: o.discountFen } },
    c_biz: 1,
    ad_mark: '',
    user_nickname: o.buyerNick,
    receiver_info: { post_receiver: rc.name, post_tel: rc.phone, post_addr: postAddr },
    post_receiver: rc.name,
    post_tel: rc.phone,
    post_addr: postAddr,
    logistics_info: collected
      ? [
          {
            tracking_no: trackingNoOf(o) ?? '',
            company: o.carrier,
            company_name: o.carrierName,
            ship_time: sec(o.shippedAt),
            collect_time: sec(o.collectedAt),
          },
        ]
      : [],
    product_item: items.map(({ it, p, sku, mine }) => ({
      item_order_id: it.subOrderId,
      product_id: p?.id ?? '',
      product_name: p?.name ?? '',
      merchant_sku_code: sku?.code ?? '',
      item_num: it.quantity,
      after_sale_info: mine ? { after_sale_text: mine.after_sale_text } : {},
    })),
    sku_order_list: items.map(({ it, p, sku, mine }) => ({
      order_id: it.subOrderId,
      parent_order_id: o.id,
      product_id: p?.id ?? '',
      product_name: p?.name ?? '',
      sku_id: sku?.id ?? '',
      spec: sku?.spec ?? [],
      item_num: it.quantity,
      origin_amount: it.priceFen * it.quantity,
      exp_ship_time: sec(o.promisedShipAt),
      ship_time: collected ? sec(o.shippedAt) : 0,
      logistics_receipt_time: at(o.deliveredAt),
      confirm_receipt_time: at(o.finishedAt),
      is_comment: isComment,
      after_sale_info: mine ?? { after_sale_status: 0, after_sale_type: 0, refund_status: 0 },
    })),
  };
}

/** The order list: newest first by create_time (or oldest with `order=asc`). */
export function searchList(
  world: World,
  req: DemoRequest,
  t: number,
  fault: Fault | undefined,
): DemoResponse {
  const q = req.url.searchParams;
  const page = Math.max(0, Math.floor(Number(q.get('page') ?? '0')) || 0);
  const pageSize = Math.min(200, Math.max(1, Math.floor(Number(q.get('pageSize') ?? '20')) || 20));
  const start = Number(q.get('create_time_start') || 0) * 1000;
  const endRaw = Number(q.get('create_time_end') || 0) * 1000;
  const end = Math.min(t, endRaw > 0 ? endRaw : Infinity);
  const { order, count } = ordersByCreated(world, end);
  const matching: number[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const o = world.orders[order[i] ?? 0];
    if (!o || o.createdAt < start) break;
    matching.push(order[i] ?? 0);
  }
  if (q.get('order') === 'asc') matching.reverse();
  const rows = matching
    .slice(page * pageSize, (page + 1) * pageSize)
    .map((i) => orderRow(world, world.orders[i] as DemoOrder, t));
  if (fault === 'missing_id' && rows[0]) {
    delete rows[0].shop_order_id;
    delete rows[0].order_id;
  }
  const nested = q.get('variant') === 'nested';
  return nested
    ? ok({ data: rows, total: matching.length }, { total: matching.length })
    : ok(rows, { total: matching.length });
}
