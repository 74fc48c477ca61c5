/**
 * The learned layer of `analyzeParts` (issue #11): the model decides sentiment and complaint categories;
 * the lexicon's evidence explains them. A category the model finds without a lexicon word gets the
 * n-grams that pushed it most as its evidence (rule 'model'), so every tag still shows words behind it.
 */
import type { WeightedEvidence } from '../evidence';
import type { CategoryHit, Evidence, SentimentLabel, TopicCategory } from '../types';
import { CATEGORY_DIMENSION } from '../types';
import { TOPICS, denseFeatures, modelFeatures, type FeatureSet, type NgramFeatures } from './features';
import type { ShopAdapter } from './adapt';
import { rowOf, scoreHeads, sigmoid, type TextModel } from './model';

export interface LearnedResult {
  label: SentimentLabel;
  /** −1…1 (2p − 1). */
  score: number;
  hits: CategoryHit[];
}

/** Lexicon complaint mass that halves the model's threshold (the lexicon's own MIN_MASS). */
const LEXICON_MASS = 0.35;

/** The lexicon may overrule a sentiment the model holds with less than this (|2p − 1|). */
const OVERRIDE_BELOW = 0.8;

const PUNCT = /[\p{P}\p{S}\s]/u;

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The n-grams with the largest positive weight for head `h`, as evidence in the parts' own offsets. */
function modelEvidence(
  model: TextModel,
  f: NgramFeatures,
  h: number,
  joined: string,
  starts: readonly number[],
  category: TopicCategory,
  p: number,
): Evidence[] {
  const H = model.heads.length;
  const best: { w: number; i: number }[] = [];
  for (let i = 0; i < f.count; i++) {
    if (f.family && !((model.families[h]! >> f.family[i]!) & 1)) continue;
    if (f.ends[i]! - f.starts[i]! < 2 || PUNCT.test(joined.slice(f.starts[i]!, f.ends[i]!))) continue;
    const r = rowOf(model, f.ids[i]!);
    if (r < 0) continue;
    const w = model.weights[r * H + h]!;
    if (w > 0) best.push({ w, i });
  }
  best.sort((a, b) => b.w - a.w);
  const out: Evidence[] = [];
  for (const { i } of best) {
    const s = f.starts[i]!;
    const e = f.ends[i]!;
    if (out.some((o) => o.start < e && s < o.end)) continue;
    let part = 0;
    while (part + 1 < starts.length && starts[part + 1]! <= s) part++;
    const off = starts[part]!;
    out.push({
      term: joined.slice(s, e),
      start: s - off,
      end: e - off,
      category,
      polarity: -round2(p),
      negated: false,
      concessive: false,
      rule: 'model',
      part: part - 1,
    });
    if (out.length === 2) break;
  }
  return out;
}

/** What the model reads of a review: its parts joined, hashed n-grams (negations masked), dense features. */
export interface ModelInput {
  joined: string;
  starts: number[];
  f: NgramFeatures;
  dense: Float32Array;
}

export function modelInput(
  parts: readonly string[],
  all: readonly WeightedEvidence[],
  features?: FeatureSet,
): ModelInput {
  const starts: number[] = [];
  let joined = '';
  for (const p of parts) {
    starts.push(joined.length);
    joined += p + '。';
  }
  return {
    joined,
    starts,
    f: modelFeatures(joined, starts, all, features),
    dense: denseFeatures(all, joined.length),
  };
}

/** What the lexicon read of one topic in a text: complaint words, their mass, whether it was praised. */
export interface TopicLexicon {
  words: number;
  mass: number;
  praised: boolean;
}

/**
 * Whether a topic is shown, given the head's probability `ph`, its threshold `th`, the lexicon's reading of
 * the topic and the text's sentiment. The lexicon reads negation ("物流不慢"): a topic it sees only praised
 * is not a complaint; one it sees complained about needs half the model's threshold, and none on a text the
 * model reads as praise ("质量不错，就是物流慢了点": the heads learnt from complaints, not from such asides).
 * Without a complaint word, a topic is only tagged on a text the model reads as negative. The trainer
 * calibrates `th` out-of-fold through this same rule (scripts/train-text.ts).
 */
export function topicShown(ph: number, th: number, lex: TopicLexicon, label: SentimentLabel): boolean {
  return lex.words === 0
    ? ph >= th && !lex.praised && label === 'negative'
    : ph >= th || (lex.mass >= LEXICON_MASS && (ph >= th / 2 || label !== 'negative'));
}

/** Sentiment and complaint hits from the model for the written parts (main text first). */
export function learnedAnalysis(
  model: TextModel,
  parts: readonly string[],
  all: readonly WeightedEvidence[],
  lexicon: SentimentLabel,
  adapter?: ShopAdapter,
): LearnedResult {
  const { joined, starts, f, dense } = modelInput(parts, all, model.features);
  const { logits, known } = scoreHeads(model, f, dense);
  if (adapter) adapter.adjust(f, logits);
  const p0 = sigmoid(logits[0]!);
  const m = model.neutralMargin;
  let label: SentimentLabel = known === 0 ? 'neutral' : p0 >= 0.5 + m ? 'positive' : p0 <= 0.5 - m ? 'negative' : 'neutral'; // prettier-ignore
  let p = p0;
  // Negated complaints are rare in the training corpus ("一个坏的都没有", "完全没有异味"): where the lexicon
  // reads one and is sure of the text's sentiment, it wins over a model that is not sure (costs 0.1 points
  // on the tuning fold, see docs/text-analysis.md).
  if (
    lexicon !== 'neutral' &&
    lexicon !== label &&
    Math.abs(2 * p0 - 1) < OVERRIDE_BELOW &&
    all.some((w) => w.ev.negated && w.ev.category)
  ) {
    label = lexicon;
    p = lexicon === 'positive' ? 0.5 + OVERRIDE_BELOW / 2 : 0.5 - OVERRIDE_BELOW / 2;
  }
  const hits: CategoryHit[] = [];
  if (known > 0)
    TOPICS.forEach((category, t) => {
      const h = t + 1;
      const ph = sigmoid(logits[h]!);
      const lexical = all.map((w) => w.ev).filter((e) => e.category === category && e.polarity < 0);
      const lexMass = lexical.reduce((s, e) => s - e.polarity, 0);
      const praised = all.some((w) => w.ev.category === category && w.ev.polarity > 0);
      if (!topicShown(ph, model.thresholds[h]!, { words: lexical.length, mass: lexMass, praised }, label))
        return;
      const evidence = lexical.length ? lexical : modelEvidence(model, f, h, joined, starts, category, ph);
      hits.push({
        category,
        dimension: CATEGORY_DIMENSION[category],
        confidence: round2(ph),
        topics: [...new Set(lexical.map((e) => e.topic).filter((x): x is string => !!x))],
        evidence,
        concessive: lexical.length > 0 && lexical.every((e) => e.concessive),
      });
    });
  // Strongest first: complaint words weigh most (the lexicon's mass, as without the model), then the
  // earlier in the text, then the model's confidence; the first hit picks the reply template, so a stable, explainable order matters.
  const mass = (h: CategoryHit) => h.evidence.reduce((s, e) => s + (e.rule === 'model' ? 0 : -e.polarity), 0);
  const first = (h: CategoryHit) =>
    h.evidence[0] ? (h.evidence[0].part + 1) * 1e6 + h.evidence[0].start : Infinity;
  hits.sort((a, b) => mass(b) - mass(a) || first(a) - first(b) || b.confidence - a.confidence);
  if (hits.length === 0 && label === 'negative') {
    const evidence = all.map((w) => w.ev).filter((e) => e.polarity < 0);
    hits.push({
      category: 'other',
      dimension: CATEGORY_DIMENSION.other,
      confidence: round2(1 - p),
      topics: [],
      evidence,
      concessive: evidence.length > 0 && evidence.every((e) => e.concessive),
    });
  }
  return { label, score: known === 0 ? 0 : round2(2 * p - 1), hits };
}
