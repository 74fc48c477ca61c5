/** Removes everything that has not happened yet at `now`: the world is a snapshot of that moment. */
import type { DemoOrder, DemoReview } from './types';

/** Clears order events after `now` (an order paid this morning is not shipped yet). */
export function clipOrder(o: DemoOrder, now: number): void {
  // Assign undefined rather than `delete`: deleting turns 120k objects into slow dictionaries.
  if (o.cancelledAt !== undefined && o.cancelledAt > now) {
    o.cancelledAt = o.cancelReason = o.afterSale = undefined;
  }
  if (o.shippedAt !== undefined && o.shippedAt > now) o.shippedAt = undefined;
  if (o.collectedAt !== undefined && o.collectedAt > now) o.collectedAt = undefined;
  if (o.deliveredAt !== undefined && o.deliveredAt > now) o.deliveredAt = undefined;
  if (o.finishedAt !== undefined && o.finishedAt > now) o.finishedAt = undefined;
  // Shipping is one act: without 揽收 yet, the parcel has not left either.
  if (o.collectedAt === undefined) o.shippedAt = o.carrier = o.carrierName = undefined;
  const as = o.afterSale;
  if (as) {
    if (as.appliedAt > now) o.afterSale = undefined;
    else {
      if (as.handledAt !== undefined && as.handledAt > now) as.handledAt = undefined;
      if (as.resolvedAt !== undefined && as.resolvedAt > now) as.resolvedAt = undefined;
    }
  }
}

/** Drops appends and replies written after `now`. */
export function clipReview(r: DemoReview, now: number): void {
  r.appends = r.appends.filter((a) => a.at <= now);
  if (r.reply && r.reply.at > now) r.reply = undefined;
  if (r.outcome && r.outcome.at > now) r.outcome = undefined;
  if (r.appeal && r.appeal.at > now) r.appeal = undefined;
  else if (r.appeal?.resultAt !== undefined && r.appeal.resultAt > now) r.appeal = { at: r.appeal.at };
}
