/**
 * Privacy (issue #8): buyer personal data — 收件人, 手机, 地址, unmasked nicknames — never reaches
 * IndexedDB or any export. The demo 抖店 console serves real-looking receivers (`receiverOf(order)`);
 * every adapter's fixtures carry their platform's PII fields. Both go through the capture pipeline, then
 * every stored row and an export of every kind (CSV per kind, XLSX of all, JSON backup) is searched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoHandler } from '../../demo/server';
import { receiverOf } from '../../demo/generator/people';
import type { KoubeiDb } from '../db';
import { openDb } from '../db';
import { writeBackup } from '../export/backup';
import { EXPORT_KINDS } from '../export/kinds';
import { exportData } from '../export/run';
import { readXlsx } from '../import/xlsx-read';
import { consoleRequests, hookMessage } from './consoles';
import { paths, getAt } from './fuzz';
import type { Json } from './fuzz';
import { capture } from './pipeline';

const NOW = Date.UTC(2026, 10, 22, 2);
const BASE = 'https://fxg.jinritemai.com';
/** Keys that hold buyer personal data in the consoles' JSON. */
const PII_KEY = /receiver|consignee|mobile|phone|tel$|_tel|addr|address|buyer_?name|real_?name|id_?card/i;

let db: KoubeiDb;
const served = new Set<string>();
beforeAll(async () => {
  db = openDb('privacy');
  // 抖店 demo world: orders with receivers, comments with nicknames (some unmasked on purpose here).
  const demo = createDemoHandler({ now: NOW, seed: 7, days: 90, ordersPerDay: 60 });
  const byId = new Map(demo.world.orders.map((o) => [o.id, o]));
  const douyin = consoleRequests().filter((r) => r.platform === 'douyin');
  const get = (path: string) => demo({ method: 'GET', url: new URL(`${BASE}${path}`) })!;
  for (let page = 0; page < 5; page++) {
    const res = get(`/api/order/searchlist?page=${page}&pageSize=100`);
    const body = JSON.parse(res.body) as { data: { shop_order_id: string }[] };
    for (const row of body.data) {
      const rc = receiverOf(byId.get(row.shop_order_id)!);
      for (const v of [rc.name, rc.phone, rc.detail, `${rc.street}${rc.detail}`]) served.add(v);
    }
    await capture(
      db,
      douyin.find((r) => r.endpoint === 'searchlist')!,
      hookMessage(new URL(`${BASE}/api/order/searchlist`), res.body),
      NOW,
    );
    const comments = JSON.parse(
      get(`/product/tcomment/commentList?page=${page}&pageSize=100&variant=flat`).body,
    ) as {
      data: { user_name: string }[];
    };
    comments.data.forEach((c, i) => {
      if (i % 10 === 0) served.add((c.user_name = `欧阳${['娜娜', '建国', '子轩'][i % 3]}${page}`));
    });
    await capture(
      db,
      douyin.find((r) => r.endpoint === 'commentList')!,
      hookMessage(new URL(`${BASE}/product/tcomment/commentList`), JSON.stringify(comments)),
      NOW,
    );
  }
  // Every adapter's fixtures: the values under PII-looking keys.
  for (const req of consoleRequests()) {
    for (const p of paths(req.fixture)) {
      const v = getAt(req.fixture, p);
      if (PII_KEY.test(String(p.at(-1))) && typeof v === 'string' && v.length >= 3) served.add(v);
    }
    await capture(db, req, hookMessage(req.url, JSON.stringify(req.fixture as Json)), NOW);
  }
}, 120_000);
afterAll(() => db.delete());

const leaks = (text: string) => [...served].filter((v) => text.includes(v));

describe('buyer personal data', () => {
  it('was served: receivers, phones, addresses, unmasked nicknames', async () => {
    expect(served.size).toBeGreaterThan(1000);
    expect([...served]).toEqual(expect.arrayContaining(['王小明', '13812345678']));
    expect(await db.orders.count()).toBeGreaterThanOrEqual(500);
    expect(await db.reviews.count()).toBeGreaterThanOrEqual(500);
  });

  it('is in no row of any table', async () => {
    for (const t of db.tables) expect(leaks(JSON.stringify(await t.toArray())), t.name).toEqual([]);
  });

  it.each(EXPORT_KINDS.map((k) => [k.id]))('is in no CSV export of %s', async (kind) => {
    const { blob, rows } = await exportData(db, { format: 'csv', kinds: [kind], filter: {}, now: NOW });
    expect(Object.values(rows)[0]).toBeGreaterThan(0);
    expect(leaks(await blob.text())).toEqual([]);
  });

  it('is in no sheet of the XLSX export of every kind', async () => {
    const kinds = EXPORT_KINDS.map((k) => k.id);
    const { blob } = await exportData(db, { format: 'xlsx', kinds, filter: {}, now: NOW });
    const sheets = await readXlsx(new Uint8Array(await blob.arrayBuffer()));
    expect(sheets).toHaveLength(kinds.length);
    expect(leaks(JSON.stringify(sheets))).toEqual([]);
  });

  it('is in no JSON backup', async () => {
    const { blob } = await writeBackup(db, { filter: {}, now: NOW });
    expect(leaks(await blob.text())).toEqual([]);
  });
});
