/**
 * Storage full (issue #8): the disk quota runs out in the middle of a batch — inside a Dexie table hook
 * after some rows were queued, or in the ingest hook that writes the aggregates. Ingest must stop with
 * the plain Chinese message, write no part of the batch, keep everything already stored, turn the badge
 * red, and take the same batch completely once space is back.
 */
import Dexie from 'dexie';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CaptureBatch } from '../capture/batch';
import { toBatches } from '../capture/batch';
import { parseHookMessage } from '../capture/content';
import type { IngestHooks } from '../background/ingest';
import { DB_NAME } from '../db';
import { douyin } from '../platforms/douyin';
import { unseenErrorsItem } from '../settings';
import { COMMENTS_PAGE, SHOP_ID, commentPages } from './large';
import type { TestWorker } from './worker';
import { consoleSender, startWorker, trapStoppedWorkerErrors } from './worker';

vi.setConfig({ testTimeout: 30_000 });
const NOW = Date.UTC(2026, 10, 22, 2);
const pages = commentPages(3, 20);
const stray = trapStoppedWorkerErrors();
const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
const tab = consoleSender(COMMENTS_PAGE, 5);

function batchOf(p: number): CaptureBatch {
  const m = pages[p]!;
  return toBatches(parseHookMessage(douyin, m, new URL(COMMENTS_PAGE), NOW).result, {
    ...{ platform: 'douyin', endpoint: 'commentList', page: '/ffa/maftersale/comment', source: 'api' },
    bytes: m.bytes,
    store: { platform: 'douyin', shopId: SHOP_ID, via: 'api' },
  })[0]!;
}

let worker: TestWorker;
let full = false;
const hooks: IngestHooks = {
  tables: [],
  async onChanges() {
    if (full) throw quota();
  },
};
beforeEach(async () => {
  fakeBrowser.reset();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  full = false;
  worker = await startWorker({ hooks, now: () => NOW });
  expect((await worker.send('cs-bg/capture', batchOf(0), tab)).res).toMatchObject({ added: 20 });
});
afterEach(async () => {
  await worker.stop();
  await Dexie.delete(DB_NAME);
  expect(stray()).toEqual([]);
});

async function expectCleanStop(stored: string[]) {
  const reply = await worker.send('cs-bg/capture', batchOf(1), tab);
  expect(reply.err?.message).toMatch(/quota/i);
  expect((await worker.db.reviews.toCollection().primaryKeys()).sort()).toEqual(stored);
  const last = await worker.db.captureEvents.orderBy('id').last();
  expect(last).toMatchObject({ outcome: 'rejected', added: 0, reasons: [{ code: 'quota' }] });
  expect(last!.reasons[0]!.message).toBe(
    '浏览器存储空间已满：本批数据未写入（已有数据完好）。请导出备份后清理旧数据',
  );
  expect(await unseenErrorsItem.getValue()).toBeGreaterThan(0);
}

it('quota in a table hook after 7 of 20 rows: no partial batch, clear message, retry completes', async () => {
  const stored = (await worker.db.reviews.toCollection().primaryKeys()).sort();
  let n = 0;
  const creating = () => {
    if (full && ++n > 7) throw quota();
  };
  worker.db.reviews.hook('creating', creating);
  full = true;
  await expectCleanStop(stored);
  // Every later batch stops the same way while the disk is full.
  await expectCleanStop(stored);
  full = false;
  worker.db.reviews.hook('creating').unsubscribe(creating);
  expect((await worker.send('cs-bg/capture', batchOf(1), tab)).res).toMatchObject({ added: 20 });
  expect(await worker.db.reviews.count()).toBe(40);
});

it('quota in the aggregates hook: nothing of the batch is written', async () => {
  const before = await worker.db.reviews.toArray();
  full = true;
  await expectCleanStop(before.map((r) => r.key).sort());
  expect(await worker.db.reviews.toArray()).toEqual(before);
  full = false;
  expect((await worker.send('cs-bg/capture', batchOf(1), tab)).res).toMatchObject({ added: 20 });
});
