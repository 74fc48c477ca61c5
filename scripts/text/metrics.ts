/**
 * Figures of the text analyzer on the real corpus (issue #11), shared by the benchmark and the training
 * script so both print the same numbers.
 */
import { evaluate, type AccuracyReport } from '../../lib/text/accuracy';
import { clusterNegatives, type ClusterItem } from '../../lib/text/clusters';
import type { ReviewCategory, SentimentLabel } from '../../lib/text/types';
import type { CorpusReview, LabelledReview } from './data';

export interface Predicted {
  sentiment: SentimentLabel;
  categories: readonly ReviewCategory[];
}

export interface SentimentFigures {
  n: number;
  /** Right label / all; neutral on a polar text counts wrong. */
  accuracy: number;
  /** Share of texts given a polar label. */
  coverage: number;
  negRecall: number;
  negPrecision: number;
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;
const div = (a: number, b: number) => (b === 0 ? 0 : a / b);

export function sentimentFigures(
  items: readonly CorpusReview[],
  pred: (r: CorpusReview) => SentimentLabel,
): SentimentFigures {
  let ok = 0;
  let polar = 0;
  let negTp = 0;
  let negPred = 0;
  let negGold = 0;
  for (const r of items) {
    const p = pred(r);
    const gold = r.label === 1 ? 'positive' : 'negative';
    if (p === gold) ok++;
    if (p !== 'neutral') polar++;
    if (gold === 'negative') negGold++;
    if (p === 'negative') negPred++;
    if (p === 'negative' && gold === 'negative') negTp++;
  }
  return {
    n: items.length,
    accuracy: r3(div(ok, items.length)),
    coverage: r3(div(polar, items.length)),
    negRecall: r3(div(negTp, negGold)),
    negPrecision: r3(div(negPred === 0 ? 0 : negTp, negPred)),
  };
}

const SPECIFIC: readonly ReviewCategory[] = ['quality', 'mismatch', 'logistics', 'service', 'price'];

export interface CategoryFigures {
  report: AccuracyReport;
  /** Macro-F1 over the five specific categories. */
  macroF1Specific: number;
  /** Hand-read sentiment of the labelled set (three classes). */
  sentimentAccuracy3: number;
  /** Of the negatives (hand reading) whose gold has a specific category: share given one of them. */
  negSpecificHit: number;
  /** Of all negatives (hand reading): share whose predicted categories are only `other`. */
  negOtherShare: number;
  /** Of all negatives (hand reading): share with no category at all. */
  negNoneShare: number;
  negatives: number;
}

export function categoryFigures(
  items: readonly LabelledReview[],
  pred: (r: LabelledReview) => Predicted,
): CategoryFigures {
  const cache = new Map<LabelledReview, Predicted>();
  const p = (r: LabelledReview) => {
    let v = cache.get(r);
    if (!v) cache.set(r, (v = pred(r)));
    return v;
  };
  // evaluate() hands back the items it was given: these are ours.
  const report = evaluate(items, (r) => p(r as LabelledReview));
  const spec = report.perCategory.filter((c) => SPECIFIC.includes(c.category));
  const negs = items.filter((r) => r.sentiment === 'negative');
  const withSpecific = negs.filter((r) => r.categories.some((c) => SPECIFIC.includes(c)));
  const hit = withSpecific.filter((r) =>
    p(r).categories.some((c) => SPECIFIC.includes(c) && r.categories.includes(c)),
  );
  const onlyOther = negs.filter((r) => {
    const c = p(r).categories;
    return c.length > 0 && c.every((x) => x === 'other');
  });
  const none = negs.filter((r) => p(r).categories.length === 0);
  return {
    report,
    macroF1Specific: r3(spec.reduce((s, c) => s + c.f1, 0) / spec.length),
    sentimentAccuracy3: report.sentimentAccuracy,
    negSpecificHit: r3(div(hit.length, withSpecific.length)),
    negOtherShare: r3(div(onlyOther.length, negs.length)),
    negNoneShare: r3(div(none.length, negs.length)),
    negatives: negs.length,
  };
}

export interface ClusterFigures {
  clusters: number;
  /** Members whose hand-labelled categories include their cluster's category, over all memberships. */
  purity: number;
  /** Share of the negatives clustered only under 其他 (category `other`). */
  otherShare: number;
  /** Share of the negatives in no cluster at all. */
  unclustered: number;
}

/** Keyword clusters (lib/text/clusters.ts) of the hand-read negatives, as the 洞察 tab builds them. */
export function clusterFigures(
  items: readonly LabelledReview[],
  hits: (r: LabelledReview) => ClusterItem['hits'],
): ClusterFigures {
  const negs = items.filter((r) => r.sentiment === 'negative');
  const at = Date.UTC(2026, 0, 1);
  const byKey = new Map(negs.map((r, i) => [`r${i}`, r]));
  const clusters = clusterNegatives(
    negs.map((r, i) => ({ key: `r${i}`, at, hits: hits(r) })),
    { from: at, to: at + 1, minSupport: 2 },
  );
  let members = 0;
  let pure = 0;
  const cats = new Map<string, Set<string>>();
  for (const c of clusters)
    for (const k of c.reviewKeys) {
      members++;
      if (byKey.get(k)!.categories.includes(c.category)) pure++;
      cats.set(k, (cats.get(k) ?? new Set()).add(c.category));
    }
  const onlyOther = [...cats.values()].filter((s) => s.size === 1 && s.has('other')).length;
  return {
    clusters: clusters.length,
    purity: r3(div(pure, members)),
    otherShare: r3(div(onlyOther, negs.length)),
    unclustered: r3(div(negs.length - cats.size, negs.length)),
  };
}
