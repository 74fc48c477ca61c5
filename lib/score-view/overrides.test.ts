import { describe, expect, it } from 'vitest';
import { estimate } from '../scoring/estimate';
import { DOUYIN_EXPERIENCE as P } from '../scoring/profiles';
import { draftOf, overridesOf } from './overrides';

const empty = () => draftOf(P, undefined);

describe('overridesOf', () => {
  it('an untouched form overrides nothing', () => {
    expect(overridesOf(P, empty())).toEqual({ value: {} });
  });

  it('turns typed percentages into stored fractions and round-trips', () => {
    const d = empty();
    d.weights = { product: '50', logistics: '25', service: '25' };
    d.bench.quality_return = { industry: '1.2', excellent: '0.4' };
    d.tiers.logistics_return = '0.1, 0.2, 0.4, 0.6, 0.8';
    d.smallShop = '300';
    const { value, error } = overridesOf(P, d);
    expect(error).toBeUndefined();
    expect(value).toEqual({
      weights: { product: 0.5, logistics: 0.25, service: 0.25 },
      indicators: {
        quality_return: { benchmark: { industry: 0.012, excellent: 0.004 } },
        logistics_return: {
          tiers: [
            { at: 0.001, score: 100 },
            { at: 0.002, score: 90 },
            { at: 0.004, score: 80 },
            { at: 0.006, score: 70 },
            { at: 0.008, score: 60 },
          ],
        },
      },
      smallShopOrders: 300,
    });
    expect(draftOf(P, value)).toEqual(d);
    // The engine takes them: weights from the merchant, labelled as such.
    const e = estimate(P, [], { asOf: '2026-11-22', overrides: value! });
    expect(e.dimensions.map((x) => [x.weightSource, x.weight])).toEqual([
      ['override', 0.5],
      ['override', 0.25],
      ['override', 0.25],
    ]);
  });

  it.each([
    [
      'a weight that is not a number',
      (d: ReturnType<typeof empty>) => (d.weights.product = '四十'),
      /输入无效/,
    ],
    ['a weight over 100 %', (d: ReturnType<typeof empty>) => (d.weights.product = '140'), /输入无效/],
    [
      'one benchmark without the other',
      (d: ReturnType<typeof empty>) => (d.bench.goods_rating = { industry: '4.6', excellent: '' }),
      /商品综合评分：行业与优秀基准需同时填写/,
    ],
    [
      'too few tier thresholds',
      (d: ReturnType<typeof empty>) => (d.tiers.goods_rating = '4.9，4.8'),
      /商品综合评分：档位阈值需填 5 个数（对应 100\/90\/80\/70\/60 分）/,
    ],
    ['a negative small-shop line', (d: ReturnType<typeof empty>) => (d.smallShop = '-5'), /输入无效/],
  ])('refuses %s', (_n, edit, message) => {
    const d = empty();
    edit(d);
    const r = overridesOf(P, d);
    expect(r.value).toBeUndefined();
    expect(r.error).toMatch(message);
  });
});
