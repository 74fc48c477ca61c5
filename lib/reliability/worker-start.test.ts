/**
 * Cold starts (issue #8). MV3 drops an event that arrives before its listener exists, so every listener
 * must be added synchronously while the worker's module runs; and whatever a worker needs after a
 * restart — tab↔store bindings, walker cursors, the badge counter — must come back from storage.
 */
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DB_NAME, openDb } from '../db';
import { unseenItem } from '../settings';
import { COMMENTS_PAGE, SHOP_ID, commentPages, overviewMessage } from './large';
import { consoleRequests } from './consoles';
import { capture } from './pipeline';
import { consoleSender, startWorker, trapStoppedWorkerErrors } from './worker';
import type { CaptureBatch } from '../capture/batch';
import { toBatches } from '../capture/batch';
import { parseHookMessage } from '../capture/content';
import { douyin } from '../platforms/douyin';

const NOW = Date.UTC(2026, 10, 22, 2);
// Each start imports the whole background afresh (a cold start): slow on a loaded 2-core machine.
vi.setConfig({ testTimeout: 30_000 });
const stray = trapStoppedWorkerErrors();
beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(async () => {
  await Dexie.delete(DB_NAME);
  expect(stray()).toEqual([]);
});

/** Every `addListener` of the fake browser (namespaces up to three levels deep), counted. */
function countListeners(): { count: () => number; names: Set<string> } {
  let n = 0;
  const names = new Set<string>();
  const walk = (o: unknown, path: string, depth: number) => {
    if (!o || typeof o !== 'object' || depth > 3) return;
    for (const [k, v] of Object.entries(o)) {
      if (v && typeof v === 'object' && typeof (v as { addListener?: unknown }).addListener === 'function') {
        const ev = v as { addListener: (...a: unknown[]) => void };
        const orig = ev.addListener.bind(ev);
        ev.addListener = (...a: unknown[]) => {
          n++;
          names.add(`${path}${k}`);
          orig(...a);
        };
      } else walk(v, `${path}${k}.`, depth + 1);
    }
  };
  walk(fakeBrowser, '', 0);
  return { count: () => n, names };
}

/** The 抖店 batches of one comment page, identity included (as the content script sends them). */
function batchesOf(page = 0, shopId = SHOP_ID): CaptureBatch[] {
  const m = commentPages(page + 1, 20)[page]!;
  const { result } = parseHookMessage(douyin, m, new URL(COMMENTS_PAGE), NOW);
  return toBatches(result, {
    platform: 'douyin',
    endpoint: 'commentList',
    page: '/ffa/maftersale/comment',
    source: 'api',
    bytes: m.bytes,
    store: { platform: 'douyin', shopId, via: 'api' },
  });
}

describe('start-up', () => {
  it('adds every listener synchronously, none later', async () => {
    const spy = countListeners();
    const w = await startWorker({ now: () => NOW });
    const atStart = spy.count();
    expect([...spy.names]).toEqual(expect.arrayContaining(['runtime.onMessage', 'alarms.onAlarm']));
    await new Promise((r) => setTimeout(r, 800)); // start-up work: rebuild, alarm creation, badge
    expect(spy.count()).toBe(atStart);
    await w.stop();
  });

  it('answers a message that arrives in the same task as the start-up', async () => {
    const w = await startWorker({ now: () => NOW });
    const reply = await w.send('cs-bg/capture', batchesOf()[0], consoleSender(COMMENTS_PAGE));
    expect(reply).toMatchObject({ res: { added: 20, storeKey: `douyin:${SHOP_ID}` } });
    await w.stop();
  });
});

describe('state that survives a restart', () => {
  it('keeps the tab↔store binding: a forged shop from the same document is still refused', async () => {
    const tab = consoleSender(COMMENTS_PAGE, 12);
    let w = await startWorker({ now: () => NOW });
    expect((await w.send('cs-bg/capture', batchesOf(0)[0], tab)).res).toMatchObject({ added: 20 });
    await w.stop();
    w = await startWorker({ now: () => NOW });
    const forged = await w.send('cs-bg/capture', batchesOf(1, '999999')[0], tab);
    expect(forged.res).toMatchObject({ added: 0, rejected: 20 });
    // A batch without identity from the same document still lands in its bound store.
    const anonymous = { ...batchesOf(2)[0]!, store: undefined };
    expect((await w.send('cs-bg/capture', anonymous, tab)).res).toMatchObject({
      storeKey: `douyin:${SHOP_ID}`,
    });
    await w.stop();
    const db = openDb();
    expect(await db.stores.toCollection().primaryKeys()).toEqual([`douyin:${SHOP_ID}`]);
    const [refused] = await db.captureEvents.where('outcome').equals('rejected').toArray();
    expect(refused?.reasons[0]?.code).toBe('store_mismatch');
    db.close();
  });

  it('keeps a walk cursor per tab and page, and the badge count', async () => {
    const tab = consoleSender(COMMENTS_PAGE, 3);
    const walk = {
      platform: 'douyin',
      path: '/ffa/maftersale/comment',
      mode: 'full',
      status: 'running',
      pages: 17,
      rowsSeen: 340,
      added: 340,
      updated: 0,
      startedAt: NOW - 60_000,
      updatedAt: NOW,
    };
    let w = await startWorker({ now: () => NOW });
    expect((await w.send('cs-bg/walker-save', walk, tab)).err).toBeUndefined();
    await w.send('cs-bg/capture', batchesOf()[0], tab);
    await w.stop();
    w = await startWorker({ now: () => NOW + 5_000 });
    const q = { platform: 'douyin', path: walk.path };
    expect((await w.send('cs-bg/walker-load', q, tab)).res).toEqual(walk);
    expect((await w.send('cs-bg/walker-load', q, consoleSender(COMMENTS_PAGE, 4))).res).toBeNull();
    expect(await unseenItem.getValue()).toBe(20);
    await w.stop();
  });
});

it('the shared pipeline helper sees the same requests as the worker (guards the fixtures)', async () => {
  const db = openDb('start-guard');
  const req = consoleRequests().find((r) => r.endpoint === 'getOverviewByVersion')!;
  const o = await capture(db, req, overviewMessage());
  expect(o.rejects).toEqual([]);
  await db.delete();
});
