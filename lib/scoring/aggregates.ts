/**
 * Daily aggregates: one row per store × Asia/Shanghai day holding additive integer counters. The
 * background keeps them current inside its ingest transaction:
 *
 *   const deltas = batchDelta(pairs, opts);              // pairs = [stored | undefined, incoming | undefined]
 *   const rows = await db.aggregates.bulkGet(deltaKeys(deltas));
 *   const map = new Map(rows.filter(Boolean).map((r) => [r.key, r]));
 *   const { changed, removed } = applyDeltas(map, deltas);
 *   await db.aggregates.bulkPut(changed); await db.aggregates.bulkDelete(removed);
 *
 * Cost is O(records in the batch), independent of history size. Scoring reads only these rows.
 */
import * as z from 'zod/mini';
import type { Counters } from './counters';
import { COUNTERS, addInto, isEmpty } from './counters';
import type { DeltaOptions, ScoredRecord as Record_ } from './record-counters';
import { countersOf } from './record-counters';

export { countersOf } from './record-counters';
export type { DeltaOptions, ScoredRecord } from './record-counters';

/** Bump when a counter's meaning changes; rows of another version must be rebuilt from records. */
export const AGGREGATE_VERSION = 1;

export const DailyAggregate = z.object({
  /** `${storeKey}|${YYYY-MM-DD}` */
  key: z.string(),
  storeKey: z.string(),
  /** YYYY-MM-DD in Asia/Shanghai. */
  date: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
  v: z.number(),
  /** Sparse counters (absent = 0), see counters.ts. */
  c: z.partialRecord(z.enum(COUNTERS), z.number().check(z.int())),
});
export type DailyAggregate = z.infer<typeof DailyAggregate>;

/** A change to one store × day. */
export interface AggregateDelta {
  key: string;
  storeKey: string;
  date: string;
  c: Counters;
}
export type Deltas = Map<string, AggregateDelta>;

export const aggregateKey = (storeKey: string, date: string): string => `${storeKey}|${date}`;

/**
 * Deltas that turn the aggregates for `prev` into those for `next` (either may be undefined: insert,
 * delete). Handles records that move day, store or category.
 */
export function recordDelta(
  prev: Record_ | undefined,
  next: Record_ | undefined,
  opts: DeltaOptions = {},
): Deltas {
  const out: Deltas = new Map();
  if (prev) addRecord(out, prev, -1, opts);
  if (next) addRecord(out, next, 1, opts);
  for (const [k, d] of out) if (isEmpty(d.c)) out.delete(k);
  return out;
}

/** Deltas for a whole ingest batch, merged per store × day. */
export function batchDelta(
  pairs: Iterable<readonly [Record_ | undefined, Record_ | undefined]>,
  opts: DeltaOptions = {},
): Deltas {
  const out: Deltas = new Map();
  for (const [prev, next] of pairs) {
    if (prev) addRecord(out, prev, -1, opts);
    if (next) addRecord(out, next, 1, opts);
  }
  for (const [k, d] of out) if (isEmpty(d.c)) out.delete(k);
  return out;
}

function addRecord(out: Deltas, record: Record_, sign: number, opts: DeltaOptions): void {
  for (const [date, c] of countersOf(record, opts)) {
    const key = aggregateKey(record.storeKey, date);
    const d = out.get(key) ?? { key, storeKey: record.storeKey, date, c: {} };
    addInto(d.c, c, sign);
    out.set(key, d);
  }
}

/** Keys to load before applying (bulkGet). */
export const deltaKeys = (deltas: Deltas): string[] => [...deltas.keys()];

/**
 * Applies deltas to `aggregates` (copy-on-write per row, the map is updated). Returns rows to put and
 * keys to delete: a row whose counters all return to 0 is removed, so add-then-remove leaves no trace.
 */
export function applyDeltas(
  aggregates: Map<string, DailyAggregate>,
  deltas: Deltas,
): { changed: DailyAggregate[]; removed: string[] } {
  const changed: DailyAggregate[] = [];
  const removed: string[] = [];
  for (const d of deltas.values()) {
    const prev = aggregates.get(d.key);
    const c = addInto({ ...prev?.c }, d.c);
    if (isEmpty(c)) {
      if (prev) {
        aggregates.delete(d.key);
        removed.push(d.key);
      }
      continue;
    }
    const row: DailyAggregate = { key: d.key, storeKey: d.storeKey, date: d.date, v: AGGREGATE_VERSION, c };
    aggregates.set(d.key, row);
    changed.push(row);
  }
  return { changed, removed };
}

/** Builds aggregates from scratch (rebuild after a version bump, import, tests, benchmark). */
export function buildAggregates(
  records: Iterable<Record_>,
  opts: DeltaOptions = {},
): Map<string, DailyAggregate> {
  const deltas: Deltas = new Map();
  for (const r of records) addRecord(deltas, r, 1, opts);
  const map = new Map<string, DailyAggregate>();
  applyDeltas(map, deltas);
  return map;
}
