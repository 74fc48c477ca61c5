/**
 * Types of platform profiles. A profile is data: every constant is wrapped in `G<T>` so the estimate can
 * say which of the numbers it used come from rule text and which are our guesses (platforms.md [G]).
 */
import type { DimensionId, PlatformId } from '../model';
import type { CounterId } from './counters';

/** A constant with its provenance. `guessed` = not from rule text; `override` = set by the merchant. */
export interface G<T> {
  value: T;
  guessed: boolean;
  override?: boolean;
  /** Why it was guessed, or the rule text it comes from (zh). */
  note?: string;
}
/** A constant from rule text. */
export const rule = <T>(value: T, note?: string): G<T> => ({
  value,
  guessed: false,
  ...(note ? { note } : {}),
});
/** A constant we inferred (platforms.md [G]). */
export const guess = <T>(value: T, note?: string): G<T> => ({
  value,
  guessed: true,
  ...(note ? { note } : {}),
});

/** How an indicator's value is computed from window counter sums. */
export type Measure =
  /** bad / den (or 1 − bad/den when `invert`). `badAlt`: a second source of the same events; the larger wins. */
  | { kind: 'ratio'; bad: readonly CounterId[]; den: readonly CounterId[]; invert?: boolean; badAlt?: readonly CounterId[] }
  /** Average stars of one dimension; `excludeDefault` drops default reviews (classic DSR [G]). */
  | { kind: 'stars'; dim: 'p' | 'l' | 's'; excludeDefault?: boolean }
  /** Average of per-record scores by duration bucket (抖店 揽收时长平均得分). */
  | { kind: 'buckets'; buckets: G<ReadonlyArray<{ counter: CounterId; score: number }>> }
  /** sum / n (e.g. hours in transit); `blame` names the counters of the records held responsible. */
  | { kind: 'mean'; sum: CounterId; n: CounterId; blame: readonly CounterId[] }
  /** Not computable locally: read from the captured OfficialScore indicators. */
  | { kind: 'official' }; // prettier-ignore

/** Best-first tier: value at or beyond `at` (in the indicator's direction) scores `score`. */
export interface Tier {
  at: number;
  score: number;
}

export type Scoring = { kind: 'tiers'; tiers: G<readonly Tier[]>; floor: number } | { kind: 'identity' };

export type IndicatorRole = 'scored' | 'info' | 'fallback';

export interface IndicatorDef {
  id: string;
  /** Chinese name as the console shows it. */
  name: string;
  dimension: DimensionId;
  direction: 'higher' | 'lower';
  /** Rates are fractions 0–1 shown as %. */
  unit: '%' | '星' | '分' | '秒' | '小时';
  /** scored: in the formula; info: shown, weight 0; fallback: scored only if no scored one has data. */
  role: IndicatorRole;
  /** Weight within its dimension (renormalised over indicators that have data). */
  weight: G<number>;
  measure: Measure;
  scoring: Scoring;
  /** Industry / excellent benchmarks, in the value's unit. */
  benchmark?: G<{ industry: number; excellent: number }>;
  /** What counts (zh), shown next to the value. */
  counts: string;
  /** 抖店 small-shop protection applies (its bad count is the measure's `bad` counters). */
  protect?: boolean;
  /** Names (or ids) of the matching OfficialScore indicators. */
  officialNames?: readonly string[];
}

export interface DimensionDef {
  id: DimensionId;
  name: string;
  weight: G<number>;
}

export type FivePointMapping = 'douyin' | 'identity' | 'none';

export interface Profile {
  id: string;
  platform: PlatformId;
  name: string;
  /** OfficialScore.kind values this profile explains. */
  officialKinds: readonly string[];
  /** Rule source (zh/URL) for the UI. */
  source: string;
  window: G<number>;
  scale: G<{ min: number; max: number }>;
  /** Best indicator score (100 for 抖店, 5 for DSR-style). */
  indicatorMax: number;
  /** Below `minOrders` valid paid orders: fixed `growthScore` (null = not shown). */
  stage?: { minOrders: G<number>; growthScore: number | null; misconductScore: number | null };
  deduction?: { perIncident: G<number>; cap: G<number>; fraud: G<number> };
  smallShop?: { orders: G<number>; maxBad: G<number>; score: G<number> };
  /** Below this many reviews in the window the score is not shown. */
  minReviews?: G<number>;
  fivePoint: FivePointMapping;
  /** Dimension score when none of its indicators has data. */
  noDataScore: G<number>;
  dimensions: readonly DimensionDef[];
  indicators: readonly IndicatorDef[];
  /** Modelling assumptions that always apply to this profile's estimate (zh). */
  assumptions: readonly string[];
}
