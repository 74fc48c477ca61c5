/**
 * Review intelligence and replies in the service worker (issue #5): annotations for the review rows a
 * console page shows, suspicion flags, saved drafts and optional model drafting. All listeners are
 * added synchronously by `registerReviews`.
 *
 * Trust: `cs-bg/annotate` comes from a content script on a page we do not control. Its payload is
 * re-validated, the sender must be a tab on that platform's console host, and it only ever sees reviews
 * of the store its document is bound to (lib/background/stores.ts), and only the ids it asked for.
 */
import type { KoubeiDb } from '../db';
import { onMessage } from '../messaging';
import { recordKey, type Review } from '../model';
import { annotateReview, buildContext, toChecked, type AnnotateContext } from '../replies/annotate';
import { checkCompliance } from '../replies/compliance';
import {
  AnnotateRequest,
  ModelDraftRequest,
  SaveDraftRequest,
  type ReviewAnnotation,
} from '../replies/store';
import { replyDeadlineItem, replyModelItem, replySettingsItem } from '../settings';
import { refreshFlags } from './reviews-flags';
import { analyzeReview } from '../text/analyze';
import { applyCorrection } from '../text/corrections';
import { storeAdapter } from './text-learning';
import { modelDraft } from './reviews-model';
import { requireConsoleTab, requireExtensionPage } from './senders';
import type { Bindings } from './stores';

/** Annotating a page recomputes flags at most this often per store (the 可疑 tab forces it). */
export const FLAG_REFRESH_MS = 60_000;

export interface ReviewsOptions {
  bindings: Bindings;
  extensionId: string;
  extensionOrigin: string;
  now: () => number;
  fetchFn?: typeof fetch;
}

/** Templates, ladder and deadlines in effect, from the stored settings. */
export async function replyContext(now: number): Promise<AnnotateContext> {
  const [stored, prefs] = await Promise.all([replySettingsItem.getValue(), replyDeadlineItem.getValue()]);
  return buildContext(stored, prefs, now);
}

/**
 * `replyContext` with the stored settings read and built once, and again only after either item changes:
 * every annotated page turn read both items and parsed the templates (issue #15 worker profile, ≈ 4 ms of
 * worker time a turn). Watches storage from the call on (the worker calls it once at start).
 */
export function cachedReplyContext(): (now: number) => Promise<AnnotateContext> {
  let built: Promise<AnnotateContext> | undefined;
  const drop = () => (built = undefined);
  replySettingsItem.watch(drop);
  replyDeadlineItem.watch(drop);
  return async (now) => {
    built ??= replyContext(now).catch((e: unknown) => {
      built = undefined;
      throw e;
    });
    return { ...(await built), now };
  };
}

/** Annotations for `reviewIds` of one store (ids it does not hold are left out). */
export async function annotateIds(
  db: KoubeiDb,
  storeKey: string,
  reviewIds: readonly string[],
  ctx: AnnotateContext,
): Promise<ReviewAnnotation[]> {
  const keys = [...new Set(reviewIds)].map((id) => recordKey(storeKey, id));
  const [reviews, saved, flags, fixes, adapter] = await Promise.all([
    db.reviews.bulkGet(keys),
    db.replyDrafts.bulkGet(keys),
    db.reviewFlags.where('reviewKey').anyOf(keys).toArray(),
    db.textCorrections.bulkGet(keys),
    storeAdapter(db, storeKey),
  ]);
  const out: ReviewAnnotation[] = [];
  reviews.forEach((r, i) => {
    if (!r || r.storeKey !== storeKey) return;
    const s = saved[i];
    // The store's adapter and the merchant's correction (issue #11), as the side panel's inbox shows.
    const fix = fixes[i];
    const base = analyzeReview(r, adapter ? { adapter } : {});
    const analysis = fix ? applyCorrection(base, fix) : base;
    out.push(
      annotateReview(r, ctx, {
        flags,
        analysis,
        ...(fix ? { corrected: true } : {}),
        ...(s ? { saved: s } : {}),
      }),
    );
  });
  return out;
}

export function registerReviews(db: KoubeiDb, opts: ReviewsOptions): void {
  const { now, extensionId, extensionOrigin } = opts;
  // One flag computation per store at a time; callers share the running one.
  const running = new Map<string, Promise<{ flags: number; computedAt: number }>>();
  const flagsOf = (storeKey: string, minIntervalMs: number) => {
    const current = running.get(storeKey);
    if (current) return current;
    const p = refreshFlags(db, storeKey, now(), minIntervalMs).finally(() => running.delete(storeKey));
    running.set(storeKey, p);
    return p;
  };
  const ui = (sender: { url?: string }) => requireExtensionPage(sender, extensionOrigin);
  const contextAt = cachedReplyContext();
  const reviewOf = async (key: string): Promise<Review> => {
    const r = await db.reviews.get(key);
    if (!r) throw new Error('找不到这条评价（可能已被删除）');
    return r;
  };

  onMessage('cs-bg/annotate', async ({ data, sender }) => {
    const parsed = AnnotateRequest.safeParse(data);
    if (!parsed.success) throw new Error('标注请求格式无效');
    const doc = requireConsoleTab(sender, parsed.data.platform, extensionId);
    const storeKey = await opts.bindings.get(doc);
    // Not bound yet (nothing captured on this page): nothing to show.
    if (!storeKey || !storeKey.startsWith(`${parsed.data.platform}:`)) return { items: [] };
    await flagsOf(storeKey, FLAG_REFRESH_MS).catch((e: unknown) => console.warn('[koubei] flags', e));
    return { items: await annotateIds(db, storeKey, parsed.data.reviewIds, await contextAt(now())) };
  });

  onMessage('ui-bg/refresh-flags', async ({ data, sender }) => {
    ui(sender);
    if (typeof data?.storeKey !== 'string' || data.storeKey.length > 100) throw new Error('店铺参数无效');
    return flagsOf(data.storeKey, 0);
  });

  onMessage('ui-bg/save-draft', async ({ data, sender }) => {
    ui(sender);
    const req = SaveDraftRequest.parse(data);
    const review = await reviewOf(req.reviewKey);
    if (req.text === null) {
      await db.replyDrafts.delete(review.key);
      return null;
    }
    const check = checkCompliance(req.text, { platform: review.platform });
    await db.replyDrafts.put({
      key: review.key,
      storeKey: review.storeKey,
      text: req.text,
      source: req.source ?? 'user',
      verdict: check.verdict,
      updatedAt: now(),
    });
    return toChecked(check, 'saved');
  });

  onMessage('ui-bg/model-draft', async ({ data, sender }) => {
    ui(sender);
    const req = ModelDraftRequest.parse(data);
    const review: Review = req.reviewKey
      ? await reviewOf(req.reviewKey)
      : sampleReview(req.sample?.text ?? '', req.sample?.star, now());
    const [ctx, prefs] = await Promise.all([contextAt(now()), replyModelItem.getValue()]);
    return modelDraft(
      review,
      {
        prefs,
        templates: ctx.templates,
        ladder: ctx.ladder,
        fetchFn: opts.fetchFn ?? fetch.bind(globalThis),
      },
      req.previous,
    );
  });
}

/** A review typed into the options preview (never stored). */
export function sampleReview(text: string, star: number | undefined, now: number): Review {
  return {
    key: 'sample|preview',
    storeKey: 'sample',
    platform: 'douyin',
    reviewId: 'preview',
    createdAt: now,
    ...(star !== undefined ? { star } : {}),
    text,
    appends: [],
    images: 0,
    videos: 0,
    replied: false,
    source: 'import',
    capturedAt: now,
    updatedAt: now,
  };
}
