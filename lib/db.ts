/**
 * The one Dexie database. Only the background service worker and the extension's own pages open it;
 * content scripts never do (they run in the merchant page's origin, see STYLE.md §4).
 *
 * Schema history — never edit a shipped version; add a new one below it with a comment.
 * - v1: stores, reviews, orders, officialScores, captureEvents, aggregates, meta.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { CaptureEvent, OfficialScore, Order, Review, Store } from './model';

/** Small key/value records that must live with the data (not in chrome.storage), e.g. walker cursors. */
export interface MetaRow {
  key: string;
  value: unknown;
}

/**
 * A daily aggregate row. Its counters are defined by lib/scoring/aggregates.ts; the database only needs
 * the key and the indexed fields.
 */
export interface AggregateRow {
  key: string;
  storeKey: string;
  date: string;
  [counter: string]: unknown;
}

export type KoubeiDb = Dexie & {
  stores: EntityTable<Store, 'key'>;
  reviews: EntityTable<Review, 'key'>;
  orders: EntityTable<Order, 'key'>;
  officialScores: EntityTable<OfficialScore, 'key'>;
  captureEvents: EntityTable<CaptureEvent, 'id'>;
  aggregates: EntityTable<AggregateRow, 'key'>;
  meta: EntityTable<MetaRow, 'key'>;
};

export const DB_NAME = 'koubei';

/** Declares every shipped schema version on a Dexie instance (used by the app and the upgrade tests). */
export function declareSchema(db: Dexie): void {
  db.version(1).stores({
    stores: 'key, platform, lastSeen',
    // [storeKey+createdAt]: newest-first lists and window scans; [storeKey+replied+createdAt]: the inbox.
    reviews: 'key, [storeKey+createdAt], [storeKey+replied+createdAt], [storeKey+orderId], updatedAt',
    orders: 'key, [storeKey+paidAt], [storeKey+createdAt], updatedAt',
    officialScores: 'key, [storeKey+kind+date], [storeKey+date]',
    captureEvents: '++id, at, [storeKey+at], outcome',
    aggregates: 'key, [storeKey+date]',
    meta: 'key',
  });
}

export function openDb(name = DB_NAME): KoubeiDb {
  const db = new Dexie(name) as KoubeiDb;
  declareSchema(db);
  return db;
}

let shared: KoubeiDb | undefined;

/** The process-wide database handle (lazily opened). */
export function getDb(): KoubeiDb {
  shared ??= openDb();
  return shared;
}
