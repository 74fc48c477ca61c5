/**
 * Shared types of the review-text module. Review/Order records come from lib/model.ts; these are the
 * results computed from their text, never stored as truth (they can be recomputed at any time).
 */
import type { DimensionId } from '../model';

/** Complaint topics found in a review. Multi-label: one review can hit several. */
export const REVIEW_CATEGORIES = ['quality', 'mismatch', 'logistics', 'service', 'price', 'other'] as const;
export type ReviewCategory = (typeof REVIEW_CATEGORIES)[number];

/** Categories with their own vocabulary; `other` is what is left when a text is negative without one. */
export type TopicCategory = Exclude<ReviewCategory, 'other'>;

/**
 * Which score dimension a category weighs on. Price and unspecific complaints land on 商品 (product):
 * that is where 商品综合评分/描述相符 counts them on every platform.
 */
export const CATEGORY_DIMENSION: Readonly<Record<ReviewCategory, DimensionId>> = {
  quality: 'product',
  mismatch: 'product',
  logistics: 'logistics',
  service: 'service',
  price: 'product',
  other: 'product',
};

/** Chinese labels for the UI. */
export const CATEGORY_LABEL: Readonly<Record<ReviewCategory, string>> = {
  quality: '质量问题',
  mismatch: '描述不符/货不对板',
  logistics: '物流',
  service: '服务',
  price: '价格',
  other: '其他',
};

/** One matched term, with its position in the analysed text (UTF-16 offsets, `text.slice(start, end)`). */
export interface Evidence {
  term: string;
  start: number;
  end: number;
  /** Set when the term speaks about a topic category (directly or through an aspect it attaches to). */
  category?: TopicCategory;
  /** Canonical keyword used for clustering, e.g. 起球, 物流慢, 态度差. */
  topic?: string;
  /** −1…1 after negation and intensity; negative = complaint. */
  polarity: number;
  /** A negator in front flipped it ("没有色差", "一点也不起球"). */
  negated: boolean;
  /** It sits in a conceded clause ("虽然物流慢，但是…") and counts less. */
  concessive: boolean;
  /** Where a regular-expression rule rather than a dictionary word matched. */
  rule?: string;
  /** Which text of the review: -1 = main text, 0… = append index. */
  part: number;
}

export interface CategoryHit {
  category: ReviewCategory;
  dimension: DimensionId;
  /** 0–1: how strongly the text supports this complaint. */
  confidence: number;
  topics: string[];
  evidence: Evidence[];
  /** Every piece of evidence is in a conceded clause (mild complaint). */
  concessive: boolean;
}

export type SentimentLabel = 'positive' | 'neutral' | 'negative';

export interface TextSentiment {
  /** −1…1 */
  score: number;
  label: SentimentLabel;
  /** 系统默认好评 / 此用户没有填写评价: no opinion in the text. */
  isDefault: boolean;
  /**
   * Stars and text disagree: a ≥4★ (or 好评) review carrying a complaint, or a ≤2★ (or 差评) review whose
   * text is plainly positive. Undefined when there is no star or polarity to compare with.
   */
  mismatchWithStars?: boolean;
}

export interface TextAnalysis {
  /** Complaint categories, strongest first. */
  categories: ReviewCategory[];
  hits: CategoryHit[];
  /** Topic categories praised (non-negated positive mentions, e.g. "物流很快", "没有色差"). */
  praised: TopicCategory[];
  /** Every matched term (complaints, praise, sentiment words), in text order. */
  evidence: Evidence[];
  sentiment: TextSentiment;
}
