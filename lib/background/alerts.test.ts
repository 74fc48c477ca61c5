import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { KoubeiDb } from '../db';
import { openDb } from '../db';
import type { Review } from '../model';
import { addDays, dayStart } from '../model';
import type { Alert } from '../scoring/alert-types';
import { AlertSettings } from '../scoring/alert-types';
import { makeReview } from '../scoring/synthetic';
import { alertSettingsItem, alertSnoozesItem, teamSettingsItem } from '../settings';
import { applyPairs, runRebuild } from './aggregates';
import { paintAlertBadge, snooze } from './alert-signals';
import { clusterFacts, evaluateStore, persist } from './alerts';

const S = 'douyin:7000123';
const TODAY = '2026-11-22';
const NOW = dayStart(TODAY) + 15 * 3_600_000;
const H = 3_600_000;
let db: KoubeiDb;
let n = 0;
beforeEach(async () => {
  fakeBrowser.reset();
  db = openDb(`alerts-${++n}`);
  await db.open();
});
afterEach(() => db.close());

const alert = (key: string, over: Partial<Alert> = {}): Alert => ({
  key,
  topic: key.split('|').slice(0, 2).join('|'),
  kind: 'logistics_delay',
  severity: 'warn',
  title: '物流延时率偏高',
  detail: '近 7 天发货超时 12.0%',
  storeKey: S,
  at: NOW,
  ...over,
});

/** Unreplied 1★ logistics complaints, `hoursAgo` before NOW. */
const complaints = (hoursAgo: number[]): Review[] =>
  hoursAgo.map((h, i) =>
    makeReview({
      storeKey: S,
      reviewId: `73500000000${i}`,
      createdAt: NOW - h * H,
      star: 1,
      starProduct: 1,
      starLogistics: 1,
      text: ['物流太慢了，等了一周', '快递一直不动，物流太慢', '发货太慢了，物流慢'][i % 3]!,
    }),
  );

async function clearNotifications(): Promise<void> {
  for (const id of Object.keys(await fakeBrowser.notifications.getAll()))
    await fakeBrowser.notifications.clear(id);
}

async function seed(reviews: Review[]): Promise<void> {
  await runRebuild(db, () => NOW);
  await db.reviews.bulkPut(reviews);
  await db.transaction('rw', ['aggregates', 'scoreMarks', 'meta'], () =>
    applyPairs(
      db,
      reviews.map((r) => [undefined, r] as const),
    ),
  );
}
const input = async () => ({
  storeKey: S,
  now: NOW,
  today: TODAY,
  rows: (await db.aggregates.toArray()) as never,
  scaleMax: 100,
});

describe('persist', () => {
  it('stores a condition once, keeps its first time, resolves it when it stops holding', async () => {
    const a = alert(`logistics_delay|${S}|${TODAY}`);
    expect((await persist(db, S, [a], NOW)).map((x) => x.key)).toEqual([a.key]);
    expect(await persist(db, S, [{ ...a, at: NOW + H, detail: '近 7 天发货超时 14.0%' }], NOW + H)).toEqual(
      [],
    );
    expect(await db.alerts.get(a.key)).toMatchObject({
      state: 'active',
      firstAt: NOW,
      lastAt: NOW + H,
      at: NOW,
      detail: '近 7 天发货超时 14.0%',
    });
    await persist(db, S, [], NOW + 2 * H);
    expect(await db.alerts.get(a.key)).toMatchObject({ state: 'resolved', lastAt: NOW + 2 * H });
    // It comes back within its period: active again, still not new (no second notification).
    expect(await persist(db, S, [a], NOW + 3 * H)).toEqual([]);
    expect((await db.alerts.get(a.key))!.state).toBe('active');
    expect(await db.alerts.count()).toBe(1);
    // The next day the same delay is still there: the same condition, not a new alert.
    const nextDay = alert(`logistics_delay|${S}|2026-11-23`);
    expect(await persist(db, S, [nextDay], NOW + 24 * H)).toEqual([]);
    expect((await db.alerts.toArray()).map((r) => [r.key, r.firstAt])).toEqual([[nextDay.key, NOW]]);
  });

  it('a topic cluster whose reviews change is the same condition while it stays active', async () => {
    const cluster = (hash: string, count: number) =>
      alert(`topic_cluster|${S}|物流慢|${hash}`, {
        kind: 'topic_cluster',
        title: '差评集中：物流慢',
        detail: `7 天内 ${count} 条差评提到「物流慢」`,
      });
    expect(await persist(db, S, [cluster('0a1b2c3d', 3)], NOW)).toHaveLength(1);
    // Older reviews were captured (the walk): the first three changed, the hash too.
    expect(await persist(db, S, [cluster('9f8e7d6c', 22)], NOW + H)).toEqual([]);
    const rows = await db.alerts.toArray();
    expect(rows.map((r) => [r.key.split('|').pop(), r.state, r.firstAt, r.detail])).toEqual([
      ['9f8e7d6c', 'active', NOW, '7 天内 22 条差评提到「物流慢」'],
    ]);
    // Another topic is another condition.
    const other = alert(`topic_cluster|${S}|起球|11112222`, { kind: 'topic_cluster' });
    expect(await persist(db, S, [cluster('9f8e7d6c', 22), other], NOW + 2 * H)).toHaveLength(1);
  });
});

describe('evaluateStore', () => {
  it('notifies each new condition once, and the badge shows what is active', async () => {
    await seed(complaints([5, 20, 30]));
    const first = await evaluateStore(db, await input());
    const kinds = first.map((a) => a.kind).sort();
    // Three unreplied 1★ reviews older than 4 hours, and three on 物流 within 7 days (a cluster).
    expect(kinds).toEqual([
      'topic_cluster',
      'unanswered_negative',
      'unanswered_negative',
      'unanswered_negative',
    ]);
    // Four new alerts at once make one summary notification.
    const shown = Object.keys(await fakeBrowser.notifications.getAll());
    expect(shown).toHaveLength(1);
    expect((await db.alerts.toArray()).every((a) => a.notifiedAt === NOW)).toBe(true);
    const setIcon = vi.spyOn(fakeBrowser.action, 'setIcon').mockResolvedValue(undefined);
    expect(await paintAlertBadge(db, NOW)).toBe(4);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!4');
    // The toolbar icon's 有预警 state (public/icon/alert-*.png) while alerts are active.
    expect(setIcon).toHaveBeenLastCalledWith({ path: expect.objectContaining({ 16: '/icon/alert-16.png' }) });
    // Painting the same state again sets nothing but what a capture badge may have replaced (issue #15).
    const icons = setIcon.mock.calls.length;
    await fakeBrowser.action.setBadgeText({ text: '20' }); // the capture badge (badge.ts)
    expect(await paintAlertBadge(db, NOW)).toBe(4);
    expect(setIcon).toHaveBeenCalledTimes(icons);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!4');
    await db.alerts.clear();
    await paintAlertBadge(db, NOW);
    expect(setIcon).toHaveBeenLastCalledWith({ path: expect.objectContaining({ 16: '/icon/16.png' }) });
    await evaluateStore(db, await input());
    await clearNotifications();
    const again = await evaluateStore(db, await input());
    expect(again.map((a) => a.key).sort()).toEqual(first.map((a) => a.key).sort());
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toHaveLength(0);
  });

  it('a snoozed condition neither notifies nor counts; thresholds come from the settings', async () => {
    await seed(complaints([5, 20, 30]));
    await alertSettingsItem.setValue({ disabled: ['unanswered_negative'] });
    const [cluster] = await evaluateStore(db, await input());
    expect(cluster).toMatchObject({ kind: 'topic_cluster' });
    await db.alerts.clear();
    await clearNotifications();
    await snooze(cluster!.topic, 24, NOW);
    expect(await alertSnoozesItem.getValue()).toEqual([{ key: cluster!.topic, until: NOW + 24 * H }]);
    expect(await evaluateStore(db, await input())).toEqual([]);
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toHaveLength(0);
    expect((await db.alerts.toArray()).map((a) => [a.kind, a.notifiedAt])).toEqual([
      ['topic_cluster', undefined],
    ]);
    expect(await paintAlertBadge(db, NOW)).toBe(0);
    // A day later the snooze has run out: the condition shows again (still without a second notification).
    expect(await paintAlertBadge(db, NOW + 25 * H)).toBe(1);
  });
});

describe('evaluateStore → robot outbox (issue #14)', () => {
  it('queues each new alert once per enabled target of the store, in the alert transaction', async () => {
    await seed(complaints([5, 20, 30]));
    const target = { storeKey: S, platform: 'wecom' as const, name: '客服群', secret: '', rev: 1 };
    const webhook = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k';
    await teamSettingsItem.setValue({
      targets: [
        { ...target, id: 'on', webhook, enabled: true },
        { ...target, id: 'off', webhook, enabled: false },
        { ...target, id: 'other', webhook, enabled: true, storeKey: 'pdd:1' },
      ],
      digest: { enabled: false, time: '09:00' },
    });
    const first = await evaluateStore(db, await input());
    const rows = await db.outbox.toArray();
    expect(rows.map((r) => r.key).sort()).toEqual(first.map((a) => `on|alert|${a.key}`).sort());
    expect(rows.every((r) => r.state === 'pending' && r.message.title.startsWith('【口碑预警】'))).toBe(true);
    // The same conditions on the next run are not new: nothing more is queued.
    await evaluateStore(db, await input());
    expect(await db.outbox.count()).toBe(rows.length);
  });
});

describe('clusterFacts', () => {
  const settings = AlertSettings.parse({});
  it.each([
    ['three 物流 complaints in a week', [5, 50, 100], 1],
    ['two are not a cluster', [5, 50], 0],
    ['the third is older than 7 days', [5, 50, 24 * 8], 0],
  ])('%s', (_n, hours, clusters) => {
    const facts = clusterFacts(complaints(hours), NOW, settings);
    expect(facts).toHaveLength(clusters);
    if (clusters)
      expect(facts[0]).toMatchObject({ count: 3, reviewKeys: expect.arrayContaining([`${S}|735000000000`]) });
  });

  it('ignores praise and old reviews', () => {
    const praise = makeReview({
      storeKey: S,
      reviewId: '9',
      createdAt: NOW - H,
      star: 5,
      text: '物流很快，质量很好',
    });
    expect(clusterFacts([praise, ...complaints([5, 50])], NOW, settings)).toEqual([]);
    expect(addDays(TODAY, -7)).toBe('2026-11-15');
  });
});
