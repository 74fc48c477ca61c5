/**
 * The inbox rows of a store: unreplied reviews (中差评 only, or all), with their saved drafts and 可疑
 * flags, annotated locally with the same pure function the console overlay gets from the background.
 * Text analysis is cached per review version, so the 30-second clock tick does not re-analyse.
 */
import { useMemo, useRef } from 'preact/hooks';
import { getDb } from '@/lib/db';
import type { Review } from '@/lib/model';
import { isNegative, listReviews } from '@/lib/queries';
import { annotateReview, type AnnotateContext } from '@/lib/replies/annotate';
import type { ReplyDraftRow, ReviewAnnotation, ReviewFlagRow } from '@/lib/replies/store';
import { analyzeReview } from '@/lib/text/analyze';
import { adapterFromRow, adapterKey, type TextAdapterRow } from '@/lib/text/adapter-store';
import { applyCorrection, type TextCorrectionRow } from '@/lib/text/corrections';
import type { ShopAdapter } from '@/lib/text/model/adapt';
import { currentModel } from '@/lib/text/model/load';
import { useTextModel } from '../useTextModel';
import type { TextAnalysis } from '@/lib/text/types';
import { useLive } from '../hooks';
import { urgency } from './deadline';

export interface InboxRow {
  review: Review;
  analysis: TextAnalysis;
  annotation: ReviewAnnotation;
  /** The merchant corrected its tags (issue #11). */
  corrected: boolean;
}

interface Loaded {
  reviews: Review[];
  drafts: ReplyDraftRow[];
  flags: ReviewFlagRow[];
  corrections: TextCorrectionRow[];
  adapter?: TextAdapterRow;
}

export function useInbox(
  storeKey: string,
  negativeOnly: boolean,
  limit: number,
  ctx: AnnotateContext | undefined,
): { rows?: InboxRow[]; more: boolean; error?: unknown } {
  const live = useLive(async (): Promise<Loaded> => {
    const db = getDb();
    const [reviews, drafts, flags, corrections, adapter] = await Promise.all([
      listReviews(db, storeKey, { negativeOnly, unrepliedOnly: true, limit }),
      db.replyDrafts.where('storeKey').equals(storeKey).toArray(),
      db.reviewFlags.where('storeKey').equals(storeKey).toArray(),
      // The merchant's corrections and the store's adapter (issue #11, lib/background/text-learning.ts).
      db.textCorrections.where('storeKey').equals(storeKey).toArray(),
      db.textAdapters.get(adapterKey(storeKey)),
    ]);
    return { reviews, drafts, flags, corrections, ...(adapter ? { adapter } : {}) };
  }, [storeKey, negativeOnly, limit]);
  const cache = useRef(new Map<string, TextAnalysis>());
  const adapterCache = useRef<{ at: number; adapter?: ShopAdapter }>({ at: -1 });
  const model = useTextModel().state;
  const rows = useMemo(() => {
    if (!live.data || !ctx) return undefined;
    const saved = new Map(live.data.drafts.map((d) => [d.key, d]));
    const fixes = new Map(live.data.corrections.map((c) => [c.key, c]));
    // The store's adapter, rebuilt only when its row changed; the analysis cache follows its version.
    const row = live.data.adapter;
    const m = currentModel();
    const at = m && row ? row.updatedAt : 0;
    if (adapterCache.current.at !== at) {
      const adapter = m ? adapterFromRow(row, m) : undefined;
      adapterCache.current = { at, ...(adapter ? { adapter } : {}) };
      cache.current.clear();
    }
    const adapter = adapterCache.current.adapter;
    const out = live.data.reviews.map((review): InboxRow => {
      const id = `${review.key}|${review.updatedAt}|${model}`;
      let base = cache.current.get(id);
      if (!base) cache.current.set(id, (base = analyzeReview(review, adapter ? { adapter } : {})));
      const fix = fixes.get(review.key);
      const analysis = fix ? applyCorrection(base, fix) : base;
      const s = saved.get(review.key);
      const annotation = annotateReview(review, ctx, {
        flags: live.data!.flags,
        analysis,
        ...(fix ? { corrected: true } : {}),
        ...(s ? { saved: s } : {}),
      });
      return { review, analysis, annotation, corrected: !!fix };
    });
    // 中差评 first, then the most urgent deadline, then the newest.
    return out.sort(
      (a, b) =>
        Number(isNegative(b.review)) - Number(isNegative(a.review)) ||
        urgency(a.annotation.deadline) - urgency(b.annotation.deadline) ||
        b.review.createdAt - a.review.createdAt,
    );
  }, [live.data, ctx, model]);
  return { rows, more: (live.data?.reviews.length ?? 0) >= limit, error: live.error };
}
