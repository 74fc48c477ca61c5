/**
 * Schema history (issue #8, Bitwarden style): for every shipped Dexie version, a fixture database as a
 * merchant who has not updated has it on disk — only the versions up to it declared, every table filled —
 * is opened with the full schema. Every row must come through unchanged, new tables must exist, and the
 * app's compound-index reads must work. A backup written from an old database, and the pre-release v0
 * backup format, restore into the latest schema.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { KoubeiDb } from '../db';
import { openDb } from '../db';
import { writeBackup } from '../export/backup';
import { makeOrders, makeReviews, makeStore } from '../export/testing';
import { applyRestore } from '../import/restore-run';
import { restoreChunk } from '../import/restore';
import type { OfficialScore } from '../model';
import { Order, Review, Store } from '../model';
import { openAt, rowsFor, schemaHistory, tablesAt } from './schema-history';

const NOW = Date.UTC(2026, 10, 22, 2);
const history = schemaHistory();
const latest = history.at(-1)!.version;
const store = makeStore();
const score: OfficialScore = {
  ...{ key: `${store.key}|douyin.experience|2026-11-20`, storeKey: store.key, platform: 'douyin' },
  ...{
    kind: 'douyin.experience',
    date: '2026-11-20',
    capturedAt: NOW,
    scaleMin: 50,
    scaleMax: 100,
    value: 88,
  },
  dimensions: [{ id: 'product', name: '商品体验', value: 90, weight: 0.5 }],
  indicators: [{ id: '1', name: '品质退货率', value: null }],
};
/** The record tables get real rows (validated after the upgrade); every other table generic ones. */
const RECORDS: Record<string, () => object[]> = {
  stores: () => [store],
  reviews: () => makeReviews(store, 400, 4),
  orders: () => makeOrders(store, 250, 5),
  officialScores: () => [score],
};

const opened: KoubeiDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

it('lib/db.ts declares versions in increasing order, and no version rewrites rows without a test here', () => {
  // Strictly increasing; gaps are allowed (helpers get version numbers assigned in parallel, Dexie accepts gaps).
  expect(history.every((d, i) => i === 0 || d.version > history[i - 1]!.version)).toBe(true);
  // A version with .upgrade() transforms stored rows: give it its own expected-result test below, then
  // list it here.
  const tested: number[] = [4, 9]; // 9: lib/reliability/score-marks-schema.test.ts
  expect(history.filter((d) => d.upgrade).map((d) => d.version)).toEqual(tested);
});

describe.each(history.filter((d) => d.version < latest).map((d) => [d.version] as const))(
  'a database as shipped at v%i',
  (v) => {
    it(`opens with the v${latest} schema with every row intact`, async () => {
      const name = `koubei-shipped-v${v}`;
      const old = openAt(name, v);
      await old.open();
      const written: Record<string, unknown[]> = {};
      for (const [table, spec] of Object.entries(tablesAt(v))) {
        const rows = RECORDS[table]?.() ?? rowsFor(table, spec, 40);
        await old.table(table).bulkAdd(rows);
        written[table] = await old.table(table).toArray();
      }
      old.close();

      const db = openDb(name);
      opened.push(db);
      await db.open();
      expect(db.verno).toBe(latest);
      for (const [table, rows] of Object.entries(written)) {
        // v9 regroups score marks per store-day (its own test: score-marks-schema.test.ts); here the
        // generic rows must come through as day rows holding every ref.
        if (table === 'scoreMarks' && v < 9) {
          const refs = (await db.scoreMarks.toArray()).flatMap((d) => d.m.map((e) => e.ref));
          expect(refs.sort()).toEqual(rows.map((r) => (r as { ref: string }).ref).sort());
          continue;
        }
        expect(await db.table(table).toArray()).toEqual(rows);
      }
      for (const table of Object.keys(tablesAt(latest)).filter((t) => !(t in written)))
        expect(await db.table(table).count()).toBe(0);
      expect((await db.reviews.toArray()).every((r) => Review.safeParse(r).success)).toBe(true);
      expect((await db.orders.toArray()).every((r) => Order.safeParse(r).success)).toBe(true);
      expect(Store.safeParse(await db.stores.get(store.key)).success).toBe(true);
      // The newest-first list the side panel reads still works on the upgraded indexes.
      const newest = await db.reviews
        .where('[storeKey+createdAt]')
        .between([store.key, 0], [store.key, Infinity])
        .reverse()
        .limit(5)
        .toArray();
      const byTime = [...written.reviews!].sort((a, b) => (b as Review).createdAt - (a as Review).createdAt);
      expect(newest.map((r) => r.key)).toEqual(byTime.slice(0, 5).map((r) => (r as Review).key));
    });
  },
);

describe('backups from older versions restore into the latest schema', () => {
  const restoreInto = (db: KoubeiDb, file: Blob) =>
    applyRestore(file, (req) => restoreChunk(db, req.table, req.rows, { now: NOW, offset: req.offset }), {});

  it('a backup written from a v1 database', async () => {
    const old = openAt('koubei-backup-v1', 1) as unknown as KoubeiDb;
    opened.push(old);
    await old.open();
    await old.table('stores').bulkAdd(RECORDS.stores!());
    await old.table('reviews').bulkAdd(RECORDS.reviews!());
    await old.table('orders').bulkAdd(RECORDS.orders!());
    await old.table('officialScores').bulkAdd(RECORDS.officialScores!());
    const { blob } = await writeBackup(old, { filter: {}, now: NOW });
    const db = openDb('koubei-restored-from-v1');
    opened.push(db);
    const report = await restoreInto(db, blob);
    expect(report.tally.reviews).toMatchObject({ add: 400, invalid: 0 });
    for (const t of ['stores', 'reviews', 'orders', 'officialScores'])
      expect(await db.table(t).toArray()).toEqual(await old.table(t).toArray());
  });

  it('the pre-release v0 backup format', async () => {
    const text = readFileSync(new URL('../import/__fixtures__/backup-v0.json', import.meta.url), 'utf8');
    const doc = JSON.parse(text) as { data: Record<string, unknown[]> };
    const db = openDb('koubei-restored-from-v0');
    opened.push(db);
    const report = await restoreInto(db, new Blob([text]));
    expect(report.tally.reviews.add).toBe(doc.data.reviews!.length);
    expect(report.tally.reviews.invalid + report.tally.orders.invalid).toBe(0);
    expect((await db.reviews.toArray()).every((r) => Review.safeParse(r).success)).toBe(true);
  });
});

describe('v4 upgrade', () => {
  it('gives reviews stored without a polarity one from their stars, and the inbox index finds them', async () => {
    const name = 'koubei-v4-polarity';
    const old = openAt(name, 3);
    await old.open();
    const rows = makeReviews(store, 60, 6).map((r, i) => {
      const { polarity: _drop, ...rest } = r;
      // Every third row keeps the platform's label (it wins even against the stars); one has no stars.
      if (i === 59) return { ...rest, star: undefined, starProduct: undefined };
      return i % 3 === 0 ? { ...rest, polarity: 'good' as const } : rest;
    });
    await old.table('reviews').bulkAdd(rows);
    old.close();

    const db = openDb(name);
    opened.push(db);
    await db.open();
    const after = await db.reviews.toArray();
    const byKey = new Map(after.map((r) => [r.key, r]));
    rows.forEach((r, i) => {
      const got = byKey.get(r.key)!;
      const { polarity, ...rest } = got;
      expect(rest).toEqual(Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'polarity')));
      const s = r.star;
      const want =
        i === 59 ? undefined : i % 3 === 0 ? 'good' : s! >= 4 ? 'good' : s === 3 ? 'neutral' : 'bad';
      expect([i, polarity]).toEqual([i, want]);
    });
    const bad = await db.reviews
      .where('[storeKey+polarity+createdAt]')
      .between([store.key, 'bad', 0], [store.key, 'bad', Infinity])
      .count();
    expect(bad).toBe(after.filter((r) => r.polarity === 'bad').length);
    expect(bad).toBeGreaterThan(0);
  });
});
