/**
 * The seeds' story: a 双11 spike where ≈100 orders are collected after the promised time, followed by
 * ≈20 1★ logistics reviews, which takes the consumer score from ≈4.8 to ≈4.2 until the bad period
 * leaves the 30-day window.
 */
import type { Rng } from './prng';
import type { ReviewPlan } from './reviews';
import { DAY_MS, HOUR_MS, addDays, dayKey, dayStart, daysBetween } from './time';
import type { DemoOrder } from './types';

export interface ScenarioPlan {
  start: string;
  spikeDays: string[];
  /** Order volume multiplier per spike day. */
  multipliers: readonly number[];
  /** After-sales applied in [from, to) wait long for 审核 (backlog after the spike). */
  backlogFrom: number;
  backlogTo: number;
  /** Days (from start) with worse 飞鸽 chat figures. */
  chatDays: number;
  lateTarget: number;
  oneStarTarget: number;
}

/**
 * The spike's first day: the most recent Nov 11 at least 3 days before `now` when that is within 60
 * days of `now`, otherwise `now − 11 days` (so every demo date has a fresh story).
 */
export function scenarioStart(now: number): string {
  const today = dayKey(now);
  const year = Number(today.slice(0, 4));
  let nov11 = `${year}-11-11`;
  if (daysBetween(nov11, today) < 3) nov11 = `${year - 1}-11-11`;
  return daysBetween(nov11, today) <= 60 ? nov11 : addDays(today, -11);
}

/** The plan for `kind`, or undefined for 'none'. */
export function planScenario(kind: 'double11' | 'none', now: number): ScenarioPlan | undefined {
  if (kind === 'none') return undefined;
  const start = scenarioStart(now);
  const from = dayStart(start);
  return {
    start,
    spikeDays: [start, addDays(start, 1), addDays(start, 2)],
    multipliers: [3.2, 2.4, 1.8],
    backlogFrom: from,
    backlogTo: from + 12 * DAY_MS,
    chatDays: 8,
    lateTarget: 100,
    oneStarTarget: 20,
  };
}

/** `target` distinct indices in [0, total), chosen by partial Fisher–Yates. */
export function chooseIndices(rng: Rng, total: number, target: number): Set<number> {
  const pool = Array.from({ length: total }, (_, i) => i);
  const n = Math.min(target, total);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rng.next() * (total - i));
    const a = pool[i] ?? 0;
    pool[i] = pool[j] ?? 0;
    pool[j] = a;
  }
  return new Set(pool.slice(0, n));
}

/** How late a forced order is collected: 18–80 hours after the promise ("等了五天还没发货"). */
export function lateHours(rng: Rng): number {
  return 18 + rng.next() * 62;
}

/** Plans the angry 1★ reviews written within hours to a day after the late parcels arrive. */
export function oneStarPlans(
  rng: Rng,
  late: readonly DemoOrder[],
  target: number,
): Map<DemoOrder, ReviewPlan> {
  const delivered = late.filter((o) => o.deliveredAt !== undefined);
  const chosen = chooseIndices(rng, delivered.length, target);
  const plans = new Map<DemoOrder, ReviewPlan>();
  delivered.forEach((order, i) => {
    if (!chosen.has(i) || order.deliveredAt === undefined) return;
    plans.set(order, {
      kind: 'scenario',
      cause: 'late_ship',
      at: order.deliveredAt + Math.round((2 + rng.next() * 28) * HOUR_MS),
      stars: { product: 1, logistics: 1, service: rng.int(1, 2) },
      replyChance: 0.5,
    });
  });
  return plans;
}
