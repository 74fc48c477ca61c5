/**
 * Tier scoring and the 抖店 consumer 5-point mapping (《商家体验分规范》 商家体验分对应规则).
 */
import type { Tier } from './profile-types';

/** Rates like 17/20 vs a threshold 0.85 must not miss a tier by a rounding ulp. */
const EPS = 1e-9;

/**
 * Thresholds derived from industry/excellent benchmarks when the console's own are unknown [G]:
 * excellent → best score, midway → 2nd, industry → 3rd, then one and two half-gaps beyond industry.
 * `scores` are best-first (5 values); anything beyond the last threshold scores `floor`.
 */
export function tiersFromBenchmarks(
  benchmark: { industry: number; excellent: number },
  scores: readonly number[] = [100, 90, 80, 70, 60],
): Tier[] {
  const { industry: i, excellent: e } = benchmark;
  const half = (i - e) / 2;
  const at = [e, e + half, i, i + half, i + 2 * half];
  return scores.map((score, k) => ({ at: round(at[k] ?? i), score }));
}

const round = (x: number): number => Math.round(x * 1e9) / 1e9;

/** Score of `value` on best-first `tiers` in `direction`. */
export function tierScore(
  value: number,
  tiers: readonly Tier[],
  direction: 'higher' | 'lower',
  floor: number,
): number {
  for (const t of tiers) {
    if (direction === 'higher' ? value >= t.at - EPS : value <= t.at + EPS) return t.score;
  }
  return floor;
}

/**
 * 抖店 consumer display: 61–100 → every 4 points 0.1 (97–100 = 5.0 … 61–64 = 4.1); 50–60 → every point
 * 0.1 (60 = 4.0 … 50 = 3.0). Fractional scores are floored first [G: the rule lists integers only].
 */
export function douyinFivePoint(score: number): number {
  const s = Math.floor(score + EPS);
  const tenths = s >= 61 ? Math.min(50, 41 + Math.floor((s - 61) / 4)) : Math.max(30, Math.min(40, s - 20));
  return tenths / 10;
}

/** Lowest 抖店 score (integer, 50–100) whose 5-point display reaches `fivePoint`; null if none. */
export function douyinScoreForFivePoint(fivePoint: number): number | null {
  for (let s = 50; s <= 100; s++) if (douyinFivePoint(s) >= fivePoint - EPS) return s;
  return null;
}

/** Star band shown to consumers for a 5-point value: 5, 4.5, 4, 3.5 or 3 [M: flattened table]. */
export function starBand(fivePoint: number): number {
  if (fivePoint >= 4.8 - EPS) return 5;
  if (fivePoint >= 4.5 - EPS) return 4.5;
  if (fivePoint >= 4.0 - EPS) return 4;
  if (fivePoint >= 3.5 - EPS) return 3.5;
  return 3;
}
