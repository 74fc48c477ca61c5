import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaptureBatch } from '../capture/batch';
import type { KoubeiDb } from '../db';
import { openDb } from '../db';
import { deleteStore } from '../export/storage';
import { makeOrders, makeReviews, makeStore } from '../export/testing';
import { restoreChunk } from '../import/restore';
import { countsKey, storeCounts } from '../queries';
import { combineHooks, countHooks, ensureCounts, recount } from './counts';
import { ingestBatch } from './ingest';

const store = makeStore('4461234', '测试旗舰店');
const other = makeStore('5550001', '二号店');
const NOW = Date.UTC(2026, 10, 22, 2);
const hooks = combineHooks(countHooks());

let db: KoubeiDb;
let n = 0;
beforeEach(async () => {
  db = openDb(`counts-${++n}`);
  await db.open();
  await db.stores.bulkPut([store, other]);
});
afterEach(() => db.close());

/** A capture batch of `reviews` (drafts: the stored rows without their store fields). */
const batchOf = (reviews: ReturnType<typeof makeReviews>): CaptureBatch => ({
  platform: 'douyin',
  endpoint: 'commentList',
  page: '/ffa/maftersale/comment',
  source: 'api',
  bytes: 1000,
  reviews: reviews.map(({ key: _k, storeKey: _s, capturedAt: _c, updatedAt: _u, ...draft }) => draft),
  orders: [],
  scores: [],
  rejects: [],
  seen: reviews.length,
});

const actual = async (s: string) => ({
  reviews: await db.reviews.where('storeKey').equals(s).count(),
  orders: await db.orders.where('storeKey').equals(s).count(),
});

describe('record counters', () => {
  it('recount writes the exact counts; inserts through ingest keep them exact, repeats add nothing', async () => {
    await db.reviews.bulkPut(makeReviews(store, 40, 1));
    await db.orders.bulkPut(makeOrders(store, 25, 2));
    expect(await recount(db, store.key)).toEqual({ reviews: 40, orders: 25 });
    const fresh = makeReviews(store, 60, 1).slice(35); // 5 already stored, 20 new
    const r = await ingestBatch(db, batchOf(fresh), { storeKey: store.key, now: NOW, hooks });
    expect(r.added).toBe(20);
    expect(await storeCounts(db, store.key)).toEqual({ reviews: 60, orders: 25 });
    await ingestBatch(db, batchOf(fresh), { storeKey: store.key, now: NOW + 1, hooks });
    expect(await storeCounts(db, store.key)).toEqual(await actual(store.key));
  });

  it('a store without a counter is counted from the index until ensureCounts writes one', async () => {
    await ingestBatch(db, batchOf(makeReviews(other, 12, 3)), { storeKey: other.key, now: NOW, hooks });
    expect(await db.meta.get(countsKey(other.key))).toBeUndefined();
    expect(await storeCounts(db, other.key)).toEqual({ reviews: 12, orders: 0 });
    await ensureCounts(db);
    expect((await db.meta.get(countsKey(other.key)))?.value).toEqual({ reviews: 12, orders: 0 });
    expect((await db.meta.get(countsKey(store.key)))?.value).toEqual({ reviews: 0, orders: 0 });
  });

  it('restore counts what it adds; deleting a store drops its counter; stale counters are removed', async () => {
    await ensureCounts(db);
    const rows = makeReviews(store, 30, 4);
    await restoreChunk(db, 'reviews', rows, { now: NOW, hooks });
    await restoreChunk(db, 'reviews', rows, { now: NOW, hooks });
    expect(await storeCounts(db, store.key)).toEqual({ reviews: 30, orders: 0 });
    await deleteStore(db, store.key, store.shopId);
    expect(await db.meta.get(countsKey(store.key))).toBeUndefined();
    await db.meta.put({ key: countsKey('douyin:gone'), value: { reviews: 3, orders: 1 } });
    await ensureCounts(db);
    expect(await db.meta.get(countsKey('douyin:gone'))).toBeUndefined();
    expect(await db.meta.get(countsKey(other.key))).toBeDefined();
  });
});
