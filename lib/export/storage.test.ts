import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KoubeiDb } from '../db';
import { openDb } from '../db';
import { confirmMatches, deleteStore, isQuotaError, roomFor, storageInfo, storeUsage } from './storage';
import { makeOrders, makeReviews, makeStore } from './testing';

const a = makeStore('1001', '甲店');
const b = makeStore('2002', '乙店');
let db: KoubeiDb;
beforeEach(async () => {
  db = openDb(`storage-${Math.random()}`);
  await db.stores.bulkPut([a, b]);
  await db.reviews.bulkPut([...makeReviews(a, 40), ...makeReviews(b, 7)]);
  await db.orders.bulkPut([...makeOrders(a, 25), ...makeOrders(b, 5)]); // every 5th order has no createdAt
  await db.aggregates.put({ key: `${a.key}|2026-01-01`, storeKey: a.key, date: '2026-01-01' });
  await db.captureEvents.add({
    at: 1_767_225_600_000,
    platform: 'douyin',
    storeKey: a.key,
    endpoint: 'x',
    page: '/',
    source: 'api',
    outcome: 'ok',
    seen: 1,
    added: 1,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    bytes: 1,
    reasons: [],
  });
});
afterEach(() => db.delete());

describe('per-store usage and delete', () => {
  it('counts every table that belongs to a store, orders without createdAt included', async () => {
    const usage = await storeUsage(db);
    expect(
      usage.map((u) => [
        u.store.key,
        u.counts.reviews,
        u.counts.orders,
        u.counts.aggregates,
        u.counts.captureEvents,
      ]),
    ).toEqual([
      [a.key, 40, 25, 1, 1],
      [b.key, 7, 5, 0, 0],
    ]);
  });

  it('deletes one store completely and leaves the other intact', async () => {
    await expect(deleteStore(db, a.key, '乙店')).rejects.toThrow(/不符/);
    expect(await db.reviews.count()).toBe(47);
    const removed = await deleteStore(db, a.key, '1001');
    expect(removed).toMatchObject({ reviews: 40, orders: 25, aggregates: 1, captureEvents: 1 });
    expect(await db.stores.toArray()).toEqual([b]);
    expect(await db.reviews.count()).toBe(7);
    expect(await db.orders.count()).toBe(5);
  });

  it.each([
    ['1001', true],
    ['甲店', true],
    [' 1001 ', true],
    ['', false],
    ['100', false],
  ])('confirm %j → %s', (typed, ok) => expect(confirmMatches(a, typed)).toBe(ok));
});

describe('quota', () => {
  it.each([
    [1_000, { usage: 0, quota: 1_000_000 }, true],
    [400_000, { usage: 200_000, quota: 1_000_000 }, false],
    [1e12, {}, true],
  ])('roomFor(%d)', (bytes, info, ok) => expect(roomFor(bytes, info).ok).toBe(ok));

  it.each([
    [new DOMException('x', 'QuotaExceededError'), true],
    [{ name: 'AbortError', inner: { name: 'QuotaExceededError' } }, true],
    [new Error('Network'), false],
  ])('isQuotaError %#', (e, want) => expect(isQuotaError(e)).toBe(want));

  it('reads navigator.storage-like figures', async () => {
    const info = await storageInfo({
      estimate: async () => ({ usage: 10, quota: 100 }),
      persisted: async () => true,
      persist: async () => true,
    });
    expect(info).toEqual({ usage: 10, quota: 100, persisted: true });
    expect(await storageInfo(undefined)).toEqual({});
  });
});
