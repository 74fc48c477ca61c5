import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KoubeiDb } from '../db';
import { openDb } from '../db';
import type { Review } from '../model';
import { readXlsx } from '../import/xlsx-read';
import { unescapeText, unprotectId } from './csv';
import type { Cell } from './kinds';
import { ordersKind, reviewsKind } from './kinds';
import { exportData } from './run';
import { makeOrders, makeReviews, makeStore } from './testing';

const NOW = Date.UTC(2026, 10, 22, 2);
const store = makeStore();
const other = makeStore('11223344', '第二家店');
const reviews = makeReviews(store, 20_000);
const ctx = { stores: new Map([store, other].map((s) => [s.key, s])) };
let db: KoubeiDb;

/** What a cell should read as once the CSV escaping is undone. */
function plain(v: Cell): string {
  if (v === undefined) return '';
  if (typeof v === 'boolean') return v ? '是' : '否';
  return String(v);
}

/** Unfiltered exports read by primary key (see Scan.byKeyWhenUnfiltered). */
const byKey = (a: Review, b: Review) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

beforeAll(async () => {
  db = openDb(`export-run-${Math.random()}`);
  await db.stores.bulkPut([store, other]);
  await db.reviews.bulkPut(reviews);
  await db.reviews.bulkPut(makeReviews(other, 300, 9));
  await db.orders.bulkPut(makeOrders(store, 500));
}, 120_000);
afterAll(() => db.delete());

describe('CSV export', () => {
  it('round-trips 20k hostile reviews through papaparse', async () => {
    const progress: number[] = [];
    const res = await exportData(db, {
      format: 'csv',
      kinds: ['reviews'],
      filter: { storeKeys: [store.key] },
      now: NOW,
      onProgress: (p) => progress.push(p.done),
    });
    const bytes = new Uint8Array(await res.blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.subarray(3));
    const parsed = Papa.parse<string[]>(text, { newline: '\r\n', skipEmptyLines: false });
    expect(parsed.errors).toEqual([]);
    const [header, ...rows] = parsed.data;
    if (rows.at(-1)?.length === 1 && rows.at(-1)![0] === '') rows.pop();
    expect(header).toEqual(reviewsKind.columns.map((c) => c.header));
    expect(rows).toHaveLength(20_000);
    expect(res.rows).toEqual({ reviews: 20_000 });
    expect(progress.at(-1)).toBe(20_000);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));

    const types = reviewsKind.columns.map((c) => c.type);
    const sorted = [...reviews].sort(byKey);
    const back = rows.map((r) => r.map((v, i) => (types[i] === 'id' ? unprotectId(v) : unescapeText(v))));
    const want = sorted.map((r) => reviewsKind.columns.map((c) => plain(c.get(r, ctx))));
    expect(back).toEqual(want);

    // Formula-looking text stays text: the raw field starts with an apostrophe.
    const textCol = reviewsKind.columns.findIndex((c) => c.header === '评价内容');
    const formula = rows.find((r) => r[textCol]!.includes('HYPERLINK'));
    expect(formula?.[textCol]?.startsWith("'=HYPERLINK")).toBe(true);
    // 19-digit ids keep every digit (protected by a leading tab, not a formula).
    const idCol = reviewsKind.columns.findIndex((c) => c.header === '评价ID');
    expect(rows[0]![idCol]).toMatch(/^\t\d{19}$/);
  }, 300_000);

  it('filters by day range (Asia/Shanghai) and store', async () => {
    const res = await exportData(db, {
      format: 'csv',
      kinds: ['reviews'],
      filter: { from: '2025-03-01', to: '2025-03-31' },
      now: NOW,
    });
    const want = [...reviews, ...makeReviews(other, 300, 9)].filter((r) => {
      const day = new Date(r.createdAt + 8 * 3600_000).toISOString().slice(0, 10);
      return day >= '2025-03-01' && day <= '2025-03-31';
    });
    expect(res.rows.reviews).toBe(want.length);
    // A day range reads the [storeKey+createdAt] index: rows come out in time order within each store.
    const lines = (await res.blob.text()).split('\r\n').slice(1, -1);
    const timeCol = reviewsKind.columns.findIndex((c) => c.header === '评价时间');
    const idCol = reviewsKind.columns.findIndex((c) => c.header === '店铺ID');
    const times = Papa.parse<string[]>(lines.join('\r\n'), { newline: '\r\n' })
      .data.filter((r) => r[idCol] === `\t${store.shopId}`)
      .map((r) => r[timeCol]!);
    expect(times.length).toBeGreaterThan(100);
    expect(times).toEqual([...times].sort());
    expect(res.fileName).toMatch(/^口碑助手_评价_全部店铺_2025-03-01至2025-03-31_2026-11-22\.csv$/);
  });

  it('exports orders without createdAt too (read by key, not by the createdAt index)', async () => {
    const res = await exportData(db, { format: 'csv', kinds: ['orders'], filter: {}, now: NOW });
    expect(res.rows.orders).toBe(500);
    const text = await res.blob.text();
    expect(text.split('\r\n')[0]).toBe(ordersKind.columns.map((c) => c.header).join(','));
  });

  it('stops when cancelled', async () => {
    const ac = new AbortController();
    const run = exportData(db, {
      format: 'csv',
      kinds: ['reviews'],
      filter: {},
      now: NOW,
      signal: ac.signal,
      onProgress: (p) => p.done >= 4000 && ac.abort(),
    });
    await expect(run).rejects.toThrow(/abort/i);
  }, 60_000);
});

describe('XLSX export', () => {
  it('writes one sheet per kind that reads back equal', async () => {
    const res = await exportData(db, {
      format: 'xlsx',
      kinds: ['reviews', 'orders'],
      filter: { storeKeys: [store.key] },
      now: NOW,
    });
    const sheets = await readXlsx(new Uint8Array(await res.blob.arrayBuffer()));
    expect(sheets.map((s) => s.name)).toEqual(['评价', '订单']);
    const [header, ...rows] = sheets[0]!.rows;
    expect(header).toEqual(reviewsKind.columns.map((c) => c.header));
    expect(rows).toHaveLength(20_000);
    const want = [...reviews]
      .sort(byKey)
      .map((r) => reviewsKind.columns.map((c) => c.get(r, ctx)))
      .map((cells) =>
        cells.map((v) => (v === '' ? undefined : typeof v === 'boolean' ? (v ? '是' : '否') : v)),
      );
    // Control characters XML cannot carry (none in the fixtures besides CR/LF/TAB) would be dropped.
    expect(rows.map((r) => Array.from({ length: header!.length }, (_, i) => r[i]))).toEqual(want);
    expect(sheets[1]!.rows).toHaveLength(501);
  }, 300_000);
});
