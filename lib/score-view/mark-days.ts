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

/**
 * Adds old-layout (v2–v8) rows, or day rows, to `days` (by day key); entries sorted by the caller once
 * all are in (`byRef`).
 */
export function addToDays(days: Map<string, ScoreMarkDay>, rows: Iterable<ScoreMark | ScoreMarkDay>): void {
  for (const r of rows) {
    const key = dayKey(r.storeKey, r.day);
    let d = days.get(key);
    if (!d) days.set(key, (d = { key, storeKey: r.storeKey, day: r.day, m: [] }));
    if ('m' in r) d.m.push(...r.m);
    else d.m.push(entryOf(r));
  }
}
