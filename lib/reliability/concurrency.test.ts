/**
 * Concurrency (issue #8): two tabs capturing the same pages at once, a capture while an export reads in
 * chunks, a restore while capturing. Each final state must equal a serial order of the same operations;
 * the export must hold every row that existed when it started, exactly once.
 */
import Papa from 'papaparse';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CaptureBatch } from '../capture/batch';
import { toBatches } from '../capture/batch';
import { parseHookMessage } from '../capture/content';
import { ingestBatch } from '../background/ingest';
import type { KoubeiDb } from '../db';
import { openDb } from '../db';
import { writeBackup } from '../export/backup';
import { unprotectId } from '../export/csv';
import { reviewsKind } from '../export/kinds';
import { exportData } from '../export/run';
import { makeReviews, makeStore } from '../export/testing';
import { applyRestore } from '../import/restore-run';
import { restoreChunk } from '../import/restore';
import { douyin } from '../platforms/douyin';
import { COMMENTS_PAGE, SHOP_ID, commentPages } from './large';

vi.setConfig({ testTimeout: 60_000 });
const NOW = Date.UTC(2026, 10, 22, 2);
const STORE = `douyin:${SHOP_ID}`;
const dbs: KoubeiDb[] = [];
const fresh = (name: string) => {
  const db = openDb(`${name}-${Math.random()}`);
  dbs.push(db);
  return db;
};
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

/** The batches a content script sends for `pages` comment pages, optionally edited (a later capture). */
function batches(pages: number, edit?: (row: Record<string, unknown>, i: number) => void): CaptureBatch[] {
  return commentPages(pages, 60).flatMap((m) => {
    const body = JSON.parse(m.text!) as { data: Record<string, unknown>[] };
    body.data.forEach((r, i) => edit?.(r, i));
    const text = JSON.stringify(body);
    const { result } = parseHookMessage(douyin, { ...m, text }, new URL(COMMENTS_PAGE), NOW);
    return toBatches(result, {
      platform: 'douyin',
      endpoint: 'commentList',
      page: '/c',
      source: 'api',
      bytes: text.length,
    });
  });
}
const ingest = (db: KoubeiDb, b: CaptureBatch, now = NOW) => ingestBatch(db, b, { storeKey: STORE, now });
const serially = async (db: KoubeiDb, ops: (() => Promise<unknown>)[]) => {
  for (const op of ops) await op();
};
const records = async (db: KoubeiDb) => ({
  stores: await db.stores.toArray(),
  reviews: await db.reviews.toArray(),
  orders: await db.orders.toArray(),
});

describe('two tabs capturing the same pages at once', () => {
  it('stores what one tab alone stores, each row once', async () => {
    const first = batches(10);
    // The second tab saw some reviews later: the shop had replied in between.
    const second = batches(10, (r, i) => {
      if (i % 3 === 0)
        Object.assign(r, { shop_reply: '亲，已为您补发', is_shop_reply: 1, reply_time: 1_763_500_000 });
    });
    const serial = fresh('serial');
    await serially(
      serial,
      [...first, ...second].map((b) => () => ingest(serial, b)),
    );
    const both = fresh('both');
    // Interleaved as two tabs send them; each message is one transaction, handled in arrival order.
    await Promise.all(first.flatMap((b, i) => [ingest(both, b), ingest(both, second[i]!)]));
    const interleaved = fresh('interleaved');
    await serially(
      interleaved,
      first.flatMap((b, i) => [() => ingest(interleaved, b), () => ingest(interleaved, second[i]!)]),
    );
    expect(await records(both)).toEqual(await records(interleaved));
    expect((await records(both)).reviews.map(({ capturedAt: _, updatedAt: __, ...r }) => r)).toEqual(
      (await records(serial)).reviews.map(({ capturedAt: _, updatedAt: __, ...r }) => r),
    );
    const events = await both.captureEvents.toArray();
    expect(events.reduce((n, e) => n + e.added, 0)).toBe(600);
    expect(await both.reviews.count()).toBe(600);
  });
});

/** Review ids in a CSV export. */
async function exportedIds(blob: Blob): Promise<string[]> {
  const text = new TextDecoder().decode((await blob.arrayBuffer()).slice(3));
  const rows = Papa.parse<string[]>(text, { newline: '\r\n', skipEmptyLines: true }).data.slice(1);
  const idCol = reviewsKind.columns.findIndex((c) => c.header === '评价ID');
  return rows.map((r) => unprotectId(r[idCol]!));
}

describe('capture while an export runs', () => {
  it('exports every row that existed when it started, exactly once; the capture is unaffected', async () => {
    const db = fresh('export');
    const store = makeStore(SHOP_ID, '暖阳家居旗舰店');
    // Stored earlier: 3,000 reviews (ids apart from the pages captured now).
    const existing = makeReviews(store, 3000, 8).map((r) => ({
      ...r,
      reviewId: `8${r.reviewId.slice(1)}`,
      key: `${STORE}|8${r.reviewId.slice(1)}`,
    }));
    await db.stores.put(store);
    await db.reviews.bulkPut(existing);
    // New pages, and re-captures of stored reviews the shop has replied to since.
    const replies = Array.from({ length: 5 }, (_, k): CaptureBatch => ({
      ...{ platform: 'douyin', endpoint: 'commentList', page: '/c', source: 'api', scores: [], rejects: [] },
      reviews: existing
        .slice(k * 600, k * 600 + 100)
        .map(({ key: _k, storeKey: _s, capturedAt: _c, updatedAt: _u, ...d }) => ({
          ...d,
          replied: true,
          replyText: '已为您补发',
        })),
      orders: [],
      seen: 100,
      bytes: 1,
    }));
    const incoming = [...batches(10), ...replies];
    let progress = 0;
    const during: number[] = [];
    const exporting = exportData(db, {
      ...{ format: 'csv', kinds: ['reviews'], filter: {}, now: NOW, chunk: 97 },
      onProgress: (p) => (progress = p.done),
    });
    // Pages arrive one by one, as a merchant pages through the console while the export runs.
    for (const b of incoming) {
      await ingest(db, b);
      during.push(progress);
      await new Promise((r) => setTimeout(r, 5));
    }
    const ids = await exportedIds((await exporting).blob);
    // The two really overlapped: some captures finished while the export was half way.
    expect(during.some((d) => d > 0 && d < 3000)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(existing.map((r) => r.reviewId)));
    const serial = fresh('export-serial');
    await serial.stores.put(store);
    await serial.reviews.bulkPut(existing);
    await serially(
      serial,
      incoming.map((b) => () => ingest(serial, b)),
    );
    expect(await records(db)).toEqual(await records(serial));
  });

  it('no row twice when captured rows share the chunk boundary’s second (抖店 times are seconds)', async () => {
    const db = fresh('export-ties');
    const store = makeStore(SHOP_ID, '暖阳家居旗舰店');
    // 2,000 reviews on five timestamps: every chunk boundary falls inside a run of equal times.
    const existing = makeReviews(store, 2000, 9).map((r, i) => {
      const reviewId = `5${String(i).padStart(6, '0')}`;
      return { ...r, reviewId, key: `${store.key}|${reviewId}`, createdAt: Date.UTC(2026, 0, 1 + (i % 5)) };
    });
    await db.stores.put(store);
    await db.reviews.bulkPut(existing);
    const exporting = exportData(db, { format: 'csv', kinds: ['reviews'], filter: {}, now: NOW, chunk: 97 });
    // A walker backfills older pages meanwhile: same seconds, ids that sort before the stored ones.
    for (let k = 0; k < 40; k++) {
      await db.reviews.bulkPut(
        existing.slice(0, 5).map((r, i) => ({
          ...r,
          reviewId: `1${k}${i}`,
          key: `${store.key}|1${String(k).padStart(3, '0')}${i}`,
        })),
      );
      await new Promise((r) => setTimeout(r, 1));
    }
    const ids = await exportedIds((await exporting).blob);
    expect(ids.length - new Set(ids).size).toBe(0);
    expect(ids).toEqual(expect.arrayContaining(existing.map((r) => r.reviewId)));
  });
});

describe('restore while capturing', () => {
  it('ends where one of the two serial orders ends', async () => {
    // A backup of an older state: the same reviews before the shop replied.
    const source = fresh('backup-source');
    for (const b of batches(6)) await ingest(source, b, NOW - 86_400_000);
    const { blob } = await writeBackup(source, { filter: {}, now: NOW });
    const capture = batches(6, (r, i) => {
      if (i % 2) Object.assign(r, { shop_reply: '感谢支持', is_shop_reply: 1, reply_time: 1_763_600_000 });
    });
    const restore = (db: KoubeiDb) =>
      applyRestore(
        blob,
        (req) => restoreChunk(db, req.table, req.rows, { now: NOW, offset: req.offset }),
        {},
      );
    const a = fresh('restore-first');
    await restore(a);
    await serially(
      a,
      capture.map((b) => () => ingest(a, b)),
    );
    const b = fresh('capture-first');
    await serially(
      b,
      capture.map((x) => () => ingest(b, x)),
    );
    await restore(b);
    const both = fresh('together');
    await Promise.all([restore(both), ...capture.map((x) => ingest(both, x))]);
    const strip = async (db: KoubeiDb) => (await records(db)).reviews.map(({ updatedAt: _, ...r }) => r);
    const end = await strip(both);
    expect([await strip(a), await strip(b)]).toContainEqual(end);
    // Either way no reply the capture saw is lost and nothing is duplicated.
    expect(end).toHaveLength(360);
    expect(end.filter((r) => r.replied)).toHaveLength(180);
  });
});
