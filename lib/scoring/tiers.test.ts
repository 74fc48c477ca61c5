import { describe, expect, it } from 'vitest';
import { douyinFivePoint, douyinScoreForFivePoint, starBand, tierScore, tiersFromBenchmarks } from './tiers';

describe('douyinFivePoint (商家体验分对应规则)', () => {
  // Every band of the rule's table: 61–100 in steps of 4 points per 0.1, 50–60 one point per 0.1.
  const bands: [number, number, number][] = [
    [97, 100, 5.0], [93, 96, 4.9], [89, 92, 4.8], [85, 88, 4.7], [81, 84, 4.6], [77, 80, 4.5],
    [73, 76, 4.4], [69, 72, 4.3], [65, 68, 4.2], [61, 64, 4.1], [60, 60, 4.0], [59, 59, 3.9],
    [58, 58, 3.8], [57, 57, 3.7], [56, 56, 3.6], [55, 55, 3.5], [54, 54, 3.4], [53, 53, 3.3],
    [52, 52, 3.2], [51, 51, 3.1], [50, 50, 3.0],
  ]; // prettier-ignore
  it.each(bands)('%i–%i → %f', (lo, hi, five) => {
    for (let s = lo; s <= hi; s++) expect(douyinFivePoint(s)).toBe(five);
  });

  it('covers every integer 50–100 exactly once across the bands', () => {
    const covered = bands.flatMap(([lo, hi]) => Array.from({ length: hi - lo + 1 }, (_, i) => lo + i));
    expect(covered.sort((a, b) => a - b)).toEqual(Array.from({ length: 51 }, (_, i) => 50 + i));
  });

  it.each([
    [60.9, 4.0],
    [64.99, 4.1],
    [96.5, 4.9],
  ])('floors fractional scores: %f → %f', (score, five) => expect(douyinFivePoint(score)).toBe(five));

  it.each([
    [5.0, 97],
    [4.8, 89],
    [4.1, 61],
    [4.0, 60],
    [3.0, 50],
  ])('lowest score for %f is %i', (five, score) => expect(douyinScoreForFivePoint(five)).toBe(score));

  it.each([
    [4.9, 5],
    [4.8, 5],
    [4.7, 4.5],
    [4.5, 4.5],
    [4.4, 4],
    [4.0, 4],
    [3.9, 3.5],
    [3.4, 3],
  ])('star band of %f is %f', (five, stars) => expect(starBand(five)).toBe(stars));
});

describe('tiers derived from the seeds’ benchmarks', () => {
  const ship = tiersFromBenchmarks({ industry: 0.85, excellent: 0.98 });
  const collectDelay = tiersFromBenchmarks({ industry: 0.05, excellent: 0.01 });
  const damage = tiersFromBenchmarks({ industry: 0.003, excellent: 0.001 });

  it('puts excellent at 100 and industry at 80', () => {
    expect(ship.map((t) => t.at)).toEqual([0.98, 0.915, 0.85, 0.785, 0.72]);
    expect(collectDelay.map((t) => t.at)).toEqual([0.01, 0.03, 0.05, 0.07, 0.09]);
    expect(damage.map((t) => t.score)).toEqual([100, 90, 80, 70, 60]);
  });

  it.each([
    ['发货及时率 98%', ship, 'higher', 0.98, 100],
    ['发货及时率 97.9%', ship, 'higher', 0.979, 90],
    ['发货及时率 85% (17/20)', ship, 'higher', 17 / 20, 80],
    ['发货及时率 84.9%', ship, 'higher', 0.849, 70],
    ['发货及时率 50%', ship, 'higher', 0.5, 50],
    ['揽收延误率 1%', collectDelay, 'lower', 0.01, 100],
    ['揽收延误率 1.01%', collectDelay, 'lower', 0.0101, 90],
    ['揽收延误率 5%', collectDelay, 'lower', 0.05, 80],
    ['揽收延误率 9%', collectDelay, 'lower', 0.09, 60],
    ['揽收延误率 9.1%', collectDelay, 'lower', 0.091, 50],
    ['破损率 0.1%', damage, 'lower', 0.001, 100],
    ['破损率 0.3% (3/1000)', damage, 'lower', 3 / 1000, 80],
    ['破损率 0.31%', damage, 'lower', 0.0031, 70],
  ] as const)('%s → %i', (_name, tiers, direction, value, score) => {
    expect(tierScore(value, tiers, direction, 50)).toBe(score);
  });
});
