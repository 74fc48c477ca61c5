/**
 * Daily aggregates and score marks, kept current inside the ingest transaction (IngestHooks):
 * batchDelta → bulkGet → applyDeltas → bulkPut/bulkDelete, O(records in the batch) whatever the history
 * size. When the counter semantics or the review classifier change, a chunked rebuild recounts every
 * record; its cursor lives in `meta`, so a worker stopped mid-way resumes where it was.
 */
import type { KoubeiDb } from '../db';
import type { Order, Review } from '../model';
import type { AggregateStatus, RebuildPhase } from '../score-view/aggregate-state';
import { AGGREGATE_META_KEY, REBUILD_PHASES, advance, appliesNow } from '../score-view/aggregate-state';
import { aggregateStateKey, categorize } from '../score-view/categorize';
import { markRows } from '../score-view/marks';
import type { DailyAggregate, DeltaOptions, Deltas } from '../scoring/aggregates';
import { applyDeltas, batchDelta, deltaKeys } from '../scoring/aggregates';
import type { IngestHooks, RecordChange } from './ingest';

type Rec = Review | Order;
type Pair = readonly [Rec | undefined, Rec | undefined];

const OPTS: DeltaOptions = { categorize };
/** Tables the hook and the rebuild write. */
export const AGGREGATE_TABLES = ['aggregates', 'scoreMarks', 'meta'] as const;
/** Records per rebuild transaction: short enough that ingest never waits long for the lock. */
export const REBUILD_CHUNK = 1000;

let stateKey: string | undefined;
/** The key current code builds aggregates for (computed once: it runs the classifier on probes). */
export const currentKey = (): string => (stateKey ??= aggregateStateKey());

export async function readStatus(db: KoubeiDb): Promise<AggregateStatus | undefined> {
  return (await db.meta.get(AGGREGATE_META_KEY))?.value as AggregateStatus | undefined;
}

/** Applies record changes to aggregates and marks. Call inside a rw transaction over AGGREGATE_TABLES. */
export async function applyPairs(db: KoubeiDb, pairs: readonly Pair[]): Promise<Deltas> {
  const deltas = batchDelta(pairs, OPTS);
  if (deltas.size > 0) {
    const keys = deltaKeys(deltas);
    const rows = await db.aggregates.bulkGet(keys);
    const map = new Map<string, DailyAggregate>();
    for (const r of rows) if (r) map.set(r.key, r as unknown as DailyAggregate);
    const { changed, removed } = applyDeltas(map, deltas);
    if (changed.length) await db.aggregates.bulkPut(changed);
    if (removed.length) await db.aggregates.bulkDelete(removed);
  }
  const { put, remove } = markRows(pairs, OPTS);
  if (remove.length) await db.scoreMarks.bulkDelete(remove);
  if (put.length) await db.scoreMarks.bulkPut(put);
  return deltas;
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
      const pairs: Pair[] = changes
        .filter((c) => appliesNow(state, want, c.table, c.next.key))
        .map((c) => [c.prev, c.next] as const);
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

/** Counts one chunk of the rebuild; returns the new state (status 'ready' when finished). */
export async function rebuildChunk(
  db: KoubeiDb,
  now: number,
  size = REBUILD_CHUNK,
): Promise<AggregateStatus | undefined> {
  return db.transaction('rw', [...AGGREGATE_TABLES, ...REBUILD_PHASES], async () => {
    const state = await readStatus(db);
    if (!state || state.status !== 'rebuilding' || !state.phase || state.key !== currentKey()) return state;
    const table = db.table<Rec, string>(state.phase satisfies RebuildPhase);
    const rows = await table
      .where(':id')
      .above(state.cursor ?? '')
      .limit(size)
      .toArray();
    await applyPairs(
      db,
      rows.map((r) => [undefined, r] as const),
    );
    // A short chunk is the phase's last: advance to the next phase at once (no empty round trip).
    const last = rows.length === size ? rows[rows.length - 1]!.key : undefined;
    const settled = advance(state, last, rows.length, now);
    await db.meta.put({ key: AGGREGATE_META_KEY, value: settled });
    return settled;
  });
}

let running: Promise<AggregateStatus | undefined> | undefined;

/**
 * Runs (or resumes) the rebuild to the end, one chunk per transaction with a macrotask between chunks so
 * captures interleave. Only one loop runs per worker; a second call joins it.
 */
export function runRebuild(
  db: KoubeiDb,
  now: () => number,
  force = false,
): Promise<AggregateStatus | undefined> {
  if (force && running) return running.then(() => runRebuild(db, now, true));
  running ??= (async () => {
    try {
      let state: AggregateStatus | undefined = await ensureCurrent(db, now(), force);
      while (state?.status === 'rebuilding') {
        state = await rebuildChunk(db, now());
        await new Promise((r) => setTimeout(r, 0));
      }
      return state;
    } finally {
      running = undefined;
    }
  })();
  return running;
}
