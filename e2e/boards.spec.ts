/**
 * 运营看板 (issue #16), end to end in Chromium with the built extension: the 抖店 demo console captured
 * like a merchant — the order and review lists a week ago and again today (so modified ratings show),
 * and the score page on a few days — then each board as the merchant sees it, with screenshots for
 * docs/screenshots/boards-*.png.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { createDemoHandler, routeDemo } from '../demo/server';
import { pinExtensionClock } from './clock';
import { expect, test } from './fixtures';
import { fillSlots } from '../lib/replies/draft';
import { DEFAULT_TEMPLATES } from '../lib/replies/templates';
import { countRows, putRows } from './idb';
import { captureWindow, settle, visitScoreDays } from './score-capture';

const DAY = 86_400_000;
/**
 * A fixed world (2026-12-06 10:00 Asia/Shanghai, 25 days after the 双11 spike) so the reviews a first
 * capture 12 days earlier sees are the same on every run, and some of their buyers have since modified
 * the rating. The extension's clock is pinned to the same instant (one clock, e2e/clock.ts).
 */
const WORLD_NOW = Date.UTC(2026, 11, 6, 2);
/** `KOUBEI_DOCS=1` refreshes the README images; a normal run leaves the tracked files alone. */
const SHOTS = process.env.KOUBEI_DOCS ? 'docs/screenshots' : 'test-results/boards';

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/boards-${name}.png`, fullPage: true });
}

test('运营看板: logistics by province and courier, service, win-back, invitation and product ranking', async ({
  context,
  extPage,
  sw,
}) => {
  test.setTimeout(300_000);
  const now = WORLD_NOW;
  await pinExtensionClock(await sw(), now);
  const handler = createDemoHandler({ seed: 7, now, ordersPerDay: 80 });
  await routeDemo(context, handler);
  const world = handler.world;
  const probe = await extPage('options.html');

  // The lists 12 days ago, then today: reviews whose buyer modified the rating since show both stars.
  await context.addCookies([
    { name: 'demo_now', value: String(now - 12 * DAY), domain: 'fxg.jinritemai.com', path: '/' },
  ]);
  const before = await captureWindow(context, { now: now - 12 * DAY, days: 40, pauseMs: 20 });
  await settle(probe, before, 180_000);
  await before.page.close();
  await context.clearCookies({ name: 'demo_now' });
  const eventsBefore = (await countRows(probe)).captureEvents ?? 0;
  const today = await captureWindow(context, { now, days: 40, pauseMs: 20 });
  // Today's rows are mostly stored already: wait until every response of this capture was handled.
  const events = eventsBefore + today.responses;
  await settle(probe, { orders: today.orders, reviews: today.reviews, events }, 180_000);
  await today.page.close();
  await visitScoreDays(context, now, 3, probe);
  const counts = await countRows(probe);
  console.log(`[figures] boards e2e: ${JSON.stringify(counts)} stored`);

  const panel = await extPage('sidepanel.html?tab=boards');
  await panel.setViewportSize({ width: 560, height: 900 });
  await panel.getByRole('button', { name: '全部' }).click();

  // 物流异常: standards graded, provinces with counts, a province opens its abnormal orders.
  await expect(panel.getByTestId('logistics-board')).toBeVisible({ timeout: 30_000 });
  const standards = panel.getByTestId('logistics-standards');
  await expect(standards.locator('tr[data-metric="发货及时率"]')).toHaveAttribute(
    'data-grade',
    /excellent|industry|below/,
  );
  const provinces = panel.getByTestId('province-table').locator('tr[data-province]');
  const names = await provinces.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-province')));
  for (const p of ['广东省', '浙江省', '北京市', '新疆维吾尔自治区']) expect(names).toContain(p);
  expect(names).not.toContain('深圳市');

  // The tile map: all 34 divisions, the ones with orders as buttons coloured by the graded rate.
  const map = panel.getByTestId('province-map');
  await expect(map).toBeVisible();
  await expect(map.locator('[data-province]')).toHaveCount(34);
  const gd = map.locator('button[data-province="广东省"]');
  await expect(gd).toHaveAttribute('data-bin', /excellent|industry|below|severe/);
  await expect(gd).toHaveAttribute('title', /^广东省：发货超时率 \d+\.\d+%（\d+\/\d+）/);
  await expect(gd).toContainText('广东');
  await expect(panel.getByTestId('map-legend')).toContainText('优秀 ≤ 2%');
  await expect(panel.getByTestId('map-legend')).toContainText('达标 2% – 15%');
  // The province with most abnormal orders (the table's first row) opens its orders from the map,
  // by keyboard: focus its tile, Enter.
  const worst = await provinces.first().getAttribute('data-province');
  expect(Number(await provinces.first().getAttribute('data-abnormal'))).toBeGreaterThan(0);
  await map.locator(`button[data-province="${worst}"]`).focus();
  await panel.keyboard.press('Enter');
  const orders = panel.getByTestId('province-orders');
  await expect(orders).toHaveAttribute('data-province', worst!);
  await expect(orders.locator('tr[data-key]').first()).toBeVisible();
  // Arrow keys move between tiles with orders.
  await panel.keyboard.press('ArrowLeft');
  const focused = await panel.evaluate(() => document.activeElement?.getAttribute('data-province'));
  expect(focused).toBeTruthy();
  expect(focused).not.toBe(worst);
  // Another metric recolours the map and the legend follows its own standard.
  await panel.getByRole('tab', { name: '破损率' }).click();
  await expect(map).toHaveAttribute('data-metric', 'damage');
  await expect(panel.getByTestId('map-legend')).toContainText('优秀 ≤ 0.1%');
  await panel.getByRole('tab', { name: '发货超时率' }).click();
  await map.locator(`button[data-province="${worst}"]`).click();
  await expect(orders).toBeHidden();
  await map.locator(`button[data-province="${worst}"]`).click();
  await expect(orders).toBeVisible();
  mkdirSync(SHOTS, { recursive: true });
  await map.screenshot({ path: `${SHOTS}/boards-map.png` });
  const couriers = await panel
    .getByTestId('courier-table')
    .locator('tr[data-courier]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-courier')));
  expect(couriers).toEqual(expect.arrayContaining(['中通快递', '顺丰速运']));
  await shot(panel, 'logistics');

  // 客服: the console's 飞鸽 response time, with its date.
  await panel.getByRole('tab', { name: '客服' }).click();
  const service = panel.getByTestId('service-board');
  await expect(service.locator('tr[data-metric="responseSec"]')).not.toHaveAttribute('data-points', '0');
  await expect(service.locator('tr[data-metric="dissatisfaction"]')).not.toHaveAttribute('data-points', '0');
  await shot(panel, 'service');

  // 差评挽回: outcomes seen across the two captures, rates beside the guides' figures.
  await panel.getByRole('tab', { name: '差评挽回' }).click();
  const winback = panel.getByTestId('winback-board');
  await expect(winback).toBeVisible();
  await expect(winback.locator('tr[data-outcome="modified"]').first()).toBeVisible();
  await expect(panel.getByTestId('winback-by-category').locator('tr[data-key="logistics"]')).toContainText(
    '68%',
  );
  expect(Number(await panel.getByTestId('winback-total').textContent())).toBeGreaterThan(0);
  await shot(panel, 'winback');

  // 评价引导: weeks and products; a marked day splits before/after.
  await panel.getByRole('tab', { name: '评价引导' }).click();
  const invitation = panel.getByTestId('invitation-board');
  await expect(invitation.getByTestId('invitation-weeks').locator('tr[data-week]').first()).toBeVisible();
  const mark = new Date(now - 14 * DAY + 8 * 3_600_000).toISOString().slice(0, 10);
  await invitation.getByTestId('mark-day').fill(mark);
  await invitation.getByRole('button', { name: '标记' }).click();
  await expect(panel.getByTestId('invitation-mark')).toHaveAttribute('data-day', mark);
  const compare = panel.getByTestId('invitation-compare');
  await expect(compare.locator('tr[data-side]')).toHaveCount(2);
  await shot(panel, 'invitation');

  // 商品排行: products by share of stars lost with their complaint categories.
  await panel.getByRole('tab', { name: '商品排行' }).click();
  const ranking = panel.getByTestId('ranking-board');
  const products = ranking.locator('tr[data-product]');
  await expect(products.first()).toBeVisible();
  const productNames = new Set(world.products.map((p) => p.name));
  expect(productNames.has((await products.first().locator('td').first().textContent()) ?? '')).toBe(true);
  await shot(panel, 'ranking');

  // 月度报告 (issue #14): last month by default, the HTML file itself in a sandboxed frame, HTML and PNG
  // downloads.
  await panel.getByRole('tab', { name: '月度报告' }).click();
  const monthly = panel.getByTestId('monthly-report');
  await expect(monthly).toHaveAttribute('data-month', '2026-11');
  const doc = panel.frameLocator('[data-testid="report-frame"]');
  await expect(doc.locator('h1')).toContainText('月度口碑报告 2026-11', { timeout: 30_000 });
  await expect(doc.getByTestId('report-categories').locator('tbody tr').first()).toBeVisible();
  await expect(doc.getByTestId('report-products').locator('tbody tr').first()).toBeVisible();
  await expect(doc.locator('svg path').first()).toBeAttached();
  const [html] = await Promise.all([
    panel.waitForEvent('download'),
    monthly.getByRole('button', { name: '下载 HTML' }).click(),
  ]);
  expect(html.suggestedFilename()).toMatch(/^口碑月报-.+-2026-11\.html$/);
  const htmlText = readFileSync((await html.path())!, 'utf8');
  expect(htmlText).toContain('月度口碑报告 2026-11');
  expect(htmlText).not.toMatch(/<script/i);
  const [png] = await Promise.all([
    panel.waitForEvent('download'),
    monthly.getByRole('button', { name: '下载 PNG' }).click(),
  ]);
  const pngBytes = readFileSync((await png.path())!);
  expect(pngBytes.subarray(1, 4).toString()).toBe('PNG');
  expect(pngBytes.length).toBeGreaterThan(20_000);
  mkdirSync(SHOTS, { recursive: true });
  writeFileSync(`${SHOTS}/boards-monthly.png`, pngBytes);
  await monthly.getByRole('button', { name: '发送到群' }).click();
  await expect(panel.getByTestId('report-note')).toContainText('还没有启用的群机器人');
  await shot(panel, 'monthly-panel');
});

test('差评挽回 by reply template: the board ranks 话术 and the inbox shows 挽回率 beside the draft', async ({
  extPage,
  sw,
}) => {
  const now = WORLD_NOW;
  await pinExtensionClock(await sw(), now);
  const probe = await extPage('options.html');
  // Wait until the worker has created the database (its schema), then seed a shop's stored reviews.
  await expect.poll(async () => Object.keys(await countRows(probe)).length).toBeGreaterThan(5);
  const storeKey = 'douyin|tpl-e2e';
  const slots = { 买家: '亲', 商品: '这款毛巾', 问题: '物流太慢', 补救: '为您补偿一张10元无门槛券' };
  const text = (id: string) => fillSlots(DEFAULT_TEMPLATES.find((t) => t.id === id)!.text, slots);
  let n = 0;
  const negative = (replyText: string | undefined, wonBack: boolean, ageDays: number) => {
    const createdAt = now - ageDays * DAY;
    return {
      key: `${storeKey}|r${++n}`,
      storeKey,
      platform: 'douyin',
      reviewId: `r${n}`,
      productName: '这款毛巾',
      createdAt,
      star: wonBack ? 5 : 2,
      polarity: wonBack ? 'good' : 'bad',
      ...(wonBack ? { firstStar: 2, starChangedAt: createdAt + 3 * DAY } : {}),
      text: '快递太慢了，等了一个星期才到',
      appends: [],
      images: 0,
      videos: 0,
      replied: replyText !== undefined,
      ...(replyText !== undefined ? { replyText, replyAt: createdAt + 3_600_000 } : {}),
      source: 'api',
      capturedAt: now,
      updatedAt: now,
    };
  };
  const rows = [
    // logistics.moderate.1: 12 replies, 9 won back (75 %); .2: 10 replies, 2 won back; .3: 3 replies, 1.
    ...Array.from({ length: 12 }, (_, i) => negative(text('logistics.moderate.1'), i < 9, 10 + i)),
    ...Array.from({ length: 10 }, (_, i) => negative(text('logistics.moderate.2'), i < 2, 10 + i)),
    ...Array.from({ length: 3 }, (_, i) => negative(text('logistics.moderate.3'), i < 1, 10 + i)),
    negative('亲，已经给您退款了，抱歉', false, 12),
    // Today's 差评, not replied yet: it is in the inbox.
    negative(undefined, false, 0.1),
  ];
  await putRows(probe, 'stores', [
    {
      key: storeKey,
      platform: 'douyin',
      shopId: 'tpl-e2e',
      name: '话术测试店',
      firstSeen: now - 30 * DAY,
      lastSeen: now,
    },
  ]);
  await putRows(probe, 'reviews', rows);

  // The board: templates with enough replies first, by rate; the small one marked, the rewritten apart.
  const panel = await extPage('sidepanel.html?tab=boards&board=winback');
  await panel.setViewportSize({ width: 560, height: 900 });
  await panel.getByRole('button', { name: '全部' }).click();
  const table = panel.getByTestId('winback-by-template');
  await expect(table).toBeVisible({ timeout: 30_000 });
  const order = await table
    .locator('tr[data-template]')
    .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-template')));
  expect(order).toEqual(['logistics.moderate.1', 'logistics.moderate.2', 'logistics.moderate.3', 'other']);
  const best = table.locator('tr[data-template="logistics.moderate.1"]');
  await expect(best).toContainText('物流·一般 1');
  await expect(best.locator('td').nth(1)).toHaveText('12');
  await expect(best.locator('td').nth(2)).toHaveText('9');
  await expect(best.locator('td').nth(3)).toHaveText('75%');
  await expect(table.locator('tr[data-template="logistics.moderate.3"] td').nth(3)).toHaveText('33% *');
  await expect(panel.getByTestId('winback-board')).toContainText('样本少于 10 条，仅供参考');
  await shot(panel, 'winback-templates');

  // The inbox: the draft's 话术 with its 挽回率; when it is not the best, one click switches to it.
  const inbox = await extPage('sidepanel.html?tab=inbox');
  await inbox.setViewportSize({ width: 560, height: 900 });
  const item = inbox.getByTestId('inbox-item').first();
  const info = item.getByTestId('draft-template');
  await expect(info).toHaveAttribute('data-template', /^logistics\.moderate\.[123]$/);
  if ((await info.getAttribute('data-template')) === 'logistics.moderate.1')
    await item.getByRole('button', { name: '换一个' }).click();
  await expect(info).not.toHaveAttribute('data-template', 'logistics.moderate.1');
  const rate = item.getByTestId('draft-template-rate');
  if ((await info.getAttribute('data-template')) === 'logistics.moderate.2')
    await expect(rate).toHaveText('挽回率 20 %（2/10）');
  else await expect(rate).toHaveText('挽回率 33 %（1/3，样本不足 10 条，仅供参考）');
  await item.getByTestId('use-best-template').click();
  await expect(info).toHaveAttribute('data-template', 'logistics.moderate.1');
  await expect(rate).toHaveText('挽回率 75 %（9/12）');
  await expect(item.getByRole('textbox', { name: '回复草稿' })).toHaveValue(
    /^亲您好，非常抱歉.*影响了您的收货体验/,
  );
  await shot(inbox, 'inbox-template');
});
