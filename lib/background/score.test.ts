import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { KoubeiDb } from '../db';
import { openDb } from '../db';
import type { Order, Review } from '../model';
import { dayKey, dayStart } from '../model';
import { double11, STORE } from '../score-view/testing';

vi.setConfig({ testTimeout: 30_000 });
const NOW = dayStart('2026-11-22') + 10 * 3_600_000;
const { all } = double11();
let db: KoubeiDb;

beforeEach(async () => {
  fakeBrowser.reset();
  vi.resetModules(); // one onMessage listener per type and module instance
  db = openDb(`score-${Math.random()}`);
  await db.open();
  await db.reviews.bulkPut(all.filter((r): r is Review => 'reviewId' in r));
  await db.orders.bulkPut(all.filter((r): r is Order => !('reviewId' in r)));
  await db.stores.put({ key: STORE, platform: 'douyin', shopId: '7000123', firstSeen: NOW, lastSeen: NOW });
});
afterEach(async () => {
  await db.delete();
});

async function start() {
  const { registerScore, SCORE_ALARM } = await import('./score');
  const score = registerScore(db, {
    now: () => NOW,
    extensionOrigin: 'chrome-extension://test-extension-id/',
  });
  const { readStatus } = await import('./aggregates');
  await vi.waitFor(async () => expect((await readStatus(db))?.status).toBe('ready'), { timeout: 20_000 });
  await score.idle();
  return { score, SCORE_ALARM };
}

it('at start-up rebuilds the aggregates from stored records, snapshots every store and sets the alarm', async () => {
  const { SCORE_ALARM } = await start();
  expect(await db.aggregates.count()).toBeGreaterThan(60);
  const latest = await db.scoreSnapshots.get(`${STORE}|${dayKey(NOW)}`);
  expect(latest?.head?.headline.source).toBe('estimate');
  expect(await fakeBrowser.alarms.get(SCORE_ALARM)).toMatchObject({ periodInMinutes: 30 });
});

it('a worker that wakes up with fresh snapshots does not recompute them; a capture does', async () => {
  await start();
  const taken = (await db.scoreSnapshots.get(`${STORE}|${dayKey(NOW)}`))!.takenAt;
  vi.resetModules();
  fakeBrowser.reset();
  const { score } = await start(); // the worker restarts
  expect((await db.scoreSnapshots.get(`${STORE}|${dayKey(NOW)}`))!.takenAt).toBe(taken);
  const put = vi.spyOn(db.scoreSnapshots, 'bulkPut');
  score.afterIngest(STORE);
  score.afterIngest(STORE); // a burst of batches: one refresh
  await score.idle();
  expect(put).toHaveBeenCalledTimes(1);
});

it('refreshes once a burst of captures settles, and at least every few seconds while it goes on', async () => {
  const { REFRESH_MAX_WAIT_MS } = await import('./score');
  const { score } = await start();
  const put = vi.spyOn(db.scoreSnapshots, 'bulkPut');
  // A batch every 200 ms for the longest wait plus a second: the burst never settles. Refreshing every
  // second (the old throttle) would make six refreshes; a stalled event loop may add one.
  const t0 = performance.now();
  while (performance.now() - t0 < REFRESH_MAX_WAIT_MS + 1000) {
    score.afterIngest(STORE);
    await new Promise((r) => setTimeout(r, 200));
  }
  const during = put.mock.calls.length;
  expect(during).toBeGreaterThanOrEqual(1);
  expect(during).toBeLessThanOrEqual(2);
  // …and once more when it settles.
  await score.idle();
  expect(put.mock.calls.length).toBe(during + 1);
}, 20_000);

/** Delivers a message as Chrome would, from a sender at `url` (fake-browser has no runtime round trip). */
const deliver = (type: string, data: unknown, url: string) =>
  new Promise<{ res?: unknown; err?: { message: string } }>((resolve) => {
    // Chrome passes sendResponse as a third argument; the fake's typing knows only two.
    const trigger = fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown>;
    void trigger({ id: 1, type, data, timestamp: NOW }, { url }, resolve);
  });

it('takes UI commands from extension pages only', async () => {
  const { score } = await start();
  const key = `unanswered_negative|${STORE}|1`;
  const page = 'chrome-extension://test-extension-id/sidepanel.html?tab=alerts';
  expect(
    await deliver(
      'ui-bg/snooze-alert',
      { key, hours: 24 },
      'https://fxg.jinritemai.com/ffa/maftersale/comment',
    ),
  ).toMatchObject({
    err: { message: '界面命令只接受来自扩展自身页面' },
  });
  expect(await deliver('ui-bg/snooze-alert', { key, hours: -1 }, page)).toMatchObject({
    err: { message: '暂停提醒的参数无效' },
  });
  expect(await deliver('ui-bg/snooze-alert', { key, hours: 24 }, page)).toEqual({});
  const { alertSnoozesItem } = await import('../settings');
  expect(await alertSnoozesItem.getValue()).toEqual([{ key, until: expect.any(Number) }]);
  expect(await deliver('ui-bg/rebuild-aggregates', undefined, 'https://evil.example/')).toMatchObject({
    err: {},
  });
  await score.idle(); // the snooze's watcher recomputes the headline
});
