/**
 * Team robots end to end (issue #14) with the built extension: a 企业微信 and a 飞书 target configured in
 * options → 团队协作 against a local mock of the platforms (lib/team/testing/mock-platforms.ts); the
 * test button and alerts raised from the demo 抖店 console arrive exactly once; a wrong 飞书 secret gives
 * the platform's error and a Chinese fix in 采集健康, and is not retried.
 *
 * Headless Chromium cannot accept the optional-host-permission prompt, so the options page's
 * `chrome.permissions.request` is recorded (the origin asked for is checked) and the mock answers with
 * CORS headers so the worker's fetch succeeds without the grant.
 */
import type { Page } from '@playwright/test';
import { createDemoHandler, routeDemo } from '../demo/server';
import { MockBitable } from '../lib/team/testing/mock-bitable';
import { MockPlatforms } from '../lib/team/testing/mock-platforms';
import { expect, test } from './fixtures';
import { TEST_NOW } from './clock';
import { allRows, countRows, putRows } from './idb';

const mock = new MockPlatforms(
  [
    { platform: 'wecom', token: 'wc-e2e' },
    { platform: 'feishu', token: 'fs-e2e', secret: 'right-secret' },
  ],
  Date.now,
  true,
);
test.beforeAll(() => mock.start());
test.afterAll(() => mock.stop());

/** Records what the options page asks `chrome.permissions.request` for, and grants it. */
async function recordPermissionRequests(page: Page) {
  await page.evaluate(() => {
    const asked: string[][] = [];
    (globalThis as unknown as { __asked: string[][] }).__asked = asked;
    chrome.permissions.request = (async (p: chrome.permissions.Permissions) => {
      asked.push(p.origins ?? []);
      return true;
    }) as typeof chrome.permissions.request;
  });
  return () => page.evaluate(() => (globalThis as unknown as { __asked: string[][] }).__asked);
}

async function addTarget(page: Page, platform: string, webhook: string, secret = '') {
  const team = page.getByTestId('team-settings');
  const form = team.getByTestId('target-form');
  await form.getByRole('combobox', { name: '平台' }).selectOption(platform);
  await form.getByRole('textbox', { name: '名称' }).fill(`${platform} 群`);
  await form.getByRole('textbox', { name: 'Webhook 地址' }).fill(webhook);
  if (secret) await form.getByLabel('签名密钥').fill(secret);
  await form.getByRole('button', { name: '保存', exact: true }).click();
  await expect(team.getByTestId('team-note')).toContainText('已保存并获得 http://127.0.0.1/*');
}

test('robots: test message and console alerts arrive once; a wrong secret is a clear Chinese error, not retried', async ({
  context,
  extPage,
  sw,
}) => {
  test.setTimeout(120_000);
  // The demo world ends now (the extension's own clock decides which negatives are unanswered for 4 h).
  await routeDemo(context, createDemoHandler({ seed: 7, now: Date.now() }));
  // 1. The demo 抖店 console is captured: the store exists (alerts raised now predate any robot).
  const consolePage = await context.newPage();
  await consolePage.goto('https://fxg.jinritemai.com/ffa/maftersale/comment');
  await consolePage.getByRole('tab', { name: '差评' }).click();
  const worker = await sw();
  await expect.poll(async () => (await allRows(worker, 'stores')).length, { timeout: 20_000 }).toBe(1);

  // 2. Options → 团队协作: a 企业微信 robot; the permission asked for is the webhook's origin only.
  const options = await extPage('options.html#team');
  const asked = await recordPermissionRequests(options);
  await addTarget(options, 'wecom', mock.webhook({ platform: 'wecom', token: 'wc-e2e' }));
  expect(await asked()).toEqual([['http://127.0.0.1/*']]);

  // 3. The test button: one message, once.
  await options.getByTestId('team-settings').getByRole('button', { name: '发送测试消息' }).click();
  await expect.poll(() => mock.received.length, { timeout: 10_000 }).toBe(1);
  expect(JSON.stringify(mock.received[0]!.body)).toContain('测试消息');

  // 4. Alerts from the console's data: forget the alerts already raised and re-evaluate, as a new
  //    capture would; each new alert reaches the group exactly once.
  await worker.evaluate(`(async () => {
    const open = indexedDB.open('koubei');
    const db = await new Promise((res) => { open.onsuccess = () => res(open.result); });
    await new Promise((res) => { const tx = db.transaction('alerts', 'readwrite'); tx.objectStore('alerts').clear(); tx.oncomplete = res; });
    db.close();
  })()`);
  const started = Date.now();
  await options.evaluate(() =>
    chrome.runtime.sendMessage({ id: 1, type: 'ui-bg/score-refresh', data: {}, timestamp: Date.now() }),
  );
  await expect
    .poll(
      async () =>
        (await allRows<{ state: string }>(worker, 'alerts')).filter((a) => a.state === 'active').length,
      {
        timeout: 20_000,
      },
    )
    .toBeGreaterThan(0);
  const active = (await allRows<{ state: string }>(worker, 'alerts')).filter(
    (a) => a.state === 'active',
  ).length;
  await expect.poll(() => mock.received.length, { timeout: 20_000 }).toBe(1 + active);
  const last = Math.max(...mock.received.map((r) => r.at));
  console.log(
    `[figures] ${active} alert(s) reached the mock 企业微信 robot ${last - started} ms after the re-evaluation was asked`,
  );
  await new Promise((r) => setTimeout(r, 2_000));
  const refs = mock.received.map((r) => r.ref);
  expect(new Set(refs).size).toBe(refs.length); // no duplicates
  const alerts = mock.received.filter((r) => JSON.stringify(r.body).includes('口碑预警'));
  expect(alerts).toHaveLength(active);
  // Each alert links the 抖店 console page to act on it (a markdown link on 企业微信).
  for (const a of alerts)
    expect((a.body.markdown as { content: string }).content).toMatch(
      /\[打开[^\]]+\]\(https:\/\/fxg\.jinritemai\.com\/ffa\/[^)]+\)$/,
    );

  // 5. A 飞书 robot with the wrong secret: the platform's own error and what to do, and no retry.
  await addTarget(options, 'feishu', mock.webhook({ platform: 'feishu', token: 'fs-e2e' }), 'wrong-secret');
  const before = mock.requests;
  await options
    .getByTestId('team-settings')
    .locator('tr', { hasText: 'feishu 群' })
    .getByRole('button', { name: '发送测试消息' })
    .click();
  await expect.poll(() => mock.requests, { timeout: 10_000 }).toBe(before + 1);
  const panel = await extPage('sidepanel.html?tab=health');
  const failed = panel.getByTestId('team-health').locator('[data-state="failed"]');
  await expect(failed.getByTestId('platform-error')).toContainText('19021 sign match fail');
  await expect(failed.getByTestId('team-hint')).toContainText('签名校验失败');
  await new Promise((r) => setTimeout(r, 3_000));
  expect(mock.requests).toBe(before + 1);
});

/** Re-pins the extension's clock (frozen) from an extension page: works while the worker is stopped. */
async function setClock(page: Page, at: number): Promise<void> {
  await page.evaluate(
    async (pin) => {
      await chrome.storage.local.set({ clock: pin });
      await new Promise((r) => setTimeout(r, 100));
    },
    { at, frozen: true, setAt: Date.now() },
  );
}

/** Wakes the worker and makes it run the outbox (a retry of no row still kicks the delivery loop). */
const kick = (page: Page) =>
  page.evaluate(() =>
    chrome.runtime.sendMessage({ id: 1, type: 'ui-bg/team-retry', data: { key: '-' }, timestamp: 0 }),
  );

interface Row {
  key: string;
  state: string;
  platform: string;
  attempts: number;
  message: { ref: string; title: string };
}

test('钉钉 signed markdown; a worker killed mid-send; the platform unreachable then back; the monthly report', async ({
  context,
  extPage,
  extensionId,
}) => {
  test.setTimeout(180_000);
  // The platforms' clock is the extension's pinned one, so 钉钉's signature window is checked against it.
  let at = TEST_NOW;
  const robots = new MockPlatforms(
    [
      { platform: 'dingtalk', token: 'dt-e2e', secret: 'SECe2e-right' },
      { platform: 'wecom', token: 'wc-kill' },
    ],
    () => at,
    true,
  );
  await robots.start();
  try {
    const options = await extPage('options.html');
    await expect.poll(async () => Object.keys(await countRows(options)).length).toBeGreaterThan(5);
    const storeKey = 'douyin:7000999';
    await putRows(options, 'stores', [
      {
        key: storeKey,
        platform: 'douyin',
        shopId: '7000999',
        name: '团队测试店',
        firstSeen: at,
        lastSeen: at,
      },
    ]);
    // A 差评 of this month for the report.
    await putRows(options, 'reviews', [
      {
        key: `${storeKey}|r1`,
        storeKey,
        platform: 'douyin',
        reviewId: 'r1',
        productName: '加厚卫衣',
        createdAt: at - 2 * 3_600_000,
        star: 1,
        polarity: 'bad',
        text: '物流太慢了，等了一个星期',
        appends: [],
        images: 0,
        videos: 0,
        replied: false,
        source: 'api',
        capturedAt: at,
        updatedAt: at,
      },
    ]);
    // A fresh load: raw IndexedDB writes do not reach the page's open live queries.
    await options.goto(`chrome-extension://${extensionId}/options.html#team`);
    await options.reload();
    await recordPermissionRequests(options);
    const team = options.getByTestId('team-settings');
    const testButton = (name: string) =>
      team.locator('tr', { hasText: name }).getByRole('button', { name: '发送测试消息' });

    const pickStore = () =>
      team.getByTestId('target-form').getByRole('combobox', { name: '店铺' }).selectOption(storeKey);

    // 1. 钉钉 with 加签: the mock checks timestamp + sign and the markdown schema.
    await pickStore();
    await addTarget(
      options,
      'dingtalk',
      robots.webhook({ platform: 'dingtalk', token: 'dt-e2e' }),
      'SECe2e-right',
    );
    await testButton('dingtalk 群').click();
    await expect.poll(() => robots.received.length, { timeout: 10_000 }).toBe(1);
    const dt = robots.received[0]!;
    expect(dt.platform).toBe('dingtalk');
    expect(dt.body.msgtype).toBe('markdown');
    const md = dt.body.markdown as { title: string; text: string };
    expect(md.title).toContain('测试消息');
    expect(md.text).toContain('团队测试店');
    expect(md.text).toMatch(/口碑助手 · 编号 \w+/);

    // 2. The monthly report from the side panel reaches the 钉钉 group, once per month.
    const month = new Date(at + 8 * 3_600_000).toISOString().slice(0, 7);
    const panel = await extPage('sidepanel.html?tab=boards&board=monthly');
    await panel.getByLabel('报告月份').fill(month);
    await expect(panel.getByTestId('monthly-report')).toHaveAttribute('data-month', month);
    await panel.getByRole('button', { name: '发送到群' }).click();
    await expect(panel.getByTestId('report-note')).toContainText('已排队发送到 1 个群机器人');
    await expect.poll(() => robots.received.length, { timeout: 10_000 }).toBe(2);
    const report = robots.received[1]!.body.markdown as { title: string; text: string };
    expect(report.title).toBe(`【口碑月报】${month}`);
    expect(report.text).toMatch(/差评\*\* 1 条（上月 0 条）：物流 1/);
    await panel.getByRole('button', { name: '发送到群' }).click();
    await expect(panel.getByTestId('report-note')).toContainText('这个月的报告已经发送过');

    // 3. The platform unreachable (its server down: connection refused), then back on the same address:
    //    the message waits with backoff and arrives once.
    const port = robots.port;
    await robots.stop();
    at += 1_000;
    await setClock(options, at);
    await testButton('dingtalk 群').click();
    const pendingDt = async () =>
      (await allRows<Row>(options, 'outbox')).filter(
        (r) => r.platform === 'dingtalk' && r.state === 'pending' && r.attempts >= 1,
      );
    await expect.poll(async () => (await pendingDt()).length, { timeout: 15_000 }).toBe(1);
    await robots.start(port);
    at += 5 * 60_000; // past the first backoff
    await setClock(options, at);
    await kick(options);
    await expect.poll(() => robots.received.length, { timeout: 15_000 }).toBe(3);
    expect(robots.received[2]!.platform).toBe('dingtalk');

    // 4. A worker killed while it sends: 4 messages queued to a slow 企业微信 robot, the worker stopped
    //    (CDP) with one in flight, then woken. Nothing is lost; only the message in flight may arrive
    //    twice, with the same 编号 (docs/team.md "Exactly once, and its limit").
    await pickStore();
    await addTarget(options, 'wecom', robots.webhook({ platform: 'wecom', token: 'wc-kill' }));
    robots.faults = { slowMs: 2_500 };
    for (let i = 0; i < 4; i++) {
      at += 1_000;
      await setClock(options, at);
      await testButton('wecom 群').click();
    }
    const wc = async () => (await allRows<Row>(options, 'outbox')).filter((r) => r.platform === 'wecom');
    await expect
      .poll(async () => (await wc()).filter((r) => r.state === 'sending').length, { timeout: 15_000 })
      .toBe(1);
    const inFlight = (await wc()).find((r) => r.state === 'sending')!.message.ref;
    const cdp = await context.newCDPSession(options);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    robots.faults = {};
    await kick(options); // wakes a new worker: start-up resumes the pending rows
    at += 2 * 60_000; // the dead worker's lease (60 s) has expired
    await setClock(options, at);
    await kick(options);
    await expect
      .poll(async () => (await wc()).every((r) => r.state === 'delivered'), { timeout: 30_000 })
      .toBe(true);
    const refs = (await wc()).map((r) => r.message.ref).sort();
    expect(refs).toHaveLength(4);
    const got = robots.received.filter((r) => r.token === 'wc-kill').map((r) => r.ref!);
    expect([...new Set(got)].sort()).toEqual(refs); // 0 lost
    const twice = refs.filter((ref) => got.filter((g) => g === ref).length > 1);
    expect(twice.every((ref) => ref === inFlight)).toBe(true); // duplicated: at most the one in flight
    console.log(
      `[figures] worker killed mid-send: 4 messages, ${got.length} deliveries, duplicated: ${twice.length}`,
    );
  } finally {
    await robots.stop();
  }
});

test('多维表格: two syncs from options keep one row per record in the mock 飞书 tables', async ({
  context,
  extPage,
  extensionId,
}) => {
  test.setTimeout(120_000);
  const bitable = new MockBitable({ id: 'cli_e2e', secret: 'app-secret-e2e' }, Date.now);
  bitable.addTable('bascnE2E', 'tblReviews');
  bitable.addTable('bascnE2E', 'tblAlerts');
  await bitable.start();
  // https://open.feishu.cn is answered by the local mock (with CORS headers: headless Chromium cannot
  // grant the optional host permission); nothing reaches the real network.
  const seen: string[] = [];
  await context.route('https://open.feishu.cn/**', async (route) => {
    const req = route.request();
    if (req.method() === 'OPTIONS')
      return route.fulfill({
        status: 204,
        headers: {
          'access-control-allow-origin': '*',
          'access-control-allow-headers': 'authorization, content-type',
          'access-control-allow-methods': 'GET, POST, PUT',
        },
      });
    const url = new URL(req.url());
    seen.push(url.pathname);
    const res = await route.fetch({ url: `${bitable.origin}${url.pathname}${url.search}` });
    await route.fulfill({ response: res, headers: { ...res.headers(), 'access-control-allow-origin': '*' } });
  });
  try {
    const options = await extPage('options.html');
    await expect.poll(async () => Object.keys(await countRows(options)).length).toBeGreaterThan(5);
    const storeKey = 'douyin:7000888';
    await putRows(options, 'stores', [
      {
        key: storeKey,
        platform: 'douyin',
        shopId: '7000888',
        name: '表格测试店',
        firstSeen: TEST_NOW,
        lastSeen: TEST_NOW,
      },
    ]);
    await putRows(
      options,
      'reviews',
      ['物流太慢了', '质量很差，起球', '客服不理人'].map((text, i) => ({
        key: `${storeKey}|b${i}`,
        storeKey,
        platform: 'douyin',
        reviewId: `b${i}`,
        createdAt: TEST_NOW - (i + 1) * 3_600_000,
        star: 1,
        polarity: 'bad',
        text,
        buyerNick: 'a***',
        appends: [],
        images: 0,
        videos: 0,
        replied: false,
        source: 'api',
        capturedAt: TEST_NOW,
        updatedAt: TEST_NOW,
      })),
    );
    await options.goto(`chrome-extension://${extensionId}/options.html#team`);
    await options.reload();
    await recordPermissionRequests(options);
    const board = options.getByTestId('board-settings');
    await board.getByRole('checkbox').check();
    await board.getByLabel('App ID').fill('cli_e2e');
    await board.getByLabel('App Secret').fill('app-secret-e2e');
    await board.getByLabel('app_token').fill('bascnE2E');
    await board.getByLabel('差评', { exact: true }).fill('tblReviews');
    await board.getByLabel('预警', { exact: true }).fill('tblAlerts');
    await board.getByRole('button', { name: '保存' }).click();
    await expect(board.getByRole('status')).toContainText('已保存');

    await board.getByRole('button', { name: '立即同步' }).click();
    await expect(board.getByRole('status')).toContainText('差评 新增 3、更新 0', { timeout: 30_000 });
    await board.getByRole('button', { name: '立即同步' }).click();
    await expect(board.getByRole('status')).toContainText('差评 新增 0、更新 3', { timeout: 30_000 });
    const reviews = bitable.tables.get('bascnE2E/tblReviews')!;
    expect(reviews.records).toHaveLength(3); // updated in place, never duplicated
    expect(reviews.fields.map((f) => f.field_name)).toEqual(
      expect.arrayContaining(['记录键', '店铺', '星级', '内容', '问题类别', '回复状态']),
    );
    expect(JSON.stringify(reviews.records)).not.toContain('a***'); // no buyer fields
    expect(seen.some((p) => p.endsWith('/tenant_access_token/internal'))).toBe(true);
  } finally {
    await bitable.stop();
  }
});
