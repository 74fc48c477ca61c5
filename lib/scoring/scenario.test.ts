/**
 * The seeds' 双11 物流爆仓 scenario: ~100 late orders and ~20 1★ logistics reviews around 11-18. The
 * diagnosis must name logistics and list the records; the forecast must give a recovery date.
 */
import { describe, expect, it } from 'vitest';
import type { Order, Review } from '../model';
import { addDays, dayKey, dayStart } from '../model';
import { buildAggregates } from './aggregates';
import { contributions } from './contributions';
import { diagnose, windowShift } from './diagnosis';
import { estimate } from './estimate';
import { forecast } from './forecast';
import { DOUYIN_EXPERIENCE as P } from './profiles';
import { badDays } from './records';
import { makeOrder, makeReview, rng, synthOrders, synthReviews } from './synthetic';
import { mostUrgent } from './urgent';

const S = 'douyin:7000123';
const H = 3600 * 1000;
const categorize = (r: Review) => (/物流|快递|发货/.test(r.text) ? ['物流慢'] : /质量|起球/.test(r.text) ? ['质量问题'] : []); // prettier-ignore

const r = rng(2026);
const lateOrders: Order[] = Array.from({ length: 100 }, (_, i) => {
  const paidAt = dayStart(addDays('2026-11-16', i % 3)) + (9 + (i % 8)) * H;
  const shippedAt = paidAt + (70 + r() * 30) * H;
  // One in ten buyers files a 发货超时 after-sale (counts in 发货物流品退率 on the pay day).
  const afterSale = i % 10 === 0 ? { reason: '发货超时', status: 'succeeded' as const, appliedAt: paidAt + 60 * H } : undefined; // prettier-ignore
  return makeOrder({ storeKey: S, orderId: `6931111${String(i).padStart(9, '0')}`, paidAt, promisedShipAt: paidAt + 48 * H, shippedAt, collectedAt: shippedAt + H, ...(afterSale ? { afterSale } : {}) }); // prettier-ignore
});
const TEXTS = ['物流太慢了，双11买的等了一周', '快递一直不动，催了也没用', '发货太慢，说好48小时发货'];
const badReviews: Review[] = Array.from(
  { length: 20 },
  (_, i) =>
  makeReview({ storeKey: S, reviewId: `7351111${String(i).padStart(9, '0')}`, createdAt: dayStart(addDays('2026-11-18', i % 3)) + (10 + i) * H, star: 1, starProduct: 1, starLogistics: 1, starService: 3, text: TEXTS[i % 3]! }), // prettier-ignore
);
const baseline = [
  ...synthOrders({ storeKey: S, from: '2026-09-20', days: 62, perDay: 30, seed: 7, badRate: 0.003 }),
  ...synthReviews({ storeKey: S, from: '2026-09-20', days: 62, perDay: 12, seed: 7, badRate: 0.01 }),
];
const all = [...baseline, ...lateOrders, ...badReviews];
const rows = [...buildAggregates(all, { categorize }).values()];

/** What the side panel would query by index: negative records counted on days in a range. */
const negativesIn = (range: { from: string; to: string }) =>
  all.filter((x) => badDays(x, { categorize }).some((d) => d >= range.from && d <= range.to));

const from = '2026-11-15';
const to = '2026-11-21';
const before = estimate(P, rows, { asOf: from });
const after = estimate(P, rows, { asOf: to });
const shift = windowShift(P, from, to);
const diag = diagnose({ profile: P, before, after, entered: negativesIn(shift.entered), left: negativesIn(shift.left), categorize }); // prettier-ignore

describe('双11 物流爆仓', () => {
  it('drops the score, mostly through 物流体验', () => {
    expect(after.value!).toBeLessThan(before.value! - 3);
    const worst = [...diag.dimensions].sort((a, b) => a.deltaPoints - b.deltaPoints)[0]!;
    expect(worst.id).toBe('logistics');
  });

  it('names logistics as the main cause and lists its records', () => {
    expect(diag.mainCause).toBe('logistics');
    const logistics = diag.causes.find((c) => c.cause === 'logistics')!;
    const keys = new Set(logistics.entered.map((x) => x.key));
    for (const o of lateOrders) expect(keys.has(o.key)).toBe(true);
    for (const rv of badReviews) expect(keys.has(rv.key)).toBe(true);
    expect(logistics.points).toBeLessThan(0);
  });

  it('writes the sentence a merchant reads', () => {
    // Independently of the engine: orders whose ship-by day entered the window and that shipped late.
    const late = all.filter(
      (o): o is Order => !('reviewId' in o) && o.shippedAt! > o.promisedShipAt! && dayKey(o.promisedShipAt!) >= shift.entered.from && dayKey(o.promisedShipAt!) <= to, // prettier-ignore
    );
    const since = late
      .map((o) => dayKey(o.promisedShipAt!))
      .sort()[0]!
      .slice(5);
    expect(late.length).toBeGreaterThanOrEqual(100);
    expect(diag.summary).toMatch(
      new RegExp(`^物流体验 −\\d+(\\.\\d)?：发货物流品退率档位 100 → 50；${since} 以来 ${late.length} 单发货超时，20 条物流差评集中在 11-18 至 11-20$`), // prettier-ignore
    );
  });

  it('prices each late order and 1★ review', () => {
    const c = contributions(P, after, [...lateOrders, ...badReviews], { categorize });
    // Every 1★ review costs points; a late order costs once it is collected (揽收时长) or has an after-sale.
    expect(c.records.filter((x) => x.kind === 'review')).toHaveLength(20);
    const orders = c.records.filter((x) => x.kind === 'order');
    expect(orders.length).toBeGreaterThanOrEqual(50);
    const withAfterSale = orders.find((x) => x.items.some((i) => i.name === '发货物流品退率'))!;
    const plain = orders.find((x) => x.items.length === 1 && x.items[0]!.name === '揽收时长平均得分')!;
    expect(withAfterSale.points).toBeGreaterThan(plain.points);
    expect(withAfterSale.reason).toContain('物流品质售后');
    expect(plain.reason).toContain('发货超时');
    for (const x of c.records) expect(x.points).toBeGreaterThan(0);
    expect(c.attributed).toBeLessThanOrEqual(c.totalLost + 1e-9);
    expect(c.attributed).toBeGreaterThan(0.5 * after.indicators.find((x) => x.id === 'collect_time')!.lost);
  });

  it('forecasts the recovery date and when each record leaves the window', () => {
    const target = Math.floor(before.value!);
    const f = forecast(P, rows, [...lateOrders, ...badReviews], {
      asOf: to,
      target: { value: target },
      categorize,
    });
    expect(f.target!.reached).toBe(false);
    const recovery = f.target!.recoveryDate!;
    // Recovery comes once the 11-16…11-20 records leave (30 days later) and not before the first leaves.
    expect(recovery > '2026-12-15' && recovery <= '2026-12-20').toBe(true);
    const review = f.leaving.find((x) => x.key === badReviews[0]!.key)!;
    expect(review.leavesOn).toBe(addDays(review.day, 30));
    expect(f.curve.find((p) => p.date === recovery)!.value!).toBeGreaterThanOrEqual(target);
  });

  it('counts the on-time orders and 5★ reviews that would lift the score to a target today', () => {
    const need = (target: number) => forecast(P, rows, [], { asOf: to, target: { value: target } }).target!;
    const near = need(after.value! + 1);
    const far = need(after.value! + 2);
    expect(near.onTimeOrders).toBeGreaterThan(0);
    expect(near.goodReviews).toBeGreaterThan(0);
    expect(far.onTimeOrders!).toBeGreaterThanOrEqual(near.onTimeOrders!);
    // Orders cannot repair 商品综合评分 or the service stars: the pre-双11 score is out of reach that way.
    expect(need(Math.floor(before.value!)).onTimeOrders).toBeNull();
    expect(need(after.value! - 1)).toMatchObject({ reached: true, onTimeOrders: 0, recoveryDate: to });
  });

  it('puts the drop first in the popup when no critical alert is pending', () => {
    const u = mostUrgent({ diagnosis: diag, estimate: after, alerts: [] });
    expect(u.kind).toBe('drop');
    expect(u.detail).toBe(diag.summary);
    expect(u.refs?.length).toBeGreaterThanOrEqual(100);
  });
});
