/**
 * Schema v8 (issue #11): a database as shipped at v7 (the last release, before the text-learning tables) opens with the
 * full schema, keeps its reviews, and serves the new tables' reads (corrections by store and time, the
 * per-store adapter row), and a store's deletion takes its corrections and adapter with it.
 */
import { afterEach, expect, it } from 'vitest';
import type { KoubeiDb } from '../db';
import { openDb } from '../db';
import { deleteStore } from '../export/storage';
import { makeReviews, makeStore } from '../export/testing';
import { openAt, tablesAt } from './schema-history';

const NOW = Date.UTC(2026, 10, 22, 2);
const opened: KoubeiDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

it('v7 (as shipped) → latest: the text-learning tables exist, are empty, and their indexes answer', async () => {
  expect(Object.keys(tablesAt(7))).not.toContain('textCorrections');
  const store = makeStore();
  const name = `koubei-v7-text-${Math.random()}`;
  const old = openAt(name, 7);
  await old.open();
  const reviews = makeReviews(store, 50, 3);
  await old.table('stores').add(store);
  await old.table('reviews').bulkAdd(reviews);
  old.close();

  const db = openDb(name);
  opened.push(db);
  await db.open();
  expect(await db.reviews.count()).toBe(50);
  expect(await db.textCorrections.count()).toBe(0);
  expect(await db.textAdapters.count()).toBe(0);

  const [a, b] = reviews;
  await db.textCorrections.bulkPut([
    {
      key: a!.key,
      storeKey: store.key,
      reviewId: a!.reviewId,
      textHash: '1',
      categories: ['quality'],
      at: NOW,
    },
    { key: b!.key, storeKey: store.key, reviewId: b!.reviewId, textHash: '2', categories: [], at: NOW - 9 },
  ]);
  const since = await db.textCorrections
    .where('[storeKey+at]')
    .between([store.key, NOW - 5], [store.key, Infinity])
    .toArray();
  expect(since.map((c) => c.key)).toEqual([a!.key]);
  await db.textAdapters.put({
    ...{ key: `${store.key}|adapter`, storeKey: store.key, modelVersion: 1, caughtUp: true },
    ...{ state: { version: 1, bias: [0, 0, 0, 0, 0, 0], entries: [] }, reviewsAt: NOW, correctionsAt: NOW },
    ...{ reviews: 50, corrections: 2, updatedAt: NOW },
  });

  const removed = await deleteStore(db, store.key, store.shopId);
  expect(removed).toMatchObject({ textCorrections: 2, textAdapters: 1, reviews: 50 });
  expect(await db.textCorrections.count()).toBe(0);
  expect(await db.textAdapters.count()).toBe(0);
});
