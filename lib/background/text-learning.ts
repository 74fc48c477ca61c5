/**
 * The shop's own language in the service worker (issue #11): one ShopAdapter per store, kept in Dexie
 * (`textAdapters`), fed after ingest — debounced, outside the ingest transaction — from the captured
 * reviews' stars, and from the merchant's corrections with weight 3. Content scripts never see it: the
 * overlay's corrections come in as `cs-bg/correct-review`, re-validated here.
 *
 * Each store's learning runs one step at a time (a promise chain): a correction and an ingest never
 * write the row concurrently. Steps read at most CHUNK reviews and yield between chunks.
 */
import type { KoubeiDb } from '../db';
import { onMessage } from '../messaging';
import { recordKey, type Review } from '../model';
import {
  adapterFromRow,
  adapterKey,
  emptyAdapterRow,
  learnCorrection,
  learnReviews,
  rowFitsModel,
  STORE_ADAPTER_FEATURES,
  type TextAdapterRow,
} from '../text/adapter-store';
import {
  CorrectReviewRequest,
  CorrectRowRequest,
  reviewText,
  reviewTextHash,
  type TextCorrectionRow,
} from '../text/corrections';
import { ShopAdapter } from '../text/model/adapt';
import { currentModel, loadTextModel } from '../text/model/load';
import type { ReviewAnnotation } from '../replies/store';
import type { ReviewCategory, SentimentLabel } from '../text/types';
import { requireConsoleTab, requireExtensionPage } from './senders';
import type { Bindings } from './stores';

/** Ingests are learnt this long after the last one (a walk through pages learns once per pause). */
export const LEARN_DELAY_MS = 2_000;
/** Reviews read per step (small: a step holds the worker's thread; capture messages wait behind it). */
const CHUNK = 200;

export interface TextLearning {
  /** Records of `storeKey` were ingested: learn their stars soon. */
  afterIngest(storeKey: string | undefined): void;
  /** Stores whose rows a restore wrote (reviews or corrections). */
  afterRestore(storeKeys: readonly string[]): void;
  /** Resolves when nothing is queued or running (tests). */
  idle(): Promise<void>;
}

/**
 * The store's adapter as the worker analyses with it. The worker is the row's only writer, so the cache
 * is refreshed by `learnStep` itself and the (few hundred kB) row is read from Dexie once per store and
 * worker start, not on every overlay request.
 */
const cache = new Map<string, ShopAdapter | undefined>();
/** Set by `registerTextLearning`: queues a store's learning (a row learnt on other weights is relearnt). */
let relearn: ((storeKey: string) => void) | undefined;

export async function storeAdapter(db: KoubeiDb, storeKey: string): Promise<ShopAdapter | undefined> {
  const model = currentModel();
  if (!model) return undefined;
  if (cache.has(storeKey)) return cache.get(storeKey);
  const row = await db.textAdapters.get(adapterKey(storeKey));
  const adapter = adapterFromRow(row, model);
  cache.set(storeKey, adapter);
  // Learnt on another model (an update shipped new weights): analyse without it until the store's stored
  // reviews and corrections are learnt again on this one.
  if (row && !rowFitsModel(row, model)) relearn?.(storeKey);
  return adapter;
}

/** Forgets a store's cached adapter (tests; a store deleted or restored from elsewhere). */
export function forgetStoreAdapter(storeKey?: string): void {
  if (storeKey === undefined) cache.clear();
  else cache.delete(storeKey);
}

/** Saves the merchant's categories for a stored review (the latest click wins). */
export async function saveCorrection(
  db: KoubeiDb,
  review: Review,
  categories: readonly ReviewCategory[],
  sentiment: SentimentLabel | undefined,
  at: number,
): Promise<TextCorrectionRow> {
  // Strictly after the store's latest correction: the adapter learns corrections by `at` cursor, and two
  // clicks within one millisecond (or under a pinned clock) must both be learnt.
  const last = await db.textCorrections
    .where('[storeKey+at]')
    .between([review.storeKey, -Infinity], [review.storeKey, Infinity])
    .last();
  if (last && last.at >= at) at = last.at + 1;
  const row: TextCorrectionRow = {
    key: review.key,
    storeKey: review.storeKey,
    reviewId: review.reviewId,
    textHash: reviewTextHash(review),
    categories: [...categories],
    ...(sentiment ? { sentiment } : {}),
    at,
  };
  await db.textCorrections.put(row);
  return row;
}

/** Reviews of a store updated after `after`, oldest first, never cutting a same-time batch in two. */
async function nextReviews(
  db: KoubeiDb,
  storeKey: string,
  after: number,
): Promise<{ rows: Review[]; more: boolean }> {
  const rows = await db.reviews
    .where('updatedAt')
    .above(after)
    .filter((r) => r.storeKey === storeKey)
    .limit(CHUNK)
    .toArray();
  if (rows.length < CHUNK) return { rows, more: false };
  const last = rows.at(-1)!.updatedAt;
  const before = rows.filter((r) => r.updatedAt < last);
  if (before.length) return { rows: before, more: true };
  // One batch larger than a chunk, all stamped the same millisecond: read it whole.
  const batch = await db.reviews
    .where('updatedAt')
    .equals(last)
    .filter((r) => r.storeKey === storeKey)
    .toArray();
  return { rows: batch, more: true };
}

/** One learning step for a store; true when more reviews wait. */
export async function learnStep(db: KoubeiDb, storeKey: string, now: number): Promise<boolean> {
  await loadTextModel();
  const model = currentModel();
  if (!model) return false;
  const stored = await db.textAdapters.get(adapterKey(storeKey));
  let adapter = adapterFromRow(stored, model);
  const row: TextAdapterRow = adapter && stored ? { ...stored } : emptyAdapterRow(storeKey, model, now);
  adapter ??= new ShopAdapter(model, { maxFeatures: STORE_ADAPTER_FEATURES });
  const { rows: reviews, more } = await nextReviews(db, storeKey, row.reviewsAt);
  learnReviews(adapter, row, reviews);
  const fixes = await db.textCorrections
    .where('[storeKey+at]')
    .between([storeKey, row.correctionsAt], [storeKey, Infinity], false, true)
    .toArray();
  const texts = await db.reviews.bulkGet(fixes.map((c) => c.key));
  fixes.forEach((c, i) => {
    const r = texts[i];
    learnCorrection(adapter, row, c, r ? reviewText(r) : '');
  });
  if (!more) row.caughtUp = true;
  if (!reviews.length && !fixes.length && stored?.caughtUp) return false;
  row.state = adapter.toJSON();
  row.updatedAt = Math.max(now, (stored?.updatedAt ?? 0) + 1);
  await db.textAdapters.put(row);
  cache.set(storeKey, adapter);
  return more;
}

export interface TextLearningOptions {
  bindings: Bindings;
  extensionId: string;
  extensionOrigin: string;
  now: () => number;
  /** Annotation of one review after a correction from the overlay (lib/background/reviews.ts). */
  annotate(storeKey: string, reviewId: string): Promise<ReviewAnnotation | undefined>;
}

export function registerTextLearning(db: KoubeiDb, opts: TextLearningOptions): TextLearning {
  const { now } = opts;
  const pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let chain: Promise<void> = Promise.resolve();

  const run = (storeKey: string) =>
    (chain = chain.then(async () => {
      try {
        while (await learnStep(db, storeKey, now())) await new Promise((r) => setTimeout(r, 0));
      } catch (e) {
        console.warn('[koubei] text learning', e);
      }
    }));
  const flush = () => {
    timer = undefined;
    for (const s of [...pending]) void run(s);
    pending.clear();
  };
  const later = (storeKey: string) => {
    pending.add(storeKey);
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(flush, LEARN_DELAY_MS);
  };
  relearn = later;

  const correct = async (
    review: Review | undefined,
    categories: readonly ReviewCategory[],
    sentiment?: SentimentLabel,
  ) => {
    if (!review) throw new Error('找不到这条评价（可能已被删除）');
    const row = await saveCorrection(db, review, categories, sentiment, now());
    void run(review.storeKey);
    return row;
  };

  onMessage('ui-bg/correct-review', async ({ data, sender }) => {
    requireExtensionPage(sender, opts.extensionOrigin);
    const parsed = CorrectReviewRequest.safeParse(data);
    if (!parsed.success) throw new Error('分类修正格式无效');
    const { reviewKey, categories, sentiment } = parsed.data;
    return correct(await db.reviews.get(reviewKey), categories, sentiment);
  });

  onMessage('cs-bg/correct-review', async ({ data, sender }) => {
    const parsed = CorrectRowRequest.safeParse(data);
    if (!parsed.success) throw new Error('分类修正格式无效');
    const doc = requireConsoleTab(sender, parsed.data.platform, opts.extensionId);
    const storeKey = await opts.bindings.get(doc);
    if (!storeKey || !storeKey.startsWith(`${parsed.data.platform}:`)) throw new Error('本页尚未识别店铺');
    const review = await db.reviews.get(recordKey(storeKey, parsed.data.reviewId));
    if (review && review.storeKey !== storeKey) throw new Error('找不到这条评价');
    await correct(review, parsed.data.categories);
    return (await opts.annotate(storeKey, parsed.data.reviewId)) ?? null;
  });

  return {
    afterIngest(storeKey) {
      if (storeKey) later(storeKey);
    },
    afterRestore(storeKeys) {
      for (const s of new Set(storeKeys)) later(s);
    },
    idle: async () => {
      if (timer !== undefined) flush();
      let seen: Promise<void>;
      do {
        seen = chain;
        await seen;
      } while (seen !== chain);
    },
  };
}
