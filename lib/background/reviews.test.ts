import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { KoubeiDb } from '../db';
import { openDb } from '../db';
import { onMessage } from '../messaging';
import type { AnnotateResult, CheckedDraft, ModelDraftReply } from '../replies/store';
import { replyDeadlineItem, replyModelItem, replySettingsItem } from '../settings';
import { annotateIds, cachedReplyContext, registerReviews, replyContext } from './reviews';
import { review, T_NOW as NOW, T_STORE as STORE } from './reviews-testing';
import { memoryBindings } from './stores';

vi.mock('../messaging', () => ({ onMessage: vi.fn() }));

const H = 3_600_000;
const OTHER = 'douyin:999001';
const EXT = 'koubei-ext-id';
const ORIGIN = 'chrome-extension://koubei-ext-id/';

type Handler = (m: { data: unknown; sender: Record<string, unknown> }) => Promise<unknown>;
let db: KoubeiDb;
let handlers: Record<string, Handler>;
const bindings = memoryBindings();
const consoleTab = {
  id: EXT,
  url: 'https://fxg.jinritemai.com/ffa/maftersale/comment',
  tab: { id: 7 },
  documentId: 'doc-a',
};
const panel = { id: EXT, url: `${ORIGIN}sidepanel.html` };

beforeEach(async () => {
  fakeBrowser.reset();
  db = openDb(`reviews-${Math.random()}`);
  handlers = {};
  vi.mocked(onMessage).mockImplementation(((type: string, fn: Handler) => {
    handlers[type] = fn;
    return () => undefined;
  }) as never);
  const fetchFn = vi.fn(async () => new Response('{}', { status: 500 }));
  registerReviews(db, { bindings, extensionId: EXT, extensionOrigin: ORIGIN, now: () => NOW, fetchFn });
  await bindings.set('7:doc-a', STORE);
});
afterEach(() => db.delete());

describe('annotateIds', () => {
  it('annotates one store’s reviews: tags, sentiment, 4-hour clock, checked draft', async () => {
    await db.reviews.bulkPut([
      review('r1'),
      review('r2', { star: 5, starProduct: 5, polarity: 'good', text: '质量很好，物流很快' }),
    ]);
    const [bad, good] = await annotateIds(db, STORE, ['r1', 'r2', 'missing'], await replyContext(NOW));
    expect(bad).toMatchObject({
      reviewId: 'r1',
      tags: expect.arrayContaining(['质量问题', '服务']),
      sentiment: 'negative',
      negative: true,
      deadline: { status: 'ok', next: NOW + 2 * H, rule: '店铺 4 小时响应' },
      draft: { verdict: 'ok', insertable: true, source: 'template' },
    });
    expect(bad!.draft!.text).toContain('起球');
    expect(good).toMatchObject({ reviewId: 'r2', tags: [], sentiment: 'positive', negative: false });
    expect(good!.deadline).toEqual({ status: 'none' });
  });

  it('uses the merchant’s saved draft, re-checked: a blocked one cannot be inserted', async () => {
    await db.reviews.put(review('r1'));
    await db.replyDrafts.put({
      key: `${STORE}|r1`,
      storeKey: STORE,
      text: '亲，给个五星好评返现10元',
      source: 'user',
      verdict: 'ok',
      updatedAt: NOW,
    });
    const [a] = await annotateIds(db, STORE, ['r1'], await replyContext(NOW));
    expect(a!.draft).toMatchObject({ verdict: 'block', insertable: false, source: 'saved' });
    expect(a!.draft!.issues[0]!.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('follows the merchant’s internal deadline hours', async () => {
    await replyDeadlineItem.setValue({ internalHours: 2 });
    await db.reviews.put(review('r1'));
    const [a] = await annotateIds(db, STORE, ['r1'], await replyContext(NOW));
    expect(a!.deadline).toMatchObject({ status: 'overdue', next: NOW, rule: '店铺 2 小时响应' });
  });

  it('drafts with the merchant’s own templates and ladder', async () => {
    await replySettingsItem.setValue({
      templates: [
        { id: 'mine', category: 'quality', severity: 'any', text: '{买家}抱歉，{问题}，我们{补救}。' },
      ],
      disabledDefaults: [],
      ladder: [{ maxStars: 1, text: '为您办理退货退款' }],
    });
    const ctx = await replyContext(NOW);
    expect(ctx.templates.some((t) => t.id === 'mine')).toBe(true);
    expect(ctx.ladder).toEqual([{ maxStars: 1, text: '为您办理退货退款' }]);
  });
});

describe('cachedReplyContext', () => {
  it('reads the settings once while they are unchanged, and again after either item changes', async () => {
    const reads = vi.spyOn(replySettingsItem, 'getValue');
    const contextAt = cachedReplyContext();
    const a = await contextAt(NOW);
    const b = await contextAt(NOW + 60_000);
    expect(reads).toHaveBeenCalledTimes(1);
    expect([a.now, b.now]).toEqual([NOW, NOW + 60_000]);
    expect(b.templates.some((t) => t.id === 'mine')).toBe(false);

    await replySettingsItem.setValue({
      templates: [
        { id: 'mine', category: 'quality', severity: 'any', text: '{买家}抱歉，{问题}，我们{补救}。' },
      ],
      disabledDefaults: [],
      ladder: [],
    });
    await vi.waitFor(async () =>
      expect((await contextAt(NOW)).templates.some((t) => t.id === 'mine')).toBe(true),
    );
    await replyDeadlineItem.setValue({ internalHours: 2 });
    await vi.waitFor(async () => expect((await contextAt(NOW)).deadlines.internalHours).toBe(2));
    expect(reads).toHaveBeenCalledTimes(3);
    reads.mockRestore();
  });
});

describe('cs-bg/annotate', () => {
  const annotate = (data: unknown, sender: Record<string, unknown> = consoleTab) =>
    handlers['cs-bg/annotate']!({ data, sender }) as Promise<AnnotateResult>;

  it('answers only for the store bound to the sending document, only the ids asked', async () => {
    await db.reviews.bulkPut([review('r1'), review('r2'), review('r1', {}, OTHER)]);
    const res = await annotate({ platform: 'douyin', reviewIds: ['r1'] });
    expect(res.items.map((i) => i.reviewId)).toEqual(['r1']);
    // Another tab bound to another store sees its own r1 only.
    await bindings.set('8:doc-b', OTHER);
    const other = await annotate(
      { platform: 'douyin', reviewIds: ['r1', 'r2'] },
      { ...consoleTab, tab: { id: 8 }, documentId: 'doc-b' },
    );
    expect(other.items).toHaveLength(1);
    expect(other.items[0]!.replied).toBe(false);
  });

  it('returns nothing to a page that is not bound to a store yet', async () => {
    await db.reviews.put(review('r1'));
    const res = await annotate(
      { platform: 'douyin', reviewIds: ['r1'] },
      { ...consoleTab, documentId: 'doc-new' },
    );
    expect(res.items).toEqual([]);
  });

  it.each([
    ['a malformed payload', { platform: 'douyin', reviewIds: 'r1' }, consoleTab, /格式无效/],
    [
      'too many ids',
      { platform: 'douyin', reviewIds: Array.from({ length: 101 }, (_, i) => `r${i}`) },
      consoleTab,
      /格式无效/,
    ],
    [
      'a page of another host',
      { platform: 'douyin', reviewIds: ['r1'] },
      { ...consoleTab, url: 'https://evil.example.com/' },
      /不是 douyin 的控制台/,
    ],
    ['a platform the host is not', { platform: 'pdd', reviewIds: ['r1'] }, consoleTab, /不是 pdd 的控制台/],
    ['a sender without a tab', { platform: 'douyin', reviewIds: ['r1'] }, panel, /标签页/],
  ])('refuses %s', async (_, data, sender, msg) => {
    await expect(annotate(data, sender)).rejects.toThrow(msg);
  });

  it('computes suspicion flags for the store and shows them on the rows', async () => {
    const same = '质量很好，做工精细，物流很快，客服很耐心，推荐购买';
    await db.reviews.bulkPut(
      [1, 2, 3].map((i) => review(`t${i}`, { text: same, star: 5, polarity: 'good' })),
    );
    const res = await annotate({ platform: 'douyin', reviewIds: ['t1'] });
    expect(res.items[0]!.flags.map((f) => f.code)).toEqual(['templated']);
    expect(await db.reviewFlags.where('storeKey').equals(STORE).count()).toBe(3);
  });
});

describe('ui-bg handlers', () => {
  it.each(['ui-bg/save-draft', 'ui-bg/model-draft', 'ui-bg/refresh-flags'])(
    '%s refuses a console page',
    async (type) => {
      await expect(
        handlers[type]!({
          data: { reviewKey: `${STORE}|r1`, storeKey: STORE, text: 'x' },
          sender: consoleTab,
        }),
      ).rejects.toThrow(/扩展自身页面/);
    },
  );

  it('saves an edit with its verdict, and discards it', async () => {
    await db.reviews.put(review('r1'));
    const save = (text: string | null) =>
      handlers['ui-bg/save-draft']!({
        data: { reviewKey: `${STORE}|r1`, text },
        sender: panel,
      }) as Promise<CheckedDraft | null>;
    expect(await save('亲，抱歉，已为您补发')).toMatchObject({
      verdict: 'ok',
      insertable: true,
      source: 'saved',
    });
    expect(await save('亲，晒图五星好评后返现5元')).toMatchObject({ insertable: false });
    expect(await db.replyDrafts.get(`${STORE}|r1`)).toMatchObject({ verdict: 'block', source: 'user' });
    expect(await save(null)).toBeNull();
    expect(await db.replyDrafts.count()).toBe(0);
  });

  it('model drafting falls back to templates when the endpoint fails', async () => {
    await db.reviews.put(review('r1'));
    await replyModelItem.setValue({
      enabled: true,
      baseUrl: 'http://127.0.0.1:9/v1',
      model: 'm',
      apiKey: 'k',
    });
    const r = (await handlers['ui-bg/model-draft']!({
      data: { reviewKey: `${STORE}|r1` },
      sender: panel,
    })) as ModelDraftReply;
    expect(r).toMatchObject({ source: 'template', fallbackReason: '模型请求失败：HTTP 500' });
    expect(r.check.insertable).toBe(true);
  });

  it('refresh-flags recomputes only when the store changed', async () => {
    await db.reviews.put(review('r1'));
    const refresh = () =>
      handlers['ui-bg/refresh-flags']!({ data: { storeKey: STORE }, sender: panel }) as Promise<{
        computedAt: number;
      }>;
    const first = await refresh();
    expect(first.computedAt).toBe(NOW);
    const stamp = await db.meta.get(`reviewFlags:${STORE}`);
    await refresh();
    expect(await db.meta.get(`reviewFlags:${STORE}`)).toEqual(stamp);
  });
});
