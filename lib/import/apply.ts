/**
 * Background side of an import: check the request, resolve the target store, give imported reviews the
 * console's real review id when a captured review of the same order exists, then the ONE ingest path
 * (`ingestBatch`, so validation, merge, capture-health and the aggregate hooks all apply).
 */
import type { CaptureBatch, IngestResult } from '../capture/batch';
import { CaptureBatchSchema } from '../capture/schema';
import type { KoubeiDb } from '../db';
import type { Review, StoreIdentity } from '../model';
import { storeKey as keyOf } from '../model';
import type { IngestHooks } from '../background/ingest';
import { ingestBatch, ingestResultOf } from '../background/ingest';
import { IMPORTED_REVIEW_PREFIX } from './kinds/douyin-reviews';

/** Where an import goes: a store the extension knows, or a new one from the shop id the merchant typed. */
export type ImportTarget = { storeKey: string } | { shopId: string; name?: string };

export interface ImportRequest {
  batch: CaptureBatch;
  target: ImportTarget;
}

export class ImportRequestError extends Error {}

/**
 * Imported 抖店 reviews carry `order-<orderId>` ids (the export has no review id). When exactly one stored
 * review of that order exists, the draft takes its id — and the counts the file cannot know (images,
 * videos, reply state) — so ingest merges instead of duplicating.
 */
export async function adoptReviewIds(db: KoubeiDb, storeKey: string, reviews: unknown[]): Promise<unknown[]> {
  return Promise.all(
    reviews.map(async (row) => {
      const r = row as Partial<Review>;
      if (typeof r.reviewId !== 'string' || !r.reviewId.startsWith(IMPORTED_REVIEW_PREFIX) || !r.orderId)
        return row;
      const found = await db.reviews.where('[storeKey+orderId]').equals([storeKey, r.orderId]).toArray();
      const real = found.filter((f) => !f.reviewId.startsWith(IMPORTED_REVIEW_PREFIX));
      if (real.length !== 1) return row;
      const m = real[0]!;
      return {
        ...r,
        reviewId: m.reviewId,
        images: Math.max(m.images, r.images ?? 0),
        videos: Math.max(m.videos, r.videos ?? 0),
        replied: m.replied || Boolean(r.replied),
      };
    }),
  );
}

export async function importBatch(
  db: KoubeiDb,
  req: ImportRequest,
  ctx: { now: number; hooks?: IngestHooks },
): Promise<IngestResult> {
  const parsed = CaptureBatchSchema.safeParse(req.batch);
  if (!parsed.success) throw new ImportRequestError('导入批次格式无效');
  const batch = parsed.data;
  if (batch.source !== 'import') throw new ImportRequestError('导入批次的来源必须是 import');
  let key: string;
  let identity: StoreIdentity | undefined;
  const t = req.target;
  if ('storeKey' in t) {
    const store = await db.stores.get(String(t.storeKey));
    if (!store) throw new ImportRequestError('目标店铺不存在');
    if (store.platform !== batch.platform) throw new ImportRequestError('所选店铺与文件的平台不一致，已拒绝');
    key = store.key;
  } else {
    const shopId = String(t.shopId ?? '').trim();
    if (!/^[\w-]{2,64}$/.test(shopId))
      throw new ImportRequestError('店铺 ID 只能是字母、数字、- 或 _（2–64 位）');
    key = keyOf(batch.platform, shopId);
    const name = typeof t.name === 'string' && t.name.trim() ? t.name.trim().slice(0, 200) : undefined;
    identity = { platform: batch.platform, shopId, name, via: 'manual' };
  }
  const reviews = await adoptReviewIds(db, key, batch.reviews);
  const r = await ingestBatch(
    db,
    { ...batch, reviews },
    { storeKey: key, identity, now: ctx.now, hooks: ctx.hooks },
  );
  return ingestResultOf(r);
}
