/**
 * Test helpers for the ingest path (not shipped): synthetic records as a content script would send them.
 */
import type { CaptureBatch } from '../capture/batch';
import type { Order, Review } from '../model';

/** A synthetic order with whole-ms times, as ingest's validation requires. */
export function wholeMsOrder(o: Order): Order {
  const r = (t?: number) => (t === undefined ? undefined : Math.round(t));
  const { shippedAt, collectedAt, deliveredAt, afterSale, ...rest } = o;
  return {
    ...rest,
    ...(shippedAt !== undefined ? { shippedAt: r(shippedAt) } : {}),
    ...(collectedAt !== undefined ? { collectedAt: r(collectedAt) } : {}),
    ...(deliveredAt !== undefined ? { deliveredAt: r(deliveredAt) } : {}),
    ...(afterSale
      ? {
          afterSale: {
            ...afterSale,
            ...(afterSale.appliedAt ? { appliedAt: r(afterSale.appliedAt) } : {}),
          },
        }
      : {}),
  };
}

/** A capture batch of records as a content script would send them (no identity fields). */
export function recordsBatch(rows: (Review | Order)[]): CaptureBatch {
  const strip = ({ key: _k, storeKey: _s, capturedAt: _c, updatedAt: _u, ...rest }: Review | Order) => rest;
  return {
    platform: 'douyin',
    endpoint: 'test',
    page: '/ffa/maftersale/comment',
    source: 'api',
    reviews: rows.filter((r) => 'reviewId' in r).map(strip),
    orders: rows.filter((r) => !('reviewId' in r)).map(strip),
    scores: [],
    rejects: [],
    seen: rows.length,
    bytes: 1000,
  };
}
