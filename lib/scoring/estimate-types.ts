/** Result types of the estimate (estimate.ts), shared by history, diagnosis, forecast and the UI. */
import type { DimensionId, OfficialScore } from '../model';
import type { ProfileOverrides } from './profiles';
import type { IndicatorDef, IndicatorRole, Tier } from './profile-types';

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
