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
import { consoleSender, pageSender, startWorker, trapStoppedWorkerErrors } from '../reliability/worker';
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

  it('one page’s messages sent without waiting are handled in the order sent (identity first, then rows)', async () => {
    // The page says which store it is and sends its rows at once, then navigates away: nothing is parked,
    // nothing overtakes the identity.
    const sends = [
      w.send('cs-bg/identify', { platform: 'douyin', store: { ...shop('777'), name: '七号店' } }, tab),
      w.send<IngestResult>('cs-bg/capture', anonymous(0), tab),
      w.send<IngestResult>('cs-bg/capture', anonymous(1), tab),
    ];
    const [, first, second] = await Promise.all(sends);
    expect(first!.res).toMatchObject({ added: 20 });
    expect(second!.res).toMatchObject({ added: 20 });
    expect(await w.db.reviews.where('storeKey').equals('douyin:777').count()).toBe(40);
    expect((await w.db.stores.get('douyin:777'))?.name).toBe('七号店');
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

  it('unclaimed batches go to the provisional store, visible in capture health (never dropped)', async () => {
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
    expect(expired).toMatchObject({ outcome: 'partial', storeKey: 'douyin:?default' });
    expect(expired!.reasons[0]!.message).toContain('未识别店铺');
    expect(await w.db.stores.get('douyin:?default')).toMatchObject({
      provisional: true,
      name: '未识别的抖店店铺',
    });
    expect(await w.db.reviews.where('storeKey').equals('douyin:?default').count()).toBe(20);
    expect(await w.db.reviews.where('storeKey').equals('douyin:888').count()).toBe(20);
  });
});

describe("the provisional store and the merchant's answer (issue #12)", () => {
  const unidentified = {
    missing: ['接口中的 shop_id', '网址参数 shop_id', '页头“店铺ID：”'],
    candidates: [],
  };

  it('no signal: rows are kept under the provisional store at once, with the missing signals named', async () => {
    await w.send('cs-bg/capture', anonymous(0), tab);
    await w.send('cs-bg/identify', { platform: 'douyin', unidentified }, tab);
    expect(await w.db.reviews.where('storeKey').equals('douyin:?default').count()).toBe(20);
    // Later batches of the page go there directly.
    const r = await w.send<IngestResult>('cs-bg/capture', anonymous(1), tab);
    expect(r.res).toMatchObject({ added: 20, storeKey: 'douyin:?default' });
    const ev = (await w.db.captureEvents.toArray()).find((e) => e.endpoint === '店铺识别')!;
    expect(ev.reasons[0]!.message).toContain('网址参数 shop_id');
  });

  it('confirming into a new store moves every row in one go, remembers the answer, drops the provisional', async () => {
    await w.send('cs-bg/capture', anonymous(0), tab);
    await w.send('cs-bg/identify', { platform: 'douyin', login: 'abcdef01', unidentified }, tab);
    const c = await w.send<{ storeKey: string }>(
      'ui-bg/confirm-store',
      { provisionalKey: 'douyin:?abcdef01', name: '旗舰店' },
      pageSender('popup.html'),
    );
    const key = c.res!.storeKey;
    expect(await w.db.stores.get('douyin:?abcdef01')).toBeUndefined();
    expect(await w.db.stores.get(key)).toMatchObject({ name: '旗舰店', identifiedBy: 'manual' });
    expect(await w.db.reviews.where('storeKey').equals(key).count()).toBe(20);
    expect(await w.db.reviews.where('storeKey').equals('douyin:?abcdef01').count()).toBe(0);
    // The same page goes on into the confirmed store; a new page of the same login too.
    await w.send('cs-bg/capture', anonymous(1), tab);
    const other = consoleSender(COMMENTS_PAGE, 9, 'doc-9');
    const r = await w.send<IngestResult>('cs-bg/capture', { ...anonymous(2), login: 'abcdef01' }, other);
    expect(r.res).toMatchObject({ storeKey: key, added: 20 });
    expect(await w.db.reviews.where('storeKey').equals(key).count()).toBe(60);
  });

  it('a store the merchant named, then named by an API signal, stays one store', async () => {
    await w.send('cs-bg/capture', anonymous(0), tab);
    await w.send('cs-bg/identify', { platform: 'douyin', unidentified }, tab);
    await w.send(
      'ui-bg/confirm-store',
      { provisionalKey: 'douyin:?default', name: '旗舰店' },
      pageSender('popup.html'),
    );
    const api = { platform: 'douyin' as const, shopId: '4242', name: '旗舰店官方', via: 'api' as const };
    await w.send('cs-bg/capture', { ...anonymous(1), store: api }, tab);
    const stores = await w.db.stores.toArray();
    expect(stores.map((s) => s.key)).toEqual(['douyin:4242']);
    expect(await w.db.reviews.where('storeKey').equals('douyin:4242').count()).toBe(40);
  });

  it('picking an existing store merges into it; an API signal for that store later adds nothing new', async () => {
    const api = { platform: 'douyin' as const, shopId: '777', via: 'api' as const };
    await w.send('cs-bg/capture', { ...anonymous(0), store: api }, consoleSender(COMMENTS_PAGE, 8, 'doc-8'));
    await w.send('cs-bg/capture', anonymous(1), tab);
    await w.send('cs-bg/identify', { platform: 'douyin', unidentified }, tab);
    await w.send(
      'ui-bg/confirm-store',
      { provisionalKey: 'douyin:?default', storeKey: 'douyin:777' },
      pageSender('popup.html'),
    );
    await w.send('cs-bg/capture', { ...anonymous(1), store: api }, tab);
    expect((await w.db.stores.toArray()).map((s) => s.key)).toEqual(['douyin:777']);
    expect(await w.db.reviews.where('storeKey').equals('douyin:777').count()).toBe(40);
  });

  it("an API signal after the provisional filing moves that page's rows by itself", async () => {
    await w.send('cs-bg/capture', anonymous(0), tab);
    await w.send('cs-bg/identify', { platform: 'douyin', unidentified }, tab);
    await w.send('cs-bg/identify', { platform: 'douyin', store: { ...shop('555'), via: 'api' } }, tab);
    expect(await w.db.stores.get('douyin:?default')).toBeUndefined();
    expect(await w.db.reviews.where('storeKey').equals('douyin:555').count()).toBe(20);
  });

  it('two signals that disagree: asked, with both shops offered; nothing guessed', async () => {
    const candidates = [
      { ...shop('1'), via: 'api' as const, signal: 'api:commentList.shop_id' },
      { ...shop('2'), signal: 'dom:header' },
    ];
    await w.send('cs-bg/capture', anonymous(0), tab);
    await w.send('cs-bg/identify', { platform: 'douyin', unidentified: { missing: [], candidates } }, tab);
    expect(await w.db.reviews.where('storeKey').equals('douyin:?default').count()).toBe(20);
    expect(await w.db.stores.count()).toBe(1);
    const ev = (await w.db.captureEvents.toArray()).find((e) => e.endpoint === '店铺识别')!;
    expect(ev.reasons[0]!.message).toContain('两个信号指向不同店铺');
  });

  it('a console login switching shops in the same tab: rebinds on the API signal, keeps both', async () => {
    const a = { platform: 'douyin' as const, shopId: '10', via: 'api' as const };
    const b = { platform: 'douyin' as const, shopId: '20', via: 'api' as const };
    await w.send('cs-bg/capture', { ...anonymous(0), store: a }, tab);
    // A batch alone naming another shop is refused (a forged response stays in the bound store)…
    const forged = await w.send<IngestResult>('cs-bg/capture', { ...anonymous(1), store: b }, tab);
    expect(forged.res).toMatchObject({ added: 0 });
    // …the page announcing the switch (its user info changed) rebinds the tab.
    await w.send('cs-bg/identify', { platform: 'douyin', store: b }, tab);
    await w.send('cs-bg/capture', { ...anonymous(1), store: b }, tab);
    await w.send('cs-bg/capture', anonymous(2), tab);
    expect(await w.db.reviews.where('storeKey').equals('douyin:10').count()).toBe(20);
    expect(await w.db.reviews.where('storeKey').equals('douyin:20').count()).toBe(40);
    // The switch is said in 采集健康 of both shops (a switch the merchant did not make is seen at once).
    const switches = (await w.db.captureEvents.toArray()).filter((e) =>
      e.reasons.some((r) => r.code === 'store_switch'),
    );
    expect(switches.map((e) => e.storeKey).sort()).toEqual(['douyin:10', 'douyin:20']);
    expect(switches[0]!.reasons[0]!.message).toContain('之后的数据记入');
  });

  it('a page moving from the provisional store to its real shop is not reported as a switch', async () => {
    await w.send(
      'cs-bg/identify',
      { platform: 'douyin', unidentified: { missing: ['x'], candidates: [] } },
      tab,
    );
    await w.send('cs-bg/identify', { platform: 'douyin', store: { ...shop('555'), via: 'api' } }, tab);
    const codes = (await w.db.captureEvents.toArray()).flatMap((e) => e.reasons.map((r) => r.code));
    expect(codes).not.toContain('store_switch');
  });
});
