/**
 * Capture while an export reads in chunks (issue #8): the export holds every row that existed when it
 * started exactly once — also when captured rows share the chunk boundary's timestamp — and the capture
 * ends where it would have without the export.
 */
import Papa from 'papaparse';
import { describe, expect, it, vi } from 'vitest';
import type { CaptureBatch } from '../capture/batch';
import { unprotectId } from '../export/csv';
import { reviewsKind } from '../export/kinds';
import { exportData } from '../export/run';
import { makeReviews, makeStore } from '../export/testing';
import { SHOP_ID } from './large';
import { NOW, STORE, batches, fresh, ingest, records, serially } from './timeline';

vi.setConfig({ testTimeout: 60_000 });

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
    // A date range: the export reads by the [storeKey+createdAt] index (unfiltered ones go by key).
    const filter = { from: '2025-12-01', to: '2026-12-31' };
    const exporting = exportData(db, { format: 'csv', kinds: ['reviews'], filter, now: NOW, chunk: 97 });
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
