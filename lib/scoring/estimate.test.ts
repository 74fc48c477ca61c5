import { describe, expect, it } from 'vitest';
import type { OfficialScore } from '../model';
import { dayStart } from '../model';
import type { DailyAggregate } from './aggregates';
import { buildAggregates } from './aggregates';
import type { Counters } from './counters';
import { estimate } from './estimate';
import { DOUYIN_EXPERIENCE, PDD_REVIEW, TAOBAO_DSR, TAOBAO_REAL } from './profiles';
import { makeReview } from './synthetic';

const S = 'douyin:7000123';
const H = 3600 * 1000;
const row = (date: string, c: Counters): DailyAggregate => ({
  key: `${S}|${date}`,
  storeKey: S,
  date,
  v: 1,
  c,
});

/** A healthy 30-day window on one day: every scored indicator at its best tier. */
const healthy = (paid: number, extra: Counters = {}): DailyAggregate[] => [
  row('2026-11-10', {
    paid,
    rv: 200,
    sp5: 200,
    ss5: 200,
    signed: paid,
    shipDue: paid,
    colDue: paid,
    colH12: paid,
    delTotal: paid,
    delHours: paid * 24,
    ...extra,
  }),
];
const asOf = '2026-11-20';
const ind = (e: ReturnType<typeof estimate>, id: string) => e.indicators.find((x) => x.id === id)!;

describe('抖店 stages (2.1.1 / 2.2)', () => {
  it.each([
    [0, undefined, 'growth', 70],
    [29, undefined, 'growth', 70],
    [29, 1, 'growth', 60],
    // 30 orders is formal, but small-shop protection pins three indicators at 80:
    // 0.4 × 80 + 0.3 × (0.4 × 100 + 0.3 × 100 + 0.3 × 80) + 0.3 × 100 = 90.2.
    [30, undefined, 'formal', 90.2],
    [1000, undefined, 'formal', 100],
  ] as const)('%i paid orders, %s incidents → %s %f', (paid, incidents, stage, value) => {
    const e = estimate(DOUYIN_EXPERIENCE, healthy(paid), { asOf, ...(incidents ? { incidents } : {}) });
    expect(e.stage).toBe(stage);
    expect(e.value).toBeCloseTo(value, 9);
    // Growth-stage scores are not shown to consumers.
    expect(e.fivePoint).toBe(stage === 'growth' ? null : value === 100 ? 5 : 4.8);
  });

  it('uses the console’s own order count when captured', () => {
    const official = { ...OFFICIAL, windowOrders: 12 };
    expect(estimate(DOUYIN_EXPERIENCE, healthy(1000), { asOf, official }).stage).toBe('growth');
  });
});

describe('差行为扣分: 3 per incident, 15 at once for fraud, cap 15 per 30 days', () => {
  it.each([
    [0, false, 0],
    [1, false, 3],
    [4, false, 12],
    [5, false, 15],
    [9, false, 15],
    [0, true, 15],
    [2, true, 15],
  ])('%i incidents, fraud %s → −%i', (incidents, fraud, points) => {
    const e = estimate(DOUYIN_EXPERIENCE, healthy(1000), { asOf, incidents, fraud });
    expect(e.deduction.points).toBe(points);
    expect(e.value).toBe(100 - points);
  });

  it('reads the deduction from the captured score when not given', () => {
    const e = estimate(DOUYIN_EXPERIENCE, healthy(1000), { asOf, official: { ...OFFICIAL, dimensions: [...OFFICIAL.dimensions, { id: 'deduction', name: '差行为扣分', value: -6 }] } }); // prettier-ignore
    expect(e.deduction).toEqual({ points: 6, incidents: 2, source: 'official' });
  });
});

describe('small-shop protection (paid < 500 and bad ≤ 3 → 80)', () => {
  // 40 signed orders, quality after-sales make 商品品质退货率 7.5%–10% (tier 50 unprotected).
  it.each([
    [499, 3, undefined, true, 80],
    [499, 4, undefined, false, 50],
    [500, 3, undefined, false, 50],
    [350, 3, 300, false, 50],
    [299, 3, 300, true, 80],
  ])('paid %i, %i bad, threshold %s → protected %s, score %i', (paid, bad, threshold, isProtected, score) => {
    const rows = healthy(paid, { signed: 40, asQuality: bad });
    const overrides = threshold ? { smallShopOrders: threshold } : undefined;
    const x = ind(
      estimate(DOUYIN_EXPERIENCE, rows, { asOf, ...(overrides ? { overrides } : {}) }),
      'quality_return',
    );
    expect(x.protected).toBe(isProtected);
    expect(x.score).toBe(score);
  });
});

describe('window edges in Asia/Shanghai (30 days)', () => {
  const late = makeReview({ storeKey: S, reviewId: 'a', createdAt: dayStart('2026-10-23') + 23 * H + 59 * 60000, star: 1 }); // prettier-ignore
  const midnight = makeReview({ storeKey: S, reviewId: 'b', createdAt: dayStart('2026-10-24'), star: 1 });
  const rows = [...buildAggregates([late, midnight]).values()];
  it.each([
    ['2026-10-23', 1],
    ['2026-11-21', 2],
    ['2026-11-22', 1], // 10-23 23:59 leaves on 10-23 + 30 days
    ['2026-11-23', 0],
  ])('as of %s the window holds %i of the two 1★ reviews', (day, n) => {
    expect(ind(estimate(DOUYIN_EXPERIENCE, rows, { asOf: day }), 'bad_rate').numerator ?? 0).toBe(n);
  });
});

const OFFICIAL: OfficialScore = {
  key: `${S}|douyin.experience|2026-11-20`,
  storeKey: S,
  platform: 'douyin',
  kind: 'douyin.experience',
  date: '2026-11-20',
  capturedAt: dayStart('2026-11-20') + 9 * H,
  scaleMin: 50,
  scaleMax: 100,
  value: 92,
  fivePoint: 4.8,
  dimensions: [
    { id: 'product', name: '商品体验', value: 90, weight: 0.5 },
    { id: 'logistics', name: '物流体验', value: 95, weight: 0.25 },
    { id: 'service', name: '服务体验', value: 92, weight: 0.25 },
  ],
  indicators: [{ id: '322', name: '飞鸽人工平均响应时长', value: 65, unit: '秒', dimension: 'service' }],
};

describe('dimension weights and console-only indicators', () => {
  // 商品综合评分 3.0★ → tier 50, so 商品体验 = 0.6 × 50 + 0.4 × 100 = 70; 物流 100; 服务 100 from the star
  // proxy, or 70 from the captured 飞鸽 65 s (tier 70) when the official score is given.
  const rows = healthy(1000, { sp5: 0, sp3: 200 });
  it.each([
    ['fallback 40/30/30', {}, 'fallback', 0.4 * 70 + 0.3 * 100 + 0.3 * 100],
    ['official 50/25/25', { official: OFFICIAL }, 'official', 0.5 * 70 + 0.25 * 100 + 0.25 * 70],
    [
      'fitted 20/40/40',
      { fitted: { product: 0.2, logistics: 0.4, service: 0.4 } },
      'fitted',
      0.2 * 70 + 40 + 40,
    ],
    ['override 10/45/45 beats official', { official: OFFICIAL, overrides: { weights: { product: 0.1, logistics: 0.45, service: 0.45 } } }, 'override', 7 + 45 + 0.45 * 70], // prettier-ignore
  ] as const)('%s', (_n, opts, source, value) => {
    const e = estimate(DOUYIN_EXPERIENCE, rows, { asOf, ...opts });
    expect(e.dimensions.map((d) => d.weightSource)).toEqual([source, source, source]);
    expect(e.dimensions[0]!.value).toBeCloseTo(70, 9);
    expect(e.value).toBeCloseTo(value, 9);
  });

  it('renormalises weights that do not sum to 1', () => {
    const e = estimate(DOUYIN_EXPERIENCE, rows, { asOf, overrides: { weights: { product: 0.5, logistics: 0.5, service: 1 } } }); // prettier-ignore
    expect(e.dimensions.map((d) => d.weight)).toEqual([0.25, 0.25, 0.5]);
  });

  it('scores 飞鸽响应时长 from the captured indicator (65 s → tier 70) instead of the star proxy', () => {
    const e = estimate(DOUYIN_EXPERIENCE, rows, { asOf, official: OFFICIAL });
    const im = ind(e, 'im_response');
    expect([im.source, im.value, im.score, im.weight]).toEqual(['official', 65, 70, 1]);
    expect(ind(e, 'service_rating').weight).toBe(0);
    expect(e.error).toBeCloseTo((e.value ?? 0) - 92, 9);
  });
});

describe('DSR-style and non-抖店 profiles', () => {
  const dsrRows = [row('2026-11-10', { rv: 10, sp5: 8, sp1: 2, dpN: 5, dpSum: 25, ss5: 10, sl4: 10 })];
  it('classic DSR excludes default reviews [G]: (8×5 + 2×1 − 5×5) / (10 − 5)', () => {
    const e = estimate(TAOBAO_DSR, dsrRows, { asOf });
    expect(ind(e, 'dsr_desc').value).toBeCloseTo(17 / 5, 9);
    expect(e.value).toBeCloseTo((3.4 + 5 + 4) / 3, 9);
    expect(e.guessed.some((g) => g.includes('180'))).toBe(true);
  });

  it.each([
    ['淘宝真实体验分, 29 orders', TAOBAO_REAL, healthy(29), 'insufficient'],
    ['淘宝真实体验分, 30 orders', TAOBAO_REAL, healthy(30), 'formal'],
    ['拼多多店铺评价分, 10 reviews', PDD_REVIEW, dsrRows, 'insufficient'],
  ] as const)('%s → %s', (_n, profile, rows, stage) => {
    const e = estimate(profile, rows, { asOf });
    expect(e.stage).toBe(stage);
    expect(e.value === null).toBe(stage === 'insufficient');
  });

  it('marks the estimate and says what was guessed', () => {
    const e = estimate(DOUYIN_EXPERIENCE, healthy(1000), { asOf });
    expect(e.isEstimate).toBe(true);
    expect(e.guessed).toContain('维度权重为默认值：商品体验 40%、物流体验 30%、服务体验 30%');
    expect(estimate(DOUYIN_EXPERIENCE, healthy(1000), { asOf, official: OFFICIAL }).guessed.join()).not.toContain('维度权重为默认值'); // prettier-ignore
  });
});
