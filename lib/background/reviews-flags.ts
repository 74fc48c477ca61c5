/**
 * Suspicion flags per store, stored in `reviewFlags` and recomputed only when the store's reviews or
 * orders changed since the last run (a stamp in `meta`): annotating a page or opening the 可疑 tab
 * costs one index read when nothing is new. Detection looks at the last 180 days (the appeal window
 * of every platform is far shorter), which bounds memory for stores with years of history.
 */
import Dexie from 'dexie';
import type { KoubeiDb } from '../db';
import { DAY_MS, type Order, type Review } from '../model';
import type { ReviewFlagRow } from '../replies/store';
import { findSuspicious, knownOrderIds, type OrderCoverage } from '../text/suspicious';

export const FLAG_WINDOW_MS = 180 * DAY_MS;
/** Orders may precede their review by this much (lib/text default `maxOrderAgeMs`). */
const ORDER_LEAD_MS = 30 * DAY_MS;

const stampKey = (storeKey: string) => `reviewFlags:${storeKey}`;

interface Stamp {
  stamp: string;
  computedAt: number;
  flags: number;
}

/** Changes whenever a review/order of the store is added or updated (updatedAt is a global index). */
async function currentStamp(db: KoubeiDb, storeKey: string): Promise<string> {
  const all = (t: Dexie.Table) =>
    t.where('[storeKey+createdAt]').between([storeKey, Dexie.minKey], [storeKey, Dexie.maxKey]).count();
  const [reviews, orders, lastReview, lastOrder] = await Promise.all([
    all(db.reviews),
    all(db.orders),
    db.reviews.orderBy('updatedAt').last(),
    db.orders.orderBy('updatedAt').last(),
  ]);
  return `${reviews}|${orders}|${lastReview?.updatedAt ?? 0}|${lastOrder?.updatedAt ?? 0}`;
}

/**
 * Periods whose orders are fully captured: for each day the console reported its 30-day order count
 * (抖店 `shop_order_latest_30_cnt`), the 30 days before it count if we hold at least that many orders
 * paid in them. Only complete captures count, so "no matching order" is never claimed from a partial
 * one; daily score visits over weeks add up to a long covered span.
 */
export async function orderCoverage(db: KoubeiDb, storeKey: string, maxDays = 120): Promise<OrderCoverage[]> {
  const scores = await db.officialScores
    .where('[storeKey+date]')
    .between([storeKey, Dexie.minKey], [storeKey, Dexie.maxKey])
    .reverse()
    .limit(maxDays * 6)
    .toArray();
  const byDate = new Map<string, number>();
  for (const s of scores)
    if (s.windowOrders !== undefined && s.windowOrders > 0)
      byDate.set(s.date, Math.max(byDate.get(s.date) ?? 0, s.windowOrders));
  const out: OrderCoverage[] = [];
  for (const [date, expected] of [...byDate].slice(0, maxDays)) {
    const to = Date.parse(`${date}T00:00:00+08:00`) + DAY_MS;
    const from = to - 30 * DAY_MS;
    const held = await db.orders
      .where('[storeKey+paidAt]')
      .between([storeKey, from], [storeKey, to], true, false)
      .count();
    if (held >= expected) out.push({ storeKey, from, to });
  }
  return out;
}

/** Recomputes the store's flags now (replacing the stored ones); returns how many there are. */
export async function computeFlags(db: KoubeiDb, storeKey: string, now: number): Promise<number> {
  const from = now - FLAG_WINDOW_MS;
  const between = (at: number) =>
    [
      [storeKey, at],
      [storeKey, Dexie.maxKey],
    ] as const;
  const reviews: Review[] = await db.reviews
    .where('[storeKey+createdAt]')
    .between(...between(from))
    .toArray();
  // An order row may lack either time: read both indexes so no captured order is missed.
  const lead = between(from - ORDER_LEAD_MS);
  const orders: Order[] = [
    ...(await db.orders
      .where('[storeKey+createdAt]')
      .between(...lead)
      .toArray()),
    ...(await db.orders
      .where('[storeKey+paidAt]')
      .between(...lead)
      .toArray()),
  ];
  const coverage = await orderCoverage(db, storeKey);
  const flags = findSuspicious(reviews, { knownOrderIds: knownOrderIds(orders), coverage });
  // One row per review × code: the strongest evidence of a code wins (a review can be in one group).
  const rows = new Map<string, ReviewFlagRow>();
  const rank = { low: 0, medium: 1, high: 2 } as const;
  for (const f of flags) {
    const key = `${f.reviewKey}|${f.code}`;
    const prev = rows.get(key);
    if (!prev || rank[f.severity] > rank[prev.severity]) rows.set(key, { ...f, key, storeKey });
  }
  await db.transaction('rw', db.reviewFlags, async () => {
    await db.reviewFlags.where('storeKey').equals(storeKey).delete();
    await db.reviewFlags.bulkPut([...rows.values()]);
  });
  return rows.size;
}

/**
 * Recomputes the store's flags if its records changed since the last run, and at most once per
 * `minIntervalMs` (a walk through many pages would otherwise recompute on every page).
 */
export async function refreshFlags(
  db: KoubeiDb,
  storeKey: string,
  now: number,
  minIntervalMs = 0,
): Promise<{ flags: number; computedAt: number }> {
  const prev = (await db.meta.get(stampKey(storeKey)))?.value as Stamp | undefined;
  // Within the interval nothing is read: the stamp counts the store's records, which costs the browser
  // a scan of two indexes on every annotated page turn (issue #15 worker profile).
  if (prev && now - prev.computedAt < minIntervalMs)
    return { flags: prev.flags, computedAt: prev.computedAt };
  const stamp = await currentStamp(db, storeKey);
  if (prev?.stamp === stamp) return { flags: prev.flags, computedAt: prev.computedAt };
  const flags = await computeFlags(db, storeKey, now);
  await db.meta.put({ key: stampKey(storeKey), value: { stamp, computedAt: now, flags } satisfies Stamp });
  return { flags, computedAt: now };
}
