/**
 * Batches from a page that has not shown its store yet are parked, then ingested into the store the page
 * names — or reported in capture health when nobody claims them.
 */
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CaptureBatch, IngestResult } from '../capture/batch';
import { toBatches } from '../capture/batch';
import { parseHookMessage } from '../capture/content';
import { DB_NAME } from '../db';
import { douyin } from '../platforms/douyin';
import { COMMENTS_PAGE, commentPages } from '../reliability/large';
import { consoleSender, startWorker, trapStoppedWorkerErrors } from '../reliability/worker';
import type { TestWorker } from '../reliability/worker';
import { PARK_TTL_MS } from './pending';

const NOW = Date.UTC(2026, 10, 22, 2);
vi.setConfig({ testTimeout: 30_000 });
const stray = trapStoppedWorkerErrors();
let now = NOW;
let w: TestWorker;
beforeEach(async () => {
  fakeBrowser.reset();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  now = NOW;
  w = await startWorker({ now: () => now });
});
afterEach(async () => {
  await w.stop();
  await Dexie.delete(DB_NAME);
  expect(stray()).toEqual([]);
});

/** One comment page as the content script sends it, without a shop identity. */
function anonymous(page: number): CaptureBatch {
  const m = commentPages(page + 1, 20)[page]!;
  const { result } = parseHookMessage(douyin, m, new URL(COMMENTS_PAGE), NOW);
  return toBatches(result, {
    platform: 'douyin',
    endpoint: 'commentList',
    page: '/ffa/maftersale/comment',
    source: 'api',
    bytes: m.bytes,
  })[0]!;
}

const tab = consoleSender(COMMENTS_PAGE, 5, 'doc-5');
const shop = (shopId: string) => ({ platform: 'douyin' as const, shopId, via: 'dom' as const });

describe('parking until the page identifies itself', () => {
  it('parks without a known store, then ingests into the store the page names', async () => {
    const r = await w.send<IngestResult>('cs-bg/capture', anonymous(0), tab);
    expect(r.res).toMatchObject({ added: 0, parked: 20 });
    expect(await w.db.reviews.count()).toBe(0);
    await w.send('cs-bg/identify', { platform: 'douyin', store: shop('777') }, tab);
    const rows = await w.db.reviews.toArray();
    expect(rows).toHaveLength(20);
    expect(new Set(rows.map((x) => x.storeKey))).toEqual(new Set(['douyin:777']));
    expect(await w.db.meta.where('key').startsWith('pending|').count()).toBe(0);
  });

  it('a later batch that carries the identity also releases what was parked', async () => {
    await w.send('cs-bg/capture', anonymous(0), tab);
    const named = { ...anonymous(1), store: shop('777') };
    await w.send('cs-bg/capture', named, tab);
    expect(await w.db.reviews.count()).toBe(40);
  });

  it('with two shops of the platform known, it does not guess', async () => {
    await w.db.stores.bulkPut([
      { key: 'douyin:1', platform: 'douyin', shopId: '1', firstSeen: NOW, lastSeen: NOW },
      { key: 'douyin:2', platform: 'douyin', shopId: '2', firstSeen: NOW, lastSeen: NOW + 1 },
    ]);
    const r = await w.send<IngestResult>('cs-bg/capture', anonymous(0), tab);
    expect(r.res?.parked).toBe(20);
    expect(await w.db.reviews.count()).toBe(0);
  });

  it('unclaimed batches expire into a visible capture-health entry', async () => {
    await w.send('cs-bg/capture', anonymous(0), tab);
    now = NOW + PARK_TTL_MS + 1;
    // Any later capture (another tab, identified) sweeps expired parked batches.
    await w.send(
      'cs-bg/capture',
      { ...anonymous(1), store: shop('888') },
      consoleSender(COMMENTS_PAGE, 6, 'doc-6'),
    );
    const events = await w.db.captureEvents.toArray();
    const expired = events.find((e) => e.reasons.some((r) => r.code === 'no_store'));
    expect(expired).toMatchObject({ outcome: 'rejected' });
    expect(expired!.reasons[0]!.message).toContain('未能识别抖店店铺');
    expect(
      await w.db.reviews
        .where('[storeKey+createdAt]')
        .between(['douyin:888', 0], ['douyin:888', Infinity])
        .count(),
    ).toBe(20);
  });
});
