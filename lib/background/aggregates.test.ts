import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KoubeiDb } from '../db';
import { openDb } from '../db';
import type { Order, Review } from '../model';
import { AGGREGATE_META_KEY } from '../score-view/aggregate-state';
import { categorize } from '../score-view/categorize';
import { marksOfDay } from '../score-view/mark-days';
import { marksOf } from '../score-view/marks';
import { buildAggregates } from '../scoring/aggregates';
import { synthOrders, synthReviews } from '../scoring/synthetic';
import {
  aggregateHooks,
  currentKey,
  ensureCurrent,
  flushEvery,
  readStatus,
  REBUILD_FLUSH,
  REBUILD_FLUSH_MAX,
  rebuildChunk,
  runRebuild,
} from './aggregates';
import { ingestBatch } from './ingest';
import { recordsBatch, wholeMsOrder } from './ingest-testing';

const S = 'douyin:7000123';
const NOW = Date.parse('2026-11-22T10:00:00+08:00');
let db: KoubeiDb;
let n = 0;
beforeEach(async () => {
  db = openDb(`agg-${++n}`);
  await db.open();
});
afterEach(() => db.close());

const reviews = (from: string, days: number, seed: number, perDay = 6) => [
  ...synthReviews({ storeKey: S, from, days, perDay, seed, badRate: 0.15 }),
];
/** Synthetic orders with whole-ms times, as the model (and ingest's validation) requires. */
const orders = (from: string, days: number, seed: number, perDay = 8): Order[] =>
  [...synthOrders({ storeKey: S, from, days, perDay, seed, badRate: 0.1 })].map(wholeMsOrder);

const ingest = (rows: (Review | Order)[], hooks = aggregateHooks()) =>
  ingestBatch(db, recordsBatch(rows), { storeKey: S, now: NOW, hooks });

async function storedAggregates() {
  return Object.fromEntries((await db.aggregates.toArray()).map((r) => [r.key, r.c]));
}
function expectedAggregates(records: (Review | Order)[]) {
  return Object.fromEntries([...buildAggregates(records, { categorize }).values()].map((r) => [r.key, r.c]));
}
/** Every stored mark's v2 key (`ref|day`), read back from the day rows. */
async function storedMarks() {
  return (await db.scoreMarks.toArray())
    .flatMap(marksOfDay)
    .map((m) => m.key)
    .sort();
}
const expectedMarks = (records: (Review | Order)[]) =>
  records.flatMap((r) => marksOf(r, { categorize }).map((m) => m.key)).sort();

/** Counts what each table is asked for (Dexie middleware): scans vs key lookups. */
function countReads(d: KoubeiDb) {
  const reads: { table: string; type: string; keys: number }[] = [];
  d.use({
    stack: 'dbcore',
    name: 'count-reads',
    create: (down) => ({
      ...down,
      table: (name) => {
        const t = down.table(name);
        const log = (type: string, req: object) =>
          reads.push({
            table: name,
            type,
            keys: 'keys' in req && Array.isArray(req.keys) ? req.keys.length : 0,
          });
        return {
          ...t,
          getMany: (req) => (log('getMany', req), t.getMany(req)),
          query: (req) => (log('query', req), t.query(req)),
          openCursor: (req) => (log('openCursor', req), t.openCursor(req)),
          count: (req) => (log('count', req), t.count(req)),
        };
      },
    }),
  });
  return reads;
}

describe('aggregate hook', () => {
  it('does nothing before the aggregates were (re)built for this code, then keeps them exact', async () => {
    const first = [...reviews('2026-10-01', 20, 1), ...orders('2026-10-01', 20, 1)];
    await ingest(first);
    expect(await db.aggregates.count()).toBe(0); // no state yet: the rebuild will count them
    await runRebuild(db, () => NOW);
    expect(await readStatus(db)).toMatchObject({ status: 'ready', key: currentKey(), done: first.length });
    expect(await storedAggregates()).toEqual(expectedAggregates(first));

    const more = [...reviews('2026-10-15', 20, 2), ...orders('2026-10-15', 20, 2)];
    await ingest(more);
    expect(await storedAggregates()).toEqual(expectedAggregates([...first, ...more]));
    expect(await storedMarks()).toEqual(expectedMarks([...first, ...more]));
  });

  it('moves a record between days and causes when it is captured again changed', async () => {
    await runRebuild(db, () => NOW);
    const [late] = orders('2026-11-16', 1, 3, 1) as Order[];
    const pending: Order = {
      ...late!,
      status: 'paid',
      shippedAt: undefined,
      collectedAt: undefined,
      deliveredAt: undefined,
    };
    await ingest([pending]);
    expect(await storedAggregates()).toEqual(expectedAggregates([pending]));
    // Shipped three days late, then a 发货超时 after-sale: shipLate and asLogistics replace shipPending.
    const shipped: Order = {
      ...late!,
      shippedAt: late!.paidAt! + 100 * 3_600_000,
      afterSale: { reason: '发货超时', status: 'succeeded' },
    };
    await ingest([shipped]);
    const stored = await db.orders.get(late!.key);
    expect(await storedAggregates()).toEqual(expectedAggregates([stored!]));
    expect(await storedMarks()).toEqual(expectedMarks([stored!]));
  });

  it('ingesting 100 rows reads only the aggregate days they touch, whatever the history size', async () => {
    await runRebuild(db, () => NOW);
    await ingest([...reviews('2026-05-01', 150, 4, 10), ...orders('2026-05-01', 150, 4, 12)]); // 3,300 records
    const reads = countReads(db);
    const fresh = [...reviews('2026-11-20', 2, 5, 25), ...orders('2026-11-20', 2, 5, 25)]; // 100 records
    await ingest(fresh);
    const scans = reads.filter(
      (r) => (r.table === 'reviews' || r.table === 'orders') && r.type !== 'getMany',
    );
    expect(scans).toEqual([]);
    const aggregateGets = reads.filter((r) => r.table === 'aggregates');
    expect(aggregateGets.every((r) => r.type === 'getMany')).toBe(true);
    // Reviews and orders of 2 days touch at most a week of day rows (ship-by, 揽收, delivery days).
    expect(aggregateGets.reduce((s, r) => s + r.keys, 0)).toBeLessThanOrEqual(10);
    expect(reads.filter((r) => r.table === 'scoreMarks' && r.type !== 'getMany')).toEqual([]);
  });
});

describe('rebuild', () => {
  it('flushes after REBUILD_FLUSH records at first, then after as many as are committed, at most REBUILD_FLUSH_MAX', () => {
    expect(flushEvery(0)).toBe(REBUILD_FLUSH);
    expect(flushEvery(REBUILD_FLUSH)).toBe(REBUILD_FLUSH);
    expect(flushEvery(3 * REBUILD_FLUSH)).toBe(3 * REBUILD_FLUSH);
    expect(flushEvery(10 * REBUILD_FLUSH_MAX)).toBe(REBUILD_FLUSH_MAX);
    // A million records take 8 flushes (22 at a fixed REBUILD_FLUSH), each reading no more than the cap.
    let done = 0;
    const reads: number[] = [];
    while (done < 1_100_000) {
      const n = Math.min(flushEvery(done), 1_100_000 - done);
      reads.push(n);
      done += n;
    }
    expect(reads).toEqual([50_000, 50_000, 100_000, 200_000, 200_000, 200_000, 200_000, 100_000]);
  });

  it('writes the same rows whatever the flush schedule (flushes by records read, by mark entries held)', async () => {
    await ingest([...reviews('2026-09-01', 30, 6, 10), ...orders('2026-09-01', 30, 6)]); // 540 records
    const rows = async () => ({
      aggregates: await db.aggregates.toArray(),
      marks: await db.scoreMarks.toArray(),
    });
    await runRebuild(db, () => NOW, true);
    const once = await rows();
    expect(once.marks.length).toBeGreaterThan(10);
    expect(once.marks.some((d) => d.m.some((e) => e.cats?.length))).toBe(true);
    // Flushes: puts of the rebuild's state in meta (one at the start, one per flush).
    let puts = 0;
    db.close();
    db = openDb(db.name);
    db.use({
      stack: 'dbcore',
      name: 'count-meta-puts',
      create: (down) => ({
        ...down,
        table: (name) => {
          const t = down.table(name);
          return name !== 'meta'
            ? t
            : { ...t, mutate: (req) => (req.type === 'put' && puts++, t.mutate(req)) };
        },
      }),
    });
    await db.open();
    const never = () => 1e9;
    const schedules = [
      { read: 20, flushEvery: (done: number) => Math.min(120, Math.max(40, done)) },
      { read: 20, flushEvery: never, markEntries: 15 },
      // Reads in slices, summed as they come (a slice that does not divide the read, one record a slice).
      { read: 45, slice: 7, flushEvery: (done: number) => Math.min(120, Math.max(40, done)) },
      { read: 9, slice: 1, flushEvery: never },
    ];
    const flushes: number[] = [];
    for (const limits of schedules) {
      puts = 0;
      await runRebuild(db, () => NOW, true, limits);
      flushes.push(puts - 1);
      expect(await rows()).toEqual(once);
    }
    // 540 records by 40, 40, 80, 120, 120, 120, 20: 7 flushes; by entries held: more than one.
    expect(flushes[0]).toBe(7);
    expect(flushes[1]).toBeGreaterThan(3);
  });

  it('resumes from its cursor after an interruption and counts concurrent captures exactly once', async () => {
    const base = [...reviews('2026-09-01', 30, 6, 10), ...orders('2026-09-01', 30, 6)]; // 540 records
    await ingest(base);
    await ensureCurrent(db, NOW);
    // Two chunks, then the "worker dies": the state in meta is all that is left.
    await rebuildChunk(db, NOW, 100);
    await rebuildChunk(db, NOW, 100);
    const mid = await readStatus(db);
    expect(mid).toMatchObject({ status: 'rebuilding', phase: 'reviews', done: 200 });
    // A capture arrives mid-rebuild: records behind the cursor count now, the rest when reached.
    const during = [...reviews('2026-09-10', 5, 7), ...orders('2026-09-10', 5, 7)];
    await ingest(during);
    const changedOld = { ...(base[0] as Review), replied: true, replyText: '已为您补发' };
    await ingest([changedOld]);
    let s = await readStatus(db);
    while (s?.status === 'rebuilding') s = await rebuildChunk(db, NOW, 100);
    const all = [...(await db.reviews.toArray()), ...(await db.orders.toArray())];
    expect(all).toHaveLength(base.length + during.length);
    expect(await storedAggregates()).toEqual(expectedAggregates(all));
    expect(await storedMarks()).toEqual(expectedMarks(all));
    expect(s).toMatchObject({ status: 'ready', done: all.length });
  });

  it('starts over when the stored aggregates were built by other code (version or classifier change)', async () => {
    const base = [...reviews('2026-10-01', 10, 8), ...orders('2026-10-01', 10, 8)];
    await ingest(base);
    await runRebuild(db, () => NOW);
    // Pretend the rows came from an older classifier and were wrong.
    await db.meta.put({
      key: AGGREGATE_META_KEY,
      value: { status: 'ready', key: 'a0.c0.deadbeef', done: 1 },
    });
    await db.aggregates.put({
      key: `${S}|2026-10-03`,
      storeKey: S,
      date: '2026-10-03',
      v: 0,
      c: { neg: 999 },
    });
    await ingest([...reviews('2026-10-20', 1, 9)]); // ignored: a rebuild is due
    await runRebuild(db, () => NOW);
    const all = [...(await db.reviews.toArray()), ...(await db.orders.toArray())];
    expect(await storedAggregates()).toEqual(expectedAggregates(all));
    expect(await readStatus(db)).toMatchObject({ status: 'ready', key: currentKey() });
  });
});
