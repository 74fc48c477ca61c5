/**
 * Per-day counters the score needs, built once per world (lazily) so the score of any date costs a
 * 30-day sum instead of a scan of every order.
 */
import { ON_TIME_TRANSIT_MS } from './orders';
import { DAY_MS, HOUR_MS, dayStart } from './time';
import type { World } from './types';

export interface DailyAggregates {
  days: number;
  /** Valid paid orders (not cancelled) by pay day. */
  paid: Int32Array;
  /** Orders whose ship-by deadline falls on the day, and those of them collected late. */
  due: Int32Array;
  late: Int32Array;
  /** Parcels signed on the day, and those signed within 72 h of 揽收. */
  signed: Int32Array;
  signedOnTime: Int32Array;
  /** Quality-reason (质量问题/描述不符) after-sales by apply day. */
  qualityReturns: Int32Array;
  /** Buyer-written reviews (not 默认好评) by creation day, and the 1–2★ ones per dimension. */
  reviews: Int32Array;
  badProduct: Int32Array;
  badLogistics: Int32Array;
  /** Handled after-sales by apply day and their total 审核 hours. */
  afterSales: Int32Array;
  afterSaleHours: Float64Array;
}

const cache = new WeakMap<World, DailyAggregates>();

/** The aggregates of `world` (built on first use). */
export function aggregates(world: World): DailyAggregates {
  const hit = cache.get(world);
  if (hit) return hit;
  const days = world.options.days;
  const origin = dayStart(world.firstDay);
  const idx = (ms: number): number => Math.floor((ms - origin) / DAY_MS);
  const a: DailyAggregates = {
    days,
    paid: new Int32Array(days),
    due: new Int32Array(days + 2),
    late: new Int32Array(days + 2),
    signed: new Int32Array(days),
    signedOnTime: new Int32Array(days),
    qualityReturns: new Int32Array(days),
    reviews: new Int32Array(days),
    badProduct: new Int32Array(days),
    badLogistics: new Int32Array(days),
    afterSales: new Int32Array(days),
    afterSaleHours: new Float64Array(days),
  };
  const inc = (arr: Int32Array, ms: number): void => {
    const i = idx(ms);
    if (i >= 0 && i < arr.length) arr[i] = (arr[i] ?? 0) + 1;
  };
  for (const o of world.orders) {
    if (o.cancelledAt !== undefined) continue;
    inc(a.paid, o.paidAt);
    if (o.promisedShipAt <= world.now) {
      inc(a.due, o.promisedShipAt);
      // Not collected by the deadline (even if still waiting) counts as late.
      if (o.collectedAt === undefined || o.collectedAt > o.promisedShipAt) inc(a.late, o.promisedShipAt);
    }
    if (o.deliveredAt !== undefined && o.collectedAt !== undefined) {
      inc(a.signed, o.deliveredAt);
      if (o.deliveredAt - o.collectedAt <= ON_TIME_TRANSIT_MS) inc(a.signedOnTime, o.deliveredAt);
    }
    const as = o.afterSale;
    if (as && as.type !== 'presale_refund') {
      if (as.cause === 'quality' || as.cause === 'mismatch') inc(a.qualityReturns, as.appliedAt);
      if (as.handledAt !== undefined) {
        const i = idx(as.appliedAt);
        if (i >= 0 && i < days) {
          a.afterSales[i] = (a.afterSales[i] ?? 0) + 1;
          a.afterSaleHours[i] = (a.afterSaleHours[i] ?? 0) + (as.handledAt - as.appliedAt) / HOUR_MS;
        }
      }
    }
  }
  for (const r of world.reviews) {
    if (r.kind === 'default') continue;
    inc(a.reviews, r.createdAt);
    if (r.stars.product <= 2) inc(a.badProduct, r.createdAt);
    if (r.stars.logistics <= 2) inc(a.badLogistics, r.createdAt);
  }
  cache.set(world, a);
  return a;
}
