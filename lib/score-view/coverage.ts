/**
 * How much of the platform's window the merchant's captures hold. An estimate from 160 of 8,231 orders
 * is not the shop's score: the UI shows this next to every estimate and greys out low-coverage ones.
 */
import type { OfficialScore } from '../model';
import type { DailyAggregate } from '../scoring/aggregates';
import type { Estimate } from '../scoring/estimate-types';
import { officialReviewCount } from './official';
import type { Coverage } from './types';

export const FULL = 0.95;
export const PARTIAL = 0.6;

/**
 * Coverage of `est`'s window. `rows` are the store's aggregates (any range; only the window's days
 * count); `official` is the composed console score carried to that day.
 */
export function coverageOf(
  est: Estimate,
  rows: readonly DailyAggregate[],
  official: OfficialScore | undefined,
): Coverage {
  const { from, to, days } = est.window;
  let daysWithOrders = 0;
  for (const r of rows) if (r.date >= from && r.date <= to && (r.c.paid ?? 0) > 0) daysWithOrders++;
  const officialOrders = official?.windowOrders;
  const officialReviews = officialReviewCount(official);
  const ratio =
    officialOrders !== undefined && officialOrders > 0 ? est.paidOrders / officialOrders : undefined;
  // Orders on under half the window's days: the merchant paged through a slice, whatever the console says.
  const spread = daysWithOrders / Math.max(1, days);
  let level: Coverage['level'];
  if (ratio !== undefined) level = ratio >= FULL ? 'full' : ratio >= PARTIAL ? 'partial' : 'low';
  else if (officialOrders === 0) level = est.paidOrders === 0 ? 'full' : 'unknown';
  else level = est.paidOrders > 0 && spread < 0.5 ? 'low' : 'unknown';
  if (level !== 'low' && est.paidOrders > 0 && spread < 0.5 && (officialOrders ?? 0) > days) level = 'low';
  return {
    level,
    orders: est.paidOrders,
    ...(officialOrders !== undefined ? { officialOrders } : {}),
    reviews: est.reviews,
    ...(officialReviews !== undefined ? { officialReviews } : {}),
    ...(ratio !== undefined ? { ratio } : {}),
    daysWithOrders,
    windowDays: days,
  };
}

/** Whether an estimate with this coverage may stand as "the score" (else it is shown as indicative). */
export const trustworthy = (c: Pick<Coverage, 'level'>): boolean =>
  c.level === 'full' || c.level === 'partial';
