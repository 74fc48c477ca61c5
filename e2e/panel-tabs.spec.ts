/**
 * The side panel's tab row at the widths merchants give Chrome's side panel (320–420 px): every label on
 * one line (never one character per line), the row one row high and scrolling sideways inside itself, and
 * the selected tab inside the row's visible part after it changes; the 运营看板 sub-view buttons on one line.
 * Wider tables scroll inside their card (overview, boards, 采集健康).
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { settle } from './score-capture';

/** Lines a tab's label takes: distinct tops of its text's boxes. */
const labelLines = (tab: Locator) =>
  tab.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  });

/** Whether the tab lies wholly inside the tab row's visible box (what the row's scroll shows). */
const shownInBar = (tab: Locator) =>
  tab.evaluate((el) => {
    const bar = el.closest('[role="tablist"]')!.getBoundingClientRect();
    const r = el.getBoundingClientRect();
    return r.left >= bar.left - 0.5 && r.right <= bar.right + 0.5;
  });

async function checkRow(panel: Page, width: number) {
  await panel.setViewportSize({ width, height: 640 });
  const bar = panel.locator('nav[role="tablist"]');
  const tabs = bar.getByRole('tab');
  await expect(tabs.first()).toBeVisible();
  const count = await tabs.count();
  expect(count).toBeGreaterThan(5);

  const lineHeight = await tabs
    .first()
    .evaluate(
      (el) => parseFloat(getComputedStyle(el).lineHeight) || parseFloat(getComputedStyle(el).fontSize) * 1.4,
    );
  const tops = new Set<number>();
  for (let i = 0; i < count; i++) {
    const tab = tabs.nth(i);
    const label = (await tab.textContent())?.trim();
    expect(await labelLines(tab), `${width}px: 「${label}」 on one line`).toBe(1);
    const box = (await tab.boundingBox())!;
    // One line of text plus the tab's vertical padding (8 px each side) and its 2 px underline.
    expect(box.height, `${width}px: 「${label}」 one line high`).toBeLessThanOrEqual(lineHeight * 1.5 + 18);
    tops.add(Math.round(box.y));
  }
  expect(tops.size, `${width}px: the tabs in one row`).toBe(1);
  // The row scrolls inside itself: it never makes the panel wider than its window.
  expect(
    await bar.evaluate((el) => el.getBoundingClientRect().right <= window.innerWidth + 0.5),
    `${width}px: the tab row within the panel's width`,
  ).toBe(true);

  // Selecting the last tab, then the first, without the pointer (a click event that scrolls nothing by
  // itself): the row brings each into view.
  const last = tabs.nth(count - 1);
  await last.dispatchEvent('click');
  await expect(last).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => shownInBar(last), { message: `${width}px: last tab shown` }).toBe(true);
  const first = tabs.first();
  await first.dispatchEvent('click');
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => shownInBar(first), { message: `${width}px: first tab shown` }).toBe(true);
}

test('side panel tabs: one line each and the selected tab in view at 360 and 320 px', async ({ extPage }) => {
  const panel = await extPage('sidepanel.html');
  await checkRow(panel, 360);
  await checkRow(panel, 320);

  // At 320 px the row scrolls: a vertical mouse wheel over it scrolls it sideways.
  const bar = panel.locator('nav[role="tablist"]');
  const scrollLeft = () => bar.evaluate((el) => el.scrollLeft);
  expect(await bar.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  expect(await scrollLeft()).toBe(0);
  const box = (await bar.boundingBox())!;
  await panel.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await panel.mouse.wheel(0, 200);
  await expect.poll(scrollLeft).toBeGreaterThan(0);
  expect(await panel.evaluate(() => window.scrollY)).toBe(0);
});

test('side panel opened on its last tab at 320 px shows that tab', async ({ extPage }) => {
  const panel = await extPage('sidepanel.html?tab=data');
  await panel.setViewportSize({ width: 320, height: 640 });
  await panel.reload();
  const tab = panel.locator('nav[role="tablist"] [role="tab"][aria-selected="true"]');
  await expect(tab).toHaveAttribute('data-tab', 'data');
  await expect.poll(() => shownInBar(tab)).toBe(true);
});

test('运营看板 sub-view buttons at 320 px: each label on one line (the row wraps between buttons)', async ({
  context,
  demo,
  extPage,
}) => {
  void demo;
  // One store: the 抖店 demo console's order and review lists, captured as a merchant opens them.
  const page = await context.newPage();
  await page.goto('https://fxg.jinritemai.com/ffa/morder/order/list');
  await expect(page.locator('tbody tr').first()).toBeVisible();
  await page.goto('https://fxg.jinritemai.com/ffa/maftersale/comment');
  await expect(page.locator('tr[data-comment-id]').first()).toBeVisible();
  await settle(await extPage('options.html'), { orders: 20, reviews: 20 });

  const panel = await extPage('sidepanel.html?tab=boards');
  await panel.setViewportSize({ width: 320, height: 640 });
  const views = panel.getByRole('tablist', { name: '看板' }).getByRole('tab');
  await expect(views.first()).toBeVisible({ timeout: 30_000 });
  const count = await views.count();
  expect(count).toBeGreaterThan(3);
  for (let i = 0; i < count; i++)
    expect(await labelLines(views.nth(i)), `「${await views.nth(i).textContent()}」 on one line`).toBe(1);
  await checkRow(panel, 320);

  // Tables wider than the panel scroll inside their card: nothing reaches past the panel's edge, and a
  // table's first column is never squeezed to one character per line.
  for (const tab of ['boards', 'overview', 'health']) {
    await panel.goto(panel.url().replace(/\?.*$/, `?tab=${tab}`));
    const tables = panel.locator('table.grid');
    await expect(tables.first(), `${tab}: a table shown`).toBeVisible({ timeout: 30_000 });
    expect(await outsidePanel(panel), `${tab}: elements past the panel's right edge`).toEqual([]);
    const firstCells = panel.locator('table.grid tbody tr > :first-child:not([colspan])');
    const n = await firstCells.count();
    expect(n, `${tab}: table rows`).toBeGreaterThan(0);
    for (let i = 0; i < Math.min(n, 12); i++) {
      const cell = firstCells.nth(i);
      if (!(await cell.isVisible())) continue;
      const text = ((await cell.textContent()) ?? '').trim();
      if (text.length < 4) continue;
      // Four or more characters never stack one per line (≤ ⌈length / 2⌉ lines).
      expect(await labelLines(cell), `${tab}: 「${text}」`).toBeLessThanOrEqual(Math.ceil(text.length / 2));
    }
  }
});

/** Elements whose right edge is past the window and not inside a box that scrolls or clips sideways. */
const outsidePanel = (panel: Page) =>
  panel.evaluate(() => {
    const clipped = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement)
        if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(p).overflowX)) return true;
      return false;
    };
    return [...document.querySelectorAll('body *')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.right > window.innerWidth + 0.5 && !clipped(el);
      })
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`)
      .slice(0, 10);
  });
