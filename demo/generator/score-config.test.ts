import { describe, expect, it } from 'vitest';
import { DIMENSION_WEIGHTS, NODES, fivePoint, tierScore } from './score-config';

describe('fivePoint (platforms.md §1.6 consumer mapping)', () => {
  it.each([
    [100, 5.0],
    [97, 5.0],
    [96.75, 4.9],
    [93, 4.9],
    [92.5, 4.8],
    [89, 4.8],
    [88.99, 4.7],
    [68.99, 4.2],
    [65, 4.2],
    [64.5, 4.1],
    [61, 4.1],
    [60.5, 4.0],
    [60, 4.0],
    [55, 3.5],
    [50, 3.0],
  ])('%f → %f', (score, five) => {
    expect(fivePoint(score)).toBe(five);
  });
});

describe('tierScore', () => {
  const node = (id: number) => NODES.find((n) => n.node === id)!;
  it.each([
    [201, 0.9999, 100],
    [201, 0.9972, 90],
    [201, 0.99, 50],
    [316, 5.5, 100],
    [316, 13, 80],
    [316, 30, 50],
    [101, 0.005, 100],
    [101, 0.012, 70],
  ])('node %i value %f → %i', (id, value, score) => {
    expect(tierScore(node(id), value)).toBe(score);
  });

  it('uses industry weights that are not the 40/30/30 fallback and sum to 1', () => {
    expect(DIMENSION_WEIGHTS).toEqual({ goods: 0.5, logistics: 0.25, service: 0.25 });
    for (const dim of ['goods', 'logistics', 'service'] as const) {
      const sum = NODES.filter((n) => n.dimension === dim).reduce((s, n) => s + n.weight, 0);
      expect(sum).toBeCloseTo(1, 9);
    }
  });
});
