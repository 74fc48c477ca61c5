/**
 * Import end to end: a platform export file uploaded in the side panel's 数据 tab shows a preview, then
 * its rows are stored through the background's ingest (source "import") — buyer data never stored.
 */
import { fileURLToPath } from 'node:url';
import { allRows, countRows } from './idb';
import { expect, test } from './fixtures';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../lib/import/__fixtures__/${name}`, import.meta.url));

test('imports a 抖店 order export (GB18030 CSV) and a 评价导出 (XLSX) after a preview', async ({
  extPage,
  sw,
}) => {
  const panel = await extPage('sidepanel.html?tab=data');
  const card = panel.getByTestId('import-card');
  await card.getByLabel('选择导出文件').setInputFiles(fixture('douyin-orders-gb18030.csv'));

  const preview = card.getByTestId('import-preview');
  await expect(preview).toContainText('抖店 订单导出');
  await expect(preview).toContainText('GB18030');
  await expect(card.getByTestId('import-rows')).toHaveText('3');
  await expect(card.getByTestId('import-rejects')).toHaveText('1');
  await expect(preview).toContainText('收件人、收件地址、收件人手机号');
  await expect(card.getByTestId('import-sample')).toContainText('6931000000000000001');
  // Nothing is written before the merchant confirms.
  const worker = await sw();
  expect((await countRows(worker)).orders ?? 0).toBe(0);

  await card.getByLabel('店铺 ID').fill('88776655');
  await card.getByLabel('店铺名称').fill('测试旗舰店');
  await card.getByTestId('import-confirm').click();
  await expect(card.getByTestId('import-done')).toContainText('新增 3');

  const orders = await allRows<{ orderId: string; source: string; storeKey: string }>(worker, 'orders');
  expect(orders.map((o) => o.orderId).sort()).toEqual([
    '6931000000000000001',
    '6931000000000000002',
    '6931000000000000003',
  ]);
  expect(new Set(orders.map((o) => `${o.storeKey} ${o.source}`))).toEqual(
    new Set(['douyin:88776655 import']),
  );
  const stores = await allRows<{ key: string; name?: string }>(worker, 'stores');
  expect(stores).toEqual([expect.objectContaining({ key: 'douyin:88776655', name: '测试旗舰店' })]);

  // Second file: the store now exists and is offered for the platform.
  await card.getByLabel('选择导出文件').setInputFiles(fixture('douyin-reviews.xlsx'));
  await expect(preview).toContainText('抖店 评价导出');
  await expect(card.getByTestId('import-rows')).toHaveText('3');
  await expect(card.getByLabel('导入到店铺')).toHaveValue('douyin:88776655');
  await card.getByTestId('import-confirm').click();
  await expect(card.getByTestId('import-done')).toContainText('新增 3');
  const reviews = await allRows<{ text: string; storeKey: string }>(worker, 'reviews');
  expect(reviews).toHaveLength(3);
  expect(reviews.some((r) => r.text.startsWith('=HYPERLINK'))).toBe(true);

  const everything = JSON.stringify(
    await Promise.all(['stores', 'reviews', 'orders', 'captureEvents'].map((t) => allRows(worker, t))),
  );
  for (const pii of ['张三', '13800000001', '某某路', '北京市']) expect(everything).not.toContain(pii);
});

test('names the missing column of an incomplete file and writes nothing', async ({ extPage, sw }) => {
  const panel = await extPage('sidepanel.html?tab=data');
  const card = panel.getByTestId('import-card');
  await card.getByLabel('选择导出文件').setInputFiles(fixture('douyin-reviews-missing-column.csv'));
  await expect(card.getByRole('alert')).toContainText('商品评价得分');
  expect((await countRows(await sw())).reviews ?? 0).toBe(0);
});

const OTHER_EXPORTS = [
  {
    file: 'pdd-orders.csv',
    label: '拼多多 订单导出',
    store: 'pdd:10086',
    ids: /^2604\d\d-6622596899032\d\d$/,
    rows: 4,
  },
  {
    file: 'taobao-orders-gb18030.csv',
    label: '淘宝 订单报表',
    store: 'taobao:55667788',
    ids: /^2951203765016139\d{3}$/,
    rows: 3,
  },
] as const;

for (const x of OTHER_EXPORTS)
  test(`imports a ${x.label} (${x.file}) into its platform's store, without buyer data`, async ({
    extPage,
    sw,
  }) => {
    const panel = await extPage('sidepanel.html?tab=data');
    const card = panel.getByTestId('import-card');
    await card.getByLabel('选择导出文件').setInputFiles(fixture(x.file));
    await expect(card.getByTestId('import-preview')).toContainText(x.label);
    await expect(card.getByTestId('import-rows')).toHaveText(String(x.rows));
    const worker = await sw();
    expect((await countRows(worker)).orders ?? 0).toBe(0);

    await card.getByLabel('店铺 ID').fill(x.store.split(':')[1]!);
    await card.getByLabel('店铺名称').fill('导入测试店');
    await card.getByTestId('import-confirm').click();
    await expect(card.getByTestId('import-done')).toContainText(`新增 ${x.rows}`);

    const orders = await allRows<{ orderId: string; storeKey: string; source: string }>(worker, 'orders');
    expect(orders).toHaveLength(x.rows);
    for (const o of orders) {
      expect(o.orderId).toMatch(x.ids);
      expect(`${o.storeKey} ${o.source}`).toBe(`${x.store} import`);
    }
    // Receiver names, phone numbers and addresses never reach the database.
    const everything = JSON.stringify(await allRows(worker, 'orders'));
    expect(everything).not.toMatch(/"1[3-9]\d{9}"/);
    expect(everything).not.toMatch(/收货人|收件人|街道|西湖区/);
  });
