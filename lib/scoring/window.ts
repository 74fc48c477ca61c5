/**
 * Rolling windows over daily aggregates. A window "as of" day D with length W covers D−W+1 … D
 * (Asia/Shanghai days), so a record counted on day X is in the window for D in X … X+W−1 and leaves it
 * on X+W. Series use prefix sums: O(days × counters) to build, O(counters) per window.
 */
import { DAY_MS, addDays, dayStart } from '../model';
import type { DailyAggregate } from './aggregates';
import type { Counters } from './counters';
import { COUNTERS, COUNTER_INDEX, addInto } from './counters';

/** Counter sums of one window. */
export interface WindowTotals {
  from: string;
  to: string;
  days: number;
  c: Counters;
}

export function windowRange(windowDays: number, asOf: string): { from: string; to: string } {
  return { from: addDays(asOf, -(windowDays - 1)), to: asOf };
}

/** First as-of day on which a record counted on `day` is no longer in a `windowDays` window. */
export const leavesWindowOn = (day: string, windowDays: number): string => addDays(day, windowDays);

/** Sums the rows of one store whose date is in from…to (rows outside are ignored). */
export function sumWindow(rows: Iterable<DailyAggregate>, from: string, to: string): WindowTotals {
  const c: Counters = {};
  for (const r of rows) if (r.date >= from && r.date <= to) addInto(c, r.c);
  return { from, to, days: daysBetween(from, to) + 1, c };
}

/** Whole days from `a` to `b` (b − a). */
export const daysBetween = (a: string, b: string): number => Math.round((dayStart(b) - dayStart(a)) / DAY_MS);

const NC = COUNTERS.length;

/** Prefix sums of one store's aggregates over from…to. */
export interface PrefixSums {
  from: string;
  to: string;
  /** Counter sums over a…b (clamped to the covered range). */
  sum(a: string, b: string): WindowTotals;
  /** The window of `windowDays` ending at `asOf`. */
  window(windowDays: number, asOf: string): WindowTotals;
}

export function prefixSums(rows: Iterable<DailyAggregate>, from: string, to: string): PrefixSums {
  const days = daysBetween(from, to) + 1;
  const p = new Float64Array((days + 1) * NC);
  for (const r of rows) {
    const i = daysBetween(from, r.date);
    if (i < 0 || i >= days) continue;
    const base = (i + 1) * NC;
    for (const k in r.c) p[base + COUNTER_INDEX[k as keyof typeof COUNTER_INDEX]]! += r.c[k as never] ?? 0;
  }
  for (let i = 1; i <= days; i++) {
    const row = i * NC;
    const prev = row - NC;
    for (let k = 0; k < NC; k++) p[row + k]! += p[prev + k]!;
  }
  const sum = (a: string, b: string): WindowTotals => {
    const ia = Math.max(0, daysBetween(from, a));
    const ib = Math.min(days - 1, daysBetween(from, b));
    const c: Counters = {};
    if (ib >= ia) {
      for (let k = 0; k < NC; k++) {
        const v = p[(ib + 1) * NC + k]! - p[ia * NC + k]!;
        if (v !== 0) c[COUNTERS[k]!] = v;
      }
    }
    return { from: a, to: b, days: daysBetween(a, b) + 1, c };
  };
  return {
    from,
    to,
    sum,
    window: (windowDays, asOf) => {
      const r = windowRange(windowDays, asOf);
      return sum(r.from, r.to);
    },
  };
}
