/** The pieces of an estimate: one indicator, the dimension weights, the 差行为 deduction. */
import type { OfficialScore } from '../model';
import type { EstimateOptions, Estimate, IndicatorEstimate, WeightSource } from './estimate-types';
import { formatValue } from './format';
import { evalMeasure } from './measure';
import { officialIndicator } from './official';
import type { IndicatorDef, Profile } from './profile-types';
import { tierScore } from './tiers';
import type { WindowTotals } from './window';

/** One indicator's value, tier score and small-shop protection (weights and losses come later). */
export function indicatorOf(
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
  const local = source === 'local';
  // One fixed object shape (absent fields are undefined): history builds thousands of these.
  return {
    id: def.id,
    name: def.name,
    dimension: def.dimension,
    unit: def.unit,
    direction: def.direction,
    role: def.role,
    value,
    display: formatValue(def.unit, value),
    numerator: local ? r.numerator : undefined,
    denominator: local ? r.denominator : undefined,
    score,
    protected: isProtected,
    source,
    benchmark: b
      ? { industry: b.value.industry, excellent: b.value.excellent, guessed: b.guessed }
      : undefined,
    tiers: def.scoring.kind === 'tiers' ? def.scoring.tiers.value : undefined,
    weight: 0,
    lost: 0,
    deficit: local ? r.deficit : 0,
    official: off,
  };
}

/** Weight per dimension: override > official > fitted > fallback, renormalised to sum 1. */
export function dimensionWeights(
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

/** 差行为扣分: given incidents (3 each, fraud 15, cap 15), else the captured score's deduction. */
export function deductionOf(
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
