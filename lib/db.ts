/**
 * The one Dexie database. Only the background service worker and the extension's own pages open it;
 * content scripts never do (they run in the merchant page's origin, see STYLE.md §4).
 *
 * Schema history — never edit a shipped version; add a new one below it with a comment.
 * - v1: stores, reviews, orders, officialScores, captureEvents, aggregates, meta.
 * - v2: scoreSnapshots (daily computed score per store), alerts (deduped by condition key), scoreMarks
 *   (records that cost points, by counting day: the diagnosis/forecast read negatives by index).
 * - v3: replyDrafts (the merchant's saved reply per review), reviewFlags (suspicion flags per review,
 *   recomputed per store when its reviews change).
 * - v4: reviews get `[storeKey+polarity+createdAt]` (the inbox reads 中差评 by index) and a plain
 *   `storeKey` index (counts); the v1 `[storeKey+replied+createdAt]` index is dropped — IndexedDB cannot
 *   index booleans, so it never held a row. Orders get `storeKey` (counts include orders without times).
 *   Upgrade: reviews stored without a polarity get it from their stars (lib/keys.ts withPolarity).
 * - v7 (team delivery, issue #14): `outbox` — one row per message × robot target, kept until delivered
 *   or failed for good; read by state and due time. New table only, no row rewritten.
 * - v8 (text learning, issue #11): `textCorrections` — the merchant's tag corrections, one per review
 *   (keyed like the review); `textAdapters` — each store's serialized ShopAdapter and its learning
 *   cursors (key `${storeKey}|adapter`). New tables only, no row rewritten.
 *   (Numbered above v7, the last shipped version: Dexie only runs versions above the stored one.)
 * - v9 (aggregate rebuild, issue #15): `scoreMarks` holds one row per store × counting day (key
 *   `${storeKey}|${day}`, the day's marks in `m`) instead of one row per record × day; the `ref` index
 *   (never read) is dropped. Upgrade: the stored marks are regrouped into day rows, nothing recounted.
 */
import Dexie, { type EntityTable, type Table } from 'dexie';
import { withPolarity } from './keys';
import { addToDays, byRef } from './score-view/mark-days';
import type { CaptureEvent, OfficialScore, Order, Review, Store } from './model';
import type { AlertRow, ScoreMark, ScoreMarkDay, ScoreSnapshot } from './score-view/types';
import type { ReplyDraftRow, ReviewFlagRow } from './replies/store';
import type { OutboxRow } from './team/types';
import type { TextCorrectionRow } from './text/corrections';
import type { TextAdapterRow } from './text/adapter-store';

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
  scoreSnapshots: EntityTable<ScoreSnapshot, 'key'>;
  alerts: EntityTable<AlertRow, 'key'>;
  // v9 (issue #15): one row per store-day (see ScoreMarkDay); v2–v8 rows were one ScoreMark per mark.
  scoreMarks: EntityTable<ScoreMarkDay, 'key'>;
  replyDrafts: EntityTable<ReplyDraftRow, 'key'>;
  reviewFlags: EntityTable<ReviewFlagRow, 'key'>;
  outbox: EntityTable<OutboxRow, 'key'>;
  // v8 (issue #11)
  textCorrections: EntityTable<TextCorrectionRow, 'key'>;
  textAdapters: EntityTable<TextAdapterRow, 'key'>;
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
  // Only the new tables: Dexie keeps the v1 tables as declared above.
  db.version(2).stores({
    scoreSnapshots: 'key, [storeKey+date]',
    alerts: 'key, [storeKey+at], state',
    // One row per record × day it counts as bad on; `ref` is the record key.
    scoreMarks: 'key, [storeKey+day], ref',
  });
  // v3 (reply features, issue #5): saved reply drafts; suspicion flags, read per store and per review.
  db.version(3).stores({
    replyDrafts: 'key, storeKey, updatedAt',
    reviewFlags: 'key, storeKey, reviewKey',
  });
  db.version(4)
    .stores({
      reviews:
        'key, [storeKey+createdAt], [storeKey+polarity+createdAt], [storeKey+orderId], storeKey, updatedAt',
      orders: 'key, [storeKey+paidAt], [storeKey+createdAt], storeKey, updatedAt',
    })
    // Rows stored before v4 without a platform label get their polarity from the stars, as ingest now does.
    .upgrade((tx) =>
      tx
        .table<Review>('reviews')
        .filter((r) => r.polarity === undefined)
        .modify((r) => {
          const p = withPolarity(r).polarity;
          if (p) r.polarity = p;
        }),
    );
  // v7 (issue #14): the robot outbox; [state+nextAt] finds due and expired-lease rows, the rest serve 采集健康.
  db.version(7).stores({
    outbox: 'key, [state+nextAt], targetId, storeKey, createdAt',
  });
  // v8 (issue #11): tag corrections, read per store by time (backup, adapter cursor); per-store adapters.
  // Numbered after v7, the last shipped version: a database already at v7 only runs versions above it.
  db.version(8).stores({
    textCorrections: 'key, [storeKey+at], storeKey',
    textAdapters: 'key, storeKey',
  });
  // v9 (issue #15): score marks bucketed per store-day; the upgrade regroups the v2–v8 rows.
  db.version(9)
    .stores({ scoreMarks: 'key, [storeKey+day]' })
    .upgrade((tx) => bucketScoreMarks(tx.table('scoreMarks')));
}

/**
 * The v9 upgrade: the old rows read in primary-key pages (getAll, no per-row cursor step) and grouped
 * per store-day in memory, then the table cleared and the day rows written. Memory holds one small
 * entry per mark (about 300k for a 1M-record store) until the write.
 */
export async function bucketScoreMarks(table: Table): Promise<void> {
  const days = new Map<string, ScoreMarkDay>();
  let after: string | undefined;
  for (;;) {
    const page: (ScoreMark | ScoreMarkDay)[] = await (
      after === undefined ? table.orderBy(':id') : table.where(':id').above(after)
    )
      .limit(UPGRADE_PAGE)
      .toArray();
    if (page.length === 0) break;
    after = page[page.length - 1]!.key;
    addToDays(days, page);
  }
  await table.clear();
  for (const d of days.values()) d.m.sort(byRef);
  await table.bulkPut([...days.values()]);
}
const UPGRADE_PAGE = 10_000;

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
