import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KoubeiDb } from './db';
import { openDb } from './db';
import type { Review } from './model';
import { listReviews, storeCounts } from './queries';

let db: KoubeiDb;
let n = 0;
beforeEach(async () => {
  db = openDb(`queries-${++n}`);
  await db.open();
});
afterEach(() => db.close());

const S = 'douyin:1';
const review = (i: number, over: Partial<Review> = {}): Review => ({
  key: `${S}|r${i}`,
  storeKey: S,
  platform: 'douyin',
  reviewId: `r${i}`,
  createdAt: 1_763_000_000_000 + i * 60_000,
  polarity: 'good',
  text: `第 ${i} 条`,
  appends: [],
  images: 0,
  videos: 0,
  replied: false,
  source: 'api',
  capturedAt: 1,
  updatedAt: 1,
  ...over,
});

describe('listReviews', () => {
  beforeEach(async () => {
    const rows: Review[] = [];
    for (let i = 0; i < 500; i++) {
      const p = i % 50 === 0 ? 'bad' : i % 25 === 0 ? 'neutral' : 'good';
      rows.push(review(i, { polarity: p, replied: i % 100 === 0 }));
    }
    rows.push(review(999, { storeKey: 'douyin:2', key: 'douyin:2|r999', polarity: 'bad' }));
    await db.reviews.bulkPut(rows);
  });

  it('newest first, bounded', async () => {
    const r = await listReviews(db, S, { limit: 5 });
    expect(r.map((x) => x.reviewId)).toEqual(['r499', 'r498', 'r497', 'r496', 'r495']);
  });

  it('中差评 through the polarity index, merged newest first, only this store', async () => {
    const r = await listReviews(db, S, { negativeOnly: true, limit: 6 });
    expect(r.map((x) => [x.reviewId, x.polarity])).toEqual([
      ['r475', 'neutral'],
      ['r450', 'bad'],
      ['r425', 'neutral'],
      ['r400', 'bad'],
      ['r375', 'neutral'],
      ['r350', 'bad'],
    ]);
  });

  it('unreplied 中差评 skip the replied ones', async () => {
    const r = await listReviews(db, S, { negativeOnly: true, unrepliedOnly: true, limit: 3 });
    expect(r.map((x) => x.reviewId)).toEqual(['r475', 'r450', 'r425']);
    const all = await listReviews(db, S, { negativeOnly: true, unrepliedOnly: true, limit: 100 });
    expect(all.every((x) => !x.replied)).toBe(true);
    expect(all).toHaveLength(20 - 5); // 20 negatives, the 5 at multiples of 100 were replied
  });

  it('pages with `before`', async () => {
    const r = await listReviews(db, S, { negativeOnly: true, limit: 2, before: review(450).createdAt });
    expect(r.map((x) => x.reviewId)).toEqual(['r425', 'r400']);
  });
});

describe('storeCounts', () => {
  it('counts orders without any time too', async () => {
    await db.orders.bulkPut([
      {
        key: `${S}|o1`,
        storeKey: S,
        platform: 'douyin',
        orderId: 'o1',
        status: 'paid',
        items: [],
        source: 'dom',
        capturedAt: 1,
        updatedAt: 1,
      },
      {
        key: `${S}|o2`,
        storeKey: S,
        platform: 'douyin',
        orderId: 'o2',
        status: 'paid',
        paidAt: 1_763_000_000_000,
        createdAt: 1_763_000_000_000,
        items: [],
        source: 'api',
        capturedAt: 1,
        updatedAt: 1,
      },
    ]);
    await db.reviews.put(review(1));
    expect(await storeCounts(db, S)).toEqual({ reviews: 1, orders: 2 });
  });
});
