/** Test helper: a valid normalized Review with overridable fields. */
import { recordKey, type Review } from '../../model';

const BASE = Date.UTC(2026, 2, 1, 2); // 2026-03-01 10:00 Asia/Shanghai

export function makeReview(id: string, over: Partial<Review> = {}): Review {
  const storeKey = over.storeKey ?? 'douyin:1001';
  return {
    key: recordKey(storeKey, id),
    storeKey,
    platform: 'douyin',
    reviewId: id,
    orderId: `o${id}`,
    productId: 'p1',
    createdAt: BASE,
    star: 5,
    text: '东西不错',
    appends: [],
    images: 0,
    videos: 0,
    replied: false,
    source: 'api',
    capturedAt: BASE,
    updatedAt: BASE,
    ...over,
  };
}

export { BASE };
