/**
 * Issue #11 end to end: the merchant corrects a review's category in the side-panel inbox with one click
 * (× removes a wrong tag, ＋分类 adds a missing one); the correction is shown at once, kept after a
 * reload, stored in `textCorrections`, learnt by the store's adapter (`textAdapters`), and the console
 * overlay shows the corrected tags — where a click on × corrects again through the content script.
 */
import { allRows } from './idb';
import { expect, test } from './fixtures';

const OVERLAY = 'koubei-ui[data-koubei-host="reviews"]';

interface Correction {
  key: string;
  categories: string[];
}

test('抖店: a tag corrected in the inbox stays corrected after reload, is learnt, and reaches the overlay', async ({
  context,
  demo,
  extPage,
  sw,
}) => {
  void demo;
  const page = await context.newPage();
  await page.goto('https://fxg.jinritemai.com/ffa/maftersale/comment');
  await page.getByRole('tab', { name: '差评' }).click();
  await expect(page.locator(OVERLAY).first()).toBeAttached({ timeout: 20_000 });

  const panel = await extPage('sidepanel.html?tab=inbox');
  const tagged = panel.getByTestId('inbox-item').filter({ has: panel.getByTestId('inbox-tag') });
  await expect(tagged.first()).toBeVisible({ timeout: 20_000 });
  const key = (await tagged.first().getAttribute('data-review-key'))!;
  const item = panel.locator(`[data-testid="inbox-item"][data-review-key="${key}"]`);
  const wrong = (await item.getByTestId('inbox-tag').first().getAttribute('data-category'))!;
  const missing = wrong === 'price' ? 'service' : 'price';

  // One click removes the wrong tag; the select adds the missing one. Both show at once.
  await item.locator(`[data-category="${wrong}"] button`).click();
  await expect(item.locator(`[data-testid="inbox-tag"][data-category="${wrong}"]`)).toHaveCount(0);
  await expect(item.getByTestId('inbox-corrected')).toBeVisible();
  await item.getByTestId('inbox-tag-add').selectOption(missing);
  await expect(item.locator(`[data-testid="inbox-tag"][data-category="${missing}"]`)).toBeVisible();

  // Kept after a reload of the panel.
  await panel.reload();
  await expect(item.locator(`[data-testid="inbox-tag"][data-category="${missing}"]`)).toBeVisible({
    timeout: 20_000,
  });
  await expect(item.locator(`[data-testid="inbox-tag"][data-category="${wrong}"]`)).toHaveCount(0);
  await expect(item.getByTestId('inbox-corrected')).toBeVisible();

  // Stored, and learnt by the store's adapter in the background.
  const stored = async () =>
    (await allRows<Correction>(await sw(), 'textCorrections')).find((c) => c.key === key);
  await expect.poll(async () => (await stored())?.categories).toContain(missing);
  expect((await stored())!.categories).not.toContain(wrong);
  const storeKey = key.split('|')[0]!;
  await expect
    .poll(
      async () =>
        (await allRows<{ storeKey: string; corrections: number }>(await sw(), 'textAdapters')).find(
          (a) => a.storeKey === storeKey,
        )?.corrections ?? 0,
      { timeout: 20_000 },
    )
    .toBeGreaterThanOrEqual(2);

  // The console overlay shows the corrected tags; its × corrects again through the content script.
  await page.reload();
  await page.getByRole('tab', { name: '差评' }).click();
  const row = page.locator(`tr[data-comment-id="${key.split('|')[1]}"]`);
  await row.scrollIntoViewIfNeeded();
  const tag = row.locator(`${OVERLAY} [data-category="${missing}"]`);
  await expect(tag).toBeAttached({ timeout: 20_000 });
  await expect(row.locator(`${OVERLAY} [data-category="${wrong}"]`)).toHaveCount(0);
  await tag.locator('[data-testid="koubei-tag-x"]').click();
  await expect(row.locator(`${OVERLAY} [data-category="${missing}"]`)).toHaveCount(0);
  await expect.poll(async () => (await stored())?.categories).not.toContain(missing);
  // …and the side panel follows.
  await expect(item.locator(`[data-testid="inbox-tag"][data-category="${missing}"]`)).toHaveCount(0);
});
