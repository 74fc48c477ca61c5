/**
 * Score marks: one row per record × day on which it costs points (a 1–4★ review on its day; an order on
 * its late-shipping, 揽收, delivery or after-sale days). The diagnosis and forecast need "the negative
 * records counted on days D1…D2" — with marks that is one index range, never a scan of all records.
 */
import type { Order, Review } from '../model';
import type { DeltaOptions } from '../scoring/aggregates';
import type { Categorize } from '../scoring/classify';
import { badDays } from '../scoring/records';
import { byRef, dayKey, entryOf, markKey } from './mark-days';
import type { MarkEntry, ScoreMark, ScoreMarkDay } from './types';

export { markKey };

type Rec = Review | Order;

/** The marks of one record (a review's carry its text categories). */
export function marksOf(r: Rec, opts: DeltaOptions = {}): ScoreMark[] {
  return marksAt(r, badDays(r, opts), opts);
}

/** The marks of a record on its bad `days` (badDays/badDaysIn), for callers that have its counters. */
export function marksAt(r: Rec, days: readonly string[], opts: DeltaOptions = {}): ScoreMark[] {
  if ('reviewId' in r) {
    const cats = days.length && opts.categorize ? [...opts.categorize(r)] : undefined;
    return days.map((day) => ({
      key: markKey(r.key, day),
      storeKey: r.storeKey,
      day,
      ref: r.key,
      kind: 'review' as const,
      ...(cats ? { cats } : {}),
    }));
  }
  return days.map((day) => ({
    key: markKey(r.key, day),
    storeKey: r.storeKey,
    day,
    ref: r.key,
    kind: 'order' as const,
  }));
}

/** A classifier that reads the categories stored on marks and analyses only what they lack. */
export function categorizeFrom(marks: readonly ScoreMark[], fallback: Categorize): Categorize {
  const known = new Map<string, string[]>();
  for (const m of marks) if (m.cats) known.set(m.ref, m.cats);
  return (r) => known.get(r.key) ?? fallback(r);
}

/** Rows to put and keys to delete for a batch of (stored, incoming) pairs. */
export function markRows(
  pairs: Iterable<readonly [Rec | undefined, Rec | undefined]>,
  opts: DeltaOptions = {},
): { put: ScoreMark[]; remove: string[] } {
  const put = new Map<string, ScoreMark>();
  const gone = new Set<string>();
  for (const [prev, next] of pairs) {
    const after = next ? marksOf(next, opts) : [];
    const keep = new Set(after.map((m) => m.key));
    if (prev) for (const m of marksOf(prev, opts)) if (!keep.has(m.key)) gone.add(m.key);
    for (const m of after) {
      put.set(m.key, m);
      gone.delete(m.key);
    }
  }
  return { put: [...put.values()], remove: [...gone] };
}

/* ---- Day buckets (db.ts v9): the stored layout of marks ---- */

/** Pending changes to buckets: per bucket, entries to set and refs to drop (set wins, as in markRows). */
export type MarkChanges = Map<
  string,
  { storeKey: string; day: string; set: Map<string, MarkEntry>; drop: Set<string> }
>;

function slot(changes: MarkChanges, storeKey: string, day: string) {
  const k = dayKey(storeKey, day);
  let c = changes.get(k);
  if (!c) changes.set(k, (c = { storeKey, day, set: new Map(), drop: new Set() }));
  return c;
}

/** Adds a (stored, incoming) pair to `changes`: the stored record's marks go, the incoming one's come. */
export function addMarkPair(
  changes: MarkChanges,
  prev: Rec | undefined,
  next: Rec | undefined,
  opts: DeltaOptions = {},
  /** next's marks when the caller has them already (marksAt). */
  nextMarks?: readonly ScoreMark[],
): void {
  const after = nextMarks ?? (next ? marksOf(next, opts) : []);
  if (prev) {
    const keep = new Set(after.map((m) => m.key));
    for (const m of marksOf(prev, opts)) {
      if (keep.has(m.key)) continue;
      const c = slot(changes, m.storeKey, m.day);
      c.set.delete(m.ref);
      c.drop.add(m.ref);
    }
  }
  for (const m of after) {
    const c = slot(changes, m.storeKey, m.day);
    c.drop.delete(m.ref);
    c.set.set(m.ref, entryOf(m));
  }
}

/**
 * Adds a record's marks on its bad `days` to `changes` — what `addMarkPair(changes, undefined, undefined,
 * opts, marksAt(r, days, opts))` adds, without building the ScoreMark rows first (the rebuild sums a
 * million records this way, issue #15).
 */
export function addRecordMarks(
  changes: MarkChanges,
  r: Rec,
  days: readonly string[],
  opts: DeltaOptions = {},
): void {
  if (days.length === 0) return;
  const review = 'reviewId' in r;
  const cats = review && opts.categorize ? [...opts.categorize(r)] : undefined;
  for (const day of days) {
    const c = slot(changes, r.storeKey, day);
    c.drop.delete(r.key);
    c.set.set(
      r.key,
      review ? { ref: r.key, kind: 'review', ...(cats ? { cats } : {}) } : { ref: r.key, kind: 'order' },
    );
  }
}

/** Bucket changes for a batch of (stored, incoming) pairs. */
export function markChanges(
  pairs: Iterable<readonly [Rec | undefined, Rec | undefined]>,
  opts: DeltaOptions = {},
): MarkChanges {
  const out: MarkChanges = new Map();
  for (const [prev, next] of pairs) addMarkPair(out, prev, next, opts);
  return out;
}

/**
 * Applies `changes` to the stored buckets (by key; missing = none yet): rows to put and keys to delete
 * (a bucket left empty is deleted). Entries keep ref order, so equal content gives equal rows.
 */
export function applyMarkChanges(
  stored: ReadonlyMap<string, ScoreMarkDay>,
  changes: MarkChanges,
): { put: ScoreMarkDay[]; remove: string[] } {
  const put: ScoreMarkDay[] = [];
  const remove: string[] = [];
  for (const [key, c] of changes) {
    const was = stored.get(key);
    const kept = new Map<string, MarkEntry>();
    for (const e of was?.m ?? []) if (!c.drop.has(e.ref)) kept.set(e.ref, e);
    for (const [ref, e] of c.set) kept.set(ref, e);
    if (kept.size === 0) {
      if (was) remove.push(key);
      continue;
    }
    const m = [...kept.values()].sort(byRef);
    put.push({ key, storeKey: c.storeKey, day: c.day, m });
  }
  return { put, remove };
}
