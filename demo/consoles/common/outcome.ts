/**
 * A review's state after the fact (issue #16, 差评挽回), as a console shows it at time `t`: the stars
 * after a modified rating, and the shop's appeal (申诉/举报) with its result.
 */
import type { DemoReview, Stars } from '../../generator/types';

/** The stars the console shows at `t` (the modified ones once the buyer changed the rating). */
export function starsAsOf(r: DemoReview, t: number): Stars {
  return r.outcome?.kind === 'modified' && r.outcome.stars && r.outcome.at <= t ? r.outcome.stars : r.stars;
}

export type AppealView = 'none' | 'pending' | 'accepted' | 'rejected';

export function appealAsOf(r: DemoReview, t: number): AppealView {
  const a = r.appeal;
  if (!a || a.at > t) return 'none';
  if (!a.result || a.resultAt === undefined || a.resultAt > t) return 'pending';
  return a.result;
}
