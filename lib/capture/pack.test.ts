import { describe, expect, it } from 'vitest';
import type { CaptureBatch } from './batch';
import { packBatch, packRows, unpackBatch, unpackRows } from './pack';
import { CaptureBatchSchema } from './schema';

const review = (i: number) => ({
  platform: 'douyin',
  reviewId: String(7_317_953_034_084_328_220n + BigInt(i)),
  orderId: `69${i}`,
  createdAt: 1_795_303_408_000 + i,
  star: 1 + (i % 5),
  ...(i % 2 ? { starLogistics: 4 } : {}),
  polarity: 'good',
  text: `<img src=x onerror=alert(${i})>还行，就是"物流"慢`,
  buyerNick: undefined,
  appends: i % 3 ? [] : [{ text: '追评', at: 5, images: 1 }],
  images: 0,
  replied: false,
  source: 'api',
});

const batch = (reviews: unknown[], orders: unknown[] = []): CaptureBatch => ({
  platform: 'douyin',
  endpoint: 'commentList',
  page: '/ffa/maftersale/comment',
  source: 'api',
  reviews,
  orders,
  scores: [],
  rejects: [],
  seen: reviews.length,
  bytes: 100,
});

describe('packed capture batches', () => {
  it('round-trips rows exactly (absent and undefined fields stay absent, nested values kept)', () => {
    const rows = Array.from({ length: 50 }, (_, i) => review(i));
    const plain = JSON.parse(JSON.stringify(rows)) as unknown[];
    const wire = JSON.parse(JSON.stringify(packBatch(batch(rows)))) as unknown;
    const env = CaptureBatchSchema.safeParse(wire);
    expect(env.success).toBe(true);
    expect(unpackBatch(env.data as never).reviews).toEqual(plain);
    // Field names go once per message: the packed JSON is much smaller.
    expect(JSON.stringify(wire).length).toBeLessThan(0.75 * JSON.stringify(batch(rows)).length);
  });

  it('lists each field once, in order of first appearance, skipping fields no row has a value for', () => {
    const p = packRows([
      { a: 1, b: undefined },
      { c: 'x', a: 2 },
    ]);
    expect(p).toEqual({
      cols: ['a', 'c'],
      rows: [
        [1, null],
        [2, 'x'],
      ],
    });
  });

  it('passes plain batches through (older content scripts, import files)', () => {
    const b = batch([review(1)], [{ orderId: '1' }]);
    expect(unpackBatch(b)).toEqual(b);
  });

  it('leaves a kind plain when a row is not an object', () => {
    const b = packBatch(batch([review(1), 'junk', null]));
    expect(Array.isArray(b.reviews)).toBe(true);
    expect(Array.isArray(b.orders)).toBe(true); // empty: nothing to pack
  });

  it('refuses hostile or malformed packs as a whole', () => {
    expect(() => unpackRows({ cols: ['__proto__'], rows: [[{ polluted: true }]] })).toThrow('字段名');
    expect(() => unpackRows({ cols: ['constructor'], rows: [[1]] })).toThrow('字段名');
    expect(() => unpackRows({ cols: ['a', 'a'], rows: [[1, 2]] })).toThrow('字段名');
    expect(() => unpackRows({ cols: ['a b'], rows: [[1]] })).toThrow('字段名');
    expect(() => unpackRows({ cols: ['a'], rows: [[1, 2]] })).toThrow('行比字段多');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('is bounded by the envelope schema like plain arrays', () => {
    const many = packBatch(batch(Array.from({ length: 501 }, (_, i) => review(i))));
    expect(CaptureBatchSchema.safeParse(many).success).toBe(false);
    const wide = { cols: Array.from({ length: 81 }, (_, i) => `c${i}`), rows: [] };
    expect(CaptureBatchSchema.safeParse({ ...batch([]), reviews: wide }).success).toBe(false);
  });
});
