/**
 * Export end to end: reviews captured from the demo console (with hostile texts) plus an imported file,
 * exported from the side panel's 数据 tab as CSV, XLSX and JSON backup; the downloads are read back.
 * Then the store is deleted from the storage panel and the backup restored after its preview.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Download, Page } from '@playwright/test';
import Papa from 'papaparse';
import { createDemoHandler, routeDemo } from '../demo/server';
import { reviewsKind } from '../lib/export/kinds';
import { readXlsx } from '../lib/import/xlsx-read';
import { DEMO_NOW, expect, test } from './fixtures';
import { countRows } from './idb';

const BASE = 'https://fxg.jinritemai.com';

async function download(page: Page, click: () => Promise<void>): Promise<{ d: Download; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await d.path();
  return { d, bytes: readFileSync(path) };
}

test('exports CSV, XLSX and a JSON backup, then restores the backup after deleting the store', async ({
  context,
  extPage,
  sw,
}) => {
  test.setTimeout(180_000);
  const demo = createDemoHandler({ now: DEMO_NOW, seed: 7, hostile: true });
  await routeDemo(context, demo);
  const page = await context.newPage();
  await page.goto(`${BASE}/ffa/maftersale/comment`);
  await expect(page.locator('tr[data-comment-id]').first()).toBeVisible();
  const first = await page.locator('tr[data-comment-id]').first().getAttribute('data-comment-id');
  await page.getByRole('button', { name: '下一页' }).first().click();
  // Page 2 has arrived (its rows replaced page 1's) before the page is left: this test is about export.
  await expect(page.locator('tr[data-comment-id]').first()).not.toHaveAttribute('data-comment-id', first!);
  await page.goto(`${BASE}/ffa/eco/experience-score`);
  await expect(page.getByText('商品体验').first()).toBeVisible();
  const worker = await sw();
  await expect.poll(async () => (await countRows(worker)).reviews ?? 0, { timeout: 15_000 }).toBe(40);

  const panel = await extPage('sidepanel.html?tab=data');
  // A file import adds a formula-looking review to the same store.
  const importCard = panel.getByTestId('import-card');
  await importCard
    .getByLabel('选择导出文件')
    .setInputFiles(fileURLToPath(new URL('../lib/import/__fixtures__/douyin-reviews.xlsx', import.meta.url)));
  await importCard.getByTestId('import-confirm').click();
  await expect(importCard.getByTestId('import-done')).toContainText('新增 3');
  const total = (await countRows(worker)).reviews!;
  expect(total).toBe(43);

  const card = panel.getByTestId('export-card');
  await card.getByLabel('范围').selectOption('all');

  // CSV: BOM, Chinese headers, CRLF, one line per review, formula-looking text escaped.
  const csv = await download(panel, () => card.locator('[data-export="csv-reviews"]').click());
  expect(csv.d.suggestedFilename()).toMatch(/^口碑助手_评价_抖店-.+_\d{4}-\d{2}-\d{2}\.csv$/);
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = csv.bytes.subarray(3).toString('utf8');
  expect(text.split('\r\n')[0]).toBe(reviewsKind.columns.map((c) => c.header).join(','));
  const parsed = Papa.parse<string[]>(text, { newline: '\r\n', skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const rows = parsed.data.slice(1);
  expect(rows).toHaveLength(total);
  const textCols = reviewsKind.columns.flatMap((c, i) => (c.type === 'text' ? [i] : []));
  for (const r of rows) for (const i of textCols) expect(r[i] ?? '').not.toMatch(/^[=+\-@]/);
  const body = reviewsKind.columns.findIndex((c) => c.header === '评价内容');
  expect(rows.some((r) => r[body]!.startsWith("'=HYPERLINK"))).toBe(true);
  await expect(card.getByTestId('export-done')).toContainText(`${total} 条`);

  // XLSX: opens (read back), one sheet per selected kind, every review present, ids exact.
  const xlsx = await download(panel, () => card.locator('[data-export="xlsx"]').click());
  expect(xlsx.d.suggestedFilename()).toMatch(/\.xlsx$/);
  const sheets = await readXlsx(new Uint8Array(xlsx.bytes));
  expect(sheets.map((s) => s.name)).toEqual(['评价', '订单', '官方体验分']);
  expect(sheets[0]!.rows).toHaveLength(total + 1);
  const idCol = reviewsKind.columns.findIndex((c) => c.header === '订单号');
  expect(sheets[0]!.rows.slice(1).some((r) => r[idCol] === '6931000000000000011')).toBe(true);
  expect(sheets[0]!.rows.slice(1).some((r) => String(r[body]).startsWith('=HYPERLINK'))).toBe(true);
  expect(sheets[2]!.rows.length).toBeGreaterThan(1);

  // JSON backup.
  const json = await download(panel, () => card.locator('[data-export="json"]').click());
  const backup = json.bytes.toString('utf8');
  expect(backup.startsWith('{"format":"koubei-backup","schemaVersion":1,')).toBe(true);
  const doc = JSON.parse(backup) as {
    counts: { stores: number; reviews: number; orders: number; officialScores: number };
    reviews: unknown[];
  };
  expect(doc.counts.reviews).toBe(total);
  expect(doc.reviews).toHaveLength(total);

  // Delete the store (typed confirmation), then restore the backup after its preview.
  const storage = panel.getByTestId('storage-panel');
  await expect(storage.getByTestId('storage-used')).not.toHaveText('—');
  const shopId = demo.world.shop.id;
  const row = storage.locator(`tr[data-store="douyin:${shopId}"]`);
  await row.getByRole('button', { name: '删除' }).click();
  await row.getByLabel('确认店铺').fill('wrong');
  await expect(row.getByRole('button', { name: '确认删除' })).toBeDisabled();
  await row.getByLabel('确认店铺').fill(String(shopId));
  await row.getByRole('button', { name: '确认删除' }).click();
  await expect.poll(async () => (await countRows(worker)).reviews ?? 0).toBe(0);

  const restore = panel.getByTestId('restore-card');
  await restore.getByLabel('选择备份文件').setInputFiles({
    name: 'backup.json',
    mimeType: 'application/json',
    buffer: json.bytes,
  });
  const preview = restore.getByTestId('restore-preview');
  await expect(preview.locator('tr[data-table="reviews"] td').nth(1)).toHaveText(String(total));
  expect((await countRows(worker)).reviews ?? 0).toBe(0);
  await restore.getByTestId('restore-confirm').click();
  await expect(restore.getByTestId('restore-done')).toContainText(
    `新增 ${total + doc.counts.orders + doc.counts.officialScores + doc.counts.stores}`,
  );
  expect((await countRows(worker)).reviews).toBe(total);

  // Restoring the same file again changes nothing.
  await restore
    .getByLabel('选择备份文件')
    .setInputFiles({ name: 'b.json', mimeType: 'application/json', buffer: json.bytes });
  await expect(restore.getByTestId('restore-confirm')).toHaveText('没有需要恢复的变化');
});
