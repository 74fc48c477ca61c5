import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KoubeiDb } from '../db';
import { openDb } from '../db';
import type { OfficialScore } from '../model';
import type { TextCorrectionRow } from '../text/corrections';
import { writeBackup } from '../export/backup';
import { makeOrders, makeReviews, makeStore } from '../export/testing';
import type { IngestHooks } from '../background/ingest';
import { readBackup } from './backup-read';
import { planRow, restoreChunk } from './restore';
import type { SendChunk } from './restore-run';
import { applyRestore, previewRestore } from './restore-run';

const NOW = Date.UTC(2026, 10, 22, 2);
const store = makeStore();
const second = makeStore('11223344', '第二家店');
const score: OfficialScore = {
  key: `${store.key}|douyin.experience|2026-11-20`,
  storeKey: store.key,
  platform: 'douyin',
  kind: 'douyin.experience',
  date: '2026-11-20',
  capturedAt: NOW - 86_400_000,
  scaleMin: 50,
  scaleMax: 100,
  value: 91.2,
  fivePoint: 4.8,
  dimensions: [{ id: 'product', name: '商品体验', value: 90, weight: 0.4 }],
  indicators: [{ id: '1', name: '品质退货率', value: null }],
};

let db: KoubeiDb;
const seedDb = async (d: KoubeiDb) => {
  await d.stores.bulkPut([store, second]);
  await d.reviews.bulkPut([...makeReviews(store, 2500), ...makeReviews(second, 300, 5)]);
  await d.orders.bulkPut(makeOrders(store, 700));
  await d.officialScores.put(score);
  // The merchant's tag corrections (issue #11) travel with the backup.
  const [r1, r2] = await d.reviews.where('storeKey').equals(store.key).limit(2).toArray();
  await d.textCorrections.bulkPut([
    {
      key: r1!.key,
      storeKey: store.key,
      reviewId: r1!.reviewId,
      textHash: 'a1',
      categories: ['logistics'],
      at: NOW,
    },
    {
      ...{ key: r2!.key, storeKey: store.key, reviewId: r2!.reviewId, textHash: 'b2' },
      ...{ categories: [], sentiment: 'positive' as const, at: NOW - 1 },
    },
  ]);
};
const snapshot = async (d: KoubeiDb) => ({
  stores: await d.stores.toArray(),
  reviews: await d.reviews.toArray(),
  orders: await d.orders.toArray(),
  officialScores: await d.officialScores.toArray(),
  textCorrections: await d.textCorrections.toArray(),
});
const sendTo =
  (d: KoubeiDb, hooks?: IngestHooks): SendChunk =>
  (req) =>
    restoreChunk(d, req.table, req.rows, { now: NOW, hooks, offset: req.offset });

beforeEach(() => {
  db = openDb(`restore-${Math.random()}`);
});
afterEach(() => db.delete());

describe('backup → clear → restore', () => {
  it('restores identical records, and a second restore changes nothing', async () => {
    await seedDb(db);
    const before = await snapshot(db);
    const { blob, rows } = await writeBackup(db, { filter: {}, now: NOW });
    expect(rows).toEqual({ stores: 2, reviews: 2800, orders: 700, officialScores: 1, textCorrections: 2 });

    const target = openDb(`restore-target-${Math.random()}`);
    const preview = await previewRestore(target, blob, { now: NOW });
    expect(preview.header).toMatchObject({ format: 'koubei-backup', schemaVersion: 1, exportedAt: NOW });
    expect(preview.tally.reviews).toEqual({ add: 2800, update: 0, same: 0, invalid: 0 });
    expect(await target.reviews.count()).toBe(0); // the preview wrote nothing

    const first = await applyRestore(blob, sendTo(target), {});
    expect(first.tally.reviews.add).toBe(2800);
    expect(await snapshot(target)).toEqual(before);
    expect(first.tally.textCorrections.add).toBe(2);
    expect((await target.textCorrections.toArray()).map((c) => c.categories)).toEqual(
      before.textCorrections.map((c) => c.categories),
    );

    const again = await applyRestore(blob, sendTo(target), {});
    for (const t of Object.values(again.tally)) expect(t.add + t.update).toBe(0);
    expect(again.tally.reviews.same).toBe(2800);
    expect(await snapshot(target)).toEqual(before);
    const previewAfter = await previewRestore(target, blob, { now: NOW });
    expect(previewAfter.tally.orders).toEqual({ add: 0, update: 0, same: 700, invalid: 0 });
    await target.delete();
  }, 120_000);

  it('merges with newer local data instead of overwriting it', async () => {
    await seedDb(db);
    const { blob } = await writeBackup(db, { filter: { storeKeys: [second.key] }, now: NOW });
    const [first] = await db.reviews.where('storeKey').equals(second.key).limit(1).toArray();
    await db.reviews.put({ ...first!, replied: true, replyText: '新回复', updatedAt: NOW });
    const preview = await previewRestore(db, blob, { now: NOW });
    expect(preview.tally.reviews).toEqual({ add: 0, update: 0, same: 300, invalid: 0 });
    await applyRestore(blob, sendTo(db), {});
    expect((await db.reviews.get(first!.key))?.replyText).toBe('新回复');
  });
});

describe('planRow', () => {
  const [older] = makeReviews(store, 1);
  it.each([
    ['nothing stored', undefined, older!, 'add'],
    ['same content, other capture time', { ...older!, capturedAt: 1 }, older!, 'same'],
    [
      'backup newer with a reply',
      older!,
      { ...older!, replied: true, replyText: '谢谢', updatedAt: NOW },
      'update',
    ],
    [
      'backup older and poorer',
      { ...older!, replyText: '谢谢', replied: true, updatedAt: NOW },
      older!,
      'same',
    ],
  ] as const)('%s → %s', (_, prev, next, verdict) => {
    expect(planRow('reviews', prev, next, NOW).verdict).toBe(verdict);
  });
  it('keeps the merchant’s later correction of a review', () => {
    const c: TextCorrectionRow = {
      key: 'k|1',
      storeKey: 'k',
      reviewId: '1',
      textHash: 'x',
      categories: ['quality'],
      at: NOW,
    };
    expect(planRow('textCorrections', c, { ...c, categories: ['logistics'], at: NOW + 1 }, NOW).verdict).toBe(
      'update',
    );
    expect(planRow('textCorrections', { ...c, at: NOW + 1 }, { ...c, categories: [] }, NOW).verdict).toBe(
      'same',
    );
  });
  it('keeps the later official-score capture of a day', () => {
    expect(planRow('officialScores', score, { ...score, value: 80, capturedAt: NOW }, NOW).verdict).toBe(
      'update',
    );
    expect(
      planRow('officialScores', { ...score, capturedAt: NOW }, { ...score, value: 80 }, NOW).verdict,
    ).toBe('same');
  });
});

describe('file problems', () => {
  it('migrates a v0 backup', async () => {
    const path = fileURLToPath(new URL('./__fixtures__/backup-v0.json', import.meta.url));
    const blob = new Blob([readFileSync(path)]);
    const preview = await previewRestore(db, blob, { now: NOW });
    expect(preview.header.fromVersion).toBe(0);
    expect(preview.tally.reviews).toEqual({ add: 2, update: 0, same: 0, invalid: 0 });
    await applyRestore(blob, sendTo(db), {});
    const r = await db.reviews.get('douyin:55667788|7350000000000000001');
    expect(r).toMatchObject({
      star: 1,
      replied: true,
      replyText: '亲，非常抱歉，已为您补发',
      source: 'backup',
    });
    expect(r?.text.startsWith('=HYPERLINK')).toBe(true);
    expect(await db.stores.get('douyin:55667788')).toMatchObject({ firstSeen: 1767225600000 });
    expect(await db.officialScores.count()).toBe(1);
  });

  it('refuses a truncated file before writing anything', async () => {
    await seedDb(db);
    const { blob } = await writeBackup(db, { filter: {}, now: NOW });
    const cut = blob.slice(0, Math.floor(blob.size * 0.6));
    const target = openDb(`restore-cut-${Math.random()}`);
    await expect(previewRestore(target, cut, { now: NOW })).rejects.toThrow(/不完整|JSON/);
    await target.delete();
  });

  it.each([
    ['not JSON', 'hello', /JSON/],
    ['another format', '{"format":"other"}', /不是口碑助手/],
    ['a newer version', '{"format":"koubei-backup","schemaVersion":9}', /更新版本/],
  ])('refuses %s', async (_, text, error) => {
    await expect(previewRestore(db, new Blob([text]), { now: NOW })).rejects.toThrow(error);
  });

  it('reports invalid rows by number and restores the rest', async () => {
    const [a, b] = makeReviews(store, 2);
    const text =
      `{"format":"koubei-backup","schemaVersion":1,"exportedAt":${NOW},\n"stores":[\n${JSON.stringify(store)}\n],\n` +
      `"reviews":[\n${JSON.stringify(a)},\n${JSON.stringify({ ...b, star: 7 })}\n],\n"orders":[\n],\n"officialScores":[\n],\n` +
      `"counts":{"stores":1,"reviews":2,"orders":0,"officialScores":0}}\n`;
    const blob = new Blob([text]);
    const events = [];
    for await (const ev of readBackup(blob)) events.push(ev.type);
    expect(events).toEqual(['header', 'rows', 'rows', 'end']);
    const preview = await previewRestore(db, blob, { now: NOW });
    expect(preview.tally.reviews).toEqual({ add: 1, update: 0, same: 0, invalid: 1 });
    expect(preview.rejects[0]).toMatchObject({ code: 'schema', row: 1, path: 'reviews' });
    await applyRestore(blob, sendTo(db), {});
    expect(await db.reviews.count()).toBe(1);
  });

  it('stops at a failing chunk with every earlier chunk complete, and a re-run finishes', async () => {
    await seedDb(db);
    const { blob } = await writeBackup(db, { filter: { storeKeys: [store.key] }, now: NOW });
    const target = openDb(`restore-fail-${Math.random()}`);
    let calls = 0;
    const failing: SendChunk = async (req) => {
      if (++calls === 3) throw new DOMException('Quota exceeded', 'QuotaExceededError');
      return sendTo(target)(req);
    };
    await expect(applyRestore(blob, failing, {})).rejects.toThrow(/第 3 批中断.*已完整写入 1001 条/);
    expect(await target.reviews.count()).toBe(1000);
    const rerun = await applyRestore(blob, sendTo(target), {});
    expect(rerun.tally.reviews).toMatchObject({ add: 1500, same: 1000 });
    expect(await target.reviews.count()).toBe(2500);
    await target.delete();
  });
});

it('runs the ingest hooks inside the chunk transaction', async () => {
  const onChanges = vi.fn(async (d: KoubeiDb, _changes: unknown[]) => {
    await d.meta.put({ key: 'hook-ran', value: true });
  });
  const rows = makeReviews(store, 3);
  const r = await restoreChunk(db, 'reviews', rows, { now: NOW, hooks: { onChanges, tables: ['meta'] } });
  expect(r).toMatchObject({ add: 3, invalid: 0 });
  expect(onChanges).toHaveBeenCalledTimes(1);
  expect(onChanges.mock.calls[0]![1]).toHaveLength(3);
  expect(await db.meta.get('hook-ran')).toEqual({ key: 'hook-ran', value: true });
});
