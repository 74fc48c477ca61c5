/**
 * The large stores of the UI, export and rebuild benchmarks (scripts/bench/ui.ts, export.ts, rebuild.ts),
 * imported by their page code: reviews spread over the three years before `now`, orders from
 * lib/export/testing, written 10,000 per transaction.
 *
 * The ui and export benchmarks share one seeded database in a full run (`seedShared`): seeding is the
 * slowest part of the run (IndexedDB takes about 1,000–2,000 rows a second here once it holds a million),
 * so the ui step seeds it, measures, and hands its browser profile to the export step.
 */
import type { KoubeiDb } from '../../lib/db';
import { makeOrders, makeReviews, makeStore } from '../../lib/export/testing';
import type { Store } from '../../lib/model';

/**
 * Sizes of the shared database: a store with a tenth of the reviews (the export's 100k XLSX and CSV
 * scope) and a three-year-old store with the rest plus orders (the store the popup and side panel show).
 * All reviews together are the export's "1M reviews".
 */
export const SHARED_SIZES = {
  full: { tenth: 100_000, reviews: 900_000, orders: 100_000 },
  quick: { tenth: 10_000, reviews: 90_000, orders: 10_000 },
  smoke: { tenth: 1_000, reviews: 9_000, orders: 1_000 },
} as const;
export type SharedSize = keyof typeof SHARED_SIZES;

/** The two stores of the shared database (fresh objects: callers may add fields). */
export const sharedStores = (): { tenth: Store; large: Store } => ({
  tenth: makeStore('100000', '十万店'),
  large: makeStore('1000000', '三年老店'),
});

/** Seeds the shared database (see SHARED_SIZES); returns the table counts. */
export async function seedShared(
  db: KoubeiDb,
  size: SharedSize,
  now: number,
  random: () => number,
): Promise<{ reviews: number; orders: number }> {
  const n = SHARED_SIZES[size];
  const stores = sharedStores();
  await seedRows(db, stores.tenth, n.tenth, 0, now, random);
  return seedRows(db, stores.large, n.reviews, n.orders, now, random);
}

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
