import { describe, expect, it } from 'vitest';
import type { OfficialScore } from '../model';
import { addDays, dayStart } from '../model';
import { buildAggregates } from './aggregates';
import { calibrationErrors } from './calibration';
import { estimate } from './estimate';
import { history, historyRange } from './history';
import { DOUYIN_EXPERIENCE, TAOBAO_DSR } from './profiles';
import { synthOrders, synthReviews } from './synthetic';

const S = 'douyin:7000123';
const recs = [
  ...synthOrders({ storeKey: S, from: '2026-08-01', days: 100, perDay: 25, seed: 11, badRate: 0.06 }),
  ...synthReviews({ storeKey: S, from: '2026-08-01', days: 100, perDay: 8, seed: 11, badRate: 0.08 }),
];
const rows = [...buildAggregates(recs).values()];
const asOf = '2026-11-05';

const official = (date: string, value: number, capturedHour = 9): OfficialScore => ({
  key: `${S}|douyin.experience|${date}`,
  storeKey: S,
  platform: 'douyin',
  kind: 'douyin.experience',
  date,
  capturedAt: dayStart(date) + capturedHour * 3600_000,
  scaleMin: 50,
  scaleMax: 100,
  value,
  dimensions: [
    { id: 'product', name: '商品体验', value: 85, weight: 0.5 },
    { id: 'logistics', name: '物流体验', value: 90, weight: 0.25 },
    { id: 'service', name: '服务体验', value: 90, weight: 0.25 },
  ],
  indicators: [],
});

describe('history', () => {
  it.each([
    ['抖店 30-day window', DOUYIN_EXPERIENCE, 40],
    ['淘宝 DSR 180-day window', TAOBAO_DSR, 10],
  ] as const)('%s: the prefix-sum series equals estimating each day directly', (_n, profile, days) => {
    const h = history(profile, rows, { asOf, days });
    expect(h.points).toHaveLength(days);
    expect(h.points[days - 1]!.date).toBe(asOf);
    for (const p of h.points) {
      const direct = estimate(profile, rows, { asOf: p.date });
      expect(p.value).toBeCloseTo(direct.value!, 9);
      expect(p.estimate.indicators.map((x) => x.value)).toEqual(direct.indicators.map((x) => x.value));
    }
  });

  it('reports Δ vs yesterday and vs 7 days ago', () => {
    const h = history(DOUYIN_EXPERIENCE, rows, { asOf, days: 30 });
    const v = h.points.map((p) => p.value!);
    expect(h.estimate.vsYesterday).toBeCloseTo(v[29]! - v[28]!, 12);
    expect(h.estimate.vs7Days).toBeCloseTo(v[29]! - v[22]!, 12);
    expect(h.official).toEqual({ vsYesterday: null, vs7Days: null });
  });

  it('shows official scores on their day, keeps the latest capture and carries weights forward', () => {
    const officials = [
      official(addDays(asOf, -3), 88, 8),
      official(addDays(asOf, -3), 89, 10),
      official(asOf, 87),
      official(addDays(asOf, -1), 90),
      { ...official(asOf, 60), kind: 'douyin.service_detail' },
    ];
    const h = history(DOUYIN_EXPERIENCE, rows, { asOf, days: 5, officials });
    expect(h.points.map((p) => p.official)).toEqual([null, 89, null, 90, 87]);
    expect(h.official).toEqual({ vsYesterday: -3, vs7Days: null });
    // Day −2 has no capture: the weights of day −3 are carried, not the 40/30/30 fallback.
    expect(h.points[2]!.estimate.dimensions.map((d) => d.weightSource)).toEqual([
      'official',
      'official',
      'official',
    ]);
    expect(h.points[0]!.estimate.dimensions[0]!.weightSource).toBe('fallback');
    const cal = calibrationErrors(h);
    expect(cal.n).toBe(3);
    expect(cal.points.map((p) => p.error)).toEqual(h.points.filter((p) => p.official !== null).map((p) => p.value! - p.official!)); // prettier-ignore
  });

  it('names the aggregate rows it needs', () => {
    expect(historyRange(DOUYIN_EXPERIENCE, '2026-11-05', 180)).toEqual({
      from: '2026-04-11',
      to: '2026-11-05',
    });
  });
});
