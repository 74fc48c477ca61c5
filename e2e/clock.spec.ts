/**
 * One clock (issue #13): the demo console's world and the extension run on the same pinned instant
 * (e2e/clock.ts), so what the merchant sees is the same on any day. The clock matrix in
 * scripts/test-all.mjs runs this file again at Asia/Shanghai midnight, month end, 29 February, year end
 * and the day after 双11, with the machine in UTC, Asia/Shanghai and America/Los_Angeles.
 */
import type { Page } from '@playwright/test';
import { TEST_NOW, shanghaiDay } from './clock';
import { expect, test } from './fixtures';
import { allRows, countRows } from './idb';

const BASE = 'https://fxg.jinritemai.com';
const DAY = 86_400_000;

async function scorePage(page: Page, probe: Page, at?: number): Promise<void> {
  const ctx = page.context();
  if (at !== undefined)
    await ctx.addCookies([{ name: 'demo_now', value: String(at), domain: 'fxg.jinritemai.com', path: '/' }]);
  const before = (await countRows(probe)).officialScores ?? 0;
  await page.goto(`${BASE}/ffa/eco/experience-score`);
  await page.getByText('商品体验').first().waitFor();
  await expect.poll(async () => (await countRows(probe)).officialScores ?? 0).toBeGreaterThan(before);
  await ctx.clearCookies({ name: 'demo_now' });
}

test('the console score of the day before leads the popup with its date; 今天 is the shared instant', async ({
  context,
  demo,
  extPage,
}) => {
  const probe = await extPage('options.html');
  const page = await context.newPage();
  await scorePage(page, probe);
  await page.goto(`${BASE}/ffa/maftersale/comment`);
  await expect(page.locator('tr[data-comment-id]').first()).toBeVisible();
  await page.getByRole('tab', { name: '差评' }).click();
  await expect.poll(async () => (await countRows(probe)).reviews ?? 0).toBeGreaterThan(0);

  const official = (await allRows<{ kind: string; date: string }>(probe, 'officialScores')).find(
    (s) => s.kind === 'douyin.experience',
  )!;
  // The console reports yesterday's data date (Asia/Shanghai), whatever the machine's zone.
  expect(official.date).toBe(shanghaiDay(TEST_NOW - DAY));

  const popup = await extPage('popup.html');
  const label = popup.getByTestId('official-date');
  await expect(label).toHaveText(`官方 · ${official.date.slice(5)} 更新，昨天`);
  await expect(label).toHaveAttribute('data-stale', 'false');
  await expect(popup.getByTestId('stale-official')).toHaveCount(0);
  // The estimate's day is the shared "today" (not the machine's date).
  const snaps = await allRows<{ date: string; head?: unknown }>(probe, 'scoreSnapshots');
  expect(snaps.find((s) => s.head)?.date).toBe(shanghaiDay(TEST_NOW));
  expect(demo.world.now).toBe(TEST_NOW);

  // Reply clocks count from the same instant: the demo's negatives are hours or days old, never "in the future".
  const panel = await extPage('sidepanel.html?tab=inbox');
  const clocks = panel.getByTestId('inbox-clock');
  await expect(clocks.first()).toBeVisible();
  for (const t of await clocks.allTextContents()) expect(t).toMatch(/剩|已超时|已过回复期/);
});

test('an official score captured 13 days ago still leads, with its age, and the estimate shows beside it', async ({
  context,
  demo,
  extPage,
}) => {
  void demo;
  const probe = await extPage('options.html');
  const page = await context.newPage();
  await scorePage(page, probe, TEST_NOW - 13 * DAY);
  const date = shanghaiDay(TEST_NOW - 14 * DAY);
  const popup = await extPage('popup.html');
  await expect(popup.getByTestId('official-score')).toBeVisible();
  await expect(popup.getByTestId('official-date')).toHaveText(`官方 · ${date.slice(5)} 更新，14 天前`);
  await expect(popup.getByTestId('official-date')).toHaveAttribute('data-stale', 'true');
  await expect(popup.getByTestId('stale-official')).toContainText('14 天未更新');
  // No orders or reviews captured: the estimate beside it has no number rather than a default 70.
  await expect(popup.getByTestId('estimate-beside')).toContainText('还没有足够的记录');
  await popup.screenshot({ path: 'test-results/clock-stale-official.png' });
});
