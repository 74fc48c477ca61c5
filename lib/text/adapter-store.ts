/**
 * A store's ShopAdapter as it is kept in Dexie (`textAdapters`, issue #11), and the pure steps that feed
 * it: captured reviews with their stars, and the merchant's corrections (weight 3). The worker owns the
 * writes (lib/background/text-learning.ts); extension pages only read the row and rebuild the adapter to
 * analyse that store's reviews.
 */
import type { Review } from '../model';
import { correctionTarget, CORRECTION_WEIGHT, reviewText, type TextCorrectionRow } from './corrections';
import { ShopAdapter, type AdapterState } from './model/adapt';
import { MODEL_VERSION, type TextModel } from './model/model';
import { isDefaultPraise } from './sentiment';

/** N-gram deltas a store keeps (≈ 50 bytes each in memory, lib/text/model/adapt.ts; the row is a few hundred kB at most). */
export const STORE_ADAPTER_FEATURES = 12_000;

export interface TextAdapterRow {
  /** `${storeKey}|adapter` */
  key: string;
  storeKey: string;
  /** Which model file version the deltas belong to (MODEL_VERSION): another model starts over. */
  modelVersion: number;
  /**
   * Which weights the deltas were learnt on (`TextModel.id`): a retrained model starts over too, as its
   * heads' logits are on another scale. Rows written before this field have none and start over.
   */
  modelId?: string;
  state: AdapterState;
  /** Reviews are learnt in `updatedAt` order; this is the last one learnt (0: none yet). */
  reviewsAt: number;
  /**
   * The first pass over the store's stored reviews is done. Until then every review read is learnt;
   * after it, only reviews captured after the cursor (an updated copy of a learnt review is skipped).
   */
  caughtUp: boolean;
  /** Corrections are learnt in `at` order; the last one learnt. */
  correctionsAt: number;
  /** Counts learnt, for 采集健康 and tests. */
  reviews: number;
  corrections: number;
  updatedAt: number;
}

export const adapterKey = (storeKey: string): string => `${storeKey}|adapter`;

/** A fresh row for a store (nothing learnt). */
export function emptyAdapterRow(storeKey: string, model: TextModel, now: number): TextAdapterRow {
  return {
    key: adapterKey(storeKey),
    storeKey,
    modelVersion: MODEL_VERSION,
    modelId: model.id,
    state: new ShopAdapter(model, { maxFeatures: STORE_ADAPTER_FEATURES }).toJSON(),
    reviewsAt: 0,
    caughtUp: false,
    correctionsAt: 0,
    reviews: 0,
    corrections: 0,
    updatedAt: now,
  };
}

/** Whether a stored row's deltas were learnt on this model's weights. */
export function rowFitsModel(row: TextAdapterRow, model: TextModel): boolean {
  return row.modelVersion === MODEL_VERSION && row.modelId === model.id;
}

/** The stored adapter, or undefined when there is none or it belongs to another model (never throws). */
export function adapterFromRow(row: TextAdapterRow | undefined, model: TextModel): ShopAdapter | undefined {
  if (!row || !rowFitsModel(row, model)) return undefined;
  try {
    return ShopAdapter.fromJSON(model, row.state, { maxFeatures: STORE_ADAPTER_FEATURES });
  } catch {
    return undefined;
  }
}

/**
 * Learns the stars of `reviews` (read in `updatedAt` order after the row's cursor) and moves the cursor.
 * Once caught up, updated copies of reviews learnt before — a reply, an append — are skipped:
 * `capturedAt` tells them apart. Returns how many were learnt.
 */
export function learnReviews(
  adapter: ShopAdapter,
  row: TextAdapterRow,
  reviews: readonly Pick<Review, 'text' | 'appends' | 'star' | 'capturedAt' | 'updatedAt'>[],
): number {
  let n = 0;
  const since = row.reviewsAt;
  for (const r of reviews) {
    const fresh = !row.caughtUp || r.capturedAt > since;
    row.reviewsAt = Math.max(row.reviewsAt, r.updatedAt);
    if (!fresh || r.star === undefined || isDefaultPraise(r.text)) continue;
    const text = reviewText(r);
    if (!text) continue;
    adapter.learnStars(text, r.star);
    n++;
  }
  row.reviews += n;
  return n;
}

/** Learns one correction of a review with the given text (weight 3). */
export function learnCorrection(
  adapter: ShopAdapter,
  row: TextAdapterRow,
  c: Pick<TextCorrectionRow, 'categories' | 'sentiment' | 'at'>,
  text: string,
): void {
  row.correctionsAt = Math.max(row.correctionsAt, c.at);
  if (!text.trim()) return;
  adapter.learn(text, correctionTarget(c), CORRECTION_WEIGHT);
  row.corrections++;
}
