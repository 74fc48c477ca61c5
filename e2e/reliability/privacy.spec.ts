/**
 * Privacy in Chromium (issue #8). The demo 抖店 console serves buyers' 收件人/手机/地址 with its orders
 * (`receiverOf(order)`), and here also unmasked nicknames on some reviews. After browsing reviews,
 * orders and the score page, opening the popup and side panel and exporting every kind (each CSV, the
 * XLSX, the JSON backup), no stored row and no exported byte holds any of it. Every request of the
 * context is recorded: the extension (service worker, its pages) requests nothing on the network, and
 * the console page talks only to its own console host.
 */
import { readFileSync } from 'node:fs';
import type { Page, Request } from '@playwright/test';
import { receiverOf } from '../../demo/generator/people';
import { expect, test } from '../fixtures';
import { BASE, COMMENTS, allRows, reader } from './support';

interface Seen {
  url: string;
  sw: boolean;
  frame: string;
}
const frameOf = (r: Request): string => {
  try {
    return r.frame().url();
  } catch {
    return '';
  }
};

test('buyer personal data reaches no table and no export; nothing leaves but the console’s own calls', async ({
  context,
  demo,
  extensionId,
  extPage,
  sw,
}) => {
  test.setTimeout(150_000);
  const requests: Seen[] = [];
  context.on('request', (r) =>
    requests.push({ url: r.url(), sw: r.serviceWorker() !== null, frame: frameOf(r) }),
  );
  // Control: a request the worker makes is seen (and marked as the worker's) by this recorder.
  const PROBE = 'https://koubei-probe.invalid/recorder-check';
  await (
    await sw()
  ).evaluate(
    (u) =>
      fetch(u).then(
        () => 0,
        () => 0,
      ),
    PROBE,
  );
  await expect.poll(() => requests.some((r) => r.url === PROBE && r.sw)).toBe(true);
  // Some reviews arrive with the buyer's full nickname (the console should have masked it).
  const nicknames = new Set<string>();
  await context.route('**/product/tcomment/commentList**', async (route) => {
    const res = demo({ method: 'GET', url: new URL(route.request().url()) })!;
    const body = JSON.parse(res.body) as {
      data: { user_name: string }[] | { data: { user_name: string }[] };
    };
    const rows = Array.isArray(body.data) ? body.data : body.data.data;
    rows.forEach((row, i) => {
      if (i % 4 === 0) nicknames.add((row.user_name = `上官${['婉儿', '飞燕', '明月'][i % 3]}${i}号`));
    });
    await route.fulfill({ status: 200, contentType: res.contentType, body: JSON.stringify(body) });
  });

  const page = await context.newPage();
  const next = async (p: Page, rowSel: string) => {
    const first = await p.locator(rowSel).first().textContent();
    await p.getByRole('button', { name: '下一页' }).first().click();
    await expect(p.locator(rowSel).first()).not.toHaveText(first ?? '');
  };
  await page.goto(COMMENTS);
  await expect(page.locator('tr[data-comment-id]').first()).toBeVisible();
  await next(page, 'tr[data-comment-id]');
  await page.goto(`${BASE}/ffa/morder/order/list`);
  await expect(page.locator('table tbody tr').first()).toBeVisible();
  await next(page, 'table tbody tr');
  await next(page, 'table tbody tr');
  await page.goto(`${BASE}/ffa/eco/experience-score`);
  await expect(page.getByText('商品体验').first()).toBeVisible();

  const db = await reader(context, extensionId);
  await expect.poll(async () => (await allRows(db, 'orders')).length, { timeout: 20_000 }).toBe(60);
  await expect.poll(async () => (await allRows(db, 'reviews')).length).toBe(40);
  const byId = new Map(demo.world.orders.map((o) => [o.id, o]));
  const pii = new Set(nicknames);
  for (const o of await allRows<{ orderId: string }>(db, 'orders')) {
    const rc = receiverOf(byId.get(o.orderId)!);
    for (const v of [rc.name, rc.phone, rc.detail, `${rc.street}${rc.detail}`]) pii.add(v);
  }
  expect(pii.size).toBeGreaterThan(200);
  const leaks = (text: string) => [...pii].filter((v) => text.includes(v));

  const tables = ['stores', 'reviews', 'orders', 'officialScores', 'captureEvents', 'aggregates', 'meta'];
  for (const t of tables) expect(leaks(JSON.stringify(await allRows(db, t))), t).toEqual([]);

  // Every export the 数据 tab offers.
  const panel = await extPage('sidepanel.html?tab=data');
  const card = panel.getByTestId('export-card');
  await card.getByLabel('范围').selectOption('all');
  const buttons = await card
    .locator('[data-export]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-export')!));
  expect(buttons).toEqual(expect.arrayContaining(['csv-reviews', 'csv-orders', 'xlsx', 'json']));
  for (const id of buttons) {
    const [d] = await Promise.all([
      panel.waitForEvent('download'),
      card.locator(`[data-export="${id}"]`).click(),
    ]);
    const bytes = readFileSync(await d.path());
    // XLSX is deflated: read it back as text cells first.
    const text = id === 'xlsx' ? JSON.stringify(await readSheets(bytes)) : bytes.toString('utf8');
    expect(text.length, id).toBeGreaterThan(100);
    expect(leaks(text), id).toEqual([]);
  }
  for (const tab of ['overview', 'reviews', 'inbox', 'health']) {
    await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${tab}`);
    await panel.waitForTimeout(500);
  }
  await (await extPage('popup.html')).waitForTimeout(500);

  // The network: nothing from the extension itself, and the console page only to its own host.
  const network = requests.filter((r) => /^(https?|wss?):/.test(r.url) && r.url !== PROBE);
  expect(network.filter((r) => r.sw).map((r) => r.url)).toEqual([]);
  expect(network.filter((r) => r.frame.startsWith('chrome-extension://')).map((r) => r.url)).toEqual([]);
  expect(network.filter((r) => new URL(r.url).host !== 'fxg.jinritemai.com').map((r) => r.url)).toEqual([]);
  expect(network.length).toBeGreaterThan(10);
});

async function readSheets(bytes: Buffer) {
  const { readXlsx } = await import('../../lib/import/xlsx-read');
  return readXlsx(new Uint8Array(bytes));
}
