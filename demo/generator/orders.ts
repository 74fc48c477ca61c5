/**
 * One order's whole life: payment, the shipping promise, ship and 揽收, transit, 签收, confirmation,
 * and at most one after-sale. Times past `world.now` are clipped later by the world builder.
 */
import { clamp, drawAfterSaleCause, makeAfterSale } from './aftersale';
import type { GenContext } from './context';
import { CARRIERS } from './ids';
import { REMOTE_REGION, maskedNick, pickRegion } from './people';
import { picker } from './prng';
import { promisedShipBy, startOfDay } from './time';
import type { Cause, DemoOrder, DemoOrderItem } from './types';

export interface OrderFlags {
  /** Paid during the 双11 spike: 爆仓, slower transit. */
  spike: boolean;
  /** Force a late 揽收 this many hours after the promise (scenario). */
  lateHours?: number;
  /** No cancellation, loss or after-sale (brushed orders, forced scenario orders). */
  clean?: boolean;
  /** Buy this product (index) instead of drawing from popularity. */
  product?: number;
}

// Local copies: imported bindings are getter calls under tsx/vitest, measurable in this hot path.
const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

const CANCEL_REASONS = ['不想要了', '拍错了/多拍了', '地址填写错误', '其他渠道价格更低'];
const pickCarrier = picker(CARRIERS.map((c) => c.share));
const pickItemCount = picker([85, 12, 3]);
/** Baseline chance that a parcel is collected after the promise (the spike's are forced separately). */
const BASE_LATE = 0.0005;
/** Delivered within this long after 揽收 counts as on time (运单配送时效). */
export const ON_TIME_TRANSIT_MS = 72 * 3_600_000;

function items(ctx: GenContext, flags: OrderFlags, parentId: string, at: number): DemoOrderItem[] {
  const { rng } = ctx;
  const n = flags.product !== undefined ? 1 : 1 + pickItemCount(rng);
  // Pre-sized: `[]` + push reserves 17 slots per order, which adds up over 120k orders.
  const out = new Array<DemoOrderItem>(n);
  for (let i = 0; i < n; i++) {
    const product = flags.product ?? ctx.pickProduct(rng);
    const p = ctx.products[product];
    if (!p) throw new Error('product index out of range');
    const sku = rng.int(0, p.skus.length - 1);
    out[i] = {
      // [G] single-item orders: the SKU order id equals the parent id, as in 抖店 OpenAPI samples.
      subOrderId: n === 1 ? parentId : ctx.subOrderIds.next(at),
      product,
      sku,
      quantity: rng.chance(0.9) ? 1 : 2,
      priceFen: p.skus[sku]?.priceFen ?? p.priceFen,
    };
  }
  return out;
}

/** Generates an order paid at `paidAt`. */
export function makeOrder(ctx: GenContext, paidAt: number, flags: OrderFlags): DemoOrder {
  const { rng } = ctx;
  const createdAt = paidAt - rng.int(5, 600) * 1000;
  const id = ctx.orderIds.next(createdAt);
  const its = items(ctx, flags, id, createdAt);
  let gross = 0;
  for (const it of its) gross += it.priceFen * it.quantity;
  const discountFen = rng.chance(0.5) ? Math.round((gross * (0.05 + rng.next() * 0.15)) / 100) * 100 : 0;
  const promisedShipAt = promisedShipBy(paidAt);
  // Every field present from the start: one hidden class for all 120k orders keeps V8 fast.
  const order: DemoOrder = {
    id,
    createdAt,
    paidAt,
    promisedShipAt,
    shippedAt: undefined,
    collectedAt: undefined,
    deliveredAt: undefined,
    finishedAt: undefined,
    cancelledAt: undefined,
    cancelReason: undefined,
    carrier: undefined,
    carrierName: undefined,
    afterSale: undefined,
    review: undefined,
    amountFen: gross - discountFen,
    postFen: rng.chance(0.9) ? 0 : 600,
    discountFen,
    items: its,
    region: pickRegion(rng),
    // Below 2^30 so V8 keeps it a small integer (no heap number per order).
    piiSeed: rng.int(0, 0x3fffffff),
    buyerNick: maskedNick(rng),
    cause: 'none',
    late: false,
  };
  if (!flags.clean && flags.lateHours === undefined && rng.chance(0.02)) {
    const cancelledAt = paidAt + Math.round((5 + rng.next() * 300) * MINUTE_MS);
    order.cancelledAt = cancelledAt;
    order.cancelReason = rng.pick(CANCEL_REASONS);
    order.afterSale = {
      id: ctx.afterSaleIds.next(cancelledAt),
      item: 0,
      type: 'presale_refund',
      reason: order.cancelReason,
      cause: 'none',
      appliedAt: cancelledAt - 2 * MINUTE_MS,
      handledAt: cancelledAt,
      resolvedAt: cancelledAt,
      outcome: 'succeeded',
    };
    return order;
  }

  // Ship: same evening when paid before 16:00, otherwise during the next working day.
  const start = startOfDay(paidAt);
  // Whole milliseconds everywhere: the model's Millis are integers.
  let shippedAt = Math.round(
    paidAt - start < 16 * HOUR_MS
      ? Math.max(paidAt + 30 * MINUTE_MS, start + (16 + rng.next() * 5.5) * HOUR_MS)
      : start + DAY_MS + (9 + rng.next() * 9) * HOUR_MS,
  );
  let collectedAt = shippedAt + Math.round((0.5 + rng.next() * 2.5) * HOUR_MS);
  if (collectedAt >= promisedShipAt) collectedAt = promisedShipAt - rng.int(1, 60) * MINUTE_MS;
  shippedAt = Math.min(shippedAt, collectedAt - 20 * MINUTE_MS);
  const lateHours =
    flags.lateHours ?? (!flags.spike && rng.chance(BASE_LATE) ? 2 + rng.next() * 28 : undefined);
  if (lateHours !== undefined) {
    collectedAt = promisedShipAt + Math.round(lateHours * HOUR_MS);
    shippedAt = collectedAt - Math.round((0.5 + rng.next() * 2) * HOUR_MS);
    order.late = true;
  }
  const carrier = CARRIERS[pickCarrier(rng)] ?? CARRIERS[0];
  order.shippedAt = shippedAt;
  order.collectedAt = collectedAt;
  order.carrier = carrier.code;
  order.carrierName = carrier.name;

  let transitH = clamp(rng.normal(40, 14), 12, 110) - (carrier.code === 'shunfeng' ? 12 : 0);
  if (order.region === REMOTE_REGION) transitH += 50;
  if (flags.spike && rng.chance(0.7)) transitH += clamp(rng.normal(40, 14), 0, 90); // 爆仓
  const lost = !flags.clean && flags.lateHours === undefined && rng.chance(0.0003);
  let cause: Cause = order.late ? 'late_ship' : 'none';
  if (lost) {
    order.afterSale = makeAfterSale(
      ctx,
      order,
      'lost',
      collectedAt + Math.round((6 + rng.next() * 3) * DAY_MS),
    );
    order.cause = 'lost';
    return order;
  }
  const deliveredAt = collectedAt + Math.round(Math.max(transitH, 8) * HOUR_MS);
  order.deliveredAt = deliveredAt;
  order.finishedAt = deliveredAt + Math.round((0.3 + rng.next() * 7.7) * DAY_MS);

  const first = ctx.products[its[0]?.product ?? 0];
  const drawn = flags.clean || !first ? undefined : drawAfterSaleCause(rng, first);
  if (drawn) {
    const asCause: Cause = drawn === 'noReason' ? 'none' : drawn;
    order.afterSale = makeAfterSale(
      ctx,
      order,
      asCause,
      deliveredAt + Math.round((0.3 + rng.next() * 4.7) * DAY_MS),
    );
    if (cause === 'none')
      cause = order.afterSale.outcome === 'rejected' && rng.chance(0.5) ? 'service' : asCause;
  }
  if (cause === 'none' && deliveredAt - collectedAt > ON_TIME_TRANSIT_MS && rng.chance(0.5))
    cause = 'logistics_slow';
  if (cause === 'none' && !flags.clean) {
    const r = rng.next();
    if (r < 0.01) cause = 'price';
    else if (r < 0.012) cause = 'service';
  }
  order.cause = cause;
  return order;
}
