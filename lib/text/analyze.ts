/**
 * Review text analysis: complaint categories (multi-label, mapped to score dimensions), praise, evidence
 * for highlighting, sentiment and the stars/text mismatch flag.
 *
 * Two layers (issue #11): the learned model (lib/text/model) decides sentiment and categories when it is
 * loaded; the lexicon always supplies the evidence spans, and decides alone while the model loads, when
 * its file is missing or corrupt (see `textModelStatus`), or when a caller passes `model: false`.
 */
import type { Polarity, Review } from '../model';
import { extractEvidence, type WeightedEvidence } from './evidence';
import { learnedAnalysis } from './model/learned';
import type { ShopAdapter } from './model/adapt';
import { currentModel } from './model/load';
import { isDefaultPraise, sentimentLabel, sentimentScore, starsMismatch } from './sentiment';
import {
  CATEGORY_DIMENSION,
  type CategoryHit,
  type Evidence,
  type ReviewCategory,
  type TextAnalysis,
  type TopicCategory,
} from './types';

/** Complaint mass a category needs before it is reported (one "一般" is just enough). */
const MIN_MASS = 0.35;
/** Appends are later, better-informed words of the same buyer. */
const APPEND_WEIGHT = 1.2;

export interface AnalyzeOptions {
  stars?: number;
  polarity?: Polarity;
  /** false: the lexicon alone (benchmarks' baseline, the fallback). Default: the model when loaded. */
  model?: boolean;
  /** The shop's own adaptation of the model (lib/text/model/adapt.ts), if any. */
  adapter?: ShopAdapter;
}

function buildHits(all: readonly WeightedEvidence[]): CategoryHit[] {
  const acc = new Map<TopicCategory, { mass: number; evidence: Evidence[] }>();
  for (const { ev } of all) {
    if (!ev.category || ev.polarity >= 0) continue;
    const a = acc.get(ev.category) ?? { mass: 0, evidence: [] };
    a.mass += -ev.polarity;
    a.evidence.push(ev);
    acc.set(ev.category, a);
  }
  return [...acc.entries()]
    .filter(([, a]) => a.mass >= MIN_MASS)
    .sort((x, y) => y[1].mass - x[1].mass)
    .map(([category, a]) => ({
      category,
      dimension: CATEGORY_DIMENSION[category],
      confidence: Math.round(Math.min(1, a.mass / 1.5) * 100) / 100,
      topics: [...new Set(a.evidence.map((e) => e.topic).filter((t): t is string => !!t))],
      evidence: a.evidence,
      concessive: a.evidence.every((e) => e.concessive),
    }));
}

/**
 * Each text is read up to here (the platforms cap reviews at about 500 characters): a pasted 20,000-character
 * text costs bounded time, and evidence offsets stay offsets in the original text.
 */
export const MAX_TEXT_CHARS = 2000;

/** The lexicon's reading of a review's texts: evidence with its weights and the polar masses. */
interface LexiconPass {
  parts: string[];
  mainIsDefault: boolean;
  /** Nothing written but a default praise (or nothing at all). */
  empty: boolean;
  all: WeightedEvidence[];
  pos: number;
  neg: number;
}

function lexiconPass(allParts: readonly string[]): LexiconPass {
  // Loops, not closures: the aggregate rebuild runs this on a million reviews (issue #15).
  const parts: string[] = [];
  for (let i = 0; i < allParts.length; i++) {
    const p = allParts[i]!;
    parts.push(p.length > MAX_TEXT_CHARS ? p.slice(0, MAX_TEXT_CHARS) : p);
  }
  const mainIsDefault = isDefaultPraise(parts[0] ?? '');
  const all: WeightedEvidence[] = [];
  let pos = 0;
  let neg = 0;
  let written = false;
  for (let i = mainIsDefault ? 1 : 0; i < parts.length && !written; i++) written = parts[i]!.trim() !== '';
  if (!written) return { parts, mainIsDefault, empty: true, all, pos, neg };
  for (let i = mainIsDefault ? 1 : 0; i < parts.length; i++) {
    const partWeight = i === 0 ? 1 : APPEND_WEIGHT;
    const found = extractEvidence(parts[i]!, i - 1);
    for (let k = 0; k < found.length; k++) {
      const w = found[k]!;
      all.push(w);
      const v = w.ev.polarity * w.clauseWeight * partWeight;
      if (v > 0) pos += v;
      else neg -= v;
    }
  }
  return { parts, mainIsDefault, empty: false, all, pos, neg };
}

/** The lexicon's complaint hits, with `other` for a negative text that names no category. */
function lexiconHits(all: readonly WeightedEvidence[], pos: number, neg: number): CategoryHit[] {
  const hits = buildHits(all);
  if (hits.length === 0 && neg > pos && neg >= 0.5) {
    const evidence = all.map((w) => w.ev).filter((e) => e.polarity < 0);
    hits.push({
      category: 'other',
      dimension: CATEGORY_DIMENSION.other,
      confidence: Math.round(Math.min(1, neg / 1.5) * 100) / 100,
      topics: [],
      evidence,
      concessive: evidence.every((e) => e.concessive),
    });
  }
  return hits;
}

/**
 * The complaint categories and their topics by the lexicon alone — `analyzeReview(review, { model: false })`'s
 * `categories` and its hits' `topics` — without the rest of the analysis (sentiment, praise, the evidence
 * list): the daily aggregates classify every negative review with it (lib/score-view/categorize.ts).
 */
export function lexiconCategories(review: Pick<Review, 'text' | 'appends'>): {
  categories: ReviewCategory[];
  topics: string[];
} {
  const texts = [review.text];
  for (let i = 0; i < review.appends.length; i++) texts.push(review.appends[i]!.text);
  const lx = lexiconPass(texts);
  if (lx.empty) return { categories: [], topics: [] };
  const hits = lexiconHits(lx.all, lx.pos, lx.neg);
  return { categories: hits.map((h) => h.category), topics: hits.flatMap((h) => h.topics) };
}

/** Analyse several texts of one review (main text first, then appends) as one. */
export function analyzeParts(allParts: readonly string[], opts: AnalyzeOptions = {}): TextAnalysis {
  const { parts, mainIsDefault, empty, all, pos, neg } = lexiconPass(allParts);
  if (empty) {
    const sentiment = { score: 0, label: 'neutral' as const, isDefault: mainIsDefault };
    const mismatch = starsMismatch(opts.stars, opts.polarity, sentiment, []);
    return {
      categories: [],
      hits: [],
      praised: [],
      evidence: [],
      sentiment: mismatch === undefined ? sentiment : { ...sentiment, mismatchWithStars: mismatch },
    };
  }
  const lexScore = sentimentScore(pos, neg);
  const lexLabel = sentimentLabel(lexScore, pos, neg);
  const model = opts.model === false ? undefined : currentModel();
  const written = parts.map((p, i) => (i === 0 && mainIsDefault ? '' : p));
  const learned = model ? learnedAnalysis(model, written, all, lexLabel, opts.adapter) : undefined;
  const hits = learned ? learned.hits : lexiconHits(all, pos, neg);
  const score = learned ? learned.score : lexScore;
  const label = learned ? learned.label : lexLabel;
  const complained = new Set<ReviewCategory>(hits.map((h) => h.category));
  const praised = [
    ...new Set(
      all
        .map((w) => w.ev)
        .filter((e): e is Evidence & { category: TopicCategory } => !!e.category && e.polarity > 0)
        .map((e) => e.category),
    ),
  ].filter((c) => !complained.has(c));
  const sentiment = { score, label, isDefault: false };
  const mismatch = starsMismatch(opts.stars, opts.polarity, sentiment, hits);
  return {
    categories: hits.map((h) => h.category),
    hits,
    praised,
    evidence: all.map((w) => w.ev),
    sentiment: mismatch === undefined ? sentiment : { ...sentiment, mismatchWithStars: mismatch },
  };
}

/** Analyse one text. */
export function analyzeText(text: string, opts: AnalyzeOptions = {}): TextAnalysis {
  return analyzeParts([text], opts);
}

/** Analyse a normalized review: its text and appends, compared against its star or polarity label. */
export function analyzeReview(
  review: Pick<Review, 'text' | 'appends' | 'star' | 'polarity'>,
  base: Pick<AnalyzeOptions, 'model' | 'adapter'> = {},
): TextAnalysis {
  const opts: AnalyzeOptions = { ...base };
  if (review.star !== undefined) opts.stars = review.star;
  if (review.polarity !== undefined) opts.polarity = review.polarity;
  return analyzeParts([review.text, ...review.appends.map((a) => a.text)], opts);
}
