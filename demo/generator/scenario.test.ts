import { describe, expect, it } from 'vitest';
import { scoreHistory } from './score';
import { scenarioStart } from './scenario';
import { addDays, dayKey } from './time';
import { createWorld } from './world';

describe('scenarioStart: the most recent Nov 11 ≥3 days back if within 60 days, else now − 11 days', () => {
  it.each([
    ['2025-11-28T12:00:00', '2025-11-11'],
    ['2025-11-14T08:00:00', '2025-11-11'],
    ['2025-11-13T23:00:00', '2025-11-02'],
    ['2026-01-10T12:00:00', '2025-11-11'],
    ['2026-01-11T12:00:00', '2025-12-31'],
    ['2026-06-15T09:00:00', '2026-06-04'],
  ])('now %s → %s', (now, start) => {
    expect(scenarioStart(Date.parse(`${now}+08:00`))).toBe(start);
  });
});

// Default scale (400 days × 300 orders/day): the story is calibrated for it.
const t0 = performance.now();
const world = createWorld({ now: Date.parse('2026-01-08T12:00:00+08:00') });
const ms = performance.now() - t0;
console.log(
  `createWorld(400 days × 300/day): ${Math.round(ms)} ms, ${world.orders.length} orders, ${world.reviews.length} reviews`,
);
const s = world.scenario;
const orderById = new Map(world.orders.map((o) => [o.id, o]));

describe('double11 ground truth', () => {
  it('places the spike on Nov 11 and lists ≈100 late orders from its three days', () => {
    expect(s.start).toBe('2025-11-11');
    expect(s.spikeDays).toEqual(['2025-11-11', '2025-11-12', '2025-11-13']);
    expect(s.lateOrderIds.length).toBeGreaterThanOrEqual(90);
    expect(s.lateOrderIds.length).toBeLessThanOrEqual(110);
    for (const id of s.lateOrderIds) {
      const o = orderById.get(id)!;
      expect(s.spikeDays).toContain(dayKey(o.paidAt));
      expect(o.collectedAt! - o.promisedShipAt).toBeGreaterThan(12 * 3600 * 1000);
    }
  });

  it('lists ≈20 1★ logistics reviews written in the days after the late parcels arrived', () => {
    expect(s.oneStarReviewIds.length).toBeGreaterThanOrEqual(15);
    expect(s.oneStarReviewIds.length).toBeLessThanOrEqual(25);
    const late = new Set(s.lateOrderIds);
    const byId = new Map(world.reviews.map((r) => [r.id, r]));
    for (const id of s.oneStarReviewIds) {
      const r = byId.get(id)!;
      const o = world.orders[r.order]!;
      expect(late.has(o.id)).toBe(true);
      expect(r.stars.logistics).toBe(1);
      expect(r.text).not.toBe('');
      expect(r.createdAt).toBeGreaterThan(o.deliveredAt!);
      expect(dayKey(r.createdAt) <= addDays(s.start, 14)).toBe(true);
    }
  });

  it('takes the 5-point score from ≈4.8 to ≈4.2 and back once the bad period leaves the window', () => {
    const before = scoreHistory(world, addDays(s.start, -30), s.start).map((x) => x.five);
    const trough = scoreHistory(world, s.troughFrom, addDays(s.start, 28)).map((x) => x.five);
    const after = scoreHistory(world, s.recoveredOn, addDays(s.recoveredOn, 5)).map((x) => x.five);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    expect(median(before)).toBe(4.8);
    expect(Math.min(...before)).toBeGreaterThanOrEqual(4.7);
    expect(trough.length).toBeGreaterThan(10);
    expect(median(trough)).toBe(4.2);
    expect(Math.max(...trough)).toBeLessThanOrEqual(4.3);
    expect(Math.min(...trough)).toBeGreaterThanOrEqual(4.1);
    expect(median(after)).toBe(4.8);
  });

  it('moves the logistics dimension the most', () => {
    const [b] = scoreHistory(world, addDays(s.start, -1), addDays(s.start, -1));
    const [t] = scoreHistory(world, s.troughFrom, s.troughFrom);
    const drop = (k: 'goods' | 'logistics' | 'service') => b!.dimensions[k].value - t!.dimensions[k].value;
    expect(drop('logistics')).toBeGreaterThan(drop('goods'));
    expect(drop('logistics')).toBeGreaterThan(drop('service'));
    expect(t!.dimensions.logistics.indicators.find((i) => i.node === 201)!.score).toBe(50);
  });

  it('has no story with scenario "none"', () => {
    const calm = createWorld({ now: Date.parse('2026-01-08T12:00:00+08:00'), days: 120, scenario: 'none' });
    expect(calm.scenario.kind).toBe('none');
    expect(calm.scenario.lateOrderIds).toEqual([]);
    const fives = scoreHistory(calm, '2025-11-01', '2025-12-20').map((x) => x.five);
    expect(Math.min(...fives)).toBeGreaterThanOrEqual(4.7);
  });
});
