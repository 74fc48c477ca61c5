/**
 * Shared by the concurrency suites: fresh databases, the batches a content script sends for comment
 * pages (optionally edited, as a later capture would see them), ingest, serial replay, record snapshots.
 */
import { afterEach } from 'vitest';
import type { CaptureBatch } from '../capture/batch';
import { toBatches } from '../capture/batch';
import { parseHookMessage } from '../capture/content';
import { ingestBatch } from '../background/ingest';
import type { KoubeiDb } from '../db';
import { openDb } from '../db';
import { douyin } from '../platforms/douyin';
import { COMMENTS_PAGE, SHOP_ID, commentPages } from './large';

export const NOW = Date.UTC(2026, 10, 22, 2);
export const STORE = `douyin:${SHOP_ID}`;
const dbs: KoubeiDb[] = [];
/** A database deleted after the test. */
export const fresh = (name: string) => {
  const db = openDb(`${name}-${Math.random()}`);
  dbs.push(db);
  return db;
};
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

/** The batches a content script sends for `pages` comment pages, optionally edited (a later capture). */
export function batches(
  pages: number,
  edit?: (row: Record<string, unknown>, i: number) => void,
): CaptureBatch[] {
  return commentPages(pages, 60).flatMap((m) => {
    const body = JSON.parse(m.text!) as { data: Record<string, unknown>[] };
    body.data.forEach((r, i) => edit?.(r, i));
    const text = JSON.stringify(body);
    const { result } = parseHookMessage(douyin, { ...m, text }, new URL(COMMENTS_PAGE), NOW);
    return toBatches(result, {
      platform: 'douyin',
      endpoint: 'commentList',
      page: '/c',
      source: 'api',
      bytes: text.length,
    });
  });
}
export const ingest = (db: KoubeiDb, b: CaptureBatch, now = NOW) =>
  ingestBatch(db, b, { storeKey: STORE, now });
export const serially = async (db: KoubeiDb, ops: (() => Promise<unknown>)[]) => {
  for (const op of ops) await op();
};
export const records = async (db: KoubeiDb) => ({
  stores: await db.stores.toArray(),
  reviews: await db.reviews.toArray(),
  orders: await db.orders.toArray(),
});
