/**
 * The local estimate: a profile's published formula applied to one window of daily aggregates, with the
 * official score's weights and console-only indicators when captured. Never scans raw records.
 */
import type { DailyAggregate } from './aggregates';
import { get } from './counters';
import type { DimensionEstimate, Estimate, EstimateOptions } from './estimate-types';
import { deductionOf, dimensionWeights, indicatorOf } from './estimate-parts';
import { guessesOf } from './guesses';
import { mergeOverrides } from './profiles';
import type { Profile } from './profile-types';
import { douyinFivePoint } from './tiers';
import type { WindowTotals } from './window';
import { sumWindow, windowRange } from './window';

export type * from './estimate-types';

/**
 * Estimates `profile` from one window: either the window's daily rows (only rows inside the window are
 * summed) or pre-summed totals (history.ts).
 */
export function estimate(
  baseProfile: Profile,
  window: readonly DailyAggregate[] | WindowTotals,
  opts: EstimateOptions,
): Estimate {
  const profile = mergeOverrides(baseProfile, opts.overrides);
  const range = windowRange(profile.window.value, opts.asOf);
  const totals = Array.isArray(window)
    ? sumWindow(window as readonly DailyAggregate[], range.from, range.to)
    : (window as WindowTotals);
  const c = totals.c;
  const official =
    opts.official && profile.officialKinds.includes(opts.official.kind) ? opts.official : undefined;
  const paidOrders = get(c, 'paid');
  const orders = official?.windowOrders ?? paidOrders;
  const reviews = get(c, 'rv');
  const max = profile.indicatorMax;

  const smallShop = profile.smallShop;
  const indicators = profile.indicators.map((def) => indicatorOf(def, c, official, orders, smallShop));
  const dimWeights = dimensionWeights(profile, official, opts.fitted);
  const defs = new Map(profile.indicators.map((x) => [x.id, x]));
  const dimensions: DimensionEstimate[] = profile.dimensions.map((d, i) => {
    const mine = indicators.filter((x) => x.dimension === d.id);
    let used = mine.filter((x) => x.role === 'scored' && x.score !== null);
    if (used.length === 0) used = mine.filter((x) => x.role === 'fallback' && x.score !== null);
    const wSum = used.reduce((s, x) => s + (defs.get(x.id)?.weight.value ?? 0), 0);
    const { weight, source } = dimWeights[i]!;
    const off = official?.dimensions.find((od) => od.id === d.id)?.value;
    let value: number;
    if (used.length > 0 && wSum > 0) {
      value = 0;
      for (const x of used) {
        x.weight = (defs.get(x.id)?.weight.value ?? 0) / wSum;
        value += x.weight * x.score!;
        x.lost = (max - x.score!) * x.weight * weight;
      }
    } else value = off ?? profile.noDataScore.value;
    return {
      id: d.id,
      name: d.name,
      value,
      weight,
      weightSource: source,
      weighted: value * weight,
      lost: (max - value) * weight,
      noData: used.length === 0 || wSum === 0,
      ...(off !== undefined ? { official: off } : {}),
    };
  });

  const deduction = deductionOf(profile, official, opts);
  const scale = profile.scale.value;
  let stage: Estimate['stage'] = 'formal';
  let value: number | null = dimensions.reduce((s, d) => s + d.weighted, 0) - deduction.points;
  value = Math.min(scale.max, Math.max(scale.min, value));
  if (profile.stage && orders < profile.stage.minOrders.value) {
    const misconduct = deduction.points > 0;
    value = misconduct ? profile.stage.misconductScore : profile.stage.growthScore;
    stage = value === null ? 'insufficient' : 'growth';
    // A fixed stage score has nothing to attribute.
    for (const x of indicators) x.lost = 0;
  }
  if (profile.minReviews && reviews < profile.minReviews.value) {
    value = null;
    stage = 'insufficient';
  }
  const fivePoint =
    value === null || stage !== 'formal'
      ? null
      : profile.fivePoint === 'douyin'
        ? douyinFivePoint(value)
        : profile.fivePoint === 'identity'
          ? value
          : null;

  const est: Estimate = {
    isEstimate: true,
    profileId: profile.id,
    asOf: opts.asOf,
    window: { from: totals.from, to: totals.to, days: totals.days },
    value,
    fivePoint,
    stage,
    paidOrders,
    reviews,
    deduction,
    dimensions,
    indicators,
    guessed: [],
  };
  if (official) {
    est.official = {
      date: official.date,
      value: official.value ?? null,
      fivePoint: official.fivePoint ?? null,
    };
    if (official.date === opts.asOf && value !== null && typeof official.value === 'number')
      est.error = value - official.value;
  }
  est.guessed = guessesOf(profile, est, official === undefined || orders === paidOrders);
  return est;
}
