/**
 * "采集全部" on the 抖店 demo console: the walker drives the console's own pager, is paused, the service
 * worker is stopped (CDP), the walk is resumed and then survives a tab reload; every row ends up stored
 * exactly once.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { allRows } from './idb';
import { expect, test } from './fixtures';

const REVIEWS = 'https://fxg.jinritemai.com/ffa/maftersale/comment';

/** Stops every service worker of the profile, like Chrome does after 30 s idle. */
async function stopServiceWorkers(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

const panel = (page: Page) => page.getByTestId('walker-panel');
const status = (page: Page) => page.getByTestId('walker-status');
const pagesOf = async (page: Page) =>
  Number(/第 (\d+) 页/.exec((await status(page).textContent()) ?? '')?.[1] ?? 0);

test('walks 60 pages with pause, a worker stop, resume and a reload: every row stored once', async ({
  context,
  demo,
  extPage,
}) => {
  // Generous waits: the walk paces itself like a person, and a loaded 2-core machine walks 60 pages in
  // 90 s or more (52–53 pages in 90 s at load 7–12). They only bound a hung walk; nothing here is timed.
  test.setTimeout(480_000);
  const page = await context.newPage();
  await page.goto(REVIEWS);
  await expect(panel(page)).toBeVisible();
  await panel(page).getByRole('combobox').selectOption('full');
  await panel(page).getByRole('button', { name: '采集全部' }).click();

  // Pause after a dozen pages.
  await expect.poll(() => pagesOf(page), { timeout: 120_000 }).toBeGreaterThanOrEqual(12);
  await panel(page).getByRole('button', { name: '暂停' }).click();
  await expect(status(page)).toContainText('已暂停');
  const pausedAt = await pagesOf(page);

  // The browser stops the worker; the walk is resumed and keeps capturing (messages wake it up).
  await stopServiceWorkers(context, page);
  await panel(page).getByRole('button', { name: '继续' }).click();
  await expect.poll(() => pagesOf(page), { timeout: 120_000 }).toBeGreaterThanOrEqual(pausedAt + 15);

  // A reload in the middle of a running walk: it comes back at page 1 and fast-forwards.
  const beforeReload = await pagesOf(page);
  await page.reload();
  await expect(panel(page)).toBeVisible();
  await expect
    .poll(() => pagesOf(page), { timeout: 180_000 })
    .toBeGreaterThanOrEqual(Math.max(60, beforeReload + 10));
  await panel(page).getByRole('button', { name: '停止' }).click();
  await expect(status(page)).toContainText(/已停止|已完成/);
  const walked = await pagesOf(page);

  // Read back through an extension page (the worker handle of the test may be stale after the stop).
  const reader = await extPage('popup.html');
  const reviews = await allRows<{ reviewId: string; key: string }>(reader, 'reviews');
  const ids = reviews.map((r) => r.reviewId);
  expect(new Set(ids).size).toBe(ids.length);
  // The console serves the world's reviews newest first, 20 a page: every row of the walked pages is there.
  expect(reviews.length).toBe(walked * 20);
  const expected = demo.world.reviews.slice(-walked * 20).map((r) => r.id);
  expect(new Set(ids)).toEqual(new Set(expected));
  expect(walked).toBeGreaterThanOrEqual(60);
});

test('incremental mode stops at data that is already stored', async ({ context, demo }) => {
  void demo;
  const page = await context.newPage();
  await page.goto(REVIEWS);
  // The merchant paged through the first three pages earlier.
  for (let i = 0; i < 2; i++) {
    await page.getByRole('button', { name: '下一页' }).first().click();
    await page.waitForTimeout(400);
  }
  await page.goto(REVIEWS);
  await expect(panel(page)).toBeVisible();
  await panel(page).getByRole('button', { name: '采集全部' }).click();
  await expect(status(page)).toContainText('增量采集完成', { timeout: 30_000 });
  expect(await pagesOf(page)).toBe(2);
});
