/**
 * Score marks stored per store-day (db.ts v9, issue #15): the day rows, what readers get back from them
 * (compared with the v2 layout's reads, computed here from the records), incremental ingest into an
 * existing day, a record whose day moves, store deletion, and the rebuild's in-memory sums with captures
 * arriving between its reads.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KoubeiDb } from '../db';
import { openDb } from '../db';
import { deleteStore } from '../export/storage';
import type { Order, Review } from '../model';
import { marksIn, negativesIn, type RecordCache } from '../score-queries';
import { categorize } from '../score-view/categorize';
import { dayKey, marksOfDay } from '../score-view/mark-days';
import { marksOf } from '../score-view/marks';
import type { ScoreMark } from '../score-view/types';
import { buildAggregates } from '../scoring/aggregates';
import { makeReview, synthOrders, synthReviews } from '../scoring/synthetic';
import { aggregateHooks, ensureCurrent, flushRebuild, readChunk, readStatus, runRebuild } from './aggregates';
import { ingestBatch } from './ingest';
import { recordsBatch, wholeMsOrder } from './ingest-testing';

const S = 'douyin:7000123';
const T = 'douyin:7000456';
const NOW = Date.parse('2026-11-22T10:00:00+08:00');
const at = (day: string, h = 12) => Date.parse(`${day}T${String(h).padStart(2, '0')}:00:00+08:00`);
let db: KoubeiDb;
let n = 0;
beforeEach(async () => {
  db = openDb(`marks-${++n}`);
  await db.open();
});
afterEach(() => db.close());

/** Synthetic orders with whole-ms times, as ingest's validation requires. */
const orders = (storeKey: string, from: string, days: number, seed: number): Order[] =>
  [...synthOrders({ storeKey, from, days, perDay: 8, seed, badRate: 0.2 })].map(wholeMsOrder);
const reviews = (storeKey: string, from: string, days: number, seed: number) => [
  ...synthReviews({ storeKey, from, days, perDay: 6, seed, badRate: 0.2 }),
];

const ingest = (rows: (Review | Order)[], storeKey = S) =>
  ingestBatch(db, recordsBatch(rows), { storeKey, now: NOW, hooks: aggregateHooks() });
const all = async () => [...(await db.reviews.toArray()), ...(await db.orders.toArray())];

/** What the v2 layout (one row per mark, `[storeKey+day]` read in reverse) returned, from the records. */
function v2Read(records: (Review | Order)[], storeKey: string, from: string, to: string, limit = 20_000) {
  const rows = records
    .flatMap((r) => marksOf(r, { categorize }))
    .filter((m) => m.storeKey === storeKey && m.day >= from && m.day <= to);
  const cmp = (a: ScoreMark, b: ScoreMark) =>
    a.day !== b.day ? (a.day < b.day ? 1 : -1) : a.key < b.key ? 1 : -1;
  return rows.sort(cmp).slice(0, limit);
}
const storedMarks = async () =>
  (await db.scoreMarks.toArray())
    .flatMap(marksOfDay)
    .map((m) => m.key)
    .sort();
const expectedMarks = (records: (Review | Order)[]) =>
  records.flatMap((r) => marksOf(r, { categorize }).map((m) => m.key)).sort();
const storedAggregates = async () =>
  Object.fromEntries((await db.aggregates.toArray()).map((r) => [r.key, r.c]));
const expectedAggregates = (records: (Review | Order)[]) =>
  Object.fromEntries([...buildAggregates(records, { categorize }).values()].map((r) => [r.key, r.c]));

describe('score marks per store-day', () => {
  it('stores one row per store and day, and readers get exactly what the one-row-per-mark layout gave', async () => {
    const records = [
      ...reviews(S, '2026-09-01', 40, 1),
      ...orders(S, '2026-09-01', 40, 1),
      ...reviews(T, '2026-09-10', 10, 2),
    ];
    await ingest(records.filter((r) => r.storeKey === S));
    await ingest(
      records.filter((r) => r.storeKey === T),
      T,
    );
    await runRebuild(db, () => NOW);
    const stored = await all();
    const marks = stored.flatMap((r) => marksOf(r, { categorize }));
    expect(marks.length).toBeGreaterThan(100);
    const rows = await db.scoreMarks.toArray();
    expect(rows.map((r) => r.key).sort()).toEqual(
      [...new Set(marks.map((m) => dayKey(m.storeKey, m.day)))].sort(),
    );
    for (const r of rows) expect(r.key).toBe(dayKey(r.storeKey, r.day));

    for (const [from, to, limit] of [
      ['2026-09-01', '2026-12-31', undefined],
      ['2026-09-12', '2026-09-20', undefined],
      ['2026-09-01', '2026-12-31', 37],
    ] as const) {
      expect(await marksIn(db, S, from, to, limit)).toEqual(v2Read(stored, S, from, to, limit));
    }
    expect(await marksIn(db, T, '2026-01-01', '2026-12-31')).toEqual(
      v2Read(stored, T, '2026-01-01', '2026-12-31'),
    );
    // negativesIn: the same records in the same order as the per-mark rows gave them.
    const want = v2Read(stored, S, '2026-09-05', '2026-09-25');
    const byKey = new Map(stored.map((r) => [r.key, r]));
    const order = (kind: 'review' | 'order') => [
      ...new Set(want.filter((m) => m.kind === kind).map((m) => m.ref)),
    ];
    const got = await negativesIn(db, S, '2026-09-05', '2026-09-25');
    expect(got.map((r) => r.key)).toEqual([...order('review'), ...order('order')]);
    expect(got).toEqual([...order('review'), ...order('order')].map((k) => byKey.get(k)));

    // With a cache shared by one job (the score refresh): the same records in the same order, and a second
    // read over an overlapping range fetches only the records the first did not.
    const cache: RecordCache = new Map();
    const first = await negativesIn(db, S, '2026-09-10', '2026-09-20', { kind: 'review', cache });
    expect(first.length).toBeGreaterThan(5);
    expect(cache.size).toBe(first.length);
    const asked: string[] = [];
    const bulkGet = db.reviews.bulkGet.bind(db.reviews);
    db.reviews.bulkGet = ((keys: string[]) => (
      asked.push(...keys),
      bulkGet(keys)
    )) as typeof db.reviews.bulkGet;
    const again = await negativesIn(db, S, '2026-09-05', '2026-09-25', { cache });
    expect(again).toEqual(got);
    expect(asked.length).toBe(order('review').length - first.length);
    expect(asked.some((k) => first.some((r) => r.key === k))).toBe(false);
  });

  it('incremental ingest adds to and removes from an existing day row, and an emptied day is deleted', async () => {
    await runRebuild(db, () => NOW);
    const day = '2026-11-10';
    const bad = (id: string, star: number) =>
      makeReview({
        storeKey: S,
        reviewId: id,
        createdAt: at(day),
        star,
        starProduct: star,
        text: '质量太差',
      });
    await ingest([bad('a', 1)]);
    expect((await db.scoreMarks.get(dayKey(S, day)))?.m.map((e) => e.ref)).toEqual([`${S}|a`]);
    await ingest([bad('b', 2), bad('c', 5)]);
    const row = await db.scoreMarks.get(dayKey(S, day));
    expect(row?.m.map((e) => e.ref)).toEqual([`${S}|a`, `${S}|b`]);
    expect(row?.m[0]).toMatchObject({ kind: 'review', cats: categorize(bad('a', 1)) });
    expect(await db.scoreMarks.count()).toBe(1);
    // a's buyer changes the rating to 5★: a leaves the day, b stays.
    await ingest([bad('a', 5)]);
    expect((await db.scoreMarks.get(dayKey(S, day)))?.m.map((e) => e.ref)).toEqual([`${S}|b`]);
    await ingest([bad('b', 5)]);
    expect(await db.scoreMarks.get(dayKey(S, day))).toBeUndefined();
    expect(await db.scoreMarks.count()).toBe(0);
    expect(await storedMarks()).toEqual(expectedMarks(await all()));
  });

  it('a record whose counting day moves leaves the old day row and joins the new one', async () => {
    await runRebuild(db, () => NOW);
    const other = makeReview({
      storeKey: S,
      reviewId: 'x',
      createdAt: at('2026-11-03'),
      star: 1,
      starProduct: 1,
    });
    const first = makeReview({
      storeKey: S,
      reviewId: 'm',
      createdAt: at('2026-11-03'),
      star: 2,
      starProduct: 2,
    });
    await ingest([other, first]);
    expect((await db.scoreMarks.get(dayKey(S, '2026-11-03')))?.m.map((e) => e.ref)).toEqual([
      `${S}|m`,
      `${S}|x`,
    ]);
    // The platform corrects the review's time by two days (an API capture overwrites times).
    await ingest([{ ...first, createdAt: at('2026-11-05') }]);
    expect((await db.scoreMarks.get(dayKey(S, '2026-11-03')))?.m.map((e) => e.ref)).toEqual([`${S}|x`]);
    expect((await db.scoreMarks.get(dayKey(S, '2026-11-05')))?.m.map((e) => e.ref)).toEqual([`${S}|m`]);
    expect(await storedMarks()).toEqual(expectedMarks(await all()));
    expect(await storedAggregates()).toEqual(expectedAggregates(await all()));
  });

  it("deleting a store takes its day rows and leaves the other store's", async () => {
    await ingest([...reviews(S, '2026-10-01', 10, 3), ...orders(S, '2026-10-01', 10, 3)]);
    await ingest(reviews(T, '2026-10-01', 10, 4), T);
    await runRebuild(db, () => NOW);
    const before = (await db.scoreMarks.toArray()).filter((r) => r.storeKey === T);
    expect(before.length).toBeGreaterThan(0);
    expect((await db.scoreMarks.toArray()).some((r) => r.storeKey === S)).toBe(true);
    const removed = await deleteStore(db, S, '7000123');
    expect(removed.scoreMarks).toBeGreaterThan(0);
    expect(await db.scoreMarks.toArray()).toEqual(before);
  });
});

describe('rebuild sums in memory between flushes', () => {
  it('counts captures that arrive between its reads exactly once (read, changed, new, not yet read)', async () => {
    const base = [...reviews(S, '2026-08-01', 60, 6), ...orders(S, '2026-08-01', 30, 6)]; // 600 records
    await ingest(base);
    await ensureCurrent(db, NOW);
    await readChunk(db, 100);
    await readChunk(db, 100);
    // Nothing written yet: the committed cursor has not moved.
    expect(await readStatus(db)).toMatchObject({
      status: 'rebuilding',
      phase: 'reviews',
      cursor: '',
      done: 0,
    });
    expect(await db.scoreMarks.count()).toBe(0);
    const stored = (await db.reviews.orderBy(':id').toArray()) as Review[];
    // Read already (first 200 keys): one turns good, one turns bad; a new key sorts among them.
    const [r0, r1] = stored;
    const flip = (r: Review, star: number): Review => ({ ...r, star, starProduct: star, text: '质量太差了' });
    const read = [flip(r0!, r0!.star === 5 ? 1 : 5), flip(r1!, r1!.star === 5 ? 2 : 5)];
    const fresh = makeReview({
      storeKey: S,
      reviewId: '0',
      createdAt: at('2026-09-03'),
      star: 1,
      starProduct: 1,
    });
    expect(fresh.key < stored[199]!.key).toBe(true);
    // Not read yet: changed after the cursor.
    const later = flip(stored[250]!, stored[250]!.star === 5 ? 1 : 5);
    await ingest([...read, fresh, later, ...orders(S, '2026-09-12', 2, 7)]);
    await readChunk(db, 100);
    await ingest([flip(read[0]!, 3)]); // changed twice: counted as read, stored as now
    let s = await flushRebuild(db, NOW);
    expect(s).toMatchObject({ status: 'rebuilding', phase: 'reviews' });
    for (;;) {
      const r = await readChunk(db, 100);
      if (r.state?.status !== 'rebuilding') break;
      if (r.done) s = await flushRebuild(db, NOW);
      if (s?.status === 'ready') break;
    }
    const records = await all();
    expect(await storedAggregates()).toEqual(expectedAggregates(records));
    expect(await storedMarks()).toEqual(expectedMarks(records));
    expect(await readStatus(db)).toMatchObject({ status: 'ready', done: records.length });
  });

  it('a store deleted while its records are summed does not come back at the flush', async () => {
    await ingest([...reviews(S, '2026-10-01', 10, 8), ...orders(S, '2026-10-01', 10, 8)]);
    await ingest(reviews(T, '2026-10-01', 10, 9), T);
    await ensureCurrent(db, NOW);
    await readChunk(db, 1000);
    await deleteStore(db, S, '7000123');
    let r = await readChunk(db, 1000);
    while (!r.done) r = await readChunk(db, 1000);
    expect(await flushRebuild(db, NOW)).toMatchObject({ status: 'ready' });
    const left = await all();
    expect(left.every((x) => x.storeKey === T)).toBe(true);
    expect(await storedAggregates()).toEqual(expectedAggregates(left));
    expect(await storedMarks()).toEqual(expectedMarks(left));
  });

  it('a worker stopped between flushes resumes from the committed cursor', async () => {
    const base = [...reviews(S, '2026-08-01', 40, 10), ...orders(S, '2026-08-01', 40, 10)];
    await ingest(base);
    await ensureCurrent(db, NOW);
    await readChunk(db, 150);
    expect(await flushRebuild(db, NOW)).toMatchObject({ status: 'rebuilding', done: 150 });
    await readChunk(db, 150);
    // The worker dies: its sums are gone. Another database handle (a new worker) carries on.
    db.close();
    db = openDb(db.name);
    await db.open();
    expect(await readStatus(db)).toMatchObject({ done: 150 });
    expect(await runRebuild(db, () => NOW)).toMatchObject({ status: 'ready', done: base.length });
    expect(await storedAggregates()).toEqual(expectedAggregates(base));
    expect(await storedMarks()).toEqual(expectedMarks(base));
  });
});
