/**
 * 差评挽回 (issue #16): while a full "采集全部" walk runs on a console tab, the reviews its pages showed
 * are noted; when it reaches the last page, stored reviews of that span it no longer showed are marked
 * `goneAt` (lib/boards/gone.ts decides, and marks nothing after a walk of a filtered list).
 */
import type { CaptureBatch } from '../capture/batch';
import type { WalkerState } from '../capture/walker';
import type { KoubeiDb } from '../db';
import { addSeen, goneReviews, type GoneResult, type SeenSpan } from '../boards/gone';
import { validateBatch } from './ingest';

interface SeenRow {
  startedAt: number;
  storeKey: string;
  span: SeenSpan;
}

const walkKey = (tab: number, platform: string, path: string) => `walker|${tab}|${platform}|${path}`;
const seenKey = (tab: number, platform: string, path: string) => `walkseen|${tab}|${platform}|${path}`;

/** Notes the reviews of a batch captured on a tab whose full walk is running on that page. */
export async function recordWalkSeen(
  db: KoubeiDb,
  tab: number,
  batch: CaptureBatch,
  storeKey: string,
  now: number,
): Promise<void> {
  if (!batch.reviews.length) return;
  const walk = (await db.meta.get(walkKey(tab, batch.platform, batch.page)))?.value as
    WalkerState | undefined;
  if (!walk || walk.status !== 'running' || walk.mode !== 'full') return;
  const reviews = validateBatch(batch, storeKey, now).reviews;
  const key = seenKey(tab, batch.platform, batch.page);
  await db.transaction('rw', db.meta, async () => {
    const prev = (await db.meta.get(key))?.value as SeenRow | undefined;
    const same = prev && prev.startedAt === walk.startedAt && prev.storeKey === storeKey;
    const row: SeenRow = {
      startedAt: walk.startedAt,
      storeKey,
      span: addSeen(same ? prev.span : undefined, reviews),
    };
    await db.meta.put({ key, value: row });
  });
}

/** After a walk's state was saved: a finished full walk marks what it no longer showed. */
export async function finishWalk(
  db: KoubeiDb,
  tab: number,
  s: WalkerState,
  now: number,
): Promise<GoneResult | undefined> {
  if (s.status === 'running' || s.status === 'paused') return undefined;
  const key = seenKey(tab, s.platform, s.path);
  const row = (await db.meta.get(key))?.value as SeenRow | undefined;
  await db.meta.delete(key);
  if (!row || row.startedAt !== s.startedAt || s.status !== 'done' || s.mode !== 'full') return undefined;
  const stored = await db.reviews
    .where('[storeKey+createdAt]')
    .between([row.storeKey, row.span.from], [row.storeKey, row.span.to], true, true)
    .toArray();
  const result = goneReviews(row.span, stored);
  if (result.gone.length)
    await db.transaction('rw', db.reviews, async () => {
      for (const k of result.gone) await db.reviews.update(k, { goneAt: now, updatedAt: now });
    });
  return result;
}
