import { describe, expect, it } from 'vitest';
import type { Review } from '../model';
import { addDays, dayStart } from '../model';
import { buildAggregates } from './aggregates';
import { contributions } from './contributions';
import { estimate } from './estimate';
import { forecast } from './forecast';
import { DOUYIN_EXPERIENCE as P, TAOBAO_DSR } from './profiles';
import { makeReview, synthOrders, synthReviews } from './synthetic';

const S = 'douyin:7000123';
const H = 3600 * 1000;
const asOf = '2026-11-20';
const clean = [
  ...synthOrders({ storeKey: S, from: '2026-10-01', days: 51, perDay: 30, seed: 21, badRate: 0 }),
  ...synthReviews({ storeKey: S, from: '2026-10-01', days: 51, perDay: 10, seed: 21, badRate: 0 }),
];
const oneStar = (n: number, day: string, star = 1): Review[] =>
  Array.from(
    { length: n },
    (_, i) =>
    makeReview({ storeKey: S, reviewId: `b${star}${day}${i}`, createdAt: dayStart(day) + (8 + (i % 12)) * H, star, starProduct: star, text: '质量太差，起球' }), // prettier-ignore
  );

describe('forecast: the snowball of a rolling window', () => {
  const bad = oneStar(40, '2026-11-05');
  const rows = [...buildAggregates([...clean, ...bad]).values()];
  const healthy = estimate(P, [...buildAggregates(clean).values()], { asOf }).value!;

  it.each([
    ['clean', 'clean'],
    ['silent', 'silent'],
  ] as const)(
    'with %s future days each 1★ leaves on day + 30 and the score recovers that day',
    (_n, assume) => {
      const f = forecast(P, rows, bad, { asOf, assume, target: { value: healthy } });
      expect(f.current.value!).toBeLessThan(healthy);
      expect(new Set(f.leaving.map((x) => x.leavesOn))).toEqual(new Set(['2026-12-05']));
      expect(f.leaving.every((x) => x.points > 0)).toBe(true);
      const on = f.curve.find((p) => p.date === '2026-12-05')!;
      const eve = f.curve.find((p) => p.date === '2026-12-04')!;
      expect(eve.value!).toBeLessThan(healthy);
      if (assume === 'clean') {
        expect(f.target!.recoveryDate).toBe('2026-12-05');
        expect(on.value!).toBeGreaterThanOrEqual(healthy - 1e-9);
      } else {
        // No activity at all: the window empties, orders fall below 30 and the shop drops to 成长阶段 70.
        expect(f.curve[f.curve.length - 1]!.value).toBe(70);
      }
    },
  );

  it('accepts a 5-point target (4.9 → 93 on 抖店)', () => {
    const f = forecast(P, rows, bad, { asOf, target: { fivePoint: 4.9 } });
    expect(f.target!.value).toBe(93);
  });

  it('projects a 180-day DSR for the whole horizon asked', () => {
    const f = forecast(TAOBAO_DSR, rows, [], { asOf, horizonDays: 10 });
    expect(f.curve.map((p) => p.date)).toEqual(Array.from({ length: 10 }, (_, i) => addDays(asOf, i + 1)));
  });
});

describe('contributions', () => {
  const bad = [...oneStar(12, '2026-11-10', 1), ...oneStar(12, '2026-11-11', 2)];
  const all = [...clean, ...bad];
  const rows = [...buildAggregates(all).values()];
  const est = estimate(P, rows, { asOf });

  it('shares each indicator’s loss exactly among all records behind it', () => {
    const c = contributions(P, est, all);
    const attributable = est.indicators.filter((x) => x.lost > 0 && x.deficit > 0 && !x.protected);
    expect(attributable.length).toBeGreaterThan(0);
    for (const x of attributable) {
      const sum = c.records.reduce(
        (s, r) => s + (r.items.find((i) => i.indicatorId === x.id)?.points ?? 0),
        0,
      );
      expect(sum).toBeCloseTo(x.lost, 9);
    }
  });

  it('prices a 1★ at 4/3 of a 2★ on 商品综合评分 and lists the worst first', () => {
    const c = contributions(P, est, bad);
    const one = c.records.find((r) => r.key === bad[0]!.key)!;
    const two = c.records.find((r) => r.key === bad[12]!.key)!;
    expect(one.points / two.points).toBeCloseTo(4 / 3, 9);
    expect(one.reason).toBe('商品 1 星');
    expect(c.records[0]!.points).toBe(Math.max(...c.records.map((r) => r.points)));
    expect(c.attributed).toBeLessThan(c.totalLost);
  });

  it('ignores records outside the window', () => {
    const old = oneStar(3, '2026-09-01');
    expect(contributions(P, est, old).records).toEqual([]);
  });
});
