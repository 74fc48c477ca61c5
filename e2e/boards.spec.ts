/**
 * 运营看板 (issue #16), end to end in Chromium with the built extension: the 抖店 demo console captured
 * like a merchant — the order and review lists a week ago and again today (so modified ratings show),
 * and the score page on a few days — then each board as the merchant sees it, with screenshots for
 * docs/screenshots/boards-*.png.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { createDemoHandler, routeDemo } from '../demo/server';
import { pinExtensionClock } from './clock';
import { expect, test } from './fixtures';
import { countRows } from './idb';
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
  const today = await captureWindow(context, { now, days: 40, pauseMs: 20 });
  await settle(probe, { orders: today.orders, reviews: today.reviews }, 180_000);
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
});
