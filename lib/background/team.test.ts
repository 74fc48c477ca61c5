/**
 * The worker side of team delivery (lib/background/team.ts) against the local robot mock: the test
 * button (extension pages only), start-up resuming what a dead worker left, the alarm safety net and
 * the daily digest (once per day and store).
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openDb, type KoubeiDb } from '../db';
import { dayStart } from '../model';
import { MockBitable } from '../team/testing/mock-bitable';
import { MockPlatforms } from '../team/testing/mock-platforms';
import type { OutboxRow, StoredTarget } from '../team/types';

vi.setConfig({ testTimeout: 30_000 }); // the first import (text analyzer, lexicon) is slow on a busy machine
const NOW = dayStart('2026-11-22') + 10 * 3_600_000;
const STORE = 'douyin:7000123';
const ORIGIN = 'chrome-extension://test-extension-id/';
const server = new MockPlatforms([{ platform: 'wecom', token: 'wc-1' }], () => NOW);
const feishu = new MockBitable({ id: 'cli_1', secret: 'app-s' }, () => NOW);
let db: KoubeiDb;

beforeAll(() => Promise.all([server.start(), feishu.start()]));
afterAll(() => Promise.all([server.stop(), feishu.stop()]));
beforeEach(async () => {
  fakeBrowser.reset();
  vi.resetModules(); // one onMessage listener per type and module instance
  server.reset();
  db = openDb(`team-bg-${Math.random()}`);
  await db.open();
  await db.stores.put({
    key: STORE,
    platform: 'douyin',
    shopId: '7000123',
    name: '测试旗舰店',
    firstSeen: NOW,
    lastSeen: NOW,
  });
});
afterEach(() => db.delete());

const target = (): StoredTarget => ({
  ...{ id: 'wc', storeKey: STORE, platform: 'wecom', name: '客服群', secret: '', enabled: true, rev: 1 },
  webhook: server.webhook({ platform: 'wecom', token: 'wc-1' }),
});

async function start() {
  const { teamSettingsItem } = await import('../settings');
  await teamSettingsItem.setValue({ targets: [target()], digest: { enabled: true, time: '09:00' } });
  const { registerTeam, OUTBOX_ALARM, DIGEST_ALARM } = await import('./team');
  const team = registerTeam(db, { now: () => NOW, extensionOrigin: ORIGIN, boardBaseUrl: feishu.origin });
  await team.kick();
  return { team, OUTBOX_ALARM, DIGEST_ALARM };
}

const deliver = (type: string, data: unknown, url: string) =>
  new Promise<{ res?: unknown; err?: { message: string } }>((resolve) => {
    const trigger = fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown>;
    void trigger({ id: 1, type, data, timestamp: NOW }, { url }, resolve);
  });

it('the test button queues one message to that robot; only extension pages may press it', async () => {
  const { team } = await start();
  expect(await deliver('ui-bg/team-test', { targetId: 'wc' }, 'https://fxg.jinritemai.com/')).toMatchObject({
    err: { message: '界面命令只接受来自扩展自身页面' },
  });
  expect(await deliver('ui-bg/team-test', { targetId: 'wc' }, `${ORIGIN}options.html`)).toEqual({
    res: { queued: true },
  });
  await team.kick();
  expect(server.received).toHaveLength(1);
  const content = (server.received[0]!.body.markdown as { content: string }).content;
  expect(content).toContain('测试消息');
  expect(content).toContain('测试旗舰店');
});

it('start-up sends what a dead worker left pending or in flight (lease expired)', async () => {
  const base = {
    targetId: 'wc',
    storeKey: STORE,
    platform: 'wecom',
    attempts: 0,
    createdAt: NOW - 120_000,
  } as const;
  const msg = (ref: string) => ({ kind: 'alert', level: 'warn', title: '预警', lines: ['x'], ref }) as const;
  const rows: OutboxRow[] = [
    {
      ...base,
      key: 'wc|alert|a',
      message: { ...msg('a'), lines: ['x'] },
      state: 'pending',
      nextAt: NOW - 60_000,
    },
    {
      ...base,
      key: 'wc|alert|b',
      message: { ...msg('b'), lines: ['y'] },
      state: 'sending',
      attempts: 1,
      nextAt: NOW - 1,
    },
  ];
  await db.outbox.bulkAdd(rows);
  await start();
  expect(server.received.map((r) => r.ref).sort()).toEqual(['a', 'b']);
  expect((await db.outbox.toArray()).map((r) => r.state)).toEqual(['delivered', 'delivered']);
});

it('a failing platform leaves an alarm to come back; a failed message can be retried from 采集健康', async () => {
  server.faults = { fail5xx: 1 };
  const { team, OUTBOX_ALARM } = await start();
  await deliver('ui-bg/team-test', { targetId: 'wc' }, `${ORIGIN}options.html`);
  await team.kick();
  expect(await fakeBrowser.alarms.get(OUTBOX_ALARM)).toBeDefined();
  const [row] = await db.outbox.toArray();
  expect(row).toMatchObject({ state: 'pending', lastReason: 'HTTP 503' });
  await db.outbox.update(row!.key, { state: 'failed' });
  expect(await deliver('ui-bg/team-retry', { key: row!.key }, `${ORIGIN}sidepanel.html`)).toEqual({
    res: { requeued: 1 },
  });
  await team.kick();
  expect(server.received).toHaveLength(1);
});

it('the daily digest is queued once per store and day, and its alarm is set', async () => {
  const { team, DIGEST_ALARM } = await start();
  expect(await fakeBrowser.alarms.get(DIGEST_ALARM)).toBeDefined();
  await team.queueDigests();
  await team.queueDigests();
  await team.kick();
  expect(server.received).toHaveLength(1);
  const content = (server.received[0]!.body.markdown as { content: string }).content;
  expect(content).toContain('口碑日报');
  expect(content).toContain('待回复中差评** 0 条');
});

it('the board syncs on demand from an extension page; unset settings give a Chinese reason', async () => {
  await start();
  const page = `${ORIGIN}options.html`;
  expect(await deliver('ui-bg/board-sync', undefined, page)).toMatchObject({
    err: { message: '多维表格同步未开启' },
  });
  const { boardSettingsItem } = await import('../settings');
  feishu.addTable('bascnT', 'tblA');
  await boardSettingsItem.setValue({
    ...{ enabled: true, appId: 'cli_1', appSecret: 'app-s', appToken: 'bascnT' },
    tables: { snapshots: '', reviews: '', alerts: 'tblA' },
  });
  await db.alerts.put({
    ...{
      key: 'score_drop|x|1',
      topic: 'score_drop|x',
      kind: 'score_drop',
      severity: 'warn',
      title: '降分',
      detail: 'd',
    },
    ...{ storeKey: STORE, at: NOW, state: 'active', firstAt: NOW, lastAt: NOW },
  });
  expect(await deliver('ui-bg/board-sync', undefined, page)).toMatchObject({
    res: { alerts: { created: 1, updated: 0 } },
  });
  expect(await deliver('ui-bg/board-sync', undefined, page)).toMatchObject({
    res: { alerts: { created: 0, updated: 1 } },
  });
  expect(feishu.tables.get('bascnT/tblA')!.records).toHaveLength(1);
});

it('the monthly report goes to the store’s robots once per month, built from the records', async () => {
  const { team } = await start();
  await db.reviews.put({
    key: `${STORE}|r1`,
    storeKey: STORE,
    platform: 'douyin',
    reviewId: 'r1',
    productName: '加厚卫衣',
    createdAt: NOW - 3 * 86_400_000,
    star: 1,
    polarity: 'bad',
    text: '物流太慢了，等了一个星期',
    appends: [],
    images: 0,
    videos: 0,
    replied: true,
    replyAt: NOW - 3 * 86_400_000 + 3_600_000,
    source: 'api',
    capturedAt: NOW,
    updatedAt: NOW,
  });
  const page = `${ORIGIN}sidepanel.html`;
  expect(await deliver('ui-bg/team-report', { storeKey: STORE, month: '2026-13' }, page)).toMatchObject({
    err: { message: '月度报告的参数无效' },
  });
  expect(
    await deliver('ui-bg/team-report', { storeKey: STORE, month: '2026-11' }, 'https://fxg.jinritemai.com/'),
  ).toMatchObject({ err: { message: '界面命令只接受来自扩展自身页面' } });
  expect(await deliver('ui-bg/team-report', { storeKey: STORE, month: '2026-11' }, page)).toEqual({
    res: { queued: 1, targets: 1 },
  });
  await team.kick();
  expect(server.received).toHaveLength(1);
  const content = (server.received[0]!.body.markdown as { content: string }).content;
  expect(content).toContain('【口碑月报】2026-11');
  expect(content).toContain('测试旗舰店');
  expect(content).toMatch(/差评\*\* 1 条（上月 0 条）：物流 1/);
  // A second click for the same month queues nothing (the outbox key is per store and month).
  expect(await deliver('ui-bg/team-report', { storeKey: STORE, month: '2026-11' }, page)).toEqual({
    res: { queued: 0, targets: 1 },
  });
});
