/**
 * Building, parsing and picking headlines (lib/headline/schema.ts). Pure: the worker builds them from the
 * newest snapshot and the record counters, the pages parse and pick. No Dexie, no model imports.
 */
import type { ScoreSnapshot } from '../score-view/types';
import {
  Headlines,
  HEADLINES_VERSION,
  RECENT_REVIEWS,
  type RecentReview,
  type StoreHeadline,
} from './schema';

/** The card part of a snapshot, copied field by field (nothing else of the snapshot is stored). */
export function cardOf(s: ScoreSnapshot): StoreHeadline['card'] {
  const h = s.head;
  if (!h) return undefined;
  const e = s.estimate;
  return {
    label: s.label,
    scale: { min: s.scale.min, max: s.scale.max },
    estimate: { value: e.value, fivePoint: e.fivePoint, paidOrders: e.paidOrders, reviews: e.reviews },
    coverage: s.coverage,
    head: {
      headline: h.headline,
      urgent: h.urgent,
      alerts: h.alerts,
      guessed: h.guessed,
      ...(h.latestOfficial !== undefined ? { latestOfficial: h.latestOfficial } : {}),
      ...(h.official ? { official: h.official } : {}),
    },
  };
}

/** The fields of a review the 评价 list draws, copied field by field (nothing else is stored). */
export function recentOf(r: RecentReview): RecentReview {
  const opt = <K extends keyof RecentReview>(k: K) => (r[k] !== undefined ? { [k]: r[k] } : {});
  return {
    key: r.key,
    ...opt('orderId'),
    ...opt('productId'),
    ...opt('productName'),
    ...opt('skuText'),
    createdAt: r.createdAt,
    ...opt('star'),
    ...opt('starProduct'),
    ...opt('starLogistics'),
    ...opt('starService'),
    ...opt('polarity'),
    text: r.text,
    ...opt('buyerNick'),
    appends: r.appends.map((a) => ({ text: a.text, ...(a.at !== undefined ? { at: a.at } : {}) })),
    images: r.images,
    videos: r.videos,
    replied: r.replied,
    ...opt('replyText'),
    ...opt('isDefault'),
  };
}

/**
 * One store's entry from its newest snapshot (if any), its record counts and its newest reviews (newest
 * first, at most RECENT_REVIEWS are kept).
 */
export function storeHeadline(
  store: { key: string; lastSeen: number },
  snapshot: ScoreSnapshot | undefined,
  counts: { reviews: number; orders: number },
  recent: readonly RecentReview[] = [],
): StoreHeadline {
  const card = snapshot ? cardOf(snapshot) : undefined;
  return {
    storeKey: store.key,
    lastSeen: store.lastSeen,
    ...(card && snapshot ? { card, date: snapshot.date } : {}),
    counts: { reviews: counts.reviews, orders: counts.orders },
    ...(recent.length ? { recent: recent.slice(0, RECENT_REVIEWS).map(recentOf) } : {}),
  };
}

/** All stores' entries, most recently captured first (the order of lib/queries.ts listStores). */
export function buildHeadlines(entries: StoreHeadline[], at: number): Headlines {
  return { v: HEADLINES_VERSION, at, stores: [...entries].sort((a, b) => b.lastSeen - a.lastSeen) };
}

/** A stored value, validated; undefined when missing, of another version or corrupt. */
export function parseHeadlines(raw: unknown): Headlines | undefined {
  const r = Headlines.safeParse(raw);
  return r.success ? r.data : undefined;
}

/**
 * The entry of the store the full UI will show (lib/queries.ts pickStore: the selected store if it still
 * exists, else the most recently captured one), when it has something to paint (a card, or reviews for
 * 评价); else undefined.
 */
export function pickHeadline(h: Headlines | undefined, selected: unknown): StoreHeadline | undefined {
  if (!h) return undefined;
  const pick = h.stores.find((s) => s.storeKey === selected) ?? h.stores[0];
  return pick?.card || pick?.recent?.length ? pick : undefined;
}
