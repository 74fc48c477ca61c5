/**
 * The worker keeps the pages' headlines (lib/headline, issue #15) in chrome.storage.local: rewritten after
 * every score refresh (which follows ingest, import, rebuilds, settings and snooze changes and clock
 * changes). Reads one snapshot and one counter per store.
 */
import { browser } from 'wxt/browser';
import type { KoubeiDb } from '../db';
import { buildHeadlines, storeHeadline } from '../headline/compute';
import { HEADLINES_KEY, type Headlines } from '../headline/schema';
import { storeCounts } from '../queries';
import { latestSnapshot } from '../score-queries';

export async function writeHeadlines(db: KoubeiDb, now: number): Promise<Headlines> {
  const stores = await db.stores.toArray();
  const entries = await Promise.all(
    stores.map(async (s) => storeHeadline(s, await latestSnapshot(db, s.key), await storeCounts(db, s.key))),
  );
  const h = buildHeadlines(entries, now);
  await browser.storage.local.set({ [HEADLINES_KEY]: h });
  return h;
}
