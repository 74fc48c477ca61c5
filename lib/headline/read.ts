/**
 * The pages' side of the headline (issue #15): one chrome.storage.local read before anything else loads.
 * Raw storage API, not WXT storage items, so the first bundle stays small (like lib/clock.ts).
 */
import { browser } from 'wxt/browser';
import { parseHeadlines, pickHeadline } from './compute';
import { HEADLINES_KEY, type StoreHeadline } from './schema';

/** chrome.storage.local key of lib/settings.ts selectedStoreItem ('local:selectedStore'). */
export const SELECTED_STORE_KEY = 'selectedStore';

/** The headline of the store the page will show, or undefined (none yet, corrupt, storage failing). */
export async function readHeadline(): Promise<StoreHeadline | undefined> {
  try {
    const got = await browser.storage.local.get([HEADLINES_KEY, SELECTED_STORE_KEY]);
    return pickHeadline(parseHeadlines(got[HEADLINES_KEY]), got[SELECTED_STORE_KEY]);
  } catch {
    return undefined; // the normal path: the full UI reads Dexie
  }
}
