import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Headline, ScoreSnapshot } from '../score-view/types';
import { selectedStoreItem } from '../settings';
import { buildHeadlines, cardOf, parseHeadlines, pickHeadline, storeHeadline } from './compute';
import { SELECTED_STORE_KEY, readHeadline } from './read';
import { LIMITS, type Review } from '../model';
import { HEADLINES_KEY, HEADLINES_VERSION, RECENT_REVIEWS, REVIEW_BOUNDS } from './schema';

const dims = [
  { id: 'product' as const, name: '商品体验', value: 88, weight: 0.4, weightSource: 'console' as const },
  { id: 'logistics' as const, name: '物流体验', value: null, weight: null },
];
const headline = (over: Partial<Headline> = {}): Headline => ({
  value: 86,
  fivePoint: 4.7,
  dims,
  source: 'official',
  date: '2026-11-22',
  lowCoverage: false,
  deltas: { vsYesterday: -0.5, vs7Days: null },
  deltaDates: { yesterday: '2026-11-21', week: '2026-11-15' },
  ...over,
});

function snapshot(storeKey: string, withHead = true): ScoreSnapshot {
  return {
    key: `${storeKey}|2026-12-05`,
    storeKey,
    profileId: 'douyin.experience',
    label: '商家体验分',
    date: '2026-12-05',
    takenAt: 1,
    scale: { min: 50, max: 100 },
    estimate: { value: 70, fivePoint: 4.1, dims, stage: 'formal', paidOrders: 120, reviews: 40 },
    official: { value: 86, fivePoint: 4.7, dims },
    coverage: { level: 'partial', orders: 120, officialOrders: 180, reviews: 40, daysWithOrders: 20, windowDays: 30 }, // prettier-ignore
    ...(withHead
      ? {
          head: {
            headline: headline({ source: 'estimate', date: '2026-12-05', stale: false }),
            urgent: { kind: 'alert', severity: 'critical', title: '差评回复即将到期', detail: '还剩 2 小时', alertKey: 'a|1', refs: ['r1'] }, // prettier-ignore
            alerts: 3,
            guessed: ['物流权重'],
            latestOfficial: '2026-11-22',
            official: headline({ stale: true }),
          },
        }
      : {}),
  };
}

const counts = { reviews: 30_000, orders: 70_000 };
/** What the worker stores, as the pages read it back (through JSON, like chrome.storage). */
const stored = (...entries: ReturnType<typeof storeHeadline>[]) =>
  JSON.parse(JSON.stringify(buildHeadlines(entries, 1_764_900_000_000))) as unknown;

describe('headline entries', () => {
  it('copies what the score card reads and nothing of the rest of the snapshot', () => {
    const e = storeHeadline({ key: 'douyin:1', lastSeen: 5 }, snapshot('douyin:1'), counts);
    expect(e).toMatchObject({ storeKey: 'douyin:1', lastSeen: 5, date: '2026-12-05', counts });
    expect(e.card!.head.urgent.title).toBe('差评回复即将到期');
    expect(e.card!.head.official!.date).toBe('2026-11-22');
    expect(e.card!.estimate).toEqual({ value: 70, fivePoint: 4.1, paidOrders: 120, reviews: 40 });
    expect(e.card).not.toHaveProperty('official');
    expect(e.card).not.toHaveProperty('key');
  });

  it('has no card before the store has a snapshot with a headline', () => {
    expect(storeHeadline({ key: 'a', lastSeen: 1 }, undefined, counts).card).toBeUndefined();
    expect(cardOf(snapshot('a', false))).toBeUndefined();
  });

  it('round-trips through storage and validation unchanged', () => {
    const e = storeHeadline({ key: 'douyin:1', lastSeen: 5 }, snapshot('douyin:1'), counts);
    const h = parseHeadlines(stored(e));
    expect(h?.v).toBe(HEADLINES_VERSION);
    expect(h?.stores).toEqual([e]);
  });

  it('orders stores most recently captured first', () => {
    const a = storeHeadline({ key: 'a', lastSeen: 1 }, snapshot('a'), counts);
    const b = storeHeadline({ key: 'b', lastSeen: 9 }, snapshot('b'), counts);
    expect(buildHeadlines([a, b], 0).stores.map((s) => s.storeKey)).toEqual(['b', 'a']);
  });
});

describe('parseHeadlines', () => {
  const good = stored(storeHeadline({ key: 'a', lastSeen: 1 }, snapshot('a'), counts)) as {
    v: number;
    stores: { card: { head: { headline: { value: unknown } } }; counts: unknown }[];
  };
  const corrupt = (f: (h: typeof good) => void) => {
    const h = structuredClone(good);
    f(h);
    return h;
  };
  it.each([
    ['missing', undefined],
    ['not an object', 'headlines'],
    ['another version', corrupt((h) => (h.v = 999))],
    ['a score that is text', corrupt((h) => (h.stores[0]!.card.head.headline.value = '86'))],
    ['counts missing', corrupt((h) => delete (h.stores[0] as { counts?: unknown }).counts)],
    ['stores not a list', { v: HEADLINES_VERSION, at: 0, stores: {} }],
  ])('ignores a stored value that is %s', (_, raw) => {
    expect(parseHeadlines(raw)).toBeUndefined();
  });
});

describe('pickHeadline (the store the full UI will show)', () => {
  const h = parseHeadlines(
    stored(
      storeHeadline({ key: 'new', lastSeen: 9 }, snapshot('new'), counts),
      storeHeadline({ key: 'old', lastSeen: 1 }, snapshot('old'), { reviews: 1, orders: 2 }),
      storeHeadline({ key: 'bare', lastSeen: 5 }, undefined, counts),
    ),
  );
  it('takes the selected store', () => {
    expect(pickHeadline(h, 'old')?.counts).toEqual({ reviews: 1, orders: 2 });
  });
  it('takes the most recently captured store when none (or a deleted one) is selected', () => {
    expect(pickHeadline(h, null)?.storeKey).toBe('new');
    expect(pickHeadline(h, 'gone')?.storeKey).toBe('new');
  });
  it('paints nothing when the store that will be shown has no card yet (never another store)', () => {
    expect(pickHeadline(h, 'bare')).toBeUndefined();
    expect(pickHeadline(undefined, 'new')).toBeUndefined();
  });
});

describe('newest reviews (the side panel 评价 first paint)', () => {
  const review = (i: number, over: Partial<Review> = {}): Review => ({
    key: `douyin:1|r${i}`,
    storeKey: 'douyin:1',
    platform: 'douyin',
    reviewId: `r${i}`,
    orderId: `o${i}`,
    productName: '保温杯',
    createdAt: 1_764_000_000_000 - i * 60_000,
    star: 2,
    starProduct: 2,
    polarity: 'bad',
    text: `<img src=x onerror=alert(${i})>杯盖漏水`,
    buyerNick: 'a***',
    appends: [{ text: '追加', at: 1_764_100_000_000, images: 2 }],
    images: 1,
    videos: 0,
    replied: false,
    replyDeadline: 1_764_300_000_000,
    appealState: '未被举报',
    source: 'api',
    capturedAt: 1,
    updatedAt: 1,
    ...over,
  });

  it('keeps what the review list draws, newest first, at most RECENT_REVIEWS, and nothing else', () => {
    const reviews = Array.from({ length: RECENT_REVIEWS + 5 }, (_, i) => review(i));
    const e = storeHeadline({ key: 'douyin:1', lastSeen: 5 }, undefined, counts, reviews);
    expect(e.recent).toHaveLength(RECENT_REVIEWS);
    expect(e.recent!.map((r) => r.key)).toEqual(reviews.slice(0, RECENT_REVIEWS).map((r) => r.key));
    const first = e.recent![0]!;
    // Text is kept as text (the list renders it through JSX); fields the list does not draw are not kept.
    expect(first.text).toBe(reviews[0]!.text);
    for (const k of [
      'storeKey',
      'platform',
      'reviewId',
      'replyDeadline',
      'appealState',
      'source',
      'capturedAt',
    ])
      expect(first).not.toHaveProperty(k);
    expect(first.appends).toEqual([{ text: '追加', at: 1_764_100_000_000 }]);
    expect(parseHeadlines(stored(e))?.stores[0]?.recent).toEqual(e.recent);
  });

  it('has no list for a store without reviews, and its bounds are the stored review bounds', () => {
    expect(storeHeadline({ key: 'x', lastSeen: 1 }, undefined, counts, [])).not.toHaveProperty('recent');
    expect(REVIEW_BOUNDS).toEqual({
      id: LIMITS.id,
      name: LIMITS.name,
      text: LIMITS.text,
      appends: LIMITS.appends,
    });
  });

  it('rejects a stored list that is too long or malformed (the page takes the normal path)', () => {
    const e = storeHeadline({ key: 'douyin:1', lastSeen: 5 }, snapshot('douyin:1'), counts, [review(0)]);
    const raw = stored(e) as { stores: { recent: unknown[] }[] };
    const long = structuredClone(raw);
    long.stores[0]!.recent = Array.from({ length: RECENT_REVIEWS + 1 }, () => raw.stores[0]!.recent[0]);
    expect(parseHeadlines(long)).toBeUndefined();
    const bad = structuredClone(raw);
    (bad.stores[0]!.recent[0] as { text: unknown }).text = 7;
    expect(parseHeadlines(bad)).toBeUndefined();
  });

  it('is picked for 评价 even before the store has a score card', () => {
    const h = parseHeadlines(
      stored(storeHeadline({ key: 'bare', lastSeen: 5 }, undefined, counts, [review(1)])),
    );
    expect(pickHeadline(h, 'bare')?.recent?.[0]?.key).toBe('douyin:1|r1');
    expect(pickHeadline(h, 'bare')?.card).toBeUndefined();
  });
});

describe('readHeadline', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads the selection under the settings item key', () => {
    expect(selectedStoreItem.key).toBe(`local:${SELECTED_STORE_KEY}`);
  });

  it('reads the selected store’s entry in one storage read', async () => {
    await fakeBrowser.storage.local.set({
      [HEADLINES_KEY]: stored(
        storeHeadline({ key: 'a', lastSeen: 9 }, snapshot('a'), counts),
        storeHeadline({ key: 'b', lastSeen: 1 }, snapshot('b'), { reviews: 3, orders: 4 }),
      ),
    });
    await selectedStoreItem.setValue('b');
    expect((await readHeadline())?.counts).toEqual({ reviews: 3, orders: 4 });
  });

  it('gives undefined (the normal path) for a missing or corrupt entry', async () => {
    expect(await readHeadline()).toBeUndefined();
    await fakeBrowser.storage.local.set({ [HEADLINES_KEY]: { v: HEADLINES_VERSION, stores: [{ storeKey: 1 }] } }); // prettier-ignore
    expect(await readHeadline()).toBeUndefined();
  });
});
