/**
 * The merchant's corrections of review tags (issue #11): "this review is about 物流, not 质量". One row per
 * review (Dexie `textCorrections`, keyed like the review), the latest click wins. A correction overrides
 * what the merchant sees for that review at once (tags, draft template, sentiment when given), and the
 * store's ShopAdapter learns it with weight 3 (lib/background/text-learning.ts).
 *
 * Pure: no Dexie, no browser. The worker re-validates every correction with `TextCorrectionRow` /
 * `CorrectRequest` (it comes from an extension page or, for the overlay, from a content script).
 */
import * as z from 'zod/mini';
import { PLATFORM_IDS, type PlatformId, type Review } from '../model';
import type { AdaptTarget } from './model/adapt';
export { toggleCategory } from './category-toggle';
import {
  CATEGORY_DIMENSION,
  REVIEW_CATEGORIES,
  type CategoryHit,
  type ReviewCategory,
  type SentimentLabel,
  type TextAnalysis,
  type TopicCategory,
} from './types';

/** Weight of a correction against one star label when the adapter learns (issue #11: "weigh more"). */
export const CORRECTION_WEIGHT = 3;

const Categories = z.array(z.enum(REVIEW_CATEGORIES)).check(
  z.maxLength(REVIEW_CATEGORIES.length),
  z.refine((a) => new Set(a).size === a.length, '分类重复'),
);

/** One stored correction. `key` = the review's key (`${storeKey}|${reviewId}`). */
export const TextCorrectionRow = z.object({
  key: z.string().check(z.minLength(3), z.maxLength(200)),
  storeKey: z.string().check(z.minLength(1), z.maxLength(100)),
  reviewId: z.string().check(z.minLength(1), z.maxLength(64)),
  /** FNV-1a of the review's text and appends when it was corrected (`reviewTextHash`). */
  textHash: z.string().check(z.maxLength(16)),
  /** Every category the merchant says the review is about (empty: no complaint category). */
  categories: Categories,
  /** The merchant's reading of the sentiment, when given. */
  sentiment: z.optional(z.enum(['positive', 'neutral', 'negative'])),
  at: z.number(),
});
export type TextCorrectionRow = z.infer<typeof TextCorrectionRow>;

/** Side panel → background: set the categories of one stored review. */
export const CorrectReviewRequest = z.object({
  reviewKey: z.string().check(z.minLength(3), z.maxLength(200)),
  categories: Categories,
  sentiment: z.optional(z.enum(['positive', 'neutral', 'negative'])),
});
export type CorrectReviewRequest = {
  reviewKey: string;
  categories: ReviewCategory[];
  sentiment?: SentimentLabel;
};

/** Overlay (content script) → background: set the categories of a review row of my tab's store. */
export const CorrectRowRequest = z.object({
  platform: z.enum(PLATFORM_IDS),
  reviewId: z.string().check(z.minLength(1), z.maxLength(64)),
  categories: Categories,
});
export type CorrectRowRequest = { platform: PlatformId; reviewId: string; categories: ReviewCategory[] };

/** The texts the analyzer reads for a review, joined (main text, then appends). */
export function reviewText(review: Pick<Review, 'text' | 'appends'>): string {
  return [review.text, ...review.appends.map((a) => a.text)].filter((t) => t.trim()).join('\n');
}

/** FNV-1a (32-bit, hex) of a review's texts: tells whether the text changed since it was corrected. */
export function reviewTextHash(review: Pick<Review, 'text' | 'appends'>): string {
  const s = reviewText(review);
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0).toString(16);
}

/**
 * What the merchant sees once a review is corrected: its categories (a kept one keeps its evidence and
 * confidence; an added one gets the lexicon's words for that topic, if any, at confidence 1), and the
 * merchant's sentiment when given. Praise of a now-complained-about topic is dropped.
 */
export function applyCorrection(
  analysis: TextAnalysis,
  c: Pick<TextCorrectionRow, 'categories' | 'sentiment'>,
): TextAnalysis {
  const hits = c.categories.map((category): CategoryHit => {
    const kept = analysis.hits.find((h) => h.category === category);
    if (kept) return kept;
    const evidence = analysis.evidence.filter((e) => e.category === category && e.polarity < 0);
    return {
      category,
      dimension: CATEGORY_DIMENSION[category],
      confidence: 1,
      topics: [...new Set(evidence.map((e) => e.topic).filter((t): t is string => !!t))],
      evidence,
      concessive: false,
    };
  });
  const complained = new Set<ReviewCategory>(c.categories);
  const label: SentimentLabel =
    c.sentiment ??
    (hits.length > 0 && analysis.sentiment.label === 'neutral' ? 'negative' : analysis.sentiment.label);
  const score =
    label === analysis.sentiment.label
      ? analysis.sentiment.score
      : label === 'negative'
        ? -0.5
        : label === 'positive'
          ? 0.5
          : 0;
  return {
    ...analysis,
    categories: [...c.categories],
    hits,
    praised: analysis.praised.filter((t) => !complained.has(t)),
    sentiment: { ...analysis.sentiment, label, score },
  };
}

/**
 * What a correction teaches the shop's adapter: every topic present (1) or absent (0); a complaint
 * category (其他 included) also teaches "complaint", and the merchant's sentiment wins when given.
 */
export function correctionTarget(c: Pick<TextCorrectionRow, 'categories' | 'sentiment'>): AdaptTarget {
  const topics: Partial<Record<TopicCategory, 0 | 1>> = {};
  for (const t of REVIEW_CATEGORIES) if (t !== 'other') topics[t] = c.categories.includes(t) ? 1 : 0;
  const target: AdaptTarget = { topics };
  if (c.sentiment === 'positive') target.sentiment = 1;
  else if (c.sentiment === 'negative' || (c.sentiment === undefined && c.categories.length > 0))
    target.sentiment = 0;
  return target;
}
