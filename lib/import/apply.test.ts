import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KoubeiDb } from '../db';
import { openDb } from '../db';
import { makeReviews, makeStore } from '../export/testing';
import { recordKey } from '../keys';
import type { ImportRequest } from './apply';
import { importBatch } from './apply';
import { parseImportFile } from './parse';
import { runImport } from './run';

const NOW = Date.UTC(2026, 10, 22, 2);
const fixture = (name: string) =>
  new Uint8Array(readFileSync(fileURLToPath(new URL(`./__fixtures__/${name}`, import.meta.url))));

let db: KoubeiDb;
const send = (req: ImportRequest) => importBatch(db, req, { now: NOW });
beforeEach(() => {
  db = openDb(`import-${Math.random()}`);
});
afterEach(() => db.delete());

describe('import through ingest', () => {
  it('creates the store from a typed shop id and stores the orders', async () => {
    const p = await parseImportFile(fixture('douyin-orders-gb18030.csv'), 'orders.csv');
    const r = await runImport(p, { shopId: '88776655', name: '测试旗舰店' }, send);
    expect(r).toMatchObject({ storeKey: 'douyin:88776655', added: 3, updated: 0, rejected: 1, batches: 1 });
    expect(await db.stores.get('douyin:88776655')).toMatchObject({ name: '测试旗舰店', firstSeen: NOW });
    const order = await db.orders.get('douyin:88776655|6931000000000000001');
    expect(order).toMatchObject({ source: 'import', capturedAt: NOW, amountFen: 12800 });
    const [event] = await db.captureEvents.toArray();
    expect(event).toMatchObject({ source: 'import', outcome: 'partial', added: 3, rejected: 1 });
    expect(event!.endpoint).toBe('导入:抖店 订单导出');
  });

  it('is idempotent: importing the same file twice changes nothing', async () => {
    const p = await parseImportFile(fixture('pdd-orders.csv'), 'pdd.csv');
    await runImport(p, { shopId: '900100' }, send);
    const before = await db.orders.toArray();
    const again = await runImport(p, { shopId: '900100' }, send);
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 4 });
    expect(await db.orders.toArray()).toEqual(before);
  });

  it('never stores buyer personal data', async () => {
    for (const [name, shopId] of [
      ['douyin-orders-gb18030.csv', '1001'],
      ['pdd-orders.csv', '1002'],
      ['taobao-orders-gb18030.csv', '1003'],
      ['taobao-orders-new.csv', '1003'],
      ['douyin-reviews.xlsx', '1001'],
    ] as const) {
      await runImport(await parseImportFile(fixture(name), name), { shopId }, send);
    }
    const dump = JSON.stringify(await Promise.all(db.tables.map((t) => t.toArray())));
    for (const pii of [
      '张三',
      '李四',
      '13800000001',
      '某某路',
      '周八',
      '13400000006',
      '西湖区',
      'tb_buyer',
      'buyer@',
      '请用顺丰',
      '黄四',
      '13000000013',
    ])
      expect(dump).not.toContain(pii);
    expect(await db.orders.count()).toBe(3 + 4 + 3 + 1);
    expect(await db.reviews.count()).toBe(3);
  });

  it('merges an imported review into the captured one of the same order', async () => {
    const store = makeStore('2002');
    const [captured] = makeReviews(store, 1);
    const real = {
      ...captured!,
      orderId: '6931000000000000011',
      images: 3,
      text: '旧的',
      updatedAt: NOW - 1000,
    };
    await db.stores.put(store);
    await db.reviews.put(real);
    const p = await parseImportFile(fixture('douyin-reviews.xlsx'), 'reviews.xlsx');
    const r = await runImport(p, { storeKey: store.key }, send);
    expect(r).toMatchObject({ added: 2, updated: 1 });
    const merged = await db.reviews.get(real.key);
    expect(merged).toMatchObject({ reviewId: real.reviewId, images: 3, star: 1, source: 'api' });
    expect(merged!.text).toMatch(/^=HYPERLINK/);
    expect(await db.reviews.get(recordKey(store.key, 'order-6931000000000000021'))).toBeDefined();
  });

  it.each([
    [
      'a store of another platform',
      async () => ({ storeKey: (await db.stores.put(makeStore('3003'))) as string }),
      /平台不一致/,
    ],
    ['a store that does not exist', async () => ({ storeKey: 'pdd:nope' }), /不存在/],
    ['a shop id with spaces', async () => ({ shopId: '12 34' }), /店铺 ID/],
  ])('refuses %s', async (_, target, msg) => {
    const p = await parseImportFile(fixture('pdd-orders.csv'), 'pdd.csv');
    await expect(runImport(p, await target(), send)).rejects.toThrow(msg);
    expect(await db.orders.count()).toBe(0);
  });

  it('refuses batches that do not claim to be imports', async () => {
    const p = await parseImportFile(fixture('pdd-orders.csv'), 'pdd.csv');
    const forged = (req: ImportRequest) => send({ ...req, batch: { ...req.batch, source: 'api' } });
    await expect(runImport(p, { shopId: '1' }, forged)).rejects.toThrow(/import/);
  });
});
