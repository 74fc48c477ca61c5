/**
 * Concurrency in Chromium (issue #8): two tabs capturing the same pages at once end exactly where one tab
 * alone ends (each row once, the content a single parse gives); a capture running while the 数据 tab
 * exports, and while it restores a backup after the store was deleted, loses nothing and doubles nothing.
 */
import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import Papa from 'papaparse';
import { parseHookMessage } from '../../lib/capture/content';
import { unprotectId } from '../../lib/export/csv';
import { reviewsKind } from '../../lib/export/kinds';
import { douyin } from '../../lib/platforms/douyin';
import { DEMO_NOW, expect, test } from '../fixtures';
import { BASE, COMMENTS, allRows, pageFetches, reader } from './support';

const list = (from: number, to: number, size: number) =>
  Array.from(
    { length: to - from },
    (_, i) => `/product/tcomment/commentList?page=${from + i}&pageSize=${size}&variant=flat`,
  );

async function download(page: Page, click: () => Promise<void>): Promise<Buffer> {
  const [d]: [Download, void] = await Promise.all([page.waitForEvent('download'), click()]);
  return readFileSync(await d.path());
}

test('two tabs capturing the same pages at once store what one tab stores, each row once', async ({
  context,
  demo,
  extensionId,
}) => {
  test.setTimeout(90_000);
  const [a, b] = [await context.newPage(), await context.newPage()];
  for (const p of [a, b]) {
    await p.goto(COMMENTS);
    await expect(p.locator('tr[data-comment-id]').first()).toBeVisible();
  }
  const paths = list(0, 8, 50);
  await Promise.all([pageFetches(a, paths, 80), pageFetches(b, paths, 80)]);
  const db = await reader(context, extensionId);
  await expect.poll(async () => (await allRows(db, 'reviews')).length, { timeout: 20_000 }).toBe(400);
  // One tab alone, serially: the drafts a single parse of the same responses gives.
  const expected = new Map<string, Record<string, unknown>>();
  for (const p of paths) {
    const url = new URL(`${BASE}${p}`);
    const body = demo({ method: 'GET', url })!.body;
    const m = {
      url: url.href,
      method: 'GET',
      status: 200,
      contentType: 'application/json',
      text: body,
      bytes: body.length,
      at: 0,
    };
    for (const d of parseHookMessage(douyin, m, new URL(COMMENTS), DEMO_NOW).result.reviews)
      expected.set(d.reviewId, JSON.parse(JSON.stringify(d)) as Record<string, unknown>);
  }
  const stored = await allRows<Record<string, unknown>>(db, 'reviews');
  expect(stored.map((r) => r.reviewId).sort()).toEqual([...expected.keys()].sort());
  for (const r of stored) {
    const { key: _k, storeKey: _s, capturedAt: _c, updatedAt: _u, ...draft } = r;
    expect(draft).toEqual(expected.get(r.reviewId as string));
  }
  const events = await allRows<{ endpoint: string; added: number }>(db, 'captureEvents');
  expect(events.filter((e) => e.endpoint === 'commentList').reduce((n, e) => n + e.added, 0)).toBe(400);
});

test('capture keeps running through an export, a store deletion and a restore: nothing lost or doubled', async ({
  context,
  demo,
  extensionId,
  extPage,
}) => {
  test.setTimeout(150_000);
  const page = await context.newPage();
  await page.goto(COMMENTS);
  await expect(page.locator('tr[data-comment-id]').first()).toBeVisible();
  await pageFetches(page, list(0, 3, 100), 50);
  const db = await reader(context, extensionId);
  await expect.poll(async () => (await allRows(db, 'reviews')).length).toBe(300);
  const before = new Set((await allRows<{ reviewId: string }>(db, 'reviews')).map((r) => r.reviewId));

  const panel = await extPage('sidepanel.html?tab=data');
  const card = panel.getByTestId('export-card');
  await card.getByLabel('范围').selectOption('all');
  // A CSV export while pages 4–10 arrive.
  const capturing = pageFetches(page, list(3, 10, 100), 150);
  const csv = await download(panel, () => card.locator('[data-export="csv-reviews"]').click());
  await capturing;
  const rows = Papa.parse<string[]>(csv.subarray(3).toString('utf8'), {
    newline: '\r\n',
    skipEmptyLines: true,
  }).data.slice(1);
  const idCol = reviewsKind.columns.findIndex((c) => c.header === '评价ID');
  const exported = rows.map((r) => unprotectId(r[idCol]!));
  expect(new Set(exported).size).toBe(exported.length);
  expect(exported).toEqual(expect.arrayContaining([...before]));
  await expect.poll(async () => (await allRows(db, 'reviews')).length, { timeout: 20_000 }).toBe(1000);

  // Backup, delete the store, then restore it while pages 11–20 arrive.
  const backup = await download(panel, () => card.locator('[data-export="json"]').click());
  const row = panel.getByTestId('storage-panel').locator(`tr[data-store="douyin:${demo.world.shop.id}"]`);
  await row.getByRole('button', { name: '删除' }).click();
  await row.getByLabel('确认店铺').fill(String(demo.world.shop.id));
  await row.getByRole('button', { name: '确认删除' }).click();
  await expect.poll(async () => (await allRows(db, 'reviews')).length, { timeout: 20_000 }).toBe(0);
  const restore = panel.getByTestId('restore-card');
  await restore
    .getByLabel('选择备份文件')
    .setInputFiles({ name: 'b.json', mimeType: 'application/json', buffer: backup });
  await expect(restore.getByTestId('restore-preview')).toBeVisible({ timeout: 30_000 });
  const capturing2 = pageFetches(page, list(10, 20, 100), 100);
  await restore.getByTestId('restore-confirm').click();
  await expect(restore.getByTestId('restore-done')).toBeVisible({ timeout: 60_000 });
  await capturing2;

  await expect.poll(async () => (await allRows(db, 'reviews')).length, { timeout: 20_000 }).toBe(2000);
  const ids = (await allRows<{ reviewId: string }>(db, 'reviews')).map((r) => r.reviewId);
  expect(new Set(ids)).toEqual(new Set(demo.world.reviews.slice(-2000).map((r) => r.id)));
});
