/**
 * Accuracy of the categorizer against a labelled set: per-category precision/recall/F1, macro F1 and
 * sentiment accuracy. The split is a stable hash of the text (≈30 % held out), so it never depends on
 * the order of the file and cannot drift as items are added.
 */
import { REVIEW_CATEGORIES, type ReviewCategory, type SentimentLabel } from './types';

export interface LabelledReview {
  text: string;
  stars?: number;
  categories: ReviewCategory[];
  sentiment: SentimentLabel;
}

export interface Prediction {
  categories: readonly ReviewCategory[];
  sentiment: SentimentLabel;
}

export interface CategoryScore {
  category: ReviewCategory;
  support: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface AccuracyReport {
  items: number;
  perCategory: CategoryScore[];
  macroF1: number;
  sentimentAccuracy: number;
  /** Items whose predicted category set equals the label exactly. */
  exactMatch: number;
}

/** FNV-1a 32-bit. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Held-out part: about 30 % of items, chosen by a hash of the text. */
export function isHeldOut(text: string): boolean {
  return fnv1a(text) % 10 < 3;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
const round = (x: number) => Math.round(x * 1000) / 1000;

export function evaluate(
  items: readonly LabelledReview[],
  predict: (r: LabelledReview) => Prediction,
): AccuracyReport {
  const counts = new Map(REVIEW_CATEGORIES.map((c) => [c, { tp: 0, fp: 0, fn: 0, support: 0 }]));
  let sentimentOk = 0;
  let exact = 0;
  for (const item of items) {
    const p = predict(item);
    const gold = new Set(item.categories);
    const got = new Set(p.categories);
    for (const [c, k] of counts) {
      if (gold.has(c)) k.support++;
      if (gold.has(c) && got.has(c)) k.tp++;
      else if (got.has(c)) k.fp++;
      else if (gold.has(c)) k.fn++;
    }
    if (p.sentiment === item.sentiment) sentimentOk++;
    if (gold.size === got.size && [...gold].every((c) => got.has(c))) exact++;
  }
  const perCategory = [...counts].map(([category, k]) => {
    const precision = ratio(k.tp, k.tp + k.fp);
    const recall = ratio(k.tp, k.tp + k.fn);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { category, ...k, precision: round(precision), recall: round(recall), f1: round(f1) };
  });
  const scored = perCategory.filter((c) => c.support > 0);
  return {
    items: items.length,
    perCategory,
    macroF1: round(scored.reduce((s, c) => s + c.f1, 0) / Math.max(1, scored.length)),
    sentimentAccuracy: round(ratio(sentimentOk, items.length)),
    exactMatch: round(ratio(exact, items.length)),
  };
}
