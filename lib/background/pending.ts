/**
 * Batches that arrived before their page showed which store it belongs to. They wait here (in the
 * database, so a worker restart keeps them) until the page identifies itself — a later batch carrying the
 * shop identity, or the content script's `cs-bg/identify` once the header has rendered — and are then
 * ingested into that store, or it says no signal identified it and they go to the provisional store
 * (lib/background/provisional.ts). Batches of a page that said nothing at all go there after PARK_TTL_MS.
 */
import type { KoubeiDb } from '../db';
import type { CaptureBatch } from '../capture/batch';

/** After this, parked batches of a page that never said anything go to the provisional store (issue #12). */
export const PARK_TTL_MS = 30 * 1000;
/** A document parks at most this many batches (a page that never identifies can't fill the disk). */
export const PARK_LIMIT = 200;

interface Parked {
  doc: string;
  at: number;
  batch: CaptureBatch;
}

const prefix = (doc: string) => `pending|${doc}|`;

/** Parks a validated batch; false when the document already parked too many. */
export async function park(db: KoubeiDb, doc: string, batch: CaptureBatch, now: number): Promise<boolean> {
  const n = await db.meta.where('key').startsWith(prefix(doc)).count();
  if (n >= PARK_LIMIT) return false;
  const seq = String(now).padStart(15, '0') + String(n).padStart(4, '0');
  await db.meta.put({ key: `${prefix(doc)}${seq}`, value: { doc, at: now, batch } satisfies Parked });
  return true;
}

/** Removes and returns a document's parked batches, oldest first. */
export async function takeParked(db: KoubeiDb, doc: string): Promise<CaptureBatch[]> {
  return db.transaction('rw', db.meta, async () => {
    const rows = await db.meta.where('key').startsWith(prefix(doc)).toArray();
    await db.meta.bulkDelete(rows.map((r) => r.key));
    return rows.map((r) => (r.value as Parked).batch);
  });
}

/** Removes and returns batches parked longer than the TTL, from every document (then filed, not dropped). */
export async function takeExpired(db: KoubeiDb, now: number): Promise<CaptureBatch[]> {
  return db.transaction('rw', db.meta, async () => {
    const rows = (await db.meta.where('key').startsWith('pending|').toArray()).filter(
      (r) => now - (r.value as Parked).at > PARK_TTL_MS,
    );
    await db.meta.bulkDelete(rows.map((r) => r.key));
    return rows.map((r) => (r.value as Parked).batch);
  });
}
