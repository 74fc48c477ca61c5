/**
 * Issue #16: exports carry the province, the courier and what happened after a negative review, and a
 * JSON backup round-trips them.
 */
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KoubeiDb } from '../db';
import { openDb } from '../db';
import { applyRestore } from '../import/restore-run';
import { restoreChunk } from '../import/restore';
import { unescapeText, unprotectId } from './csv';
import { exportData } from './run';
import { writeBackup } from './backup';
import { makeOrders, makeReviews, makeStore } from './testing';

const NOW = Date.UTC(2026, 10, 22, 2);
const store = makeStore();
const orders = makeOrders(store, 3).map((o, i) => ({
  ...o,
  province: (['广东省', '新疆维吾尔自治区', undefined] as const)[i],
  carrier: ['中通快递', '顺丰速运', undefined][i],
}));
const reviews = makeReviews(store, 3).map((r, i) => ({
  ...r,
  star: [5, 1, 1][i],
  polarity: (['good', 'bad', 'bad'] as const)[i],
  ...(i === 0 ? { firstStar: 1, starChangedAt: NOW - 86_400_000 } : {}),
  ...(i === 1 ? { goneAt: NOW - 3_600_000 } : {}),
  ...(i === 2 ? { appealState: '申诉驳回' } : {}),
}));
let db: KoubeiDb;

beforeAll(async () => {
  db = openDb(`boards-export-${Math.random()}`);
  await db.stores.put(store);
  await db.orders.bulkPut(orders);
  await db.reviews.bulkPut(reviews);
});
afterAll(() => db.delete());

async function csv(kind: 'orders' | 'reviews') {
  const res = await exportData(db, { format: 'csv', kinds: [kind], filter: {}, now: NOW });
  const text = (await res.blob.text()).replace(/^\uFEFF/, '');
  const [header, ...rows] = Papa.parse<string[]>(text, { newline: '\r\n', skipEmptyLines: true }).data;
  return rows.map((row) => Object.fromEntries(header!.map((h, i) => [h, unescapeText(row[i] ?? '')])));
}

describe('export columns', () => {
  it('orders: 收货省份 and 快递公司', async () => {
    const rows = await csv('orders');
    expect(rows.map((r) => [r['收货省份'], r['快递公司']])).toEqual([
      ['广东省', '中通快递'],
      ['新疆维吾尔自治区', '顺丰速运'],
      ['', ''],
    ]);
  });

  it('reviews: first star, when it changed or left the console, and the outcome', async () => {
    const rows = await csv('reviews');
    const byId = new Map(rows.map((r) => [unprotectId(r['评价ID']!), r]));
    const [a, b, c] = reviews.map((r) => byId.get(r.reviewId)!);
    expect(a).toMatchObject({ 首次星级: '1', 差评结果: '已改评' });
    expect(a!['改评时间']).toMatch(/^2026-11-2\d /);
    expect(b).toMatchObject({ 首次星级: '', 差评结果: '已从后台消失' });
    expect(b!['后台消失时间']).not.toBe('');
    expect(c).toMatchObject({ 差评结果: '申诉驳回' });
  });
});

describe('backup round trip', () => {
  it('restores province, courier and outcome fields unchanged', async () => {
    const { blob } = await writeBackup(db, { filter: {}, now: NOW });
    const target = openDb(`boards-restore-${Math.random()}`);
    await applyRestore(
      blob,
      (req) => restoreChunk(target, req.table, req.rows, { now: NOW, offset: req.offset }),
      {},
    );
    expect(await target.orders.orderBy('key').toArray()).toEqual(await db.orders.orderBy('key').toArray());
    expect(await target.reviews.orderBy('key').toArray()).toEqual(await db.reviews.orderBy('key').toArray());
    const restored = await target.reviews.get(reviews[0]!.key);
    expect(restored).toMatchObject({ firstStar: 1, starChangedAt: NOW - 86_400_000 });
    expect((await target.orders.get(orders[1]!.key))?.province).toBe('新疆维吾尔自治区');
    await target.delete();
  });
});
