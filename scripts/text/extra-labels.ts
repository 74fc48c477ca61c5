/**
 * Extra hand labels for the category heads (issue #11, fourth round). The repository never holds review
 * text: a label is keyed by the FNV-1a hash of the trimmed text, its length and its corpus category, and
 * is joined back to the corpus in ../shared/data/reviews at training time. A key that does not match
 * exactly one distinct corpus text is reported and skipped.
 * Files: data/text-labels/extra.jsonl (labels for training) and data/text-labels/agreement.jsonl (a blind
 * re-reading of already labelled reviews, for the agreement check only; never trained on).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fnv1a } from '../../lib/text/accuracy';
import { REVIEW_CATEGORIES, type ReviewCategory, type SentimentLabel } from '../../lib/text/types';
import type { CorpusReview, LabelledReview } from './data';

export const LABELS_DIR = resolve(import.meta.dirname, '../../data/text-labels');
export const EXTRA_FILE = resolve(LABELS_DIR, 'extra.jsonl');
/**
 * The third labelling round (2,437 labels), kept apart: trained with them, the category heads scored lower
 * out of fold on the shared reviews (0.747 against 0.753), so the shipped model does not use them
 * (`npm run train:text -- --with-round3` does; docs/text-model.md, seventh round).
 */
export const ROUND3_FILE = resolve(LABELS_DIR, 'extra-round3.jsonl');
export const AGREEMENT_FILE = resolve(LABELS_DIR, 'agreement.jsonl');
/**
 * The ninth round's labels of a shared-style random sample (`stream3` of scripts/text/label-candidates.ts):
 * drawn like the shared file, so out-of-fold figures on them can decide between models as the shared
 * reviews do (docs/text-model.md, ninth round).
 */
export const RANDOM_FILE = resolve(LABELS_DIR, 'random.jsonl');

export interface LabelKey {
  /** FNV-1a of the trimmed text. */
  h: number;
  /** Length of the trimmed text (UTF-16 units). */
  n: number;
  /** Corpus product category. */
  cat: string;
}

export interface ExtraLabel extends LabelKey {
  categories: ReviewCategory[];
  sentiment: SentimentLabel;
}

export const labelKey = (cat: string, text: string): LabelKey => {
  const t = text.trim();
  return { h: fnv1a(t), n: t.length, cat };
};

/** One string per key, for maps and sets of labels. */
export const keyString = (k: LabelKey) => `${k.h}:${k.n}:${k.cat}`;

const SENTIMENTS: readonly SentimentLabel[] = ['positive', 'neutral', 'negative'];

/** Parses one JSONL file of labels; malformed lines throw (the file is written by our own tools). */
export function parseLabels(jsonl: string): ExtraLabel[] {
  return jsonl
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const o = JSON.parse(l) as Partial<ExtraLabel>;
      const ok =
        typeof o.h === 'number' &&
        typeof o.n === 'number' &&
        typeof o.cat === 'string' &&
        Array.isArray(o.categories) &&
        o.categories.every((c) => (REVIEW_CATEGORIES as readonly string[]).includes(c)) &&
        SENTIMENTS.includes(o.sentiment as SentimentLabel);
      if (!ok) throw new Error(`labels line ${i + 1}: malformed`);
      return o as ExtraLabel;
    });
}

export function readLabels(file = EXTRA_FILE): ExtraLabel[] {
  return existsSync(file) ? parseLabels(readFileSync(file, 'utf8')) : [];
}

export const formatLabels = (labels: readonly ExtraLabel[]): string =>
  labels
    .map((l) =>
      JSON.stringify({ h: l.h, n: l.n, cat: l.cat, categories: l.categories, sentiment: l.sentiment }),
    )
    .join('\n') + (labels.length ? '\n' : '');

export interface JoinResult {
  reviews: LabelledReview[];
  /** Keys matching no corpus text. */
  missing: ExtraLabel[];
  /** Keys matching more than one distinct corpus text (hash collision). */
  ambiguous: ExtraLabel[];
}

/**
 * Joins labels back to the corpus. Duplicate rows of the same trimmed text count as one text (the first
 * row's corpus label is kept); a key must match exactly one distinct trimmed text.
 */
export function joinLabels(labels: readonly ExtraLabel[], corpus: readonly CorpusReview[]): JoinResult {
  const byKey = new Map<string, Map<string, CorpusReview>>();
  for (const r of corpus) {
    const k = keyString(labelKey(r.cat, r.text));
    let texts = byKey.get(k);
    if (!texts) byKey.set(k, (texts = new Map()));
    if (!texts.has(r.text.trim())) texts.set(r.text.trim(), r);
  }
  const out: JoinResult = { reviews: [], missing: [], ambiguous: [] };
  for (const l of labels) {
    const texts = byKey.get(keyString(l));
    if (!texts) out.missing.push(l);
    else if (texts.size > 1) out.ambiguous.push(l);
    else {
      const r = [...texts.values()][0]!;
      out.reviews.push({ ...r, categories: [...l.categories], sentiment: l.sentiment });
    }
  }
  return out;
}
