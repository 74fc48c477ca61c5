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
import { useTextModel } from '../useTextModel';
import type { TextAnalysis } from '@/lib/text/types';
import { useLive } from '../hooks';
import { urgency } from './deadline';

export interface InboxRow {
  review: Review;
  analysis: TextAnalysis;
  annotation: ReviewAnnotation;
}

interface Loaded {
  reviews: Review[];
  drafts: ReplyDraftRow[];
  flags: ReviewFlagRow[];
}

export function useInbox(
  storeKey: string,
  negativeOnly: boolean,
  limit: number,
  ctx: AnnotateContext | undefined,
): { rows?: InboxRow[]; more: boolean; error?: unknown } {
  const live = useLive(async (): Promise<Loaded> => {
    const db = getDb();
    const [reviews, drafts, flags] = await Promise.all([
      listReviews(db, storeKey, { negativeOnly, unrepliedOnly: true, limit }),
      db.replyDrafts.where('storeKey').equals(storeKey).toArray(),
      db.reviewFlags.where('storeKey').equals(storeKey).toArray(),
    ]);
    return { reviews, drafts, flags };
  }, [storeKey, negativeOnly, limit]);
  const cache = useRef(new Map<string, TextAnalysis>());
  const model = useTextModel().state;
  const rows = useMemo(() => {
    if (!live.data || !ctx) return undefined;
    const saved = new Map(live.data.drafts.map((d) => [d.key, d]));
    const out = live.data.reviews.map((review): InboxRow => {
      const id = `${review.key}|${review.updatedAt}|${model}`;
      let analysis = cache.current.get(id);
      if (!analysis) cache.current.set(id, (analysis = analyzeReview(review)));
      const s = saved.get(review.key);
      const annotation = annotateReview(review, ctx, {
        flags: live.data!.flags,
        analysis,
        ...(s ? { saved: s } : {}),
      });
      return { review, analysis, annotation };
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
