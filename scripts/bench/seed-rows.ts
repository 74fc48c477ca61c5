/**
 * The large store of the UI and rebuild benchmarks (scripts/bench/ui.ts, rebuild.ts), imported by their
 * page code: reviews spread over the three years before `now`, orders from lib/export/testing, written
 * 10,000 per transaction.
 */
import type { KoubeiDb } from '../../lib/db';
import { makeOrders, makeReviews } from '../../lib/export/testing';
import type { Store } from '../../lib/model';

const YEARS3 = 3 * 365 * 86400000;

/** Stores the store row, n reviews and m orders; returns the table counts. `random` places the reviews. */
export async function seedRows(
  db: KoubeiDb,
  store: Store,
  nReviews: number,
  nOrders: number,
  now: number,
  random: () => number,
): Promise<{ reviews: number; orders: number }> {
  await db.stores.put({ ...store, lastSeen: now });
  // Spread over the last three years, so the 30-day window and 180-day history have data.
  const start = now - YEARS3;
  for (let i = 0; i < nReviews; i += 10000) {
    const rows = makeReviews(store, Math.min(10000, nReviews - i), 11 + i, start);
    for (const r of rows) {
      r.reviewId = `r${i}-${r.reviewId}`;
      r.key = `${store.key}|${r.reviewId}`;
      r.createdAt = start + Math.floor(random() * YEARS3);
    }
    await db.reviews.bulkPut(rows);
  }
  for (let i = 0; i < nOrders; i += 10000) {
    const rows = makeOrders(store, Math.min(10000, nOrders - i), 12 + i, start);
    for (const o of rows) {
      o.orderId = `o${i}-${o.orderId}`;
      o.key = `${store.key}|${o.orderId}`;
    }
    await db.orders.bulkPut(rows);
  }
  return { reviews: await db.reviews.count(), orders: await db.orders.count() };
}
