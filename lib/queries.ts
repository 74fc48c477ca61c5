/**
 * Read-side queries shared by the popup and the side panel. Each reads by index and returns a bounded
 * amount: the UI stays instant with years of history.
 */
import Dexie from 'dexie';
import type { KoubeiDb } from './db';
import { withPolarity } from './keys';
import type { CaptureEvent, OfficialScore, Review, Store } from './model';

export async function listStores(db: KoubeiDb): Promise<Store[]> {
  return (await db.stores.toArray()).sort((a, b) => b.lastSeen - a.lastSeen);
}

/** The selected store if it still exists, else the most recently captured one. */
export function pickStore(stores: Store[], selected: string | null | undefined): Store | undefined {
  return stores.find((s) => s.key === selected) ?? stores[0];
}

export interface StoreCounts {
  reviews: number;
  orders: number;
}

/** Where the worker keeps a store's record counts (lib/background/counts.ts maintains them). */
export const COUNTS_PREFIX = 'counts|';
export const countsKey = (storeKey: string): string => `${COUNTS_PREFIX}${storeKey}`;
export type StoreCountsRow = StoreCounts;

/** Stored reviews and orders of a store: the worker's counter, else counted from the index (slow at scale). */
export async function storeCounts(db: KoubeiDb, storeKey: string): Promise<StoreCounts> {
  const kept = (await db.meta.get(countsKey(storeKey)))?.value as StoreCounts | undefined;
  if (kept) return { reviews: kept.reviews, orders: kept.orders };
  const [reviews, orders] = await Promise.all([
    db.reviews.where('storeKey').equals(storeKey).count(),
    db.orders.where('storeKey').equals(storeKey).count(),
  ]);
  return { reviews, orders };
}

/** Latest official score of a kind, plus the one before (for Δ). */
export async function latestOfficial(
  db: KoubeiDb,
  storeKey: string,
  kind: string,
  limit = 2,
): Promise<OfficialScore[]> {
  return db.officialScores
    .where('[storeKey+kind+date]')
    .between([storeKey, kind, Dexie.minKey], [storeKey, kind, Dexie.maxKey])
    .reverse()
    .limit(limit)
    .toArray();
}

/** Official scores of one kind between two days (inclusive), oldest first. */
export async function officialHistory(
  db: KoubeiDb,
  storeKey: string,
  kind: string,
  from: string,
  to: string,
): Promise<OfficialScore[]> {
  return db.officialScores
    .where('[storeKey+kind+date]')
    .between([storeKey, kind, from], [storeKey, kind, to], true, true)
    .toArray();
}

export interface ReviewFilter {
  /** Only 中差评 (star ≤ 3 or polarity bad/neutral). */
  negativeOnly?: boolean;
  unrepliedOnly?: boolean;
  /** Newest-first page: reviews created strictly before this time. */
  before?: number;
  limit?: number;
}

/** 中差评: the platform's label where it gave one, else the stars (the same rule ingest stores by). */
export const isNegative = (r: Review): boolean => {
  const p = withPolarity(r).polarity;
  return p === 'bad' || p === 'neutral';
};

/**
 * Newest-first reviews of a store, filtered. 中差评 are read through the polarity index (a few percent
 * of all rows), so the inbox stays fast with years of history; only "unreplied" is filtered in memory.
 */
export async function listReviews(db: KoubeiDb, storeKey: string, f: ReviewFilter = {}): Promise<Review[]> {
  const upper = f.before ?? Dexie.maxKey;
  const limit = f.limit ?? 50;
  const keep = (r: Review) => !f.unrepliedOnly || !r.replied;
  if (f.negativeOnly) {
    const byPolarity = (p: string) =>
      db.reviews
        .where('[storeKey+polarity+createdAt]')
        .between([storeKey, p, Dexie.minKey], [storeKey, p, upper], true, false)
        .reverse()
        .filter(keep)
        .limit(limit)
        .toArray();
    const [bad, neutral] = await Promise.all([byPolarity('bad'), byPolarity('neutral')]);
    return [...bad, ...neutral]
      .sort((a, b) => b.createdAt - a.createdAt || (a.key < b.key ? 1 : -1))
      .slice(0, limit);
  }
  return db.reviews
    .where('[storeKey+createdAt]')
    .between([storeKey, Dexie.minKey], [storeKey, upper], true, false)
    .reverse()
    .filter(keep)
    .limit(limit)
    .toArray();
}

export async function recentEvents(db: KoubeiDb, limit = 100): Promise<CaptureEvent[]> {
  return db.captureEvents.orderBy('at').reverse().limit(limit).toArray();
}

export interface HealthSummary {
  responses: number;
  ok: number;
  partial: number;
  rejected: number;
  rowsKept: number;
  rowsRejected: number;
  lastAt?: number;
}

export function summarizeEvents(events: CaptureEvent[]): HealthSummary {
  const s: HealthSummary = { responses: 0, ok: 0, partial: 0, rejected: 0, rowsKept: 0, rowsRejected: 0 };
  for (const e of events) {
    s.responses++;
    s[e.outcome]++;
    s.rowsKept += e.added + e.updated + e.unchanged;
    s.rowsRejected += e.rejected;
    s.lastAt = Math.max(s.lastAt ?? 0, e.at);
  }
  return s;
}
