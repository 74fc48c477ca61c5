import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { KoubeiDb } from '../db';
import { openDb } from '../db';
import type { Order, Review } from '../model';
import { dayStart } from '../model';
import { double11, officialOf, STORE } from '../score-view/testing';
import { scoreOverridesItem } from '../settings';
import { runRebuild } from './aggregates';
import { refreshStore } from './snapshots';

const { all } = double11();
const at = (day: string) => dayStart(day) + 10 * 3_600_000;
let db: KoubeiDb;
let n = 0;

beforeEach(async () => {
  fakeBrowser.reset();
  db = openDb(`snap-${++n}`);
  await db.open();
  await db.reviews.bulkPut(all.filter((r): r is Review => 'reviewId' in r));
  await db.orders.bulkPut(all.filter((r): r is Order => !('reviewId' in r)));
  await db.stores.put({
    key: STORE,
    platform: 'douyin',
    shopId: '7000123',
    firstSeen: at('2026-09-20'),
    lastSeen: at('2026-11-21'),
  });
  await runRebuild(db, () => at('2026-11-21'));
});
afterEach(() => db.close());

const store = () => db.stores.get(STORE).then((s) => s!);

describe('refreshStore', () => {
  it('keeps a snapshot for every day with data, including the days the merchant did not open anything', async () => {
    await db.officialScores.bulkPut([
      officialOf('2026-11-10', 92.5, [100, 100, 94], 100),
      officialOf('2026-11-21', 68.75, [88, 59, 76], 50),
    ]);
    // Five days later, nothing captured since: the window keeps rolling.
    const latest = await refreshStore(db, await store(), at('2026-11-26'));
    const snaps = await db.scoreSnapshots
      .where('[storeKey+date]')
      .between([STORE, ''], [STORE, '\uffff'])
      .toArray();
    const dates = snaps.map((s) => s.date);
    expect(dates[0]).toBe('2026-09-20');
    expect(dates.at(-1)).toBe('2026-11-26');
    expect(dates).toHaveLength(68); // 09-20 … 11-26, no gaps
    expect(snaps.filter((s) => s.official).map((s) => [s.date, s.official!.value])).toEqual([
      ['2026-11-10', 92.5],
      ['2026-11-21', 68.75],
    ]);
    // Only the newest carries the headline; the console's number is five days old, so ours heads it.
    expect(snaps.filter((s) => s.head).map((s) => s.date)).toEqual(['2026-11-26']);
    expect(latest!.head!.headline).toMatchObject({
      source: 'estimate',
      date: '2026-11-26',
      lowCoverage: false,
    });
    // No orders captured after 11-20 while the console counted 900 for its last window: partial.
    expect(latest!.coverage).toMatchObject({ level: 'partial', orders: 820, officialOrders: 900 });
    // The estimate of a skipped day is the window ending that day (records of 10-27 have left by 11-26).
    const e = (d: string) => snaps.find((s) => s.date === d)!.estimate;
    expect(e('2026-11-26').paidOrders).toBeLessThan(e('2026-11-21').paidOrders);
  });

  it('heads with the console’s recent score, its Δ and weights, and names the drop as the most urgent thing', async () => {
    await db.officialScores.bulkPut([
      officialOf('2026-11-14', 92.5, [100, 100, 94], 100),
      officialOf('2026-11-20', 69.75, [88, 63, 76], 50),
      officialOf('2026-11-21', 68.75, [88, 59, 76], 50),
    ]);
    const latest = await refreshStore(db, await store(), at('2026-11-22'));
    const h = latest!.head!;
    expect(h.headline).toMatchObject({
      source: 'official',
      value: 68.75,
      date: '2026-11-21',
      deltas: { vsYesterday: -1, vs7Days: -23.75 },
    });
    expect(h.headline.dims.map((d) => [d.id, d.value, d.weight])).toEqual([
      ['product', 88, 0.5],
      ['logistics', 59, 0.25],
      ['service', 76, 0.25],
    ]);
    // Late shipping in the last week is over twice the 5 % threshold: a critical alert comes first.
    expect(h.urgent).toMatchObject({ kind: 'alert', severity: 'critical', title: '物流延时率偏高' });
    expect(h.alerts).toBeGreaterThan(0);
    expect(latest!.estimate.dims.map((d) => d.weightSource)).toEqual(['official', 'official', 'official']);
  });

  it('applies the merchant’s overrides and ignores invalid ones', async () => {
    await scoreOverridesItem.setValue({
      'douyin.experience': { weights: { product: 0.6, logistics: 0.2, service: 0.2 } },
    });
    let latest = await refreshStore(db, await store(), at('2026-11-22'));
    expect(latest!.estimate.dims.map((d) => [d.weightSource, d.weight])).toEqual([
      ['override', 0.6],
      ['override', 0.2],
      ['override', 0.2],
    ]);
    await scoreOverridesItem.setValue({ 'douyin.experience': { weights: { product: 7 } } } as never);
    latest = await refreshStore(db, await store(), at('2026-11-22'));
    expect(latest!.estimate.dims.map((d) => d.weightSource)).toEqual(['fallback', 'fallback', 'fallback']);
  });
});
