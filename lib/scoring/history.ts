/**
 * Daily score series: the estimate for every day (always) next to the official score where captured.
 * One pass of prefix sums over the aggregates, then O(counters + indicators) per day.
 */
import type { DimensionId, OfficialScore } from '../model';
import { addDays } from '../model';
import type { DailyAggregate } from './aggregates';
import type { Estimate } from './estimate';
import { estimate } from './estimate';
import type { ProfileOverrides } from './profiles';
import { mergeOverrides } from './profiles';
import type { Profile } from './profile-types';
import { prefixSums } from './window';

export interface HistoryOptions {
  /** Last day of the series (YYYY-MM-DD, Asia/Shanghai). */
  asOf: string;
  /** Number of days, e.g. 180. */
  days: number;
  /** Captured official scores of this store (any kind; the profile's kinds are picked). */
  officials?: readonly OfficialScore[];
  overrides?: ProfileOverrides;
  fitted?: Partial<Record<DimensionId, number>>;
}

export interface HistoryPoint {
  date: string;
  value: number | null;
  fivePoint: number | null;
  official: number | null;
  officialFivePoint: number | null;
  estimate: Estimate;
}

export interface SeriesDeltas {
  /** today − yesterday; null when either is missing. */
  vsYesterday: number | null;
  /** today − 7 days ago. */
  vs7Days: number | null;
}

export interface History {
  profileId: string;
  points: HistoryPoint[];
  estimate: SeriesDeltas;
  official: SeriesDeltas;
}

/** The aggregate rows a history needs: query `[storeKey+date]` between these (inclusive). */
export function historyRange(profile: Profile, asOf: string, days: number): { from: string; to: string } {
  return { from: addDays(asOf, -(days - 1) - (profile.window.value - 1)), to: asOf };
}

export function history(
  baseProfile: Profile,
  rows: readonly DailyAggregate[],
  opts: HistoryOptions,
): History {
  const profile = mergeOverrides(baseProfile, opts.overrides);
  const range = historyRange(profile, opts.asOf, opts.days);
  const sums = prefixSums(rows, range.from, range.to);
  const officialByDay = new Map<string, OfficialScore>();
  for (const o of opts.officials ?? []) {
    if (!profile.officialKinds.includes(o.kind)) continue;
    const prev = officialByDay.get(o.date);
    if (!prev || o.capturedAt > prev.capturedAt) officialByDay.set(o.date, o);
  }
  const officialDays = [...officialByDay.keys()].sort();
  let oi = -1;
  const first = addDays(opts.asOf, -(opts.days - 1));
  while (oi + 1 < officialDays.length && officialDays[oi + 1]! < first) oi++;
  const points: HistoryPoint[] = [];
  for (let i = 0; i < opts.days; i++) {
    const date = addDays(first, i);
    while (oi + 1 < officialDays.length && officialDays[oi + 1]! <= date) oi++;
    // The latest capture up to this day carries weights and console-only indicators forward.
    const carried = oi >= 0 ? officialByDay.get(officialDays[oi]!) : undefined;
    const est = estimate(profile, sums.window(profile.window.value, date), {
      asOf: date,
      ...(carried ? { official: carried } : {}),
      ...(opts.fitted ? { fitted: opts.fitted } : {}),
    });
    const today = officialByDay.get(date);
    points.push({
      date,
      value: est.value,
      fivePoint: est.fivePoint,
      official: today?.value ?? null,
      officialFivePoint: today?.fivePoint ?? null,
      estimate: est,
    });
  }
  return {
    profileId: profile.id,
    points,
    estimate: deltas(points.map((p) => p.value)),
    official: deltas(points.map((p) => p.official)),
  };
}

function deltas(values: readonly (number | null)[]): SeriesDeltas {
  const n = values.length;
  const last = values[n - 1] ?? null;
  const back = (k: number): number | null => {
    const v = values[n - 1 - k] ?? null;
    return last === null || v === null ? null : last - v;
  };
  return { vsYesterday: back(1), vs7Days: back(7) };
}
