/**
 * The worker keeps the pages' headlines (lib/headline, issue #15) in chrome.storage.local: rewritten after
 * every score refresh (which follows ingest, import, rebuilds, settings and snooze changes and clock
 * changes). Reads one snapshot, one counter and the newest reviews per store.
 */
import { browser } from 'wxt/browser';
import type { KoubeiDb } from '../db';
import { buildHeadlines, storeHeadline } from '../headline/compute';
import { HEADLINES_KEY, RECENT_REVIEWS, type Headlines } from '../headline/schema';
import { listReviews, storeCounts } from '../queries';
import { latestSnapshot } from '../score-queries';

export async function writeHeadlines(db: KoubeiDb, now: number): Promise<Headlines> {
  const stores = await db.stores.toArray();
  const entries = await Promise.all(
    stores.map(async (s) => {
      const [snapshot, counts, recent] = await Promise.all([
        latestSnapshot(db, s.key),
        storeCounts(db, s.key),
        listReviews(db, s.key, { limit: RECENT_REVIEWS }),
      ]);
      return storeHeadline(s, snapshot, counts, recent);
    }),
  );
  const h = buildHeadlines(entries, now);
  await browser.storage.local.set({ [HEADLINES_KEY]: h });
  return h;
}
