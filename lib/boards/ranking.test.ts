import { describe, expect, it } from 'vitest';
import type { Review } from '../model';
import type { ReviewCategory } from '../text/types';
import { productRanking } from './ranking';
import { order, review } from './testing';

const categorize = (r: Review): ReviewCategory[] =>
  r.text.includes('质量') ? ['quality'] : r.text.includes('慢') ? ['logistics'] : [];

describe('productRanking', () => {
  const orders = [
    ...Array.from({ length: 50 }, (_, i) =>
      order(`a${i}`, { items: [{ productId: 'p1', productName: '毛巾' }] }),
    ),
    ...Array.from({ length: 50 }, (_, i) =>
      order(`b${i}`, {
        items: [{ productId: 'p2', productName: '拖鞋' }],
        afterSale: i < 2 ? { status: 'succeeded', reason: '质量问题' } : undefined,
      }),
    ),
  ];
  const reviews = [
    review('1', { productId: 'p1', star: 1, polarity: 'bad', text: '物流太慢', orderId: 'a1' }),
    ...Array.from({ length: 9 }, (_, i) => review(`p1-${i}`, { productId: 'p1' })),
    review('2', {
      productId: 'p2',
      productName: '拖鞋',
      star: 1,
      polarity: 'bad',
      text: '质量差',
      orderId: 'b10',
    }),
    review('3', {
      productId: 'p2',
      productName: '拖鞋',
      star: 2,
      polarity: 'bad',
      text: '质量一般',
      orderId: 'b11',
    }),
    review('4', { productId: 'p2', productName: '拖鞋', star: 4, text: '还行' }),
    review('5', { productId: 'p2', productName: '拖鞋', star: 5, text: '', isDefault: true }),
  ];
  const r = productRanking(orders, reviews, categorize);

  it('ranks by share of stars lost, with 差评率 and complaint categories', () => {
    expect(r.map((p) => p.productId)).toEqual(['p2', 'p1']);
    const [p2, p1] = r;
    expect(p2).toMatchObject({ name: '拖鞋', reviews: 3, negative: 2, starsLost: 8 });
    expect(p2!.negativeRate).toBeCloseTo(2 / 3);
    expect(p2!.lostShare).toBeCloseTo(8 / 12);
    expect(p2!.complaints).toEqual([{ category: 'quality', count: 2 }]);
    expect(p1!.complaints).toEqual([{ category: 'logistics', count: 1 }]);
  });

  it('warns when the defect rate passes 3 %', () => {
    const [p2, p1] = r;
    // 2 quality after-sales + 2 quality reviews on other orders = 4 of 50 signed.
    expect(p2).toMatchObject({ signed: 50, defects: 4, warn: true });
    expect(p2!.defectRate).toBeCloseTo(0.08);
    expect(p1).toMatchObject({ defects: 0, warn: false });
  });

  it('counts a modified review by its first star', () => {
    const again = productRanking([], [review('m', { firstStar: 1, star: 5, polarity: 'good' })], categorize);
    expect(again[0]).toMatchObject({ negative: 1, starsLost: 4 });
  });
});
