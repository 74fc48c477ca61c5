import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaptureBatch } from '../capture/batch';
import { toBatches } from '../capture/batch';
import type { KoubeiDb } from '../db';
import { openDb } from '../db';
import { douyin } from '../platforms/douyin';
import { ingestBatch, merge, sameContent, storedRows } from './ingest';
import { memoryBindings, resolveStore } from './stores';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../platforms/__fixtures__/douyin/${name}.json`, import.meta.url), 'utf8'));

function batchOf(name: string, endpoint: string, path: string): CaptureBatch {
  const r = douyin.parse(endpoint, fixture(name), {
    url: new URL(`https://fxg.jinritemai.com${path}`),
    pageUrl: new URL('https://fxg.jinritemai.com/ffa/maftersale/comment'),
    now: 1_763_800_000_000,
  });
  return toBatches(r, {
    platform: 'douyin',
    endpoint,
    page: '/ffa/maftersale/comment',
    source: 'api',
    bytes: 1000,
  })[0]!;
}

const STORE = 'douyin:4461234';
let db: KoubeiDb;
let n = 0;
beforeEach(async () => {
  db = openDb(`test-${++n}`);
  await db.open();
});
afterEach(async () => {
  db.close();
});

describe('ingestBatch', () => {
  it('stores a page once: a second capture of the same page adds nothing', async () => {
    const b = batchOf('commentList', 'commentList', '/product/tcomment/commentList');
    const first = await ingestBatch(db, b, { storeKey: STORE, now: 1000 * 1e9 });
    expect(first).toMatchObject({ added: 3, updated: 0, unchanged: 0, rejected: 0 });
    const second = await ingestBatch(db, b, { storeKey: STORE, now: 1001 * 1e9 });
    expect(second).toMatchObject({ added: 0, updated: 0, unchanged: 3 });
    expect(await db.reviews.count()).toBe(3);
    const row = await db.reviews.get(`${STORE}|7350118822334455667`);
    expect(row?.capturedAt).toBe(1000 * 1e9);
    expect(await db.captureEvents.count()).toBe(2);
  });

  it('updates a row when the merchant replied or the buyer appended, keeping what it knew', async () => {
    const b = batchOf('commentList', 'commentList', '/product/tcomment/commentList');
    await ingestBatch(db, b, { storeKey: STORE, now: 1e12 });
    const edited = structuredClone(b);
    const row = edited.reviews[0] as Record<string, unknown>;
    row.replied = true;
    row.replyText = '非常抱歉，已为您加急补发';
    row.replyAt = 1_763_700_000_000;
    delete row.productName; // a DOM read would not know it
    const r = await ingestBatch(db, edited, { storeKey: STORE, now: 2e12 });
    expect(r).toMatchObject({ added: 0, updated: 1, unchanged: 2 });
    const stored = await db.reviews.get(`${STORE}|7350118822334455667`);
    expect(stored).toMatchObject({
      replied: true,
      replyText: '非常抱歉，已为您加急补发',
      productName: '加厚羊羔绒卫衣 男女同款',
      capturedAt: 1e12,
      updatedAt: 2e12,
    });
  });

  it('re-validates untrusted rows: a forged row is rejected alone and the rest is kept', async () => {
    const b = batchOf('commentList', 'commentList', '/product/tcomment/commentList');
    b.reviews.push({ platform: 'douyin', reviewId: 'x'.repeat(500), createdAt: 'yesterday' });
    b.reviews.push({ ...(b.reviews[0] as object), reviewId: 'other-platform', platform: 'pdd' });
    b.reviews.push({
      ...(b.reviews[0] as object),
      reviewId: 'extra-field',
      key: 'douyin:999|evil',
      storeKey: 'douyin:999',
      isAdmin: true,
    });
    const r = await ingestBatch(db, b, { storeKey: STORE, now: 1e12 });
    expect(r).toMatchObject({ added: 4, rejected: 2 });
    expect(r.event.outcome).toBe('partial');
    expect(r.event.reasons.map((x) => x.code)).toEqual(['schema', 'store_mismatch']);
    // The extra fields of the third row are stripped; its key and store come from the background.
    const extra = await db.reviews.get(`${STORE}|extra-field`);
    expect(extra?.storeKey).toBe(STORE);
    expect(extra).not.toHaveProperty('isAdmin');
    expect(await db.reviews.filter((x) => x.storeKey !== STORE || x.key.includes('evil')).count()).toBe(0);
  });

  it('keeps the adapter rejections in the capture-health entry', async () => {
    const b = batchOf('commentList-nested', 'commentList', '/product/tcomment/commentList');
    const r = await ingestBatch(db, b, { storeKey: STORE, now: 1e12 });
    expect(r).toMatchObject({ added: 1, rejected: 3 });
    const ev = await db.captureEvents.get(r.event.id!);
    expect(ev).toMatchObject({ outcome: 'partial', seen: 4, added: 1, rejected: 3 });
  });

  it('keeps one official score per store, kind and day; a changed re-capture replaces it', async () => {
    const b = batchOf(
      'getOverviewByVersion',
      'getOverviewByVersion',
      '/governance/shop/experiencescore/getOverviewByVersion',
    );
    expect((await ingestBatch(db, b, { storeKey: STORE, now: 1e12 })).added).toBe(1);
    expect((await ingestBatch(db, b, { storeKey: STORE, now: 2e12 })).unchanged).toBe(1);
    (b.scores[0] as { value: number }).value = 85;
    expect((await ingestBatch(db, b, { storeKey: STORE, now: 3e12 })).updated).toBe(1);
    expect(await db.officialScores.count()).toBe(1);
    expect((await db.officialScores.toArray())[0]!.value).toBe(85);
  });

  it('two concurrent captures of the same page store each row once', async () => {
    const b = batchOf('commentList', 'commentList', '/product/tcomment/commentList');
    const [x, y] = await Promise.all([
      ingestBatch(db, b, { storeKey: STORE, now: 1e12 }),
      ingestBatch(db, structuredClone(b), { storeKey: STORE, now: 1e12 }),
    ]);
    expect(x.added + y.added).toBe(3);
    expect(x.unchanged + y.unchanged).toBe(3);
    expect(await db.reviews.count()).toBe(3);
  });

  it('a failing hook aborts the whole batch: nothing partial is written', async () => {
    const b = batchOf('commentList', 'commentList', '/product/tcomment/commentList');
    const hooks = {
      tables: ['aggregates'],
      onChanges: async () => {
        throw new DOMException('simulated', 'QuotaExceededError');
      },
    };
    await expect(ingestBatch(db, b, { storeKey: STORE, now: 1e12, hooks })).rejects.toThrow('simulated');
    expect(await db.reviews.count()).toBe(0);
    expect(await db.captureEvents.count()).toBe(0);
    expect(await db.stores.count()).toBe(0);
  });
});

describe('resolveStore', () => {
  it('binds a document to the first store it reports and refuses another store afterwards', async () => {
    const bindings = memoryBindings();
    const a = { platform: 'douyin' as const, shopId: '111', via: 'api' as const };
    const b = { platform: 'douyin' as const, shopId: '222', via: 'dom' as const };
    expect(await resolveStore(db, bindings, 'tab1:doc', 'douyin', a)).toMatchObject({
      storeKey: 'douyin:111',
    });
    expect(await resolveStore(db, bindings, 'tab1:doc', 'douyin', undefined)).toMatchObject({
      storeKey: 'douyin:111',
    });
    const r = await resolveStore(db, bindings, 'tab1:doc', 'douyin', b);
    expect(r).toMatchObject({ rejection: { code: 'store_mismatch' } });
    expect(await resolveStore(db, bindings, 'tab2:doc', 'douyin', b)).toMatchObject({
      storeKey: 'douyin:222',
    });
  });

  it('without identity: parks until the page identifies itself, even with one store known (no guess)', async () => {
    const bindings = memoryBindings();
    expect(await resolveStore(db, bindings, 't:1', 'douyin', undefined)).toEqual({ park: true });
    expect(await resolveStore(db, bindings, undefined, 'douyin', undefined)).toMatchObject({
      rejection: { code: 'no_store' },
    });
    await db.stores.put({
      key: 'douyin:1',
      platform: 'douyin',
      shopId: '1',
      firstSeen: 1e12,
      lastSeen: 1e12,
    });
    expect(await resolveStore(db, bindings, 't:2', 'douyin', undefined)).toEqual({ park: true });
    // …a document already bound keeps its store.
    await resolveStore(db, bindings, 't:2', 'douyin', { platform: 'douyin', shopId: '1', via: 'dom' });
    expect(await resolveStore(db, bindings, 't:2', 'douyin', undefined)).toMatchObject({
      storeKey: 'douyin:1',
    });
  });

  it('another shop on a bound page: a switch only when the page announces it by an API signal', async () => {
    const bindings = memoryBindings();
    const a = { platform: 'douyin' as const, shopId: '111', via: 'api' as const };
    const b = { platform: 'douyin' as const, shopId: '222', via: 'api' as const };
    await resolveStore(db, bindings, 'd', 'douyin', a);
    expect(await resolveStore(db, bindings, 'd', 'douyin', b)).toMatchObject({
      rejection: { code: 'store_mismatch' },
    });
    const dom = { ...b, via: 'dom' as const };
    expect(await resolveStore(db, bindings, 'd', 'douyin', dom, { allowSwitch: true })).toMatchObject({
      rejection: { code: 'store_mismatch' },
    });
    expect(await resolveStore(db, bindings, 'd', 'douyin', b, { allowSwitch: true })).toMatchObject({
      storeKey: 'douyin:222',
    });
    expect(await bindings.get('d')).toBe('douyin:222');
  });

  it('refuses an identity of another platform', async () => {
    const r = await resolveStore(db, memoryBindings(), 't', 'douyin', {
      platform: 'pdd',
      shopId: '1',
      via: 'api',
    });
    expect(r).toMatchObject({ rejection: { code: 'store_mismatch' } });
  });
});

describe('merge / sameContent', () => {
  it('a DOM read (whole seconds) never overwrites the times an API capture knew, but fills in new ones', () => {
    const prev = { source: 'api', createdAt: 1_763_420_000_123, replied: false, capturedAt: 1 } as never;
    const next = {
      source: 'dom',
      createdAt: 1_763_420_000_000,
      replied: true,
      replyAt: 1_763_500_000_000,
      capturedAt: 2,
    } as never;
    expect(merge(prev, next)).toMatchObject({
      createdAt: 1_763_420_000_123,
      replied: true,
      replyAt: 1_763_500_000_000,
      source: 'api',
    });
    const sameSource = merge(prev, { ...(next as object), source: 'api' } as never);
    expect(sameSource).toMatchObject({ createdAt: 1_763_420_000_000 });
  });

  it('ignores capture times and key order, never shrinks appends', () => {
    const base = { a: 1, b: [1, 2], capturedAt: 1, updatedAt: 1 };
    expect(sameContent(base, { b: [1, 2], a: 1, capturedAt: 5, updatedAt: 9 })).toBe(true);
    expect(sameContent(base, { ...base, b: [1] })).toBe(false);
    const prev = { appends: [{ text: 'a' }, { text: 'b' }], source: 'api', capturedAt: 1 } as never;
    const next = { appends: [{ text: 'a' }], source: 'dom', capturedAt: 2 } as never;
    expect(merge(prev, next)).toMatchObject({
      appends: [{ text: 'a' }, { text: 'b' }],
      source: 'api',
      capturedAt: 1,
    });
  });
});

describe('merge: what happened after a review (issue #16)', () => {
  const review = (o: object) =>
    ({ reviewId: 'r1', source: 'api', star: 1, appends: [], capturedAt: 1, ...o }) as never;

  it('keeps the first star and when a modified rating was first seen', () => {
    const once = merge(review({}), review({ star: 4, capturedAt: 100 }));
    expect(once).toMatchObject({ star: 4, firstStar: 1, starChangedAt: 100 });
    const twice = merge(once, review({ star: 5, capturedAt: 200 }));
    expect(twice).toMatchObject({ star: 5, firstStar: 1, starChangedAt: 100 });
    expect(merge(review({}), review({ capturedAt: 100 }))).not.toHaveProperty('firstStar');
  });

  it('a review seen again on the console is no longer gone; a restored backup changes nothing', () => {
    expect(merge(review({ goneAt: 50 }), review({ capturedAt: 100 }))).not.toHaveProperty('goneAt');
    expect(merge(review({ goneAt: 50 }), review({ source: 'backup', star: 3 }))).toMatchObject({
      goneAt: 50,
    });
    expect(merge(review({ goneAt: 50 }), review({ source: 'backup', star: 3 }))).not.toHaveProperty(
      'firstStar',
    );
  });
});

describe('storedRows', () => {
  it.each([
    ['none stored', [] as number[]],
    ['a few stored inside the span', [3, 17]],
    ['all stored', Array.from({ length: 40 }, (_, i) => i)],
  ])('finds exactly the stored rows (%s), in key order of the request', async (_name, stored) => {
    const key = (i: number) => `douyin:1|${String(7_350_000_000 + i * 3)}`;
    await db.meta.bulkPut(stored.map((i) => ({ key: key(i), value: i })));
    // Other rows inside and around the batch's span that are not asked for.
    await db.meta.bulkPut([
      { key: `${key(5)}x`, value: -1 },
      { key: 'douyin:0|z', value: -2 },
    ]);
    const keys = Array.from({ length: 40 }, (_, i) => key((i * 7) % 40));
    const got = await storedRows(db.meta, keys);
    expect(got.map((r) => r?.value)).toEqual(keys.map((_, i) => (stored.includes((i * 7) % 40) ? (i * 7) % 40 : undefined))); // prettier-ignore
  });

  it('falls back to one get per key when the span holds many other rows', async () => {
    await db.meta.bulkPut(Array.from({ length: 500 }, (_, i) => ({ key: `k${String(i).padStart(4, '0')}`, value: i }))); // prettier-ignore
    const got = await storedRows(db.meta, ['k0000', 'k0499', 'k9999']);
    expect(got.map((r) => r?.value)).toEqual([0, 499, undefined]);
  });
});
