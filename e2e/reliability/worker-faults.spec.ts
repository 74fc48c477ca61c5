/**
 * Service-worker faults in Chromium with the built extension (issue #8): the worker is stopped through
 * CDP at ten seeded random moments during a large capture (40 responses × 75 reviews, fetched by the
 * console page itself), and ten times during a 采集全部 walk. Chrome restarts it on the next message;
 * the content script retries. Every row is stored exactly once and the walk resumes each time.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { COMMENTS, allRows, prng, reader, workerStopper, pageFetches } from './support';

const STOPS = 10;
type Ev = { endpoint: string; outcome: string; added: number; updated: number };

test('ten worker stops during a 3,000-review capture: every row stored exactly once', async ({
  context,
  extensionId,
  demo,
}) => {
  test.setTimeout(150_000);
  const stopper = await workerStopper(context, extensionId);
  const page = await context.newPage();
  await page.goto(COMMENTS);
  await expect(page.locator('tr[data-comment-id]').first()).toBeVisible();
  // 40 responses of 75 reviews over ≈25 s: long enough for ten stops with capture going on between them.
  const paths = Array.from(
    { length: 40 },
    (_, p) => `/product/tcomment/commentList?page=${p}&pageSize=75&variant=flat`,
  );
  const db = await reader(context, extensionId);
  const captured = async () =>
    (await allRows<Ev>(db, 'captureEvents')).filter((e) => e.endpoint === 'commentList' && e.outcome === 'ok')
      .length;
  const fetching = pageFetches(page, paths, 600);
  const r = prng(8);
  for (let i = 0; i < STOPS; i++) {
    // A random moment while responses arrive, then wait until capture goes on before the next stop.
    const before = await captured();
    await page.waitForTimeout(100 + Math.floor(r() * 700));
    expect(await stopper.stop()).toBe(true);
    await expect.poll(captured, { timeout: 20_000 }).toBeGreaterThan(before);
  }
  expect(await fetching).toEqual(paths.map(() => 200));

  const expected = new Set(demo.world.reviews.slice(-3000).map((x) => x.id));
  await expect
    .poll(async () => (await allRows<{ reviewId: string }>(db, 'reviews')).length, { timeout: 30_000 })
    .toBeGreaterThanOrEqual(3000);
  const ids = (await allRows<{ reviewId: string }>(db, 'reviews')).map((x) => x.reviewId);
  // The first page the console showed itself (20 rows) is part of the 3,000.
  expect(ids).toHaveLength(3000);
  expect(new Set(ids)).toEqual(expected);
  const events = await allRows<Ev>(db, 'captureEvents');
  const ok = events.filter((e) => e.endpoint === 'commentList' && e.outcome === 'ok');
  expect(ok.reduce((n, e) => n + e.added, 0)).toBe(3000);
  expect(ok.reduce((n, e) => n + e.updated, 0)).toBe(0);
  // The worker really went down ten times, and came back after each (the last one perhaps only later).
  expect(stopper.seen.stopped).toBeGreaterThanOrEqual(STOPS);
  expect(stopper.seen.running).toBeGreaterThanOrEqual(stopper.seen.stopped - 1);
  await stopper.close();
});

const panel = (page: Page) => page.getByTestId('walker-panel');
const status = (page: Page) => page.getByTestId('walker-status');
const pagesOf = async (page: Page) =>
  Number(/第 (\d+) 页/.exec((await status(page).textContent()) ?? '')?.[1] ?? 0);

test('ten worker stops during a 采集全部 walk: it resumes every time, every row once', async ({
  context,
  extensionId,
  demo,
}) => {
  test.setTimeout(180_000);
  const stopper = await workerStopper(context, extensionId);
  const page = await context.newPage();
  await page.goto(COMMENTS);
  await expect(panel(page)).toBeVisible();
  await panel(page).getByRole('combobox').selectOption('full');
  await panel(page).getByRole('button', { name: '采集全部' }).click();
  const r = prng(17);
  const progress: number[] = [];
  for (let i = 0; i < STOPS; i++) {
    // A random moment of the walk; then it must move on by itself before the next stop.
    const at = await pagesOf(page);
    await page.waitForTimeout(200 + Math.floor(r() * 1200));
    expect(await stopper.stop()).toBe(true);
    progress.push(await pagesOf(page));
    await expect
      .poll(() => pagesOf(page), { timeout: 30_000 })
      .toBeGreaterThan(Math.max(at, progress.at(-1)!));
    await expect(status(page)).not.toContainText('出错');
  }
  // After the last stop the walk still moves on.
  const last = progress.at(-1)!;
  await expect.poll(() => pagesOf(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(last + 5);
  await panel(page).getByRole('button', { name: '停止' }).click();
  await expect(status(page)).toContainText(/已停止|已完成/);
  const walked = await pagesOf(page);
  expect(progress).toEqual([...progress].sort((a, b) => a - b));

  const db = await reader(context, extensionId);
  await expect.poll(async () => (await allRows(db, 'reviews')).length, { timeout: 20_000 }).toBe(walked * 20);
  const ids = (await allRows<{ reviewId: string }>(db, 'reviews')).map((x) => x.reviewId);
  expect(new Set(ids)).toEqual(new Set(demo.world.reviews.slice(-walked * 20).map((x) => x.id)));
  expect(stopper.seen.stopped).toBeGreaterThanOrEqual(STOPS);
  await stopper.close();
});
