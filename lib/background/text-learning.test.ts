import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { KoubeiDb } from '../db';
import { openDb } from '../db';
import { onMessage } from '../messaging';
import type { ReviewAnnotation } from '../replies/store';
import { adapterFromRow, adapterKey, STORE_ADAPTER_FEATURES } from '../text/adapter-store';
import { analyzeText } from '../text/analyze';
import { extractEvidence } from '../text/evidence';
import { modelInput } from '../text/model/learned';
import { currentModel } from '../text/model/load';
import { HEADS, scoreHeads } from '../text/model/model';
import { annotateIds, replyContext } from './reviews';
import { review, T_NOW as NOW, T_STORE as STORE } from './reviews-testing';
import { memoryBindings } from './stores';
import {
  forgetStoreAdapter,
  learnStep,
  registerTextLearning,
  storeAdapter,
  type TextLearning,
} from './text-learning';

vi.mock('../messaging', () => ({ onMessage: vi.fn() }));

const EXT = 'koubei-ext-id';
const ORIGIN = 'chrome-extension://koubei-ext-id/';
const consoleTab = {
  id: EXT,
  url: 'https://fxg.jinritemai.com/ffa/maftersale/comment',
  tab: { id: 7 },
  documentId: 'doc-a',
};
const panel = { id: EXT, url: `${ORIGIN}sidepanel.html` };
type Handler = (m: { data: unknown; sender: Record<string, unknown> }) => Promise<unknown>;

let db: KoubeiDb;
let handlers: Record<string, Handler>;
const bindings = memoryBindings();
const model = () => currentModel()!;

beforeEach(async () => {
  fakeBrowser.reset();
  forgetStoreAdapter();
  db = openDb(`text-learning-${Math.random()}`);
  handlers = {};
  vi.mocked(onMessage).mockImplementation(((type: string, fn: Handler) => {
    handlers[type] = fn;
    return () => undefined;
  }) as never);
  await bindings.set('7:doc-a', STORE);
});
let registered: TextLearning[] = [];
afterEach(async () => {
  // Debounced learning steps still queued run before the database goes (not after, against a closed one).
  for (const t of registered) await t.idle();
  registered = [];
  await db.delete();
});

const register = () => {
  const t = registerTextLearning(db, {
    bindings,
    extensionId: EXT,
    extensionOrigin: ORIGIN,
    now: () => NOW,
    annotate: async (s, id) => (await annotateIds(db, s, [id], await replyContext(NOW)))[0],
  });
  registered.push(t);
  return t;
};

describe('learnStep', () => {
  it('learns stored reviews’ stars once, then only newly captured ones, in a bounded adapter', async () => {
    await db.reviews.bulkPut(
      Array.from({ length: 30 }, (_, i) =>
        review(`r${i}`, {
          star: i % 2 ? 5 : 1,
          text: i % 2 ? `第${i}次买，很好用` : `第${i}次买，咕噜噜坏了`,
        }),
      ),
    );
    expect(await learnStep(db, STORE, NOW)).toBe(false);
    const row = (await db.textAdapters.get(adapterKey(STORE)))!;
    expect(row).toMatchObject({ storeKey: STORE, reviews: 30, corrections: 0, caughtUp: true });
    expect(row.state.entries.length).toBeLessThanOrEqual(STORE_ADAPTER_FEATURES);
    // Nothing new: nothing learnt, the row is not rewritten.
    await learnStep(db, STORE, NOW + 1);
    expect((await db.textAdapters.get(adapterKey(STORE)))!.updatedAt).toBe(row.updatedAt);
    // An update of a learnt review (a reply) is skipped; a new review is learnt.
    await db.reviews.put(
      review('r0', { star: 1, text: '第0次买，咕噜噜坏了', replied: true, updatedAt: NOW + 5 }),
    );
    await db.reviews.put(
      review('new', { star: 1, text: '又是咕噜噜', capturedAt: NOW + 6, updatedAt: NOW + 6 }),
    );
    await learnStep(db, STORE, NOW + 10);
    expect((await db.textAdapters.get(adapterKey(STORE)))!.reviews).toBe(31);
  });

  it('a stored adapter of another model version starts over instead of failing', async () => {
    await db.reviews.put(review('a', { star: 1 }));
    await learnStep(db, STORE, NOW);
    const row = (await db.textAdapters.get(adapterKey(STORE)))!;
    expect(adapterFromRow({ ...row, modelVersion: 99 }, model())).toBeUndefined();
    expect(adapterFromRow({ ...row, state: { ...row.state, bias: [1] } }, model())).toBeUndefined();
    await db.textAdapters.put({ ...row, modelVersion: 99 });
    await learnStep(db, STORE, NOW + 1);
    expect((await db.textAdapters.get(adapterKey(STORE)))!.modelVersion).not.toBe(99);
  });

  it('an adapter learnt on other weights (a retrained model in an update) is dropped and relearnt', async () => {
    await db.reviews.bulkPut([
      review('a', { star: 1, text: '咕噜噜坏了' }),
      review('b', { star: 5, text: '很好用' }),
    ]);
    await db.textCorrections.put({
      key: `${STORE}|a`,
      storeKey: STORE,
      reviewId: 'a',
      textHash: '',
      categories: ['quality'],
      at: NOW,
    });
    await learnStep(db, STORE, NOW);
    const row = (await db.textAdapters.get(adapterKey(STORE)))!;
    expect(row).toMatchObject({ modelId: model().id, reviews: 2, corrections: 1 });
    expect(adapterFromRow(row, model())).toBeDefined();
    // The same row, as an older file's weights (or a row from before the field) would have left it.
    const { modelId: _, ...older } = row;
    expect(adapterFromRow({ ...row, modelId: 'other' }, model())).toBeUndefined();
    expect(adapterFromRow(older, model())).toBeUndefined();
    await db.textAdapters.put({ ...older, reviews: 7, corrections: 5 });
    forgetStoreAdapter(); // as after the update: a new worker, nothing cached
    const t = register();
    // Analysis goes on without the stale deltas, and the worker relearns the store's stored reviews and
    // corrections on this model.
    expect(await storeAdapter(db, STORE)).toBeUndefined();
    await t.idle();
    const relearnt = (await db.textAdapters.get(adapterKey(STORE)))!;
    expect(relearnt).toMatchObject({ modelId: model().id, reviews: 2, corrections: 1, caughtUp: true });
    expect((await storeAdapter(db, STORE))?.size).toBe(adapterFromRow(relearnt, model())!.size);
  });
});

describe('corrections', () => {
  it('the side panel’s correction is stored, changes the annotation at once, and is learnt with weight 3', async () => {
    const text = '这个锅咕噜噜了';
    expect(analyzeText(text).categories).not.toContain('logistics');
    await db.reviews.put(review('c1', { text, star: 2 }));
    const t = register();
    const row = await handlers['ui-bg/correct-review']!({
      data: { reviewKey: `${STORE}|c1`, categories: ['logistics'] },
      sender: panel,
    });
    expect(row).toMatchObject({ key: `${STORE}|c1`, categories: ['logistics'], at: NOW });
    const [a] = await annotateIds(db, STORE, ['c1'], await replyContext(NOW));
    expect(a).toMatchObject({ categories: ['logistics'], tags: ['物流'], corrected: true });
    await t.idle();
    const stored = (await db.textAdapters.get(adapterKey(STORE)))!;
    expect(stored.corrections).toBe(1);
    // The adapter generalises the correction to another review of the store with the same words: its
    // 物流 logit rises (one correction alone need not reach the tag's threshold; measured in logits, as
    // the head's calibration decides how far a logit step moves its probability).
    const adapter = adapterFromRow(stored, model())!;
    const logistics = (a?: typeof adapter) => {
      const other = '锅又咕噜噜了';
      const { f, dense } = modelInput([other], extractEvidence(other, -1));
      const { logits } = scoreHeads(model(), f, dense);
      a?.adjust(f, logits);
      return logits[HEADS.indexOf('logistics')]!;
    };
    expect(logistics(adapter)).toBeGreaterThan(logistics() + 0.5);
    // The worker's overlay annotations use the adapter it just wrote (cached, not re-read per request).
    expect((await storeAdapter(db, STORE))?.size).toBe(adapter.size);
    // A second click under the same (pinned) clock still gets learnt: corrections are stamped strictly later.
    const again = await handlers['ui-bg/correct-review']!({
      data: { reviewKey: `${STORE}|c1`, categories: ['logistics', 'quality'] },
      sender: panel,
    });
    expect(again).toMatchObject({ at: NOW + 1 });
    await t.idle();
    expect((await db.textAdapters.get(adapterKey(STORE)))!.corrections).toBe(2);
  });

  it('refuses invalid payloads and senders', async () => {
    await db.reviews.put(review('c1'));
    register();
    const ui = handlers['ui-bg/correct-review']!;
    await expect(
      ui({ data: { reviewKey: `${STORE}|c1`, categories: ['x'] }, sender: panel }),
    ).rejects.toThrow('格式无效');
    await expect(
      ui({ data: { reviewKey: `${STORE}|c1`, categories: [] }, sender: consoleTab }),
    ).rejects.toThrow();
    await expect(ui({ data: { reviewKey: `${STORE}|nope`, categories: [] }, sender: panel })).rejects.toThrow(
      '找不到',
    );
    const cs = handlers['cs-bg/correct-review']!;
    await expect(
      cs({ data: { platform: 'douyin', reviewId: 'c1', categories: [] }, sender: panel }),
    ).rejects.toThrow();
    await expect(
      cs({
        data: { platform: 'douyin', reviewId: 'c1', categories: ['quality'], extra: '<img>' },
        sender: consoleTab,
      }),
    ).resolves.toBeTruthy();
    await expect(
      cs({ data: { platform: 'douyin', reviewId: 'c1'.repeat(40), categories: [] }, sender: consoleTab }),
    ).rejects.toThrow('格式无效');
  });

  it('the overlay’s correction is bound to its tab’s store and returns the new annotation', async () => {
    await db.reviews.put(review('c1'));
    await db.reviews.put(review('c1', {}, 'douyin:999001'));
    register();
    const a = (await handlers['cs-bg/correct-review']!({
      data: { platform: 'douyin', reviewId: 'c1', categories: ['price'] },
      sender: consoleTab,
    })) as ReviewAnnotation;
    expect(a).toMatchObject({ reviewId: 'c1', categories: ['price'], tags: ['价格'], corrected: true });
    expect(await db.textCorrections.get('douyin:999001|c1')).toBeUndefined();
    expect(await db.textCorrections.get(`${STORE}|c1`)).toMatchObject({ categories: ['price'] });
  });
});
