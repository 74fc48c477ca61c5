import { describe, expect, it } from 'vitest';
import type { DimensionId, OfficialScore } from '../model';
import { addDays } from '../model';
import type { FitSample } from './calibration';
import { fitSamples, fitWeights } from './calibration';
import { rng } from './synthetic';

const DIMS: DimensionId[] = ['product', 'logistics', 'service'];

/** 60 days of synthetic official history built with hidden weights, ± `noise` points. */
function synthetic(weights: number[], noise: number, seed = 5, deduction = 0): FitSample[] {
  const r = rng(seed);
  return Array.from({ length: 60 }, () => {
    const v = [60 + 40 * r(), 60 + 40 * r(), 60 + 40 * r()];
    const total = v.reduce((s, x, i) => s + x * weights[i]!, 0) - deduction + (r() - 0.5) * 2 * noise;
    return { total, dims: { product: v[0], logistics: v[1], service: v[2] }, deduction };
  });
}

describe('fitWeights (w ≥ 0, Σw = 1)', () => {
  it.each([
    ['服饰 50/25/25, exact', [0.5, 0.25, 0.25], 0, 1e-9],
    ['食品 40/30/30, exact', [0.4, 0.3, 0.3], 0, 1e-9],
    ['家电 30/45/25, ±0.3 points', [0.3, 0.45, 0.25], 0.3, 0.02],
    ['a hidden zero weight 70/0/30', [0.7, 0, 0.3], 0, 1e-9],
  ])('recovers %s', (_n, w, noise, tol) => {
    const fit = fitWeights(synthetic(w, noise), DIMS);
    DIMS.forEach((d, i) => expect(Math.abs(fit.weights[d]! - w[i]!)).toBeLessThanOrEqual(tol));
    expect(Object.values(fit.weights).reduce((s, x) => s + x!, 0)).toBeCloseTo(1, 12);
    expect(fit.quality).toBe('good');
    expect(fit.r2).toBeGreaterThan(0.99);
  });

  it('adds the 差行为扣分 back before fitting', () => {
    const fit = fitWeights(synthetic([0.5, 0.2, 0.3], 0, 9, 6), DIMS);
    expect(fit.weights.logistics).toBeCloseTo(0.2, 9);
  });

  it('keeps weights feasible when the unconstrained optimum is negative', () => {
    // Totals track product only, and logistics moves against it: OLS would want logistics < 0.
    const samples = Array.from({ length: 20 }, (_, i) => ({ total: 60 + i, dims: { product: 60 + i, logistics: 100 - i, service: 80 } })); // prettier-ignore
    const fit = fitWeights(samples, DIMS);
    for (const d of DIMS) expect(fit.weights[d]!).toBeGreaterThanOrEqual(0);
    expect(fit.weights.product).toBeCloseTo(1, 9);
  });

  it.each([
    [3, 'insufficient'],
    [60, 'poor'],
  ] as const)('reports quality with %i samples of unrelated totals → %s', (n, quality) => {
    const r = rng(1);
    const samples = Array.from({ length: n }, () => ({ total: 50 + 50 * r(), dims: { product: 50 + 50 * r(), logistics: 50 + 50 * r(), service: 50 + 50 * r() } })); // prettier-ignore
    expect(fitWeights(samples, DIMS).quality).toBe(quality);
  });
});

describe('fitSamples', () => {
  it('takes dimension values from the console and skips days without a total', () => {
    const base: Omit<OfficialScore, 'date' | 'key' | 'value'> = {
      storeKey: 'pdd:1',
      platform: 'pdd',
      kind: 'pdd.review',
      capturedAt: 1_780_000_000_000,
      scaleMin: 1,
      scaleMax: 5,
      dimensions: [
        { id: 'product', name: '描述相符', value: 4.8 },
        { id: 'logistics', name: '物流服务', value: 4.6 },
        { id: 'service', name: '服务态度', value: 4.9 },
      ],
      indicators: [],
    };
    const officials: OfficialScore[] = [
      { ...base, key: 'a', date: '2026-11-01', value: 4.77 },
      { ...base, key: 'b', date: addDays('2026-11-01', 1), value: null },
    ];
    expect(fitSamples(officials, DIMS)).toEqual([
      { total: 4.77, dims: { product: 4.8, logistics: 4.6, service: 4.9 }, deduction: 0 },
    ]);
  });
});
