import { describe, expect, it } from 'vitest';
import { buildAggregates } from '../scoring/aggregates';
import { windowShift } from '../scoring/diagnosis';
import { DOUYIN_EXPERIENCE as P } from '../scoring/profiles';
import { badDays } from '../scoring/records';
import { analyzeRange, autoRange } from './analysis';
import { categorize } from './categorize';
import { double11, officialOf } from './testing';

const { all, late, bad } = double11();
const rows = [...buildAggregates(all, { categorize }).values()];
const negativesIn = (r: { from: string; to: string }) =>
  all.filter((x) => badDays(x, { categorize }).some((d) => d >= r.from && d <= r.to));
const FROM = '2026-11-15';
const TO = '2026-11-21';
const shift = windowShift(P, FROM, TO);
const input = {
  profile: P,
  rows,
  from: FROM,
  to: TO,
  entered: negativesIn(shift.entered),
  left: negativesIn(shift.left),
};

describe('analyzeRange', () => {
  it('without the console’s score on both dates: the engine’s estimate, logistics first', () => {
    const a = analyzeRange({ ...input, officials: [] });
    expect(a.basis).toBe('estimate');
    expect(a.diagnosis.mainCause).toBe('logistics');
    expect(a.diagnosis.summary).toMatch(/^物流体验 −/);
    const keys = new Set(a.diagnosis.causes.find((c) => c.cause === 'logistics')!.entered.map((r) => r.key));
    expect([...late, ...bad].filter((r) => !keys.has(r.key))).toEqual([]);
  });

  it('with the console’s score on both dates: its Δ per dimension and indicator, our records behind them', () => {
    const officials = [officialOf(FROM, 92.5, [100, 100, 94], 100), officialOf(TO, 68.75, [88, 59, 76], 50)];
    const a = analyzeRange({ ...input, officials });
    expect(a.basis).toBe('official');
    const d = a.diagnosis;
    expect(d.delta).toBeCloseTo(-23.75, 9);
    expect(d.deltaFivePoint).toBeCloseTo(-0.6, 9);
    expect(Object.fromEntries(d.dimensions.map((x) => [x.id, x.deltaPoints]))).toEqual({
      product: -6,
      logistics: -10.25,
      service: -4.5,
    });
    expect(d.indicators).toEqual([
      expect.objectContaining({
        name: '揽收及时率',
        before: '99.9%',
        after: '99.02%',
        scoreBefore: 100,
        scoreAfter: 50,
        deltaPoints: -5,
      }),
    ]);
    // The console's numbers, our records: the sentence the merchant reads.
    expect(d.summary).toMatch(
      /^物流体验 −10\.3：揽收及时率档位 100 → 50；11-1\d 以来 \d+ 单发货超时，20 条物流差评集中在 11-18 至 11-20$/,
    );
    expect(d.mainCause).toBe('logistics');
    // Weights and console-only indicators of the day carry into the estimates.
    expect(a.after.dimensions.map((x) => x.weightSource)).toEqual(['official', 'official', 'official']);
  });
});

describe('autoRange', () => {
  const series = (values: (number | null)[], last = '2026-11-21') =>
    values.map((value, i) => ({
      date: new Date(Date.parse(last) - (values.length - 1 - i) * 86_400_000).toISOString().slice(0, 10),
      value,
    }));
  it.each([
    [
      'a drop: the latest best day before it',
      series([92.5, 92.5, 92.5, 91.5, 85, 69.75]),
      { from: '2026-11-18', to: '2026-11-21' },
    ],
    ['no drop: a week back', series([80, 82, 85, 88]), { from: '2026-11-14', to: '2026-11-21' }],
    [
      'stale data: today against a week back',
      series([92.5, 80], '2026-11-10'),
      { from: '2026-11-15', to: '2026-11-22' },
    ],
    ['gaps are skipped', series([92.5, null, 90, null, 70]), { from: '2026-11-17', to: '2026-11-21' }],
  ])('%s', (_n, s, want) => {
    expect(autoRange(s, '2026-11-22')).toEqual(want);
  });
});
