/**
 * The seeds' 双11 story as records (for score-view and background tests only; never shipped): a
 * baseline shop, ~100 orders shipped 3–4 days late around 11-16…11-18 (one in ten with a 发货超时
 * after-sale) and 20 1★ logistics reviews on 11-18…11-20.
 */
import type { OfficialScore, Order, Review } from '../model';
import { addDays, dayStart } from '../model';
import { makeOrder, makeReview, rng, synthOrders, synthReviews } from '../scoring/synthetic';

export const STORE = 'douyin:7000123';
const H = 3_600_000;

const whole = (o: Order): Order => {
  const r = (t?: number) => (t === undefined ? undefined : Math.round(t));
  const out: Order = { ...o };
  for (const k of ['shippedAt', 'collectedAt', 'deliveredAt'] as const)
    if (o[k] !== undefined) out[k] = r(o[k]);
  if (o.afterSale?.appliedAt !== undefined)
    out.afterSale = { ...o.afterSale, appliedAt: r(o.afterSale.appliedAt) };
  return out;
};

export function double11(): {
  baseline: (Review | Order)[];
  late: Order[];
  bad: Review[];
  all: (Review | Order)[];
} {
  const r = rng(2026);
  const late = Array.from({ length: 100 }, (_, i) => {
    const paidAt = dayStart(addDays('2026-11-16', i % 3)) + (9 + (i % 8)) * H;
    const shippedAt = Math.round(paidAt + (70 + r() * 30) * H);
    const afterSale =
      i % 10 === 0
        ? { reason: '发货超时', status: 'succeeded' as const, appliedAt: paidAt + 60 * H }
        : undefined;
    return makeOrder({
      storeKey: STORE,
      orderId: `6931111${String(i).padStart(9, '0')}`,
      paidAt,
      promisedShipAt: paidAt + 48 * H,
      shippedAt,
      collectedAt: shippedAt + H,
      ...(afterSale ? { afterSale } : {}),
    });
  });
  const texts = ['物流太慢了，双11买的等了一周', '快递一直不动，催了也没用', '发货太慢，说好48小时发货'];
  const bad = Array.from({ length: 20 }, (_, i) =>
    makeReview({
      storeKey: STORE,
      reviewId: `7351111${String(i).padStart(9, '0')}`,
      createdAt: dayStart(addDays('2026-11-18', i % 3)) + (10 + i) * H,
      star: 1,
      starProduct: 1,
      starLogistics: 1,
      starService: 3,
      text: texts[i % 3]!,
    }),
  );
  const baseline = [
    ...[
      ...synthOrders({ storeKey: STORE, from: '2026-09-20', days: 62, perDay: 30, seed: 7, badRate: 0.003 }),
    ].map(whole),
    ...synthReviews({ storeKey: STORE, from: '2026-09-20', days: 62, perDay: 12, seed: 7, badRate: 0.01 }),
  ];
  return { baseline, late, bad, all: [...baseline, ...late, ...bad] };
}

/** A captured 抖店 overview (dimensions, weights) with one indicator page merged in. */
export function officialOf(
  date: string,
  value: number,
  dims: [number, number, number],
  collectScore: number,
): OfficialScore {
  return {
    key: `${STORE}|douyin.experience|${date}`,
    storeKey: STORE,
    platform: 'douyin',
    kind: 'douyin.experience',
    date,
    capturedAt: dayStart(date) + 30 * H,
    scaleMin: 50,
    scaleMax: 100,
    value,
    fivePoint: value >= 89 ? 4.8 : value >= 69 ? 4.3 : 4.2,
    windowOrders: 900,
    dimensions: [
      { id: 'product', name: '商品体验', value: dims[0], weight: 0.5 },
      { id: 'logistics', name: '物流体验', value: dims[1], weight: 0.25 },
      { id: 'service', name: '服务体验', value: dims[2], weight: 0.25 },
    ],
    indicators: [
      {
        id: '201',
        dimension: 'logistics',
        name: '揽收及时率',
        value: collectScore === 100 ? 99.9 : 99.02,
        unit: '%',
        score: collectScore,
        weight: 0.4,
      },
    ],
  };
}
