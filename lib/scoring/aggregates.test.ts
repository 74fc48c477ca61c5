import { describe, expect, it } from 'vitest';
import type { Order, Review } from '../model';
import { dayStart } from '../model';
import type { DailyAggregate } from './aggregates';
import {
  DailyAggregate as DailyAggregateSchema,
  applyDeltas,
  buildAggregates,
  countersOf,
  recordDelta,
} from './aggregates';
import { makeOrder, makeReview, synthOrders, synthReviews } from './synthetic';

const S = 'douyin:7000123';
const H = 3600 * 1000;
/** ms of an Asia/Shanghai wall-clock time. */
const at = (day: string, hh = 12, mm = 0) => dayStart(day) + hh * H + mm * 60 * 1000;
const categorize = (r: Review) =>
  /破损/.test(r.text) ? ['物流破损'] : /物流|快递/.test(r.text) ? ['物流慢'] : [];

const clone = (m: Map<string, DailyAggregate>) => new Map([...m].map(([k, v]) => [k, structuredClone(v)]));

function history(): Map<string, DailyAggregate> {
  const recs = [
    ...synthOrders({ storeKey: S, from: '2026-10-01', days: 20, perDay: 15, seed: 3, badRate: 0.1 }),
    ...synthReviews({ storeKey: S, from: '2026-10-01', days: 20, perDay: 6, seed: 3, badRate: 0.2 }),
  ];
  return buildAggregates(recs, { categorize });
}

const lateOrder = makeOrder({
  storeKey: S,
  orderId: '6931000000000001',
  paidAt: at('2026-10-10', 10),
  promisedShipAt: at('2026-10-12', 10),
  shippedAt: at('2026-10-13', 9),
  collectedAt: at('2026-10-13', 11),
  deliveredAt: at('2026-10-17', 15),
  afterSale: { reason: '商品破损', status: 'succeeded', appliedAt: at('2026-10-17', 18) },
});
const badReview = makeReview({
  storeKey: S,
  reviewId: '7350000000000001',
  createdAt: at('2026-10-11', 20),
  star: 1,
  starProduct: 1,
  starLogistics: 1,
  starService: 3,
  text: '快递太慢了，外箱破损',
});

describe('countersOf', () => {
  it('counts a late, damaged order on the days the rule counts it', () => {
    const days = Object.fromEntries(countersOf(lateOrder));
    expect(days).toEqual({
      '2026-10-10': { paid: 1 },
      // Ship-by 10-12 missed; 揽收 due 支付次日 23:59:59 = 10-11, missed.
      '2026-10-12': { shipDue: 1, shipLate: 1 },
      '2026-10-11': { colDue: 1, colLate: 1 },
      // 10:00 payment → collected 10-13 11:00 = 73 h.
      '2026-10-13': { colHMore: 1 },
      // Transit 10-13 11:00 → 10-17 15:00 = 100 h > 72 h target.
      '2026-10-17': { delTotal: 1, delHours: 100, delLate: 1, signed: 1, asDamage: 1 },
    });
  });

  it.each([
    ['18:30 → clock starts 06:00 next day', 18, 30, '2026-10-11', 7, 'colH12'],
    ['05:00 → clock starts 06:00 same day', 5, 0, '2026-10-10', 20, 'colH24'],
    ['14:00 → clock starts at payment', 14, 0, '2026-10-11', 15, 'colH36'],
  ] as const)('抖店 揽收 clock: paid %s', (_n, hh, mm, colDay, colHour, bucket) => {
    const o = makeOrder({ storeKey: S, orderId: '1', paidAt: at('2026-10-10', hh, mm), collectedAt: at(colDay, colHour) }); // prettier-ignore
    const all = Object.assign({}, ...countersOf(o).values());
    expect(all[bucket]).toBe(1);
  });

  it.each([
    ['现货 promised in 48 h: due 支付次日', 48, '2026-10-11'],
    ['预售 promised in 7 days: due on the promise', 7 * 24, '2026-10-17'],
  ] as const)('揽收 deadline, %s', (_n, promiseHours, dueDay) => {
    const paidAt = at('2026-10-10', 10);
    const o = makeOrder({ storeKey: S, orderId: '2', paidAt, promisedShipAt: paidAt + promiseHours * H, status: 'paid' }); // prettier-ignore
    const due = [...countersOf(o)].find(([, c]) => c.colDue)?.[0];
    expect(due).toBe(dueDay);
  });

  it('counts a negative review by star, cause and damage category', () => {
    const [[day, c] = ['', {}]] = [...countersOf(badReview, { categorize })];
    expect(day).toBe('2026-10-11');
    expect(c).toEqual({ rv: 1, sp1: 1, sl1: 1, ss3: 1, polBad: 1, neg: 1, negUnreplied: 1, negLogistics: 1, negDamage: 1 }); // prettier-ignore
  });

  it.each([
    ['unpaid', { status: 'unpaid' }],
    ['cancelled', { status: 'cancelled' }],
  ] as const)('ignores %s orders', (_n, patch) => {
    expect(countersOf({ ...lateOrder, ...patch }).size).toBe(0);
  });

  it('keeps a review the platform excludes out of every score counter', () => {
    expect(Object.fromEntries(countersOf({ ...badReview, countsTowardScore: false }))).toEqual({
      '2026-10-11': { rvExcluded: 1 },
    });
  });
});

describe('recordDelta + applyDeltas symmetry', () => {
  const replied: Review = {
    ...badReview,
    replied: true,
    replyText: '非常抱歉，已为您补发',
    replyAt: at('2026-10-12'),
  };
  const movedReview: Review = { ...badReview, createdAt: at('2026-10-12', 0, 0) };
  const shippedOnTime: Order = {
    ...lateOrder,
    shippedAt: at('2026-10-10', 15),
    collectedAt: at('2026-10-10', 16),
  };
  const otherStore: Order = { ...lateOrder, storeKey: 'douyin:9', key: 'douyin:9|6931000000000001' };
  const reasonChanged: Order = { ...lateOrder, afterSale: { reason: '与描述不符', status: 'succeeded' } };

  it.each<[string, Review | Order, Review | Order]>([
    ['a new reply', badReview, replied],
    ['a review moving to the next day at 00:00', badReview, movedReview],
    ['an order shipped on time after all', lateOrder, shippedOnTime],
    ['an order moving store', lateOrder, otherStore],
    ['an after-sale reason changing category', lateOrder, reasonChanged],
  ])('insert, update (%s), delete restores the exact aggregates', (_n, first, second) => {
    const aggs = history();
    const before = clone(aggs);
    applyDeltas(aggs, recordDelta(undefined, first, { categorize }));
    expect(aggs).not.toEqual(before);
    applyDeltas(aggs, recordDelta(first, second, { categorize }));
    const afterUpdate = clone(aggs);
    applyDeltas(aggs, recordDelta(second, undefined, { categorize }));
    expect(aggs).toEqual(before);
    // And the update equals inserting the second version directly.
    const direct = clone(before);
    applyDeltas(direct, recordDelta(undefined, second, { categorize }));
    expect(afterUpdate).toEqual(direct);
  });

  it('an unchanged re-capture produces no delta', () => {
    expect(recordDelta(lateOrder, { ...lateOrder, capturedAt: lateOrder.capturedAt + 5000 }).size).toBe(0);
  });

  it('removes a day row whose counters return to zero and reports it for deletion', () => {
    const aggs = new Map<string, DailyAggregate>();
    applyDeltas(aggs, recordDelta(undefined, badReview));
    const { changed, removed } = applyDeltas(aggs, recordDelta(badReview, undefined));
    expect(changed).toEqual([]);
    expect(removed).toEqual([`${S}|2026-10-11`]);
    expect(aggs.size).toBe(0);
  });

  it('does not mutate rows it replaces (liveQuery caches keep their snapshot)', () => {
    const aggs = history();
    const row = aggs.get(`${S}|2026-10-11`)!;
    const snapshot = structuredClone(row);
    applyDeltas(aggs, recordDelta(undefined, badReview));
    expect(row).toEqual(snapshot);
  });

  it('builds rows that satisfy the schema', () => {
    for (const row of history().values()) expect(DailyAggregateSchema.safeParse(row).success).toBe(true);
  });
});
