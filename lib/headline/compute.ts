/**
 * Building, parsing and picking headlines (lib/headline/schema.ts). Pure: the worker builds them from the
 * newest snapshot and the record counters, the pages parse and pick. No Dexie, no model imports.
 */
import type { ScoreSnapshot } from '../score-view/types';
import { Headlines, HEADLINES_VERSION, type StoreHeadline } from './schema';

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

/** One store's entry from its newest snapshot (if any) and its record counts. */
export function storeHeadline(
  store: { key: string; lastSeen: number },
  snapshot: ScoreSnapshot | undefined,
  counts: { reviews: number; orders: number },
): StoreHeadline {
  const card = snapshot ? cardOf(snapshot) : undefined;
  return {
    storeKey: store.key,
    lastSeen: store.lastSeen,
    ...(card && snapshot ? { card, date: snapshot.date } : {}),
    counts: { reviews: counts.reviews, orders: counts.orders },
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
 * exists, else the most recently captured one), when it has a card to paint; else undefined.
 */
export function pickHeadline(h: Headlines | undefined, selected: unknown): StoreHeadline | undefined {
  if (!h) return undefined;
  const pick = h.stores.find((s) => s.storeKey === selected) ?? h.stores[0];
  return pick?.card ? pick : undefined;
}
