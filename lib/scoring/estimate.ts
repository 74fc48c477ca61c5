/**
 * The local estimate: a profile's published formula applied to one window of daily aggregates, with the
 * official score's weights and console-only indicators when captured. Never scans raw records.
 */
import type { DimensionId, OfficialScore } from '../model';
import type { DailyAggregate } from './aggregates';
import { get } from './counters';
import { guessesOf } from './guesses';
import { evalMeasure } from './measure';
import type { ProfileOverrides } from './profiles';
import { mergeOverrides } from './profiles';
import type { IndicatorDef, IndicatorRole, Profile, Tier } from './profile-types';
import { formatValue } from './format';
import { douyinFivePoint, tierScore } from './tiers';
import type { WindowTotals } from './window';
import { sumWindow, windowRange } from './window';
import { officialIndicator } from './official';

export type WeightSource = 'official' | 'fallback' | 'override' | 'fitted';

export interface EstimateOptions {
  /** YYYY-MM-DD (Asia/Shanghai): the window is asOf−W+1 … asOf. */
  asOf: string;
  official?: OfficialScore;
  overrides?: ProfileOverrides;
  /** Weights fitted from official history (calibration.ts), used when the console reports none. */
  fitted?: Partial<Record<DimensionId, number>>;
  /** 差行为 incidents in the window (3 points each) and whether 刷单刷评 was found (15 at once). */
  incidents?: number;
  fraud?: boolean;
}

export interface IndicatorEstimate {
  id: string;
  name: string;
  dimension: DimensionId;
  unit: IndicatorDef['unit'];
  direction: 'higher' | 'lower';
  role: IndicatorRole;
  /** In the unit (rates as fractions); null = no data. */
  value: number | null;
  display: string;
  numerator?: number;
  denominator?: number;
  /** Tier score (or the value itself for identity scoring); null = no data. */
  score: number | null;
  /** 抖店 small-shop protection set the score to 80. */
  protected: boolean;
  source: 'local' | 'official' | 'none';
  benchmark?: { industry: number; excellent: number; guessed: boolean };
  tiers?: readonly Tier[];
  /** Effective share within its dimension (0 when not used). */
  weight: number;
  /** Points lost versus the best indicator score, weighted onto the main scale. */
  lost: number;
  /** Badness units in the window (see measure.ts), the denominator of record attribution. */
  deficit: number;
  official?: { value: number | null; score: number | null };
}

export interface DimensionEstimate {
  id: DimensionId;
  name: string;
  value: number;
  weight: number;
  weightSource: WeightSource;
  /** value × weight */
  weighted: number;
  /** (best − value) × weight */
  lost: number;
  /** No indicator had data: official dimension value or the profile's no-data score was used. */
  noData: boolean;
  official?: number;
}

export interface Estimate {
  isEstimate: true;
  profileId: string;
  asOf: string;
  window: { from: string; to: string; days: number };
  /** null when the platform would not show a score (too few orders/reviews). */
  value: number | null;
  fivePoint: number | null;
  stage: 'growth' | 'formal' | 'insufficient';
  paidOrders: number;
  reviews: number;
  deduction: { points: number; incidents: number; source: 'input' | 'official' | 'none' };
  dimensions: DimensionEstimate[];
  indicators: IndicatorEstimate[];
  official?: { date: string; value: number | null; fivePoint: number | null };
  /** estimate − official, when an official score of the same day was given. */
  error?: number;
  /** What in this number is guessed (zh). */
  guessed: string[];
}

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
  const dimensions: DimensionEstimate[] = profile.dimensions.map((d, i) => {
    const mine = indicators.filter((x) => x.dimension === d.id);
    let used = mine.filter((x) => x.role === 'scored' && x.score !== null);
    if (used.length === 0) used = mine.filter((x) => x.role === 'fallback' && x.score !== null);
    const defs = new Map(profile.indicators.map((x) => [x.id, x]));
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

function indicatorOf(
  def: IndicatorDef,
  c: WindowTotals['c'],
  official: OfficialScore | undefined,
  orders: number,
  smallShop: Profile['smallShop'],
): IndicatorEstimate {
  const r = evalMeasure(def.measure, c);
  const off = officialIndicator(def, official);
  let value = r.value;
  let source: IndicatorEstimate['source'] = value === null ? 'none' : 'local';
  let score: number | null = null;
  if (def.measure.kind === 'official' && off && off.value !== null) {
    value = off.value;
    source = 'official';
    score = off.score ?? null;
  }
  if (score === null && value !== null)
    score =
      def.scoring.kind === 'tiers'
        ? tierScore(value, def.scoring.tiers.value, def.direction, def.scoring.floor)
        : value;
  let isProtected = false;
  if (def.protect && smallShop && orders < smallShop.orders.value && r.bad <= smallShop.maxBad.value) {
    score = smallShop.score.value;
    isProtected = true;
  }
  const b = def.benchmark;
  return {
    id: def.id,
    name: def.name,
    dimension: def.dimension,
    unit: def.unit,
    direction: def.direction,
    role: def.role,
    value,
    display: formatValue(def.unit, value),
    ...(r.numerator !== undefined && source === 'local'
      ? { numerator: r.numerator, denominator: r.denominator }
      : {}),
    score,
    protected: isProtected,
    source,
    ...(b ? { benchmark: { ...b.value, guessed: b.guessed } } : {}),
    ...(def.scoring.kind === 'tiers' ? { tiers: def.scoring.tiers.value } : {}),
    weight: 0,
    lost: 0,
    deficit: source === 'local' ? r.deficit : 0,
    ...(off ? { official: off } : {}),
  };
}

function dimensionWeights(
  profile: Profile,
  official: OfficialScore | undefined,
  fitted: EstimateOptions['fitted'],
): { weight: number; source: WeightSource }[] {
  const raw = profile.dimensions.map((d) => {
    if (d.weight.override) return { weight: d.weight.value, source: 'override' as const };
    const off = official?.dimensions.find((od) => od.id === d.id)?.weight;
    if (off !== undefined) return { weight: off, source: 'official' as const };
    const fit = fitted?.[d.id];
    if (fit !== undefined) return { weight: fit, source: 'fitted' as const };
    return { weight: d.weight.value, source: 'fallback' as const };
  });
  const sum = raw.reduce((s, x) => s + x.weight, 0);
  return sum > 0 ? raw.map((x) => ({ ...x, weight: x.weight / sum })) : raw;
}

function deductionOf(
  profile: Profile,
  official: OfficialScore | undefined,
  opts: EstimateOptions,
): Estimate['deduction'] {
  const rule = profile.deduction;
  if (!rule) return { points: 0, incidents: 0, source: 'none' };
  if (opts.incidents !== undefined || opts.fraud) {
    const incidents = opts.incidents ?? 0;
    const raw = incidents * rule.perIncident.value + (opts.fraud ? rule.fraud.value : 0);
    return { points: Math.min(rule.cap.value, raw), incidents, source: 'input' };
  }
  const off = official?.dimensions.find((d) => d.id === 'deduction')?.value;
  if (off !== undefined && off !== 0) {
    const points = Math.min(rule.cap.value, Math.abs(off));
    return { points, incidents: Math.round(points / rule.perIncident.value), source: 'official' };
  }
  return { points: 0, incidents: 0, source: 'none' };
}
