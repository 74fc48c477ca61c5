import { describe, expect, it } from 'vitest';
import type { OfficialScore } from '../model';
import { DOUYIN_EXPERIENCE as P, TAOBAO_REAL } from '../scoring/profiles';
import {
  composeOfficials,
  hasWeights,
  officialAsOf,
  officialForCoverage,
  officialReviewCount,
} from './official';

const S = 'douyin:69153428';
const base = {
  storeKey: S,
  platform: 'douyin' as const,
  scaleMin: 50,
  scaleMax: 100,
  dimensions: [],
  indicators: [],
};
const overview = (date: string, value: number, capturedAt = 1): OfficialScore => ({
  ...base,
  key: `${S}|douyin.experience|${date}`,
  kind: 'douyin.experience',
  date,
  capturedAt,
  value,
  fivePoint: value >= 89 ? 4.8 : 4.3,
  dimensions: [
    { id: 'product', name: '商品体验', value: 88, weight: 0.5 },
    { id: 'logistics', name: '物流体验', value: 59, weight: 0.25 },
    { id: 'service', name: '服务体验', value: 76, weight: 0.25 },
  ],
});
const sub = (
  date: string,
  node: string,
  indicators: OfficialScore['indicators'],
  windowOrders?: number,
): OfficialScore => ({
  ...base,
  key: `${S}|douyin.subscore.${node}|${date}`,
  kind: `douyin.subscore.${node}`,
  date,
  capturedAt: 2,
  indicators,
  ...(windowOrders !== undefined ? { windowOrders } : {}),
});
const stats = (date: string, counts: [number | null, number | null, number | null]): OfficialScore => ({
  ...base,
  key: `${S}|douyin.review_stats|${date}`,
  kind: 'douyin.review_stats',
  date,
  capturedAt: 3,
  scaleMin: 0,
  indicators: [
    { id: 'positive_rate_30d', name: '近30天好评率', value: 97.2, unit: '%' },
    { id: 'positive_30d', name: '近30天好评数', value: counts[0] },
    { id: 'neutral_30d', name: '近30天中评数', value: counts[1] },
    { id: 'negative_30d', name: '近30天差评数', value: counts[2] },
  ],
});

describe('composeOfficials', () => {
  it('merges one day’s overview, indicator pages and review statistics into the profile’s kind', () => {
    const rows = [
      sub(
        '2026-11-21',
        'logistics',
        [
          {
            id: '201',
            dimension: 'logistics',
            name: '揽收及时率',
            value: 99.02,
            unit: '%',
            score: 50,
            weight: 0.4,
          },
        ],
        10_609,
      ),
      overview('2026-11-21', 68.75),
      sub('2026-11-21', 'service', [
        {
          id: '322',
          dimension: 'service',
          name: '飞鸽人工平均响应时长',
          value: 37.47,
          unit: '秒',
          score: 80,
        },
      ]),
      stats('2026-11-21', [2_901, 71, 63]),
      overview('2026-11-20', 69.75),
    ];
    const out = composeOfficials(rows, P);
    expect(out.map((o) => [o.date, o.kind, o.value])).toEqual([
      ['2026-11-20', 'douyin.experience', 69.75],
      ['2026-11-21', 'douyin.experience', 68.75],
    ]);
    const day = out[1]!;
    expect(day.windowOrders).toBe(10_609);
    expect(day.indicators.map((i) => i.id)).toEqual([
      '201',
      '322',
      'positive_rate_30d',
      'positive_30d',
      'neutral_30d',
      'negative_30d',
    ]);
    expect(day.dimensions).toHaveLength(3);
    expect(officialReviewCount(day)).toBe(3_035);
    expect(out[0]!.indicators).toEqual([]);
    expect(officialReviewCount(out[0])).toBeUndefined();
  });

  it('keeps the latest capture of a day and ignores kinds of other profiles', () => {
    const rows = [overview('2026-11-21', 70, 5), overview('2026-11-21', 68.75, 9)];
    expect(composeOfficials(rows, P).map((o) => o.value)).toEqual([68.75]);
    expect(composeOfficials(rows, TAOBAO_REAL)).toEqual([]);
  });

  it.each([
    ['2026-11-19', undefined],
    ['2026-11-20', '2026-11-20'],
    ['2026-11-25', '2026-11-21'],
  ])('officialAsOf(%s) carries the latest capture up to that day → %s', (date, want) => {
    const all = composeOfficials([overview('2026-11-20', 69.75), overview('2026-11-21', 68.75)], P);
    expect(officialAsOf(all, date)?.date).toBe(want);
  });

  it('takes the window’s order count from a recent capture when the day’s lacks it', () => {
    const all = composeOfficials(
      [overview('2026-11-19', 70), sub('2026-11-19', 'logistics', [], 10_552), overview('2026-11-21', 68.75)],
      P,
    );
    expect(officialAsOf(all, '2026-11-22')?.windowOrders).toBeUndefined();
    expect(officialForCoverage(all, '2026-11-22')).toMatchObject({
      date: '2026-11-21',
      value: 68.75,
      windowOrders: 10_552,
    });
    expect(officialForCoverage(all, '2026-11-22', 1)?.windowOrders).toBeUndefined();
  });

  it('tells whether the console reported every dimension weight', () => {
    const o = overview('2026-11-21', 68.75);
    expect(hasWeights(o, P)).toBe(true);
    expect(hasWeights({ ...o, dimensions: o.dimensions.map(({ weight: _w, ...d }) => d) }, P)).toBe(false);
    expect(hasWeights(undefined, P)).toBe(false);
    expect(officialReviewCount(stats('2026-11-21', [10, null, 2]))).toBeUndefined();
  });
});
