/**
 * The world's one simulated 体验分 (generator/score.ts, 50–100 tiers) seen through other platforms'
 * scales. Every console derives its own score from the same indicator data, so the 双11 story moves all
 * of them together; the mappings are this simulator's, not the platforms' (their formulas are not public).
 */
import { experienceScore, type ExperienceScore, type IndicatorScore } from '../../generator/score';
import { dayKey } from '../../generator/time';
import type { World } from '../../generator/types';

/** The world's score as shown on the day of `t`. */
export const scoreAt = (world: World, t: number): ExperienceScore => experienceScore(world, dayKey(t));

/**
 * A 50–100 tier score on a continuous 3–5 scale: the 5-point rule (61–100 → 4.1–5.0, 50–60 → 3.0–4.0)
 * without its 0.1 steps, so the other consoles show two decimals (4.71) like the real ones.
 */
export function fiveScale(score: number): number {
  const v = score >= 61 ? 4.1 + (score - 61) / 40 : 3 + (Math.max(50, score) - 50) / 10;
  return Math.round(Math.min(5, v) * 100) / 100;
}

/** The indicator of `node` (see generator/score-config.ts NODES). */
export function nodeOf(s: ExperienceScore, node: number): IndicatorScore | undefined {
  for (const d of Object.values(s.dimensions)) {
    const hit = d.indicators.find((i) => i.node === node);
    if (hit) return hit;
  }
  return undefined;
}

/** Percent with two decimals (0.0123 → 1.23), or null without data. */
export const percent = (ratio: number | null | undefined): number | null =>
  ratio === null || ratio === undefined ? null : Math.round(ratio * 10000) / 100;

/** Two decimals, or null. */
export const round2 = (x: number | null | undefined): number | null =>
  x === null || x === undefined ? null : Math.round(x * 100) / 100;

/** Chat (客服) figures of the 30 days before the score day: sessions, mean response, unsatisfied share. */
export function chatFigures(
  world: World,
  s: ExperienceScore,
): { sessions: number; meanResponseSec: number | null; unsatisfiedRate: number | null } {
  const from = Math.round(
    (Date.parse(`${s.beginDate}T00:00:00Z`) - Date.parse(`${world.firstDay}T00:00:00Z`)) / 86_400_000,
  );
  let sessions = 0;
  let secs = 0;
  let unsatisfied = 0;
  for (let i = Math.max(0, from); i < from + 30 && i < world.chat.length; i++) {
    const c = world.chat[i];
    if (!c) continue;
    sessions += c.sessions;
    secs += c.responseSecSum;
    unsatisfied += c.unsatisfied;
  }
  return {
    sessions,
    meanResponseSec: sessions > 0 ? secs / sessions : null,
    unsatisfiedRate: sessions > 0 ? unsatisfied / sessions : null,
  };
}
