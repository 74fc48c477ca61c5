import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KoubeiDb } from '../db';
import { openDb } from '../db';
import { DAY_MS, type OfficialScore, type Order } from '../model';
import { computeFlags, orderCoverage, refreshFlags } from './reviews-flags';
import { review, T_NOW as NOW, T_STORE as STORE } from './reviews-testing';

let db: KoubeiDb;
beforeEach(() => {
  db = openDb(`flags-${Math.random()}`);
});
afterEach(() => db.delete());

const order = (id: string, paidAt: number): Order => ({
  key: `${STORE}|${id}`,
  storeKey: STORE,
  platform: 'douyin',
  orderId: id,
  status: 'completed',
  createdAt: paidAt,
  paidAt,
  items: [],
  source: 'api',
  capturedAt: NOW,
  updatedAt: NOW,
});

const official = (windowOrders: number, date = '2026-11-22'): OfficialScore => ({
  key: `${STORE}|douyin.subscore.service|${date}`,
  storeKey: STORE,
  platform: 'douyin',
  kind: 'douyin.subscore.service',
  date,
  capturedAt: NOW,
  scaleMin: 50,
  scaleMax: 100,
  dimensions: [],
  indicators: [],
  windowOrders,
});

describe('orderCoverage', () => {
  it.each([
    ['every order of the console’s 30 days is held', 3, 3, 1],
    ['one order is missing', 4, 3, 0],
    ['the console reported no count', undefined, 3, 0],
  ])('%s → %i period(s)', async (_, windowOrders, held, periods) => {
    if (windowOrders !== undefined) await db.officialScores.put(official(windowOrders));
    await db.orders.bulkPut(Array.from({ length: held }, (_, i) => order(`o${i}`, NOW - (i + 1) * DAY_MS)));
    expect(await orderCoverage(db, STORE)).toHaveLength(periods);
  });
});

describe('computeFlags', () => {
  it('flags a review without an order only where the orders are fully captured', async () => {
    await db.orders.bulkPut([order('o1', NOW - DAY_MS), order('o2', NOW - 2 * DAY_MS)]);
    await db.reviews.bulkPut([review('r1', { orderId: 'o1' }), review('r2', { orderId: 'ghost' })]);
    expect(await computeFlags(db, STORE, NOW)).toBe(0);
    // The console's count for 11-22 alone covers 10-24…11-22: not the 30 days before the review.
    await db.officialScores.put(official(2));
    expect(await computeFlags(db, STORE, NOW)).toBe(0);
    // A visit on 10-25 (no orders then) covers the rest.
    await db.officialScores.put(official(1, '2026-10-25'));
    await db.orders.put(order('o0', NOW - 40 * DAY_MS));
    expect(await computeFlags(db, STORE, NOW)).toBe(1);
    const [flag] = await db.reviewFlags.toArray();
    expect(flag).toMatchObject({ reviewKey: `${STORE}|r2`, code: 'no_order', storeKey: STORE });
    expect(flag!.message).toContain('ghost');
  });

  it('flags coercion and contact diversion with the words as evidence, one row per code', async () => {
    await db.reviews.bulkPut([
      review('c1', { text: '不给我退款我就给差评，还要去投诉你们' }),
      review('c2', { text: '质量差，想要便宜货的加V：abc12345' }),
      review('ok', { text: '物流太慢了' }),
    ]);
    await computeFlags(db, STORE, NOW);
    const rows = await db.reviewFlags.toArray();
    expect(rows.map((r) => [r.reviewKey.split('|')[1], r.code]).sort()).toEqual([
      ['c1', 'coercion'],
      ['c2', 'contact_diversion'],
    ]);
  });

  it('ignores reviews older than 180 days and replaces the previous flags', async () => {
    const same = '质量很好，做工精细，物流很快，客服很耐心，推荐购买';
    await db.reviews.bulkPut(
      [1, 2, 3].map((i) => review(`t${i}`, { text: same, createdAt: NOW - 200 * DAY_MS })),
    );
    await db.reviewFlags.put({
      key: 'stale|templated',
      storeKey: STORE,
      reviewKey: 'stale',
      code: 'templated',
      severity: 'low',
      message: 'x',
      evidence: { kind: 'templated', groupKeys: [], similarity: 1, sample: '' },
    });
    expect(await computeFlags(db, STORE, NOW)).toBe(0);
    expect(await db.reviewFlags.count()).toBe(0);
  });
});

describe('refreshFlags', () => {
  it('recomputes when a review changed, but not more often than asked', async () => {
    await db.reviews.put(review('c1', { text: '不给我退款我就给差评' }));
    expect(await refreshFlags(db, STORE, NOW)).toEqual({ flags: 1, computedAt: NOW });
    await db.reviews.put(review('c2', { text: '加微信 abc12345 退钱', updatedAt: NOW }));
    expect(await refreshFlags(db, STORE, NOW + 1000, 60_000)).toEqual({ flags: 1, computedAt: NOW });
    expect(await refreshFlags(db, STORE, NOW + 61_000, 60_000)).toEqual({
      flags: 2,
      computedAt: NOW + 61_000,
    });
    expect(await refreshFlags(db, STORE, NOW + 200_000)).toEqual({ flags: 2, computedAt: NOW + 61_000 });
  });
});
