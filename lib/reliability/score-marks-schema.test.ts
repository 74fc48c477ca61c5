/**
 * Schema v9 (issue #15): a database as shipped at v8, with score marks one row per record × day, opens
 * with the full schema; its marks come through regrouped one row per store-day, every mark carried
 * forward (categories included), and the diagnosis read (`marksIn`) answers exactly what it answered on
 * the v8 rows. The records and aggregates are not touched.
 */
import { afterEach, expect, it } from 'vitest';
import type { KoubeiDb } from '../db';
import { openDb } from '../db';
import { makeOrders, makeReviews, makeStore } from '../export/testing';
import type { Order, Review } from '../model';
import { marksIn } from '../score-queries';
import { categorize } from '../score-view/categorize';
import { dayKey, marksOfDay } from '../score-view/mark-days';
import { marksOf } from '../score-view/marks';
import type { ScoreMark } from '../score-view/types';
import { openAt, tablesAt } from './schema-history';

const opened: KoubeiDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

it('v8 (as shipped) → latest: score marks regrouped per store-day, every mark and read unchanged', async () => {
  expect(tablesAt(8).scoreMarks).toBe('key, [storeKey+day], ref');
  const a = makeStore('88776655', '甲店');
  const b = makeStore('10086', '乙店');
  const records: (Review | Order)[] = [
    ...makeReviews(a, 300, 3),
    ...makeOrders(a, 100, 4).map((o, i) => (i % 3 ? o : { ...o, shippedAt: o.paidAt! + 90 * 3_600_000 })),
    ...makeReviews(b, 120, 5),
  ];
  const v8rows = records.flatMap((r) => marksOf(r, { categorize }));
  expect(v8rows.some((m) => m.cats?.length)).toBe(true);
  expect(v8rows.some((m) => m.kind === 'order')).toBe(true);

  const name = `koubei-v8-marks-${Math.random()}`;
  const old = openAt(name, 8);
  await old.open();
  await old.table('stores').bulkAdd([a, b]);
  await old.table('reviews').bulkAdd(records.filter((r) => 'reviewId' in r));
  await old.table('orders').bulkAdd(records.filter((r) => !('reviewId' in r)));
  await old.table('scoreMarks').bulkAdd(v8rows);
  await old
    .table('aggregates')
    .add({ key: `${a.key}|2025-03-01`, storeKey: a.key, date: '2025-03-01', c: { rv: 1 } });
  // What the v8 read gave (the same query marksIn made on v8: reversed index range, limit).
  const v8read = async (storeKey: string, from: string, to: string, limit = 20_000) =>
    (await old
      .table('scoreMarks')
      .where('[storeKey+day]')
      .between([storeKey, from], [storeKey, to], true, true)
      .reverse()
      .limit(limit)
      .toArray()) as ScoreMark[];
  const queries = [
    [a.key, '2025-01-01', '2025-12-31', undefined],
    [a.key, '2025-02-10', '2025-03-20', undefined],
    [a.key, '2025-01-01', '2025-12-31', 77],
    [b.key, '2025-01-01', '2025-12-31', undefined],
  ] as const;
  const before = [];
  for (const [s, from, to, limit] of queries) before.push(await v8read(s, from, to, limit));
  expect(before[0]!.length).toBeGreaterThan(100);
  const reviewsBefore = await old.table('reviews').toArray();
  old.close();

  const db = openDb(name);
  opened.push(db);
  await db.open();
  expect(db.verno).toBeGreaterThanOrEqual(9);
  const days = await db.scoreMarks.toArray();
  // One row per store-day, nothing of the old layout left.
  expect(days.map((d) => d.key).sort()).toEqual(
    [...new Set(v8rows.map((m) => dayKey(m.storeKey, m.day)))].sort(),
  );
  expect(days.every((d) => d.m.length > 0 && !('ref' in d))).toBe(true);
  // Every mark carried forward, fields and all.
  const sortKey = (x: ScoreMark, y: ScoreMark) => (x.key < y.key ? -1 : 1);
  expect(days.flatMap(marksOfDay).sort(sortKey)).toEqual([...v8rows].sort(sortKey));
  for (const [i, [s, from, to, limit]] of queries.entries())
    expect(await marksIn(db, s, from, to, limit)).toEqual(before[i]);
  expect(await db.reviews.toArray()).toEqual(reviewsBefore);
  expect(await db.aggregates.count()).toBe(1);
  // The index the diagnosis reads is there; the `ref` index is gone.
  expect(db.scoreMarks.schema.indexes.map((i) => i.name)).toEqual(['[storeKey+day]']);
});
