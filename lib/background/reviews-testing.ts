/** Test data for the review features: a 抖店 1★ review of one store, overridable field by field. */
import type { Review } from '../model';

export const T_NOW = Date.UTC(2026, 10, 22, 2);
export const T_STORE = 'douyin:4461234';
const H = 3_600_000;

export function review(id: string, over: Partial<Review> = {}, store = T_STORE): Review {
  return {
    key: `${store}|${id}`,
    storeKey: store,
    platform: 'douyin',
    reviewId: id,
    productId: 'p1',
    productName: '加厚羊羔绒卫衣',
    createdAt: T_NOW - 2 * H,
    star: 1,
    starProduct: 1,
    polarity: 'bad',
    text: '穿了两次就起球了，客服也不理人',
    appends: [],
    images: 0,
    videos: 0,
    replied: false,
    source: 'api',
    capturedAt: T_NOW - H,
    updatedAt: T_NOW - H,
    ...over,
  };
}
