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
import { MockPlatforms } from '../lib/team/testing/mock-platforms';
import { expect, test } from './fixtures';
import { allRows } from './idb';

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
  expect(mock.received.filter((r) => JSON.stringify(r.body).includes('口碑预警'))).toHaveLength(active);

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
