/** Small record builders for the boards' tests (fixed instants; no clock). */
import type { Order, Review } from '../model';

/** 2026-03-02 12:00 Asia/Shanghai, a Monday. */
export const T0 = Date.parse('2026-03-02T12:00:00+08:00');
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

export function order(id: string, o: Partial<Order> = {}): Order {
  return {
    key: `s|${id}`,
    storeKey: 's',
    platform: 'douyin',
    orderId: id,
    status: 'completed',
    paidAt: T0,
    promisedShipAt: T0 + 24 * HOUR,
    shippedAt: T0 + 4 * HOUR,
    collectedAt: T0 + 6 * HOUR,
    deliveredAt: T0 + 48 * HOUR,
    items: [{ productId: 'p1', productName: '毛巾' }],
    source: 'api',
    capturedAt: T0,
    updatedAt: T0,
    ...o,
  };
}

export function review(id: string, r: Partial<Review> = {}): Review {
  return {
    key: `s|${id}`,
    storeKey: 's',
    platform: 'douyin',
    reviewId: id,
    productId: 'p1',
    productName: '毛巾',
    createdAt: T0,
    star: 5,
    polarity: 'good',
    text: '很好',
    appends: [],
    images: 0,
    videos: 0,
    replied: false,
    source: 'api',
    capturedAt: T0,
    updatedAt: T0,
    ...r,
  };
}
