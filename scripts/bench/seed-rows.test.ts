import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type KoubeiDb } from '../../lib/db';
import { makeStore } from '../../lib/export/testing';
import { mulberry32 as rng } from '../../lib/random';
import { seedRows } from './seed-rows';

const NOW = Date.UTC(2026, 11, 7, 3, 0, 0);
const YEARS3 = 3 * 365 * 86400000;
let db: KoubeiDb | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

describe('seedRows', () => {
  it('time order: ids grow with dates, spread over three years, dated fields moved with them', async () => {
    db = openDb(`seed-time-${Math.random()}`);
    const store = makeStore('1000000', '三年老店');
    const n = await seedRows(db, store, 12_000, 3_000, NOW, rng(7));
    expect(n).toEqual({ reviews: 12_000, orders: 3_000 });
    const reviews = await db.reviews.orderBy(':id').toArray();
    const dates = reviews.map((r) => r.createdAt);
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
    expect(dates[0]).toBeGreaterThanOrEqual(NOW - YEARS3);
    expect(dates[0]).toBeLessThan(NOW - YEARS3 + 3 * 86400000);
    expect(dates.at(-1)).toBeLessThan(NOW);
    expect(dates.at(-1)).toBeGreaterThan(NOW - 3 * 86400000);
    // Ids as the consoles': 19 digits, one per review.
    expect(reviews.every((r) => /^\d{19}$/.test(r.reviewId) && r.key === `${store.key}|${r.reviewId}`)).toBe(
      true,
    );
    expect(reviews.every((r) => r.updatedAt === r.createdAt + 60_000)).toBe(true);
    expect(reviews.every((r) => !r.replied || r.replyAt === r.createdAt + 3_600_000)).toBe(true);
    const orders = await db.orders.orderBy(':id').toArray();
    const paid = orders.map((o) => o.paidAt!);
    expect(paid).toEqual([...paid].sort((a, b) => a - b));
    expect(orders.every((o) => o.shippedAt === o.paidAt! + 20 * 3_600_000)).toBe(true);
  });

  it('random order (the seed before 2026-12-07): dates unrelated to ids, the same counts', async () => {
    db = openDb(`seed-random-${Math.random()}`);
    const n = await seedRows(db, makeStore('1000000', '三年老店'), 12_000, 0, NOW, rng(7), 'random');
    expect(n).toEqual({ reviews: 12_000, orders: 0 });
    const dates = (await db.reviews.orderBy(':id').toArray()).map((r) => r.createdAt);
    let falls = 0;
    for (let i = 1; i < dates.length; i++) if (dates[i]! < dates[i - 1]!) falls++;
    expect(falls).toBeGreaterThan(dates.length / 3);
    expect(Math.min(...dates)).toBeGreaterThanOrEqual(NOW - YEARS3);
    expect(Math.max(...dates)).toBeLessThan(NOW);
  });
});
