import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { KoubeiDb } from '../db';
import { openDb } from '../db';
import { makeReviews, makeStore } from '../export/testing';
import { parseImportFile } from '../import/parse';
import { toBatches } from '../capture/batch';
import { onMessage } from '../messaging';
import { HEADLINES_KEY, type Headlines } from '../headline/schema';
import { handleImport, handleRestore, registerDataHandlers } from './data';
import { writeHeadlines } from './headline';

vi.mock('../messaging', () => ({ onMessage: vi.fn() }));

const NOW = Date.UTC(2026, 10, 22, 2);
let db: KoubeiDb;
beforeEach(() => {
  fakeBrowser.reset();
  db = openDb(`data-${Math.random()}`);
});
afterEach(() => db.delete());

async function pddBatch() {
  const bytes = readFileSync(
    fileURLToPath(new URL('../import/__fixtures__/pdd-orders.csv', import.meta.url)),
  );
  const p = await parseImportFile(new Uint8Array(bytes), 'pdd.csv');
  return toBatches(p.result, {
    platform: 'pdd',
    endpoint: '导入',
    page: '文件',
    source: 'import',
    bytes: 1,
  })[0]!;
}

describe('handlers', () => {
  it('imports through ingest with the given clock', async () => {
    const r = await handleImport(
      db,
      { batch: await pddBatch(), target: { shopId: '9001' } },
      { now: () => NOW },
    );
    expect(r).toMatchObject({ storeKey: 'pdd:9001', added: 4 });
    expect((await db.orders.toArray()).every((o) => o.capturedAt === NOW)).toBe(true);
  });

  it('turns a quota error into the plain message and leaves a capture-health entry', async () => {
    vi.spyOn(db, 'transaction').mockRejectedValueOnce(new DOMException('full', 'QuotaExceededError'));
    await expect(
      handleImport(db, { batch: await pddBatch(), target: { shopId: '9001' } }, { now: () => NOW }),
    ).rejects.toThrow(/存储空间不足.*没有写入/);
    expect(await db.orders.count()).toBe(0);
    const [ev] = await db.captureEvents.toArray();
    expect(ev).toMatchObject({ outcome: 'rejected', source: 'import', reasons: [{ code: 'quota' }] });
  });

  it.each([
    [{ table: 'meta', rows: [], offset: 0 }, /未知的数据表/],
    [{ table: 'reviews', rows: new Array(2001).fill({}), offset: 0 }, /批次无效/],
  ])('refuses a bad restore chunk %#', async (req, msg) => {
    await expect(handleRestore(db, req as never, {})).rejects.toThrow(msg);
  });

  it('restores a chunk', async () => {
    const rows = makeReviews(makeStore(), 5);
    expect(await handleRestore(db, { table: 'reviews', rows, offset: 0 }, { now: () => NOW })).toMatchObject({
      add: 5,
    });
  });
});

describe('deleting a store', () => {
  it('removes it from the pages’ first-paint headline at once (its card and newest reviews)', async () => {
    registerDataHandlers(db, 'chrome-extension://abc/', { now: () => NOW });
    const del = vi
      .mocked(onMessage)
      .mock.calls.find((c) => c[0] === 'ui-bg/delete-store')![1] as unknown as (m: {
      data: unknown;
      sender: { url?: string };
    }) => Promise<unknown>;
    const gone = makeStore('111', '要删的店');
    const kept = makeStore('222', '留下的店');
    await db.stores.bulkPut([gone, kept]);
    await db.reviews.bulkPut([...makeReviews(gone, 3, 1), ...makeReviews(kept, 2, 2)]);
    await writeHeadlines(db, NOW);
    const keys = async () =>
      ((await fakeBrowser.storage.local.get(HEADLINES_KEY))[HEADLINES_KEY] as Headlines).stores.map(
        (s) => `${s.storeKey}:${s.recent?.length ?? 0}`,
      );
    expect((await keys()).sort()).toEqual([`${gone.key}:3`, `${kept.key}:2`].sort());
    await del({
      data: { storeKey: gone.key, confirm: '111' },
      sender: { url: 'chrome-extension://abc/options.html' },
    });
    expect(await keys()).toEqual([`${kept.key}:2`]);
  });
});

describe('registerDataHandlers', () => {
  it('registers three handlers that accept only extension pages', async () => {
    registerDataHandlers(db, 'chrome-extension://abc/');
    const calls = vi.mocked(onMessage).mock.calls;
    expect(calls.map((c) => c[0])).toEqual(['ui-bg/import', 'ui-bg/restore', 'ui-bg/delete-store']);
    const del = calls[2]![1] as unknown as (m: {
      data: unknown;
      sender: { url?: string };
    }) => Promise<unknown>;
    const data = { storeKey: 'douyin:1', confirm: '1' };
    await expect(del({ data, sender: { url: 'https://fxg.jinritemai.com/' } })).rejects.toThrow(
      /扩展自身页面/,
    );
    await expect(del({ data, sender: { url: 'chrome-extension://abc/sidepanel.html' } })).rejects.toThrow(
      /店铺不存在/,
    );
  });
});
