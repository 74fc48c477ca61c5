/** Builders that keep the per-platform profile files short and uniform. */
import type { DimensionId } from '../model';
import type { IndicatorDef, Measure } from './profile-types';
import { guess } from './profile-types';
import { tiersFromBenchmarks } from './tiers';

export const SEED_NOTE = '需求种子数据中的行业/优秀基准，非规则原文';
export const TIER_NOTE = '档位阈值未公开（控制台按行业展示），由行业/优秀基准推算';

/** Benchmarks plus tiers derived from them (both flagged guessed). */
export function tiered(
  benchmark: { industry: number; excellent: number },
  opts: { scores?: readonly number[]; floor?: number; note?: string } = {},
): Pick<IndicatorDef, 'benchmark' | 'scoring'> {
  const scores = opts.scores ?? [100, 90, 80, 70, 60];
  return {
    benchmark: guess(benchmark, opts.note ?? '基准未公开，估计值'),
    scoring: {
      kind: 'tiers',
      tiers: guess(tiersFromBenchmarks(benchmark, scores), TIER_NOTE),
      floor: opts.floor ?? 50,
    },
  };
}

/** Star-average measure for a dimension's stars. */
export const stars = (dim: 'p' | 'l' | 's', excludeDefault = false): Measure =>
  excludeDefault ? { kind: 'stars', dim, excludeDefault } : { kind: 'stars', dim };

/** An indicator read only from the captured official score. */
export function official(
  def: Pick<IndicatorDef, 'id' | 'name' | 'dimension' | 'direction' | 'unit' | 'weight' | 'counts'> & {
    names: readonly string[];
    benchmark: { industry: number; excellent: number };
  },
  tierOpts: { scores?: readonly number[]; floor?: number } = {},
): IndicatorDef {
  const { names, benchmark, ...rest } = def;
  return {
    ...rest,
    role: 'scored',
    measure: { kind: 'official' },
    ...tiered(benchmark, tierOpts),
    officialNames: names,
  };
}

/** A DSR-style dimension average: identity scoring, one indicator per dimension. */
export function dsrIndicator(
  id: string,
  name: string,
  dimension: DimensionId,
  dim: 'p' | 'l' | 's',
  excludeDefault: boolean,
  counts: string,
): IndicatorDef {
  return {
    id,
    name,
    dimension,
    direction: 'higher',
    unit: '星',
    role: 'scored',
    weight: { value: 1, guessed: false, note: '维度内唯一指标' },
    measure: stars(dim, excludeDefault),
    scoring: { kind: 'identity' },
    counts,
    officialNames: [name],
  };
}
