/**
 * Read-side queries shared by the popup and the side panel. Each reads by index and returns a bounded
 * amount: the UI stays instant with years of history.
 */
import Dexie from 'dexie';
import type { KoubeiDb } from './db';
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

export async function storeCounts(db: KoubeiDb, storeKey: string): Promise<StoreCounts> {
  const range = <T>(t: Dexie.Table<T>, idx: string) =>
    t.where(idx).between([storeKey, Dexie.minKey], [storeKey, Dexie.maxKey]);
  const [reviews, orders] = await Promise.all([
    range(db.reviews, '[storeKey+createdAt]').count(),
    range(db.orders, '[storeKey+createdAt]').count(),
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

export const isNegative = (r: Review): boolean =>
  r.polarity === 'bad' || r.polarity === 'neutral' || (r.star !== undefined && r.star <= 3);

/** Newest-first reviews of a store, filtered, reading only as many rows as it returns (plus skipped ones). */
export async function listReviews(db: KoubeiDb, storeKey: string, f: ReviewFilter = {}): Promise<Review[]> {
  const upper = f.before ?? Dexie.maxKey;
  let c = db.reviews
    .where('[storeKey+createdAt]')
    .between([storeKey, Dexie.minKey], [storeKey, upper], true, false)
    .reverse();
  if (f.negativeOnly || f.unrepliedOnly) {
    c = c.filter((r) => (!f.negativeOnly || isNegative(r)) && (!f.unrepliedOnly || !r.replied));
  }
  return c.limit(f.limit ?? 50).toArray();
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
