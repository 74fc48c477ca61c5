/**
 * The compensation ladder (seed defaults, editable in options): what the shop offers to fix the
 * buyer's problem. Offered for the problem, never in exchange for changing a review; the compliance
 * check enforces that no reply ties the two.
 */
import type { CompensationStep, Severity } from './types';

export const DEFAULT_LADDER: readonly CompensationStep[] = [
  { maxStars: 1, text: '为您办理全额退款，并补偿一张20元无门槛券' },
  { maxStars: 2, text: '为您免费补发同款' },
  { maxStars: 3, text: '为您赠送一份小礼品表达歉意' },
];

/** Stars a severity stands for when the platform shows none (淘宝 lists only 好/中/差). */
const SEVERITY_STARS: Readonly<Record<Severity, number>> = { severe: 1, moderate: 2, mild: 3 };

/** The lowest rung covering `stars` (or the severity's equivalent), or undefined above the ladder. */
export function remedyFor(
  ladder: readonly CompensationStep[],
  stars: number | undefined,
  severity: Severity,
): CompensationStep | undefined {
  const s = stars ?? SEVERITY_STARS[severity];
  return [...ladder].sort((a, b) => a.maxStars - b.maxStars).find((step) => s <= step.maxStars);
}
