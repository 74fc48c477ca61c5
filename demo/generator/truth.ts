/** The scenario's ground truth and the per-day 飞鸽 chat figures. */
import type { Rng } from './prng';
import type { ScenarioPlan } from './scenario';
import { addDays, dayKey, daysBetween } from './time';
import type { ChatDay, DemoOrder, DemoReview, ScenarioTruth } from './types';

/** What tests can check the diagnosis against. */
export function buildTruth(
  plan: ScenarioPlan | undefined,
  late: readonly DemoOrder[],
  reviews: readonly DemoReview[],
): ScenarioTruth {
  if (!plan) {
    return {
      kind: 'none',
      start: '',
      spikeDays: [],
      lateOrderIds: [],
      oneStarReviewIds: [],
      reviewDays: [],
      troughFrom: '',
      recoveredOn: '',
    };
  }
  const oneStar = reviews.filter((r) => r.kind === 'scenario');
  const first = oneStar[0];
  const last = oneStar[oneStar.length - 1];
  const reviewDays: ScenarioTruth['reviewDays'] =
    first && last ? [dayKey(first.createdAt), dayKey(last.createdAt)] : [];
  // The last day anything of the story happened: 1★ reviews, late 揽收, the after-sale backlog.
  let lastEvent = addDays(plan.start, 12);
  for (const o of late)
    if (o.collectedAt !== undefined && dayKey(o.collectedAt) > lastEvent) lastEvent = dayKey(o.collectedAt);
  if (reviewDays[1] && reviewDays[1] > lastEvent) lastEvent = reviewDays[1];
  return {
    kind: 'double11',
    start: plan.start,
    spikeDays: [...plan.spikeDays],
    lateOrderIds: late.map((o) => o.id),
    oneStarReviewIds: oneStar.map((r) => r.id),
    reviewDays,
    // The console's score on day D covers data up to D−1.
    troughFrom: reviewDays[1] ? addDays(reviewDays[1], 1) : '',
    recoveredOn: addDays(lastEvent, 31),
  };
}

/** Chat sessions, response time and dissatisfaction per day; worse for a week after the spike. */
export function chatDays(
  rng: Rng,
  ordersPerDay: number,
  firstDay: string,
  days: number,
  plan: ScenarioPlan | undefined,
): ChatDay[] {
  const out: ChatDay[] = [];
  const bumpFrom = plan ? daysBetween(firstDay, plan.start) : -1;
  for (let d = 0; d < days; d++) {
    const bump = plan !== undefined && d >= bumpFrom && d < bumpFrom + plan.chatDays;
    const sessions = Math.max(
      1,
      Math.round(ordersPerDay * 0.25 * (bump ? 2.5 : 1) * Math.max(0.7, rng.normal(1, 0.1))),
    );
    const avgSec = bump ? Math.max(20, rng.normal(50, 8)) : Math.max(12, rng.normal(27, 3));
    const unsatisfiedRate = bump
      ? Math.max(0, rng.normal(0.04, 0.008))
      : Math.max(0, rng.normal(0.017, 0.003));
    out.push({
      sessions,
      responseSecSum: Math.round(sessions * avgSec),
      unsatisfied: Math.round(sessions * unsatisfiedRate),
    });
  }
  return out;
}
