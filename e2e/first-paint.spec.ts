/**
 * First paint from the stored headline (issue #15 item 3), end to end: after a capture the worker keeps a
 * headline per store in chrome.storage.local; the popup and the side panel's 概览 and 评价 paint it before
 * Dexie and the full UI load, with the values the full UI then shows, in the same place, and hand over to it.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { settle } from './score-capture';

const BASE = 'https://fxg.jinritemai.com';

/**
 * Runs in every page before its own scripts: records what is on screen each time `#app[data-paint]`
 * changes (entrypoints/*\/main.tsx set it to `headline`, then `full`).
 */
const RECORDER = `(() => {
  const paints = (window.__paints = []);
  const text = (sel) => [...document.querySelectorAll(sel)].map((e) => e.textContent.trim());
  const top = (sel) => document.querySelector(sel)?.getBoundingClientRect().top ?? null;
  const record = () => {
    const p = document.getElementById('app')?.dataset.paint;
    if (!p || paints.at(-1)?.paint === p) return;
    paints.push({
      paint: p,
      score: text('[data-testid="score-value"]'),
      label: text('[data-testid="estimate-label"], [data-testid="official-date"]'),
      kpis: text('.kpis b'),
      urgent: text('[data-testid="urgent"] h3'),
      coverage: text('[data-testid="coverage"]'),
      kpisTop: top('.kpis'),
      reviews: text('[data-testid="review-list"] > li'),
      listTop: top('[data-testid="review-list"]'),
    });
  };
  new MutationObserver(record).observe(document, { subtree: true, childList: true, attributes: true });
})();`;

type Paint = { paint: string; score: string[]; label: string[]; kpis: string[]; urgent: string[]; coverage: string[]; kpisTop: number | null; reviews: string[]; listTop: number | null }; // prettier-ignore
const paints = (page: Page) => page.evaluate<Paint[]>('window.__paints');
/** What the full UI shows once its live queries answered, read the same way as the recorder. */
const fullNow = (page: Page) =>
  page.evaluate<Omit<Paint, 'paint'>>(`(() => {
    const text = (sel) => [...document.querySelectorAll(sel)].map((e) => e.textContent.trim());
    return {
      score: text('[data-testid="score-value"]'),
      label: text('[data-testid="estimate-label"], [data-testid="official-date"]'),
      kpis: text('.kpis b'),
      urgent: text('[data-testid="urgent"] h3'),
      coverage: text('[data-testid="coverage"]'),
      kpisTop: document.querySelector('.kpis')?.getBoundingClientRect().top ?? null,
      reviews: text('[data-testid="review-list"] > li'),
      listTop: document.querySelector('[data-testid="review-list"]')?.getBoundingClientRect().top ?? null,
    };
  })()`);

test('popup and side panel paint the stored headline first, with the full UI’s values, then hand over', async ({
  context,
  demo,
  extPage,
  sw,
}) => {
  void demo;
  const page = await context.newPage();
  await page.goto(`${BASE}/ffa/morder/order/list`);
  await expect(page.locator('tbody tr').first()).toBeVisible();
  await page.goto(`${BASE}/ffa/maftersale/comment`);
  await expect(page.locator('tr[data-comment-id]').first()).toBeVisible();
  await settle(await extPage('options.html'), { orders: 20, reviews: 20 });
  // The worker wrote the headline after its score refresh.
  const worker = await sw();
  await expect
    .poll(
      async () =>
        worker.evaluate(`chrome.storage.local.get('headlines').then((r) => {
          const s = r.headlines?.stores?.[0];
          return s && s.card ? s.counts.reviews + '/' + s.counts.orders : null;
        })`),
      { timeout: 30_000 },
    )
    .toBe('20/20');
  await context.addInitScript(RECORDER);

  for (const path of ['popup.html', 'sidepanel.html?tab=overview']) {
    const ui = await extPage(path);
    await expect(ui.locator('#app')).toHaveAttribute('data-paint', 'full');
    // Full UI only: the capture line (popup) or the history chart (side panel), from Dexie.
    await expect(
      ui.locator(path.startsWith('popup') ? '[data-testid="capture-summary"]' : '.kpis ~ *').first(),
    ).toBeVisible();
    const seen = await paints(ui);
    expect(
      seen.map((p) => p.paint),
      path,
    ).toEqual(['headline', 'full']);
    const [first] = seen;
    const { paint, ...headline } = first!;
    void paint;
    expect(headline.score[0], path).toMatch(/\d/);
    expect(headline.kpis.slice(0, 2), path).toEqual(['20', '20']);
    expect(headline.urgent.length, path).toBe(1);
    // Same numbers, labels (dated with the pinned clock) and place as the full UI.
    expect(headline, path).toEqual(await fullNow(ui));
    await ui.close();
  }

  // 评价: the newest reviews from the headline first, then the full list (20 rows) with the same rows on
  // top, in the same place.
  const ui = await extPage('sidepanel.html?tab=reviews');
  await expect(ui.locator('#app')).toHaveAttribute('data-paint', 'full');
  await expect(ui.locator('[data-testid="review-list"] > li')).toHaveCount(20);
  const seen = await paints(ui);
  expect(seen.map((p) => p.paint)).toEqual(['headline', 'full']);
  const first = seen[0]!;
  const full = await fullNow(ui);
  expect(first.reviews).toHaveLength(10);
  expect(first.reviews).toEqual(full.reviews.slice(0, 10));
  expect(first.listTop).not.toBeNull();
  expect(first.listTop).toBe(full.listTop);
});

test('without a stored headline (or with a corrupt one) the pages take the normal path', async ({
  extPage,
  sw,
}) => {
  const worker = await sw();
  await worker.evaluate(`chrome.storage.local.set({ headlines: { v: 1, stores: 'corrupt' } })`);
  const popup = await extPage('popup.html');
  await expect(popup.locator('#app')).toHaveAttribute('data-paint', 'full');
  await expect(popup.getByTestId('open-panel')).toHaveCount(0);
  const panel = await extPage('sidepanel.html');
  await expect(panel.locator('#app')).toHaveAttribute('data-paint', 'full');
  await expect(panel.getByRole('tablist')).toBeVisible();
});
