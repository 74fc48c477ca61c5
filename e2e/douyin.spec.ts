/**
 * 抖店 end to end: the built extension in Chromium, the demo console under https://fxg.jinritemai.com,
 * capture → store → what the merchant sees in the popup and the side panel.
 */
import type { Page, Worker } from '@playwright/test';
import { allRows, countRows } from './idb';
import { expect, test } from './fixtures';

const BASE = 'https://fxg.jinritemai.com';

async function waitForEvents(sw: Worker, n: number): Promise<void> {
  await expect
    .poll(async () => (await countRows(sw)).captureEvents, { timeout: 15_000 })
    .toBeGreaterThanOrEqual(n);
}

async function openComments(page: Page, query = ''): Promise<void> {
  await page.goto(`${BASE}/ffa/maftersale/comment${query}`);
  await expect(page.locator('tr[data-comment-id]').first()).toBeVisible();
}

async function nextPage(page: Page): Promise<void> {
  const first = await page.locator('tr[data-comment-id]').first().getAttribute('data-comment-id');
  await page.getByRole('button', { name: '下一页' }).first().click();
  await expect(page.locator('tr[data-comment-id]').first()).not.toHaveAttribute('data-comment-id', first!);
}

type Ev = {
  endpoint: string;
  outcome: string;
  added: number;
  unchanged: number;
  rejected: number;
  reasons: { code: string; message: string }[];
};

test('captures all five endpoints from the real paths and stores each row once', async ({
  context,
  demo,
  sw,
}) => {
  const page = await context.newPage();
  await openComments(page);
  await nextPage(page);
  await nextPage(page);
  await page.goto(`${BASE}/ffa/morder/order/list`);
  await expect(page.locator('table tbody tr').first()).toBeVisible();
  await page.getByRole('button', { name: '下一页' }).first().click();
  await page.goto(`${BASE}/ffa/eco/experience-score`);
  await expect(page.getByText('商品体验').first()).toBeVisible();

  const worker = await sw();
  await expect
    .poll(async () => new Set((await allRows<Ev>(worker, 'captureEvents')).map((e) => e.endpoint)), {
      timeout: 15_000,
    })
    .toEqual(new Set(['commentList', 'searchlist', 'getOverviewByVersion', 'getSubScoreNew', 'statistics']));

  // Three review pages of 20 and two order pages of 20 — the second order page was left right after its
  // answer arrived, and must still be stored (issue #12/#15: nothing lost on unload).
  await expect
    .poll(
      async () => {
        const c = await countRows(worker);
        return [c.reviews, c.orders];
      },
      { timeout: 5_000 },
    )
    .toEqual([60, 40]);
  const events = await allRows<Ev>(worker, 'captureEvents');
  expect(events.filter((e) => e.outcome !== 'ok')).toEqual([]);

  // Stored reviews match what the console served: ids, per-dimension stars, seconds → ms.
  const reviews = await allRows<{
    reviewId: string;
    storeKey: string;
    createdAt: number;
    starLogistics?: number;
  }>(worker, 'reviews');
  const world = demo.world;
  expect(new Set(reviews.map((r) => r.storeKey))).toEqual(new Set([`douyin:${world.shop.id}`]));
  const scores = await allRows<{
    kind: string;
    value?: number;
    dimensions: { id: string; weight?: number }[];
  }>(worker, 'officialScores');
  const overview = scores.find((s) => s.kind === 'douyin.experience')!;
  expect(overview.dimensions.filter((d) => d.weight !== undefined).map((d) => d.id)).toEqual([
    'product',
    'logistics',
    'service',
  ]);
  // One event per endpoint is enough for the poll above; the score page's three sub-score answers are
  // each their own response, so the last one may still be on its way (capture waits for the page to idle).
  await expect
    .poll(async () => (await allRows<{ kind: string }>(worker, 'officialScores')).map((s) => s.kind), {
      timeout: 5_000,
    })
    .toEqual(
      expect.arrayContaining([
        'douyin.subscore.product',
        'douyin.subscore.logistics',
        'douyin.subscore.service',
        'douyin.review_stats',
      ]),
    );

  // Going over the same pages again, in a second tab, stores nothing new.
  const before = await countRows(worker);
  const again = await context.newPage();
  await openComments(again);
  await nextPage(again);
  await waitForEvents(worker, (before.captureEvents ?? 0) + 2);
  const after = await countRows(worker);
  expect(after.reviews).toBe(before.reviews);
  const last = (await allRows<Ev>(worker, 'captureEvents')).slice(-2);
  expect(last.map((e) => [e.added, e.unchanged])).toEqual([
    [0, 20],
    [0, 20],
  ]);

  // The badge counts what was kept.
  const badge = await worker.evaluate('chrome.action.getBadgeText({})');
  expect(Number(badge)).toBeGreaterThanOrEqual(100);
});

test('bad responses get a capture-health entry and everything else on the page is kept', async ({
  context,
  demo,
  sw,
  extPage,
}) => {
  void demo;
  const page = await context.newPage();
  await openComments(page); // good page first: 20 rows
  const worker = await sw();
  await waitForEvents(worker, 1);

  // One fault per page load; the merchant (and the test) moves on once the page has shown its result.
  const codes = async () =>
    (await allRows<Ev>(worker, 'captureEvents')).flatMap((e) => e.reasons.map((r) => r.code));
  for (const [fault, code] of [
    ['missing_id', 'missing_id'],
    ['truncated', 'invalid_json'],
    ['huge', 'too_large'],
    ['html', 'not_json'],
    ['no_permission', 'envelope_error'],
  ] as const) {
    await page.goto(`${BASE}/ffa/maftersale/comment?demo_fault=${fault}`);
    await expect
      .poll(codes, { timeout: 20_000, message: `capture-health entry for ${fault}` })
      .toContain(code);
  }

  const events = await allRows<Ev>(worker, 'captureEvents');
  const missing = events.find((e) => e.reasons.some((r) => r.code === 'missing_id'))!;
  expect(missing.outcome).toBe('partial');
  expect(missing.rejected).toBe(1);
  expect(missing.added + missing.unchanged).toBe(19);
  expect(
    events.find((e) => e.reasons.some((r) => r.code === 'envelope_error'))!.reasons[0]!.message,
  ).toContain('您无操作权限');

  // Nothing already stored was lost or changed.
  expect((await countRows(worker)).reviews).toBeGreaterThanOrEqual(20);

  // The side panel's capture-health view says so, in Chinese.
  const panel = await extPage('sidepanel.html?tab=health');
  await expect(panel.getByTestId('capture-health')).toBeVisible();
  await expect(panel.locator('[data-code="too_large"]')).toContainText('响应过大');
  await expect(panel.locator('[data-code="invalid_json"]')).toContainText('JSON');
  await expect(panel.locator('[data-code="not_json"]')).toContainText('登录');
  await expect(panel.locator('[data-code="missing_id"]')).toContainText('缺少评价 id');
});

test('popup shows the official score with weights and the stored counts; side panel lists reviews newest first', async ({
  context,
  demo,
  extPage,
  sw,
}) => {
  const page = await context.newPage();
  await page.goto(`${BASE}/ffa/eco/experience-score`);
  await expect(page.getByText('商品体验').first()).toBeVisible();
  await openComments(page);
  const worker = await sw();
  await expect.poll(async () => (await countRows(worker)).reviews).toBe(20);

  const popup = await extPage('popup.html');
  const card = popup.getByTestId('official-score');
  await expect(card).toBeVisible();
  const overview = await allRows<{
    kind: string;
    value: number;
    dimensions: { id: string; weight?: number }[];
  }>(worker, 'officialScores');
  const exp = overview.find((s) => s.kind === 'douyin.experience')!;
  await expect(popup.getByTestId('score-value')).toHaveText(String(exp.value));
  for (const d of exp.dimensions.filter((x) => x.weight !== undefined)) {
    await expect(card.locator(`[data-dim="${d.id}"]`)).toContainText(
      `权重 ${Math.round(d.weight! * 1000) / 10}%`,
    );
  }
  await expect(popup.getByTestId('count-reviews')).toHaveText('20');
  await expect(popup.getByRole('combobox', { name: /店铺/ })).toContainText(demo.world.shop.name);

  const panel = await extPage('sidepanel.html?tab=reviews');
  const items = panel.locator('[data-testid="review-list"] > li');
  await expect(items).toHaveCount(20);
  // Newest first: same order as the console's first page.
  const consoleIds = await page
    .locator('tr[data-comment-id]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-comment-id')));
  const panelKeys = await items.evaluateAll((lis) =>
    lis.map((l) => l.getAttribute('data-review-key')!.split('|')[1]),
  );
  expect(panelKeys).toEqual(consoleIds);
});

test('empty popup tells the merchant what to open', async ({ extPage }) => {
  const popup = await extPage('popup.html');
  await expect(popup.getByText('打开抖店评价管理页面以开始采集')).toBeVisible();
  await expect(popup.getByRole('link', { name: '评价管理' }).first()).toHaveAttribute(
    'href',
    `${BASE}/ffa/maftersale/comment`,
  );
});
