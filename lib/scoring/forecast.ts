/**
 * The rolling window's "snowball": when each bad record leaves the window, the score day by day if no
 * new bad record arrives, the date it recovers to a target, and how many on-time orders or good reviews
 * would reach the target now.
 */
import type { DimensionId, OfficialScore, Order, Review } from '../model';
import { addDays } from '../model';
import type { DailyAggregate, DeltaOptions } from './aggregates';
import type { Counters, CounterId } from './counters';
import { BAD_COUNTERS, COUNTERS, addInto } from './counters';
import { contributions } from './contributions';
import type { Estimate } from './estimate';
import { estimate } from './estimate';
import type { ProfileOverrides } from './profiles';
import { mergeOverrides } from './profiles';
import type { Profile } from './profile-types';
import { badDays } from './records';
import { douyinScoreForFivePoint } from './tiers';
import type { WindowTotals } from './window';
import { leavesWindowOn, prefixSums, windowRange } from './window';

export interface ForecastOptions extends DeltaOptions {
  asOf: string;
  /** Days to project (default: the window length, after which every current record has left). */
  horizonDays?: number;
  /** Target on the main scale, or as a consumer 5-point value. */
  target?: { value?: number; fivePoint?: number };
  /** clean: future days keep the window's average volume with nothing bad; silent: no activity at all. */
  assume?: 'clean' | 'silent';
  /** The latest captured score: its weights and console-only indicators hold for the projection. */
  official?: OfficialScore;
  overrides?: ProfileOverrides;
  fitted?: Partial<Record<DimensionId, number>>;
  incidents?: number;
}

export interface Leaving {
  key: string;
  kind: 'review' | 'order';
  /** Last day it counts as bad. */
  day: string;
  /** First as-of day it no longer counts. */
  leavesOn: string;
  /** Points it costs today. */
  points: number;
}

export interface Forecast {
  current: Estimate;
  curve: { date: string; value: number | null; fivePoint: number | null }[];
  leaving: Leaving[];
  target?: {
    value: number;
    reached: boolean;
    /** First day the projected score reaches the target, null beyond the horizon. */
    recoveryDate: string | null;
    /** On-time, well-collected orders needed today to reach it (null = not reachable this way). */
    onTimeOrders: number | null;
    /** 5★ reviews needed today. */
    goodReviews: number | null;
  };
}

/** `rows`: this store's aggregates covering at least the window that ends at `asOf`. */
export function forecast(
  baseProfile: Profile,
  rows: readonly DailyAggregate[],
  negatives: readonly (Review | Order)[],
  opts: ForecastOptions,
): Forecast {
  const profile = mergeOverrides(baseProfile, opts.overrides);
  const w = profile.window.value;
  const { from } = windowRange(w, opts.asOf);
  const sums = prefixSums(rows, from, opts.asOf);
  const est = (totals: WindowTotals, asOf: string): Estimate =>
    estimate(profile, totals, {
      asOf,
      ...(opts.official ? { official: opts.official } : {}),
      ...(opts.fitted ? { fitted: opts.fitted } : {}),
      ...(opts.incidents !== undefined ? { incidents: opts.incidents } : {}),
    });
  const now = sums.window(w, opts.asOf);
  const current = est(now, opts.asOf);

  const template: Counters = {};
  if ((opts.assume ?? 'clean') === 'clean')
    for (const id of COUNTERS) if (!BAD_COUNTERS.has(id) && now.c[id]) template[id] = now.c[id]! / w;
  const curve: Forecast['curve'] = [];
  const horizon = opts.horizonDays ?? w;
  for (let t = 1; t <= horizon; t++) {
    const date = addDays(opts.asOf, t);
    const r = windowRange(w, date);
    const totals = sums.sum(r.from, opts.asOf);
    const c = addInto({ ...totals.c }, scale(template, Math.min(t, w)));
    const e = est({ from: r.from, to: date, days: w, c }, date);
    curve.push({ date, value: e.value, fivePoint: e.fivePoint });
  }

  const cost = new Map(
    contributions(profile, current, negatives, opts).records.map((r) => [r.key, r.points]),
  );
  const leaving: Leaving[] = negatives.flatMap((r) => {
    const days = badDays(r, opts).filter((d) => d >= from && d <= opts.asOf);
    const day = days[days.length - 1];
    if (!day) return [];
    const kind = 'reviewId' in r ? ('review' as const) : ('order' as const);
    return [{ key: r.key, kind, day, leavesOn: leavesWindowOn(day, w), points: cost.get(r.key) ?? 0 }];
  });
  leaving.sort((a, b) => a.leavesOn.localeCompare(b.leavesOn) || b.points - a.points);

  const out: Forecast = { current, curve, leaving };
  const goal = targetValue(profile, opts.target);
  if (goal !== null) {
    const reached = current.value !== null && current.value >= goal - 1e-9;
    const hit = reached
      ? opts.asOf
      : (curve.find((p) => p.value !== null && p.value >= goal - 1e-9)?.date ?? null);
    const need = (unit: Counters): number | null =>
      reached
        ? 0
        : smallestK(
            (k) =>
              (est({ ...now, c: addInto({ ...now.c }, scale(unit, k)) }, opts.asOf).value ?? -Infinity) >=
              goal - 1e-9,
          );
    out.target = {
      value: goal,
      reached,
      recoveryDate: hit,
      onTimeOrders: need(ON_TIME_ORDER),
      goodReviews: need(GOOD_REVIEW),
    };
  }
  return out;
}

/** One order paid, shipped and collected within 12 h, delivered in a day, signed, no after-sale. */
const ON_TIME_ORDER: Counters = {
  paid: 1,
  shipDue: 1,
  colDue: 1,
  colH12: 1,
  delTotal: 1,
  delHours: 24,
  signed: 1,
};
/** One 5★ review on every dimension. */
const GOOD_REVIEW: Counters = { rv: 1, sp5: 1, sl5: 1, ss5: 1, polGood: 1 };

function scale(c: Counters, k: number): Counters {
  const out: Counters = {};
  for (const id of Object.keys(c) as CounterId[]) out[id] = (c[id] ?? 0) * k;
  return out;
}

function targetValue(profile: Profile, target: ForecastOptions['target']): number | null {
  if (!target) return null;
  if (target.value !== undefined) return target.value;
  if (target.fivePoint === undefined) return null;
  return profile.fivePoint === 'douyin' ? douyinScoreForFivePoint(target.fivePoint) : target.fivePoint;
}

/**
 * Smallest k ≤ 1e6 with ok(k), by doubling then bisection. Assumes ok is monotone, which holds except
 * where extra orders end 抖店 small-shop protection (then the answer is the first k found).
 */
function smallestK(ok: (k: number) => boolean): number | null {
  let hi = 1;
  while (!ok(hi)) {
    if (hi >= 1e6) return null;
    hi *= 2;
  }
  let lo = hi / 2;
  if (hi === 1) return 1;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (ok(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}
