/**
 * Score marks: one row per record × day on which it costs points (a 1–4★ review on its day; an order on
 * its late-shipping, 揽收, delivery or after-sale days). The diagnosis and forecast need "the negative
 * records counted on days D1…D2" — with marks that is one index range, never a scan of all records.
 */
import type { Order, Review } from '../model';
import type { DeltaOptions } from '../scoring/aggregates';
import type { Categorize } from '../scoring/classify';
import { badDays } from '../scoring/records';
import type { ScoreMark } from './types';

type Rec = Review | Order;

export const markKey = (ref: string, day: string): string => `${ref}|${day}`;

/** The marks of one record (a review's carry its text categories). */
export function marksOf(r: Rec, opts: DeltaOptions = {}): ScoreMark[] {
  const days = badDays(r, opts);
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
