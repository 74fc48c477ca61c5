/**
 * Page code of the ingest benchmarks (scripts/bench/ingest.ts, ingest-ab.ts, ingest-profile.ts), for one
 * version of lib/: the worker's ingest path, the raw IndexedDB put loop it is compared with, and message
 * round trips. Evaluated in an extension page (options.html) after `bundle()` from ./common.
 */

/**
 * An ES module over `lib` (a checkout's root: this one, or another commit's from ./lib-checkout) exporting
 * `loadRows`, `rawPutLoop`, `pipeline` and `roundTrip`.
 */
export const ingestPageCode = (lib: string): string => `
import { declareSchema, openDb } from '${lib}/lib/db';
import { ingestBatch } from '${lib}/lib/background/ingest';
import { aggregateHooks, runRebuild } from '${lib}/lib/background/aggregates';
import { combineHooks, countHooks, ensureCounts } from '${lib}/lib/background/counts';
import Dexie from 'dexie';
const req = (r) => new Promise((res, rej) => { r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
const open = (name) => req(indexedDB.open(name));
/** The rows the raw loop puts: the extension's stored reviews (loadRows) or the last pipeline's. */
let rows = [];
export async function loadRows() {
  const db = await open('koubei');
  rows = await req(db.transaction('reviews').objectStore('reviews').getAll());
  db.close();
  return rows.length;
}
/** One readwrite transaction per batch of puts into a fresh database with the app's schema. */
export async function rawPutLoop(batch) {
  await Dexie.delete('bench-raw');
  const d = new Dexie('bench-raw'); declareSchema(d); await d.open(); d.close();
  const db = await open('bench-raw');
  const t = performance.now();
  for (let i = 0; i < rows.length; i += batch) {
    const tx = db.transaction('reviews', 'readwrite');
    const s = tx.objectStore('reviews');
    for (const r of rows.slice(i, i + batch)) s.put(r);
    await new Promise((res, rej) => { tx.oncomplete = res; tx.onerror = () => rej(tx.error); tx.onabort = () => rej(tx.error); });
  }
  const ms = performance.now() - t;
  db.close();
  await Dexie.delete('bench-raw');
  return ms;
}
/**
 * The worker's ingest path (lib/background/ingest.ts with the same hooks the worker installs: daily
 * aggregates + score marks + record counters), on these capture batches, into a fresh database: first
 * pass (all new) and second pass (all stored). Returns ms per pass and the rows stored, and keeps the
 * stored rows for rawPutLoop.
 */
export async function pipeline(batches, storeKey) {
  await Dexie.delete('bench-ingest');
  const db = openDb('bench-ingest');
  await db.open();
  await runRebuild(db, Date.now); // empty database: aggregates 'ready', so the hooks run as in the worker
  await db.stores.put({ key: storeKey, platform: 'douyin', shopId: storeKey.split(':')[1], firstSeen: 1, lastSeen: 1 });
  await ensureCounts(db);
  const hooks = combineHooks(aggregateHooks(), countHooks());
  const pass = async () => {
    const t = performance.now();
    for (const b of batches) await ingestBatch(db, b, { storeKey, now: Date.now(), hooks });
    return performance.now() - t;
  };
  const first = await pass();
  const again = await pass();
  rows = await db.reviews.toArray();
  db.close();
  await Dexie.delete('bench-ingest');
  return { first, again, stored: rows.length };
}
/** Median round trip (ms) of 'cs-bg/capture' with this payload (the worker rejects it: not a console tab). */
export async function roundTrip(data, n) {
  const send = () => new Promise((res) => chrome.runtime.sendMessage({ id: 1, type: 'cs-bg/capture', data, timestamp: Date.now() }, (r) => { void chrome.runtime.lastError; res(r); }));
  await send();
  const xs = [];
  for (let i = 0; i < n; i++) { const t = performance.now(); await send(); xs.push(performance.now() - t); }
  xs.sort((a, b) => a - b);
  return xs[Math.floor(xs.length / 2)];
}
`;
