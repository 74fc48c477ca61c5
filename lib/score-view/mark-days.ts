/**
 * Score marks stored per store-day (db.ts v9): the bucket key, reading a bucket back as ScoreMark rows,
 * and grouping old-layout rows. Types only otherwise: lib/db.ts and lib/score-queries.ts import this, and
 * the popup imports those.
 */
import type { MarkEntry, ScoreMark, ScoreMarkDay } from './types';

export const markKey = (ref: string, day: string): string => `${ref}|${day}`;

/** Key of a store-day bucket (the same shape as an aggregate row's key). */
export const dayKey = (storeKey: string, day: string): string => `${storeKey}|${day}`;

/** The marks of one bucket as ScoreMark rows, in primary-key order of the v2 layout (`ref|day`). */
export function marksOfDay(b: ScoreMarkDay): ScoreMark[] {
  const out = b.m.map((e) => ({
    key: markKey(e.ref, b.day),
    storeKey: b.storeKey,
    day: b.day,
    ref: e.ref,
    kind: e.kind,
    ...(e.cats ? { cats: e.cats } : {}),
  }));
  return out.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}

export const entryOf = (m: ScoreMark): MarkEntry => ({
  ref: m.ref,
  kind: m.kind,
  ...(m.cats ? { cats: m.cats } : {}),
});

/** Entries in ref order, so equal content gives equal rows. */
export const byRef = (x: MarkEntry, y: MarkEntry): number => (x.ref < y.ref ? -1 : x.ref > y.ref ? 1 : 0);

/** Old-layout (v2–v8) rows grouped into buckets; rows must come in `[storeKey+day]` order. */
export function bucketsOf(rows: Iterable<ScoreMark>): ScoreMarkDay[] {
  const out: ScoreMarkDay[] = [];
  let cur: ScoreMarkDay | undefined;
  for (const r of rows) {
    if (!cur || cur.storeKey !== r.storeKey || cur.day !== r.day)
      out.push((cur = { key: dayKey(r.storeKey, r.day), storeKey: r.storeKey, day: r.day, m: [] }));
    cur.m.push(entryOf(r));
  }
  for (const b of out) b.m.sort(byRef);
  return out;
}
