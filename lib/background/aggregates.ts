/**
 * Daily aggregates and score marks, kept current inside the ingest transaction (IngestHooks):
 * batchDelta → bulkGet → applyDeltas → bulkPut/bulkDelete, O(records in the batch) whatever the history
 * size. When the counter semantics or the review classifier change, a rebuild recounts every record in
 * one cursor pass; its committed cursor lives in `meta`, so a worker stopped mid-way resumes there.
 *
 * The rebuild (issue #15) reads records in short read-only transactions and sums their counts in memory
 * (per store-day: aggregate counters and mark buckets), then writes each touched row once per flush —
 * every `flushEvery(done)` records and at the end — together with the cursor, in one transaction. A capture
 * of a record the rebuild has read but not yet flushed is noted (with the version the rebuild counted)
 * and corrected at the flush; a store deleted meanwhile is left out. The memory is lost with the worker,
 * which is fine: nothing past the committed cursor was written.
 */
import type { KoubeiDb } from '../db';
import type { Order, Review } from '../model';
import type { AggregateStatus, RebuildPhase } from '../score-view/aggregate-state';
import { AGGREGATE_META_KEY, REBUILD_PHASES, appliesNow } from '../score-view/aggregate-state';
import { aggregateStateKey, categorize } from '../score-view/categorize';
import type { MarkChanges } from '../score-view/marks';
import { addMarkPair, addRecordMarks, applyMarkChanges, markChanges } from '../score-view/marks';
import type { ScoreMarkDay } from '../score-view/types';
import type { DailyAggregate, DeltaOptions, Deltas } from '../scoring/aggregates';
import { AGGREGATE_VERSION, aggregateKey, applyDeltas, batchDelta, deltaKeys } from '../scoring/aggregates';
import type { Counters } from '../scoring/counters';
import { countRecord, countersOf } from '../scoring/record-counters';
import { isBadCounter } from '../scoring/records';
import type { IngestHooks, RecordChange } from './ingest';

type Rec = Review | Order;
type Pair = readonly [Rec | undefined, Rec | undefined];

const OPTS: DeltaOptions = { categorize };
/** Tables the hook and the rebuild write. */
export const AGGREGATE_TABLES = ['aggregates', 'scoreMarks', 'meta'] as const;
/** Records per step of `rebuildChunk` (tests, and resuming by hand): one read and one flush. */
export const REBUILD_CHUNK = 1000;
/**
 * Records per read-only transaction of the rebuild: short enough that ingest never waits long for the
 * lock, long enough that per-read costs stay small (2,000 read 100k records ≈ 15 % slower in a probe,
 * issue #15). The transaction reads and sums them (slices below): ≈ 0.25 s at 5 s per 100k records,
 * the longest a capture waits during a rebuild.
 */
export const REBUILD_READ = 5000;
/**
 * Records per request inside one read, summed while the next slice is read, so each record is dropped
 * soon after it is deserialized. A/B at 200k–300k rows, 90 % reviews (docs/perf-rebuild.md): 1,000 per
 * slice beat one 5,000-record request in 7 of 7 pairs, 500 beat 1,000 in 7 of 8, 250 lost to 500.
 */
export const REBUILD_SLICE = 500;
/** Records summed in memory between the first flushes (rows written ≈ store-days touched, once per flush). */
export const REBUILD_FLUSH = 50_000;
/** The most records summed in memory between two flushes (bounds the work a killed worker loses). */
export const REBUILD_FLUSH_MAX = 200_000;
/**
 * The most mark entries held in memory between two flushes: ≈ 32 MB (≈ 320 bytes per entry with its key
 * and categories, measured in Node). A store where most reviews cost points reaches it first; a store of
 * mostly 5★ reviews, REBUILD_FLUSH_MAX.
 */
export const REBUILD_MARK_ENTRIES = 100_000;

/**
 * Records to read before the next flush, after `done` committed ones: as many as are committed, between
 * REBUILD_FLUSH and REBUILD_FLUSH_MAX (and sooner when REBUILD_MARK_ENTRIES are held). Each flush rewrites
 * every mark row it touches whole (bulkGet, add, bulkPut), and when record keys are not in date order
 * (ids not time-ordered, the benchmark's seed) every flush touches every day: with a fixed interval a
 * rebuild of n records rewrites O(n² / interval) mark entries. Profiles at 100k and 300k rows put that at
 * ≈ 0.3 s per 43k entries rewritten, ≈ 75 s of the 185 s at 1.1M rows (issue #15, docs/perf-rebuild.md).
 */
export const flushEvery = (done: number): number =>
  Math.min(REBUILD_FLUSH_MAX, Math.max(REBUILD_FLUSH, done));

let stateKey: string | undefined;
/** The key current code builds aggregates for (computed once: it runs the classifier on probes). */
export const currentKey = (): string => (stateKey ??= aggregateStateKey());

export async function readStatus(db: KoubeiDb): Promise<AggregateStatus | undefined> {
  return (await db.meta.get(AGGREGATE_META_KEY))?.value as AggregateStatus | undefined;
}

/** Adds aggregate deltas to the stored rows (bulkGet the touched days, bulkPut/bulkDelete). */
async function writeAggregates(db: KoubeiDb, deltas: Deltas): Promise<void> {
  if (deltas.size === 0) return;
  const rows = await db.aggregates.bulkGet(deltaKeys(deltas));
  const map = new Map<string, DailyAggregate>();
  for (const r of rows) if (r) map.set(r.key, r as unknown as DailyAggregate);
  const { changed, removed } = applyDeltas(map, deltas);
  if (changed.length) await db.aggregates.bulkPut(changed);
  if (removed.length) await db.aggregates.bulkDelete(removed);
}

/** Applies mark changes to the stored day rows (bulkGet the touched days, bulkPut/bulkDelete). */
async function writeMarks(db: KoubeiDb, changes: MarkChanges): Promise<void> {
  if (changes.size === 0) return;
  const rows = await db.scoreMarks.bulkGet([...changes.keys()]);
  const stored = new Map<string, ScoreMarkDay>();
  for (const r of rows) if (r) stored.set(r.key, r);
  const { put, remove } = applyMarkChanges(stored, changes);
  if (remove.length) await db.scoreMarks.bulkDelete(remove);
  if (put.length) await db.scoreMarks.bulkPut(put);
}

/** Applies record changes to aggregates and marks. Call inside a rw transaction over AGGREGATE_TABLES. */
export async function applyPairs(db: KoubeiDb, pairs: readonly Pair[]): Promise<Deltas> {
  // Each record counted once, for its aggregate deltas and its marks.
  const counted = new Map<Rec, Map<string, Counters>>();
  const opts: DeltaOptions = {
    ...OPTS,
    counters(r) {
      let c = counted.get(r);
      if (!c) counted.set(r, (c = countersOf(r, OPTS)));
      return c;
    },
  };
  const deltas = batchDelta(pairs, opts);
  // Two tables, independent rows: their reads and writes go out together (one wait, not two).
  await Promise.all([writeAggregates(db, deltas), writeMarks(db, markChanges(pairs, opts))]);
  return deltas;
}

/** What a rebuild has read past its committed cursor and not yet written (one per database). */
interface Pending {
  /** The state key and committed position this sum starts after. */
  key: string;
  fromPhase: RebuildPhase;
  fromCursor: string;
  /** Read position: every record up to here is in the sums (phase undefined: every table read). */
  phase: RebuildPhase | undefined;
  cursor: string;
  /** Aggregate counters summed per store-day (partial rows, added to the stored ones at the flush). */
  sums: Map<string, DailyAggregate>;
  marks: MarkChanges;
  /** Mark entries summed into `marks` (what holds the memory: ≈ 320 bytes each, issue #15). */
  markEntries: number;
  records: number;
  /** Records captured after this sum counted them: the version counted (undefined: none). */
  dirty: Map<string, { table: RebuildPhase; key: string; prev: Rec | undefined }>;
}
const pending = new Map<string, Pending>();

const startsAt = (p: Pending, s: AggregateStatus) =>
  p.key === s.key && p.fromPhase === s.phase && p.fromCursor === (s.cursor ?? '');

/** Whether the rebuild has already read (and summed) this record. */
const readPast = (p: Pending, table: RebuildPhase, key: string) =>
  !p.phase || appliesNow({ status: 'rebuilding', key: p.key, phase: p.phase, cursor: p.cursor, done: 0 }, p.key, table, key); // prettier-ignore

/** Adds changes (prev → next) to the sums: the captures noted since the sums read them. */
function count(p: Pending, pairs: readonly Pair[]): void {
  applyDeltas(p.sums, batchDelta(pairs, OPTS));
  for (const [prev, next] of pairs) addMarkPair(p.marks, prev, next, OPTS);
}

/**
 * Sums the records read: each increment goes straight into its store-day row (no counters map per
 * record), and the days it marks bad give the record's marks.
 */
function sumRows(p: Pending, rows: readonly Rec[]): void {
  for (const r of rows) {
    const store = r.storeKey;
    let day = '';
    let row: DailyAggregate | undefined;
    let bad: string[] | undefined;
    countRecord(r, OPTS, (d, id, n) => {
      if (d !== day || !row) {
        day = d;
        const key = aggregateKey(store, d);
        row = p.sums.get(key);
        if (!row) p.sums.set(key, (row = { key, storeKey: store, date: d, v: AGGREGATE_VERSION, c: {} }));
      }
      const v = (row.c[id] ?? 0) + n;
      if (v === 0) delete row.c[id];
      else row.c[id] = v;
      if (isBadCounter(id) && !(bad ??= []).includes(d)) bad.push(d);
    });
    if (bad) {
      addRecordMarks(p.marks, r, bad.sort(), OPTS);
      p.markEntries += bad.length;
    }
  }
}

/**
 * The ingest hook. `onTouched` hears each store whose aggregates or marks changed (the snapshot
 * scheduler), after the rows are written but possibly before the transaction commits.
 */
export function aggregateHooks(onTouched?: (storeKey: string) => void): IngestHooks {
  return {
    tables: AGGREGATE_TABLES,
    async onChanges(db, changes: RecordChange[]) {
      const state = await readStatus(db);
      const want = currentKey();
      const p = pending.get(db.name);
      const live = p && state && startsAt(p, state) ? p : undefined;
      const pairs: Pair[] = [];
      for (const c of changes) {
        if (appliesNow(state, want, c.table, c.next.key)) pairs.push([c.prev, c.next]);
        else if (live && readPast(live, c.table, c.next.key)) {
          // Read by the rebuild, not yet written: the flush swaps the version it counted for the stored one.
          const id = `${c.table}|${c.next.key}`;
          if (!live.dirty.has(id)) live.dirty.set(id, { table: c.table, key: c.next.key, prev: c.prev });
        }
      }
      if (pairs.length === 0) return;
      await applyPairs(db, pairs);
      for (const s of new Set(changes.map((c) => c.next.storeKey))) onTouched?.(s);
    },
  };
}

/** Starts a rebuild when the stored state is missing or built for other code; returns the state. */
export async function ensureCurrent(db: KoubeiDb, now: number, force = false): Promise<AggregateStatus> {
  const want = currentKey();
  return db.transaction('rw', [...AGGREGATE_TABLES], async () => {
    const state = await readStatus(db);
    if (!force && state?.key === want && state.status !== 'stale') return state;
    pending.delete(db.name);
    await db.aggregates.clear();
    await db.scoreMarks.clear();
    const next: AggregateStatus = {
      status: 'rebuilding',
      key: want,
      phase: 'reviews',
      cursor: '',
      done: 0,
      startedAt: now,
    };
    await db.meta.put({ key: AGGREGATE_META_KEY, value: next });
    return next;
  });
}

/**
 * Reads up to `size` records past the rebuild's read position (one read-only transaction) and adds
 * them to the in-memory sums. Returns the committed state and how far reading got.
 */
export async function readChunk(
  db: KoubeiDb,
  size = REBUILD_READ,
  sliceSize = REBUILD_SLICE,
): Promise<{ state: AggregateStatus | undefined; read: number; done: boolean }> {
  return db.transaction('r', ['meta', ...REBUILD_PHASES], async () => {
    const state = await readStatus(db);
    if (!state || state.status !== 'rebuilding' || !state.phase || state.key !== currentKey()) {
      pending.delete(db.name);
      return { state, read: 0, done: true };
    }
    let p = pending.get(db.name);
    if (!p || !startsAt(p, state)) {
      p = {
        key: state.key,
        fromPhase: state.phase,
        fromCursor: state.cursor ?? '',
        phase: state.phase,
        cursor: state.cursor ?? '',
        sums: new Map(),
        marks: new Map(),
        markEntries: 0,
        records: 0,
        dirty: new Map(),
      };
      pending.set(db.name, p);
    }
    if (!p.phase) return { state, read: p.records, done: true };
    const table = db.table<Rec, string>(p.phase);
    const slice = Math.max(1, Math.min(size, sliceSize));
    const part = (after: string, n: number) => table.where(':id').above(after).limit(n).toArray();
    // The transaction's records come in slices, each summed while the next is read: a record is dropped
    // soon after it is deserialized (records that lived across a whole 5,000-record read were copied
    // out of V8's young generation and promoted, issue #15). The read position moves with each slice,
    // so a capture of these records from here on is noted by the hook.
    let got = 0;
    let exhausted = false;
    let want = Math.min(slice, size);
    let next: Promise<Rec[]> | undefined = part(p.cursor, want);
    while (next) {
      const rows: Rec[] = await next;
      next = undefined;
      got += rows.length;
      // A short slice is the phase's last: move to the next phase at once (no empty round trip).
      if (rows.length < want) exhausted = true;
      else if (got < size) {
        want = Math.min(slice, size - got);
        next = part(rows[rows.length - 1]!.key, want);
      }
      if (rows.length === 0) break;
      p.cursor = rows[rows.length - 1]!.key;
      sumRows(p, rows);
    }
    p.records += got;
    if (exhausted) {
      p.phase = REBUILD_PHASES[REBUILD_PHASES.indexOf(p.phase) + 1];
      p.cursor = '';
    }
    return { state, read: p.records, done: !p.phase };
  });
}

/**
 * Writes what the rebuild has summed since its committed cursor — each touched aggregate and mark row
 * once — and moves the cursor to the read position, in one transaction. Returns the new state.
 */
export async function flushRebuild(db: KoubeiDb, now: number): Promise<AggregateStatus | undefined> {
  return db.transaction('rw', [...AGGREGATE_TABLES, ...REBUILD_PHASES, 'stores'], async () => {
    const state = await readStatus(db);
    const p = pending.get(db.name);
    pending.delete(db.name);
    if (!p || !state || state.status !== 'rebuilding' || !startsAt(p, state)) return state;
    // Captured since the sum read them (noted by the hook up to this transaction's start).
    for (const table of REBUILD_PHASES) {
      const notes = [...p.dirty.values()].filter((d) => d.table === table);
      if (!notes.length) continue;
      const stored = await db.table<Rec, string>(table).bulkGet(notes.map((d) => d.key));
      count(
        p,
        notes.map((d, i) => [d.prev, stored[i]] as const),
      );
      // A record new behind the read position is counted here, not by the read.
      p.records += notes.filter((d, i) => !d.prev && stored[i]).length;
    }
    // A store deleted while its records were summed: nothing of it may come back.
    const stores = new Set([...p.sums.values()].map((r) => r.storeKey));
    for (const c of p.marks.values()) stores.add(c.storeKey);
    for (const s of stores) {
      if (await db.stores.get(s)) continue;
      const range = (t: RebuildPhase) =>
        db.table<Rec, string>(t).where(':id').between(`${s}|`, `${s}|\uffff`).limit(1).primaryKeys();
      if ((await range('reviews')).length || (await range('orders')).length) continue;
      for (const [k, r] of p.sums) if (r.storeKey === s) p.sums.delete(k);
      for (const [k, c] of p.marks) if (c.storeKey === s) p.marks.delete(k);
    }
    await Promise.all([writeAggregates(db, p.sums), writeMarks(db, p.marks)]);
    const done = state.done + p.records;
    let settled: AggregateStatus;
    if (p.phase) settled = { ...state, phase: p.phase, cursor: p.cursor, done };
    else {
      const { phase: _p, cursor: _c, ...rest } = state;
      settled = { ...rest, status: 'ready', done, finishedAt: now };
    }
    await db.meta.put({ key: AGGREGATE_META_KEY, value: settled });
    return settled;
  });
}

/** Counts one chunk of the rebuild and writes it; returns the new state (status 'ready' when finished). */
export async function rebuildChunk(
  db: KoubeiDb,
  now: number,
  size = REBUILD_CHUNK,
): Promise<AggregateStatus | undefined> {
  const { state } = await readChunk(db, size);
  if (!state || state.status !== 'rebuilding') return state;
  return flushRebuild(db, now);
}

/** Mark entries the rebuild of `db` holds in memory (0 without a rebuild in progress). */
const heldEntries = (db: KoubeiDb): number => pending.get(db.name)?.markEntries ?? 0;

let running: Promise<AggregateStatus | undefined> | undefined;

/** The rebuild's sizes (defaults: REBUILD_READ, flushEvery, REBUILD_MARK_ENTRIES). */
export interface RebuildLimits {
  read?: number;
  /** Records per request inside a read (default REBUILD_SLICE). */
  slice?: number;
  flushEvery?: (done: number) => number;
  markEntries?: number;
}

/**
 * Runs (or resumes) the rebuild to the end: read-only chunks with a macrotask between them so captures
 * interleave, a flush every `flushEvery(done)` records or REBUILD_MARK_ENTRIES mark entries, and at the
 * end. Only one loop runs per worker; a second call joins it.
 */
export function runRebuild(
  db: KoubeiDb,
  now: () => number,
  force = false,
  /** Smaller sizes for tests (several flushes over a few hundred records). */
  limits: RebuildLimits = {},
): Promise<AggregateStatus | undefined> {
  if (force && running) return running.then(() => runRebuild(db, now, true, limits));
  const read = limits.read ?? REBUILD_READ;
  const slice = limits.slice ?? REBUILD_SLICE;
  const every = limits.flushEvery ?? flushEvery;
  const maxEntries = limits.markEntries ?? REBUILD_MARK_ENTRIES;
  running ??= (async () => {
    try {
      let state: AggregateStatus | undefined = await ensureCurrent(db, now(), force);
      let reading = state?.status === 'rebuilding' ? readChunk(db, read, slice) : undefined;
      /** Mark entries in memory after the last sum (one chunk behind: a soft bound). */
      let held = 0;
      while (reading) {
        const r = await reading;
        reading = undefined;
        state = r.state;
        if (state?.status !== 'rebuilding') break;
        const flush = r.done || r.read >= every(state.done) || held >= maxEntries;
        // The next chunk is read while this one is summed.
        if (!flush) reading = readChunk(db, read, slice);
        held = heldEntries(db);
        if (flush) {
          state = await flushRebuild(db, now());
          held = 0;
        }
        await new Promise((res) => setTimeout(res, 0));
        if (!reading && state?.status === 'rebuilding') reading = readChunk(db, read, slice);
      }
      return state;
    } finally {
      running = undefined;
    }
  })();
  return running;
}
