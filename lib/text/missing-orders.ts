/**
 * Reviews without a matching captured order. Only flagged where the store's orders are known to be
 * fully captured for the period the order must have been placed in (the caller's coverage).
 */
import { DAY_MS, type Order, type Review } from '../model';
import type { OrderCoverage, SuspicionContext, SuspicionFlag } from './suspicion-types';

export function knownOrderIds(orders: readonly Pick<Order, 'orderId' | 'items'>[]): Set<string> {
  const ids = new Set<string>();
  for (const o of orders) {
    ids.add(o.orderId);
    for (const it of o.items) if (it.itemOrderId) ids.add(it.itemOrderId);
  }
  return ids;
}

/** Merge a store's coverage intervals; return the one containing [from, to], if any. */
function coveredBy(
  coverage: readonly OrderCoverage[],
  storeKey: string,
  from: number,
  to: number,
): OrderCoverage | undefined {
  const spans = coverage.filter((c) => c.storeKey === storeKey).sort((a, b) => a.from - b.from);
  let cur: OrderCoverage | undefined;
  for (const s of spans) {
    if (cur && s.from <= cur.to) cur = { ...cur, to: Math.max(cur.to, s.to) };
    else {
      if (cur && cur.from <= from && cur.to >= to) return cur;
      cur = { ...s };
    }
  }
  return cur && cur.from <= from && cur.to >= to ? cur : undefined;
}

export function findMissingOrders(reviews: readonly Review[], ctx: SuspicionContext): SuspicionFlag[] {
  const maxAge = ctx.options?.maxOrderAgeMs ?? 30 * DAY_MS;
  const out: SuspicionFlag[] = [];
  for (const r of reviews) {
    if (!r.orderId) continue;
    if (ctx.knownOrderIds.has(r.orderId) || (r.parentOrderId && ctx.knownOrderIds.has(r.parentOrderId)))
      continue;
    const cover = coveredBy(ctx.coverage, r.storeKey, r.createdAt - maxAge, r.createdAt);
    if (!cover) continue;
    out.push({
      reviewKey: r.key,
      code: 'no_order',
      severity: 'high',
      message: `已完整采集该店 ${Math.round((r.createdAt - cover.from) / DAY_MS)} 天内的订单，但找不到评价对应的订单 ${r.orderId}，疑似非真实交易`,
      evidence: { kind: 'no_order', orderId: r.orderId, coveredFrom: cover.from, coveredTo: cover.to },
    });
  }
  return out;
}
