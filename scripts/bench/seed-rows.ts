/**
 * The large stores of the UI, export and rebuild benchmarks (scripts/bench/ui.ts, export.ts, rebuild.ts),
 * imported by their page code: reviews spread over the three years before `now`, orders from
 * lib/export/testing, written 10,000 per transaction. Record ids grow with dates (`SeedOrder`), as on the
 * consoles; the runs before 2026-12-07 seeded ids in no relation to dates (`random`, still available).
 *
 * The ui and export benchmarks share one seeded database in a full run (`seedShared`): seeding is the
 * slowest part of the run (IndexedDB here costs ≈ 135 µs per put even for a tiny object, ≈ 330 µs for a
 * review row with its indexes: 1.1M rows took 8.1 min in the full run of 2026-12-07),
 * so the ui step seeds it, measures, and hands its browser profile to the export step.
 */
import type { KoubeiDb } from '../../lib/db';
import { makeOrders, makeReviews, makeStore } from '../../lib/export/testing';
import type { Order, Review, Store } from '../../lib/model';

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

/**
 * How record ids relate to time. `time` (the default): ids grow with the record's date, as the consoles'
 * review and order ids do (snowflake-style ids, e.g. 抖店's 19-digit ones), so primary-key order is date
 * order, as in a merchant's store. `random`: ids in no relation to dates — the seed of the runs before
 * 2026-12-07, kept to reproduce their figures (the rebuild's worst case: every flush touches every day).
 */
export type SeedOrder = 'time' | 'random';

/** Seeds the shared database (see SHARED_SIZES); returns the table counts. */
export async function seedShared(
  db: KoubeiDb,
  size: SharedSize,
  now: number,
  random: () => number,
  order: SeedOrder = 'time',
): Promise<{ reviews: number; orders: number }> {
  const n = SHARED_SIZES[size];
  const stores = sharedStores();
  await seedRows(db, stores.tenth, n.tenth, 0, now, random, order);
  return seedRows(db, stores.large, n.reviews, n.orders, now, random, order);
}

const YEARS3 = 3 * 365 * 86400000;
const DAYS300 = 300 * 86400000;
/** First review and order id of the time-ordered seed: 19 digits, as the consoles' ids. */
const REVIEW_ID0 = 7_350_000_000_000_000_000n;
const ORDER_ID0 = 6_931_000_000_000_000_000n;

/** Moves a review and everything dated on it (append, reply, update) by d ms. */
function shiftReview(r: Review, d: number): void {
  r.createdAt += d;
  r.updatedAt += d;
  if (r.replyAt !== undefined) r.replyAt += d;
  for (const a of r.appends ?? []) if (a.at !== undefined) a.at += d;
}

/** Moves an order and its dates by d ms. */
function shiftOrder(o: Order, d: number): void {
  for (const f of ['createdAt', 'paidAt', 'shippedAt', 'capturedAt', 'updatedAt'] as const)
    if (o[f] !== undefined) o[f] = o[f]! + d;
}

/**
 * Stores the store row, n reviews and m orders; returns the table counts. Reviews are spread over the
 * three years before `now` (so the 30-day window and 180-day history have data), orders over 300 days
 * from three years back (lib/export/testing's span). `random` places each record: anywhere in the span
 * (`random` order), or within its own slice of the span so dates grow with the ids (`time` order).
 */
export async function seedRows(
  db: KoubeiDb,
  store: Store,
  nReviews: number,
  nOrders: number,
  now: number,
  random: () => number,
  order: SeedOrder = 'time',
): Promise<{ reviews: number; orders: number }> {
  await db.stores.put({ ...store, lastSeen: now });
  const start = now - YEARS3;
  /** Date of record k of n over `span` from `start`. */
  const at = (k: number, n: number, span: number) =>
    start + Math.floor(order === 'time' ? ((k + random()) / n) * span : random() * span);
  for (let i = 0; i < nReviews; i += 10000) {
    const rows = makeReviews(store, Math.min(10000, nReviews - i), 11 + i, start);
    rows.forEach((r, j) => {
      r.reviewId = order === 'time' ? String(REVIEW_ID0 + BigInt(i + j)) : `r${i}-${r.reviewId}`;
      r.key = `${store.key}|${r.reviewId}`;
      const createdAt = at(i + j, nReviews, YEARS3);
      if (order === 'time') shiftReview(r, createdAt - r.createdAt);
      else r.createdAt = createdAt;
    });
    await db.reviews.bulkPut(rows);
  }
  for (let i = 0; i < nOrders; i += 10000) {
    const rows = makeOrders(store, Math.min(10000, nOrders - i), 12 + i, start);
    rows.forEach((o, j) => {
      o.orderId = order === 'time' ? String(ORDER_ID0 + BigInt(i + j)) : `o${i}-${o.orderId}`;
      o.key = `${store.key}|${o.orderId}`;
      if (order === 'time') shiftOrder(o, at(i + j, nOrders, DAYS300) - o.paidAt!);
    });
    await db.orders.bulkPut(rows);
  }
  return { reviews: await db.reviews.count(), orders: await db.orders.count() };
}
