/**
 * `npm run train:text` (issue #11): trains the learned text model from ../shared/data/reviews and writes
 * public/text-model.v1.json. Deterministic (seeded shuffles, fixed epochs); the held-out split
 * (scripts/text/data.ts, 20 % by text hash) is never read here.
 *
 * - sentiment: logistic regression (AdaGrad SGD, L2) on NB-scaled features (`nbScale`, eleventh round),
 *   trained on the corpus polarity of the training part; a 10 % tuning fold chooses the neutral margin
 *   (best accuracy with neutral counted wrong), then the head is retrained on the whole training part;
 * - quality / mismatch / logistics / service / price: one logistic head each on the hand-labelled
 *   training part. Per topic, the recipe (TOPIC_RECIPES, incl. self-training on the training part's
 *   unlabelled corpus negatives, and NB-scaled ones; `--plain-topics` leaves those out) and the display
 *   threshold are the ones with the best out-of-fold F1 (5 folds) of the tags the analyzer would show
 *   (`topicShown`, lexicon and sentiment included), on out-of-fold probabilities Platt-scaled per recipe
 *   (`plattFit`, twelfth round; `--no-calibrate` leaves them as they are); the head is then retrained with
 *   that recipe on the whole labelled training part and stored with its calibration folded in.
 * The hand-labelled reviews are the shared ones (categories.labelled.jsonl) plus the extra labels of
 * data/text-labels/extra.jsonl (keyed by text hash, joined back here; `--no-extra` leaves them out;
 * `--with-round3` adds the unshipped third round, extra-round3.jsonl; `--with-random` adds the ninth
 * round's shared-style random sample, random.jsonl, and reports its out-of-fold figures apart); the
 * out-of-fold figures are also reported on the shared reviews alone.
 * `--sentiment-features=` / `--topic-features=` add feature extras (gapped pairs, aspect pairs; none by
 * default: the shipped model) and `--seed=<n>` other shuffles; both for experiments (eighth round);
 * `--plain-sentiment` trains the sentiment head without NB scaling (rounds 2–10).
 * Figures and choices: docs/text-model.md.
 * Weights are pruned to the largest and quantized to int8 (see lib/text/model/model.ts for the format).
 */
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { relative, resolve } from 'node:path';
import { extractEvidence } from '../lib/text/evidence';
import { fnv1a } from '../lib/text/accuracy';
import { analyzeText } from '../lib/text/analyze';
import { isDefaultPraise } from '../lib/text/sentiment';
import {
  DENSE,
  FEATURE_EXTRAS,
  HASH_BITS,
  PLAIN_FEATURES,
  TOPICS,
  denseFeatures,
  featureExtras,
  featureSet,
  modelFeatures,
  type FeatureSet,
} from '../lib/text/model/features';
import { learnedAnalysis } from '../lib/text/model/learned';
import {
  HEADS,
  MODEL_FORMAT,
  MODEL_VERSION,
  decodeModel,
  encodeIds,
  scoreHeads,
  type StoredHead,
  type StoredModel,
  type TextModel,
} from '../lib/text/model/model';
import { mulberry32, shuffleInPlace } from '../lib/random';
import {
  dataStatus,
  isHeldOutReal,
  loadCorpus,
  loadLabelled,
  type CorpusReview,
  type LabelledReview,
} from './text/data';
import { EXTRA_FILE, joinLabels, RANDOM_FILE, readLabels, ROUND3_FILE } from './text/extra-labels';
import {
  PRECISION_FLOOR,
  THRESHOLD_OBJECTIVES,
  bestF1Threshold,
  chooseThreshold,
  figuresAt,
  foldPrecision,
  type Goal,
  spareRecall,
  type RuleInput,
  type ThresholdObjective,
} from './text/thresholds';

export const MODEL_FILE = resolve(import.meta.dirname, '../public/text-model.v1.json');
const SIZE = 1 << HASH_BITS;

export interface Example {
  ids: Int32Array;
  n: number;
  v: number;
  dense: Float32Array;
}

export function featurizeWith(text: string, features: FeatureSet = PLAIN_FEATURES): Example {
  // Same as lib/text/model/learned.ts for a one-part review (the part ends with '。' there).
  const joined = text + '。';
  const evidence = extractEvidence(text, -1);
  const f = modelFeatures(joined, [0], evidence, features);
  const dense = denseFeatures(evidence, joined.length);
  return { ids: f.ids.slice(0, f.count), n: f.count, v: f.count ? 1 / Math.sqrt(f.count) : 0, dense };
}

/**
 * One logistic head, trained in place. `scale`, when given, multiplies each hashed feature before the
 * weight (NB-scaled features, see `nbScale`); the stored weight is then the product (`effective`), so the
 * file and the runtime scorer are the same for both.
 */
export class Head {
  w = new Float32Array(SIZE);
  g = new Float32Array(SIZE);
  d = new Float64Array(DENSE);
  gd = new Float64Array(DENSE);
  b = 0;
  gb = 0;
  constructor(
    readonly lr = 0.2,
    readonly l2 = 1e-6,
    readonly scale?: Float32Array,
  ) {}
  effective(id: number): number {
    return this.scale ? this.w[id]! * this.scale[id]! : this.w[id]!;
  }
  logit(x: Example): number {
    let z = this.b;
    for (let j = 0; j < DENSE; j++) z += this.d[j]! * x.dense[j]!;
    const s = this.scale;
    if (s) for (let i = 0; i < x.n; i++) z += this.w[x.ids[i]!]! * s[x.ids[i]!]! * x.v;
    else for (let i = 0; i < x.n; i++) z += this.w[x.ids[i]!]! * x.v;
    return z;
  }
  step(x: Example, y: number, weight = 1): void {
    const p = 1 / (1 + Math.exp(-this.logit(x)));
    const err = (p - y) * weight;
    const upd = (
      grad: number,
      acc: Float32Array | Float64Array,
      k: number,
      arr: Float32Array | Float64Array,
    ) => {
      acc[k]! += grad * grad;
      arr[k]! -= (this.lr * grad) / Math.sqrt(acc[k]! + 1e-8);
    };
    const s = this.scale;
    for (let i = 0; i < x.n; i++) {
      const id = x.ids[i]!;
      upd(err * x.v * (s ? s[id]! : 1) + this.l2 * this.w[id]!, this.g, id, this.w);
    }
    for (let j = 0; j < DENSE; j++) upd(err * x.dense[j]! + this.l2 * this.d[j]!, this.gd, j, this.d);
    this.gb += err * err;
    this.b -= (this.lr * err) / Math.sqrt(this.gb + 1e-8);
  }
  train(
    xs: readonly Example[],
    ys: readonly number[],
    epochs: number,
    seed: number,
    weights?: readonly number[],
  ): this {
    const rng = mulberry32(seed);
    const order = xs.map((_, i) => i);
    for (let e = 0; e < epochs; e++) {
      shuffleInPlace(order, rng);
      for (const i of order) this.step(xs[i]!, ys[i]!, weights?.[i] ?? 1);
    }
    return this;
  }
}

/** NB scaling of the hashed features (eleventh round; Wang & Manning 2012, "NBSVM"). */
export interface NbScaling {
  /** Smoothing count added to each feature's document count in each class. */
  alpha: number;
  /** Interpolation: scale = 1 − beta + beta·|r| (0 = plain features, 1 = the full ratio). */
  beta: number;
}

/**
 * Per-feature scales from the labelled examples: |r| with r the log ratio of a feature's smoothed share
 * of positive and of negative documents (document counts: a feature counts once per review). A feature
 * the classes use alike gets a small scale, one that separates them a large one; since the head learns a
 * weight on the scaled feature, this is a prior on which weights may grow, not a second model.
 */
export function nbScale(xs: readonly Example[], ys: readonly number[], nb: NbScaling): Float32Array {
  const pos = new Float32Array(SIZE);
  const neg = new Float32Array(SIZE);
  const seen = new Uint32Array(SIZE);
  let np = 0;
  let nn = 0;
  xs.forEach((x, i) => {
    const counts = ys[i] ? pos : neg;
    if (ys[i]) np++;
    else nn++;
    for (let k = 0; k < x.n; k++) {
      const id = x.ids[k]!;
      if (seen[id] === i + 1) continue;
      seen[id] = i + 1;
      counts[id]!++;
    }
  });
  const s = new Float32Array(SIZE);
  const dp = np + 2 * nb.alpha;
  const dn = nn + 2 * nb.alpha;
  for (let j = 0; j < SIZE; j++) {
    const r = Math.log((pos[j]! + nb.alpha) / dp / ((neg[j]! + nb.alpha) / dn));
    s[j] = 1 - nb.beta + nb.beta * Math.abs(r);
  }
  return s;
}

const sig = (z: number) => 1 / (1 + Math.exp(-z));

/** Keeps the `keep` largest weights, int8-quantized; zeros after rounding are dropped. */
export function storeHead(
  name: StoredHead['name'],
  h: Head,
  keep: number,
  threshold: number,
  features: FeatureSet = PLAIN_FEATURES,
  /** Platt scaling folded into the stored head: logit' = a·logit + b. */
  calibration: Platt = { a: 1, b: 0 },
): StoredHead {
  const extras = featureExtras(features);
  const { a, b } = calibration;
  const mags: number[] = [];
  for (let i = 0; i < SIZE; i++) if (h.w[i] !== 0) mags.push(Math.abs(h.effective(i)));
  mags.sort((a, b) => b - a);
  const cut = mags[Math.min(keep, mags.length) - 1] ?? Infinity;
  const max = mags[0] ?? 1;
  const scale = max / 127;
  const ids: number[] = [];
  const ws: number[] = [];
  for (let i = 0; i < SIZE; i++) {
    const w = h.effective(i);
    if (w === 0 || Math.abs(w) < cut) continue;
    const q = Math.round(w / scale);
    if (q === 0) continue;
    ids.push(i);
    ws.push(Math.max(-127, Math.min(127, q)));
  }
  return {
    name,
    bias: round6(a * h.b + b),
    dense: [...h.d].map((d) => round6(a * d)),
    // Calibration leaves the int8 weights as they are: only their scale, the bias and the dense weights.
    scale: round6(a * scale),
    idx: Buffer.from(encodeIds(ids)).toString('base64'),
    w: Buffer.from(Int8Array.from(ws).buffer).toString('base64'),
    threshold,
    ...(extras.length ? { features: extras } : {}),
  };
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** The logit of a probability, kept finite at 0 and 1. */
const logitOf = (p: number) => {
  const q = Math.min(1 - 1e-6, Math.max(1e-6, p));
  return Math.log(q / (1 - q));
};

/** Platt scaling of a head's logits: p = σ(a·z + b). */
export interface Platt {
  a: number;
  b: number;
}

/**
 * Fits Platt scaling to out-of-fold probabilities (Platt 1999: targets (N₊+1)/(N₊+2) and 1/(N₋+2), Newton
 * steps on the two parameters). Every topic head comes out under-confident (slopes 1.3–2.1; the NB
 * ones had display thresholds near 0.08); calibrated, the on-device adapter's steps, which assume
 * calibrated probabilities, stay in proportion (twelfth round, docs/text-model.md).
 */
export function plattFit(ps: readonly number[], ys: readonly number[]): Platt {
  const zs = ps.map(logitOf);
  const pos = ys.filter(Boolean).length;
  const hi = (pos + 1) / (pos + 2);
  const lo = 1 / (ys.length - pos + 2);
  const ts = ys.map((y) => (y ? hi : lo));
  let a = 1;
  let b = 0;
  for (let it = 0; it < 100; it++) {
    let ga = 0, gb = 0, haa = 1e-9, hab = 0, hbb = 1e-9; // prettier-ignore
    zs.forEach((z, i) => {
      const p = sig(a * z + b);
      const e = p - ts[i]!;
      const w = p * (1 - p);
      ga += e * z;
      gb += e;
      haa += w * z * z;
      hab += w * z;
      hbb += w;
    });
    const det = haa * hbb - hab * hab;
    if (!(det > 0)) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-9) break;
  }
  return { a, b };
}

export const SENTIMENT_KEEP = 60_000;
/** NB scaling of the sentiment head's features (eleventh round: +0.25 points in 5-fold CV). */
export const SENTIMENT_NB: NbScaling = { alpha: 1, beta: 0.5 };

/**
 * The sentiment head: AdaGrad, L2 3e-5, 3 epochs, on NB-scaled features unless `nb` is null (the plain
 * head of rounds 2–10, for comparisons).
 */
export function trainSentiment(
  xs: readonly Example[],
  ys: readonly number[],
  seed: number,
  nb: NbScaling | null = SENTIMENT_NB,
): Head {
  return new Head(0.2, 3e-5, nb ? nbScale(xs, ys, nb) : undefined).train(xs, ys, 3, seed);
}
export const CATEGORY_KEEP = 6_000;
export const CATEGORY_EPOCHS = 20;

/**
 * Training recipes a topic head may use; each topic takes the one with the best out-of-fold F1 (through
 * the display rule). `pseudo`: self-training on the training side's unlabelled corpus-negative reviews —
 * the head trained on the labelled reviews labels those it is sure of (p ≥ hi present, p ≤ 0.02 absent),
 * which are added with weight `weight` before training again.
 */
export interface TopicRecipe {
  name: string;
  l2: number;
  pseudo?: { hi: number; weight: number };
  /** NB-scaled features, the scales from the labelled reviews the head trains on. */
  nb?: NbScaling;
}
export const TOPIC_RECIPES: readonly TopicRecipe[] = [
  { name: 'labelled', l2: 1e-4 },
  { name: 'labelled-l2', l2: 3e-4 },
  { name: 'self-trained', l2: 3e-4, pseudo: { hi: 0.6, weight: 0.3 } },
];
/**
 * NB-scaled topic recipes (eleventh round; shipped since the twelfth, with calibration). Uncalibrated, a
 * shop's corrections pushed some of these heads over their thresholds on many other reviews (the
 * corrections simulation, docs/text-model.md); `--plain-topics` leaves them out.
 */
export const NB_TOPIC_RECIPES: readonly TopicRecipe[] = [
  { name: 'nb', l2: 3e-4, nb: { alpha: 1, beta: 0.5 } },
  { name: 'nb-self-trained', l2: 3e-4, pseudo: { hi: 0.6, weight: 0.3 }, nb: { alpha: 1, beta: 0.5 } },
];
const PSEUDO_LO = 0.02;

function trainTopic(
  recipe: TopicRecipe,
  xs: readonly Example[],
  ys: readonly number[],
  pool: readonly Example[],
  seed: number,
): Head {
  const scale = recipe.nb && nbScale(xs, ys, recipe.nb);
  const first = new Head(0.2, recipe.l2, scale).train(xs, ys, CATEGORY_EPOCHS, seed);
  if (!recipe.pseudo) return first;
  const px = [...xs];
  const py = [...ys];
  const pw: number[] = ys.map(() => 1);
  for (const x of pool) {
    const p = sig(first.logit(x));
    if (p < recipe.pseudo.hi && p > PSEUDO_LO) continue;
    px.push(x);
    py.push(p >= recipe.pseudo.hi ? 1 : 0);
    pw.push(recipe.pseudo.weight);
  }
  return new Head(0.2, recipe.l2, scale).train(px, py, CATEGORY_EPOCHS, seed, pw);
}

/** A decoded model holding the given heads (the others empty), to score exactly as at run time. */
export function runtimeModel(heads: readonly StoredHead[], margin: number): TextModel {
  const byName = new Map(heads.map((h) => [h.name, h]));
  return decodeModel({
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    hashBits: HASH_BITS,
    denseCount: DENSE,
    neutralMargin: margin,
    heads: HEADS.map(
      (name) =>
        byName.get(name) ?? {
          name,
          bias: 0,
          dense: new Array<number>(DENSE).fill(0),
          scale: 1,
          idx: '',
          w: '',
          threshold: 0.5,
        },
    ),
  } satisfies StoredModel);
}

/** The runtime scorer's logits (HEADS order) for a training example. */
export function runtimeLogits(m: TextModel, x: Example): Float64Array {
  return scoreHeads(m, { ids: x.ids, starts: x.ids, ends: x.ids, count: x.n }, x.dense).logits;
}

/** A subset of the labelled reviews whose out-of-fold figures are logged apart. */
export interface OofReport {
  name: string;
  test: (r: LabelledReview) => boolean;
}

/**
 * Trains every head from training-side reviews (never the held-out split). `original`, when given, marks
 * the reviews the out-of-fold figures are also reported on separately (the shared hand labels, so a run
 * with extra labels can be compared with one without them on the same reviews).
 */
export function trainModel(
  corpus: readonly CorpusReview[],
  labelled: readonly LabelledReview[],
  log: (line: string) => void = console.log,
  original?: (r: LabelledReview) => boolean,
  goal: Goal = { objective: 'f1', floor: PRECISION_FLOOR },
  sentimentFeatures: FeatureSet = PLAIN_FEATURES,
  topicFeatures: FeatureSet = PLAIN_FEATURES,
  /** Added to every training seed (shuffles only; folds and data are unchanged): 0 = the shipped run. */
  seed = 0,
  /** Experiments (ninth round): subsets whose out-of-fold figures are logged (not stored in the model),
   * and a file for the out-of-fold probabilities; `sentimentNb: null` trains the plain sentiment head. */
  study: {
    reports?: readonly OofReport[];
    dumpOof?: string;
    sentimentNb?: NbScaling | null;
    /** false: without the NB-scaled topic recipes (rounds 2–11's shipped model). */
    nbTopics?: boolean;
    /**
     * false: no Platt scaling. Otherwise each topic recipe's out-of-fold probabilities are Platt-scaled
     * before its threshold is chosen, and the head is stored calibrated (twelfth round).
     */
    calibrate?: boolean;
  } = {},
): StoredModel {
  const reports = study.reports ?? [];
  const recipes = study.nbTopics === false ? TOPIC_RECIPES : [...TOPIC_RECIPES, ...NB_TOPIC_RECIPES];
  const calibrate = study.calibrate !== false;
  for (const [who, set] of [
    ['sentiment', sentimentFeatures],
    ['topic', topicFeatures],
  ] as const)
    if (featureExtras(set).length) log(`${who} features: 1–3-grams + ${featureExtras(set).join(', ')}`);
  const featurize = (text: string) => featurizeWith(text, sentimentFeatures);
  const topicFeaturize = (text: string) => featurizeWith(text, topicFeatures);
  const tuneFold = (text: string) => fnv1a('tune:' + text.trim()) % 10 === 0;
  const sTrain = corpus.filter((r) => !tuneFold(r.text));
  const sTune = corpus.filter((r) => tuneFold(r.text));
  log(`sentiment: ${sTrain.length} training, ${sTune.length} tuning reviews`);
  const sx = sTrain.map((r) => featurize(r.text));
  const tuneHead = trainSentiment(
    sx,
    sTrain.map((r) => r.label),
    11 + seed,
    study.sentimentNb,
  );
  // Neutral margin: the one with the best tuning-fold accuracy counted as the targets count it (neutral
  // on a polar text is wrong); a tie keeps the wider margin.
  const tuneP = sTune.map((r) => sig(tuneHead.logit(featurize(r.text))));
  const acc = (m: number) =>
    tuneP.filter((p, i) => (sTune[i]!.label === 1 ? p >= 0.5 + m : p <= 0.5 - m)).length /
    Math.max(1, tuneP.length);
  let margin = 0;
  for (const m of [0.005, 0.01, 0.02, 0.04]) if (acc(m) >= acc(margin)) margin = m;
  log(
    `  tuning fold accuracy ${acc(0).toFixed(4)} at margin 0, ${acc(margin).toFixed(4)} at margin ${margin}`,
  );
  // The shipped head learns from the whole training side (tuning fold included), same settings.
  const allX = [...sx, ...sTune.map((r) => featurize(r.text))];
  const sentiment = trainSentiment(
    allX,
    [...sTrain, ...sTune].map((r) => r.label),
    11 + seed,
    study.sentimentNb,
  );
  const sentimentStored = storeHead('sentiment', sentiment, SENTIMENT_KEEP, 0.5, sentimentFeatures);

  // Categories: per topic, the recipe and display threshold with the best out-of-fold F1 (5 folds of the
  // hand-labelled training part, through the runtime display rule with the shipped sentiment head), then
  // the head is retrained with that recipe on the whole labelled training part.
  const cx = labelled.map((r) => topicFeaturize(r.text));
  const seen = new Set(labelled.map((r) => r.text.trim()));
  const pool = corpus
    .filter((r) => r.label === 0 && !seen.has(r.text.trim()))
    .map((r) => topicFeaturize(r.text));
  const sModel = runtimeModel([sentimentStored], margin);
  const rule: RuleInput[] = labelled.map((r) => {
    if (isDefaultPraise(r.text))
      return { label: 'neutral', lex: TOPICS.map(() => ({ words: 0, mass: 0, praised: false })) };
    const all = extractEvidence(r.text, -1);
    const lexLabel = analyzeText(r.text, { model: false }).sentiment.label;
    return {
      label: learnedAnalysis(sModel, [r.text], all, lexLabel).label,
      lex: TOPICS.map((t) => {
        const words = all.filter((w) => w.ev.category === t && w.ev.polarity < 0);
        return {
          words: words.length,
          mass: words.reduce((s, w) => s - w.ev.polarity, 0),
          praised: all.some((w) => w.ev.category === t && w.ev.polarity > 0),
        };
      }),
    };
  });
  const heads: StoredHead[] = [sentimentStored];
  const oof: Record<
    string,
    { recipe: string; t: number; f1: number; p: number; r: number; reached?: boolean; bestF1At?: number }
  > = {};
  const oofOriginal: Record<string, { f1: number; p: number; r: number }> = {};
  const sub = original ? labelled.map((r, i) => (original(r) ? i : -1)).filter((i) => i >= 0) : [];
  const reportIdx = reports.map((rep) =>
    labelled.map((r, i) => (rep.test(r) ? i : -1)).filter((i) => i >= 0),
  );
  const reportF1 = reports.map(() => [] as number[]);
  const oofPs: number[][] = [];
  const fold = (r: LabelledReview) => fnv1a('fold:' + r.text.trim()) % 5;
  TOPICS.forEach((topic, t) => {
    const ys = labelled.map((r) => (r.categories.includes(topic) ? 1 : 0));
    let best: (typeof oof)[string] | undefined;
    let bestPs: number[] = [];
    let bestF1 = -1;
    let bestCal: Platt = { a: 1, b: 0 };
    for (const recipe of recipes) {
      const ps = new Array<number>(labelled.length).fill(0);
      for (let k = 0; k < 5; k++) {
        const idx = labelled.map((r, i) => (fold(r) === k ? -1 : i)).filter((i) => i >= 0);
        const h = trainTopic(
          recipe,
          idx.map((i) => cx[i]!),
          idx.map((i) => ys[i]!),
          pool,
          100 + k + seed,
        );
        const m = runtimeModel([storeHead(topic, h, CATEGORY_KEEP, 0.5, topicFeatures)], margin);
        labelled.forEach((r, i) => {
          if (fold(r) !== k) return;
          ps[i] = sig(runtimeLogits(m, cx[i]!)[t + 1]!);
        });
      }
      const cal = calibrate ? plattFit(ps, ys) : { a: 1, b: 0 };
      if (calibrate) {
        ps.forEach((p, i) => (ps[i] = sig(cal.a * logitOf(p) + cal.b)));
        log(`  ${topic} ${recipe.name}: Platt a ${cal.a.toFixed(3)} b ${cal.b.toFixed(3)}`);
      }
      // The recipe is chosen by its best F1 (a steadier figure than a recall at a floor); the threshold
      // by the objective.
      const f1 = bestF1Threshold(ps, ys, rule, t);
      log(`${topic} ${recipe.name}: out-of-fold P ${f1.p} R ${f1.r} F1 ${f1.f1} at threshold ${f1.t}`);
      const c = chooseThreshold(topic, ps, ys, rule, t, goal);
      if (c.reached)
        log(`  highest recall at P ≥ ${goal.floor}: P ${c.p} R ${c.r} F1 ${c.f1} at threshold ${c.t}`);
      if (!best || f1.f1 > bestF1) {
        const { reached, ...chosen } = c;
        best = { recipe: recipe.name, ...chosen, ...(goal.objective === 'f1' ? {} : { reached }) };
        bestCal = cal;
        bestF1 = f1.f1;
        bestPs = ps;
      }
    }
    // Precision the shared reviews have to spare goes to recall (quality, logistics, service; ninth round).
    const spare =
      goal.objective === 'f1'
        ? spareRecall(
            topic,
            best!.t,
            sub.map((i) => bestPs[i]!),
            sub.map((i) => ys[i]!),
            sub.map((i) => rule[i]!),
            t,
            goal.floor,
          )
        : undefined;
    if (spare) {
      log(
        `${topic}: precision to spare on the ${sub.length} original reviews, threshold ${best!.t} → ${spare.t} (there P ${spare.p} R ${spare.r})`,
      );
      best = { ...best!, ...figuresAt(bestPs, ys, rule, t, spare.t), bestF1At: best!.t };
    }
    oof[topic] = best!;
    oofPs.push(bestPs);
    log(
      `${topic} per-fold precision at ${best!.t}: ${foldPrecision(bestPs, ys, rule, t, best!.t, labelled.map(fold), 5).join(' ')}`,
    );
    if (sub.length) {
      // The chosen recipe and threshold, scored on the original reviews only.
      const at = figuresAt(
        sub.map((i) => bestPs[i]!),
        sub.map((i) => ys[i]!),
        sub.map((i) => rule[i]!),
        t,
        best!.t,
      );
      oofOriginal[topic] = { f1: at.f1, p: at.p, r: at.r };
      log(`${topic} on the ${sub.length} original reviews: P ${at.p} R ${at.r} F1 ${at.f1}`);
    }
    reports.forEach((rep, k) => {
      const idx = reportIdx[k]!;
      const at = figuresAt(
        idx.map((i) => bestPs[i]!),
        idx.map((i) => ys[i]!),
        idx.map((i) => rule[i]!),
        t,
        best!.t,
      );
      reportF1[k]!.push(at.f1);
      log(`${topic} on the ${idx.length} ${rep.name} reviews: P ${at.p} R ${at.r} F1 ${at.f1}`);
    });
    const recipe = recipes.find((x) => x.name === best!.recipe)!;
    heads.push(
      storeHead(
        topic,
        trainTopic(recipe, cx, ys, pool, 7 + seed),
        CATEGORY_KEEP,
        best!.t,
        topicFeatures,
        bestCal,
      ),
    );
    log(`${topic}: ${ys.filter(Boolean).length} positives, ${best!.recipe}, threshold ${best!.t}`);
  });
  const macro = Object.values(oof).reduce((s, v) => s + v.f1, 0) / TOPICS.length;
  log(`out-of-fold macro-F1 ${macro.toFixed(3)}`);
  if (sub.length) {
    const m = Object.values(oofOriginal).reduce((s, v) => s + v.f1, 0) / TOPICS.length;
    log(`out-of-fold macro-F1 on the ${sub.length} original reviews ${m.toFixed(3)}`);
  }
  if (study.dumpOof)
    writeFileSync(
      study.dumpOof,
      JSON.stringify({
        topics: TOPICS,
        thresholds: TOPICS.map((t) => oof[t]!.t),
        ys: TOPICS.map((topic) => labelled.map((r) => (r.categories.includes(topic) ? 1 : 0))),
        ps: oofPs,
        rule,
        subsets: Object.fromEntries([['shared', sub], ...reports.map((rep, k) => [rep.name, reportIdx[k]!])]),
      }),
    );
  reports.forEach((rep, k) => {
    const m = reportF1[k]!.reduce((s, v) => s + v, 0) / TOPICS.length;
    log(`out-of-fold macro-F1 on the ${reportIdx[k]!.length} ${rep.name} reviews ${m.toFixed(3)}`);
  });
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    hashBits: HASH_BITS,
    denseCount: DENSE,
    neutralMargin: margin,
    heads,
    meta: {
      trainedWith: 'npm run train:text',
      sentimentTraining: sTrain.length + sTune.length,
      sentimentTuningAccuracy: Math.round(acc(margin) * 1000) / 1000,
      categoryTraining: labelled.length,
      selfTrainingPool: pool.length,
      outOfFold: oof,
      ...(goal.objective === 'f1' ? {} : { thresholdObjective: goal.objective, precisionFloor: goal.floor }),
      ...(sub.length ? { outOfFoldOriginal: oofOriginal, originalReviews: sub.length } : {}),
    },
  };
}

/**
 * The extra hand labels joined back to the training side of the corpus: data/text-labels/extra.jsonl
 * (unless `--no-extra`), extra-round3.jsonl (`--with-round3`) and random.jsonl (`--with-random`). A key
 * that matches no training-side text or more than one is reported and skipped; so is a text already
 * labelled (the shared file first, then the files in this order).
 */
function extraLabelled(corpus: readonly CorpusReview[], shared: readonly LabelledReview[]): LabelledReview[] {
  const files = [
    ...(process.argv.includes('--no-extra') ? [] : [EXTRA_FILE]),
    ...(process.argv.includes('--with-round3') ? [ROUND3_FILE] : []),
    ...(process.argv.includes('--with-random') ? [RANDOM_FILE] : []),
  ];
  const seen = new Set(shared.map((r) => r.text.trim()));
  const out: LabelledReview[] = [];
  for (const file of files) {
    const j = joinLabels(readLabels(file), corpus);
    const name = relative(resolve(import.meta.dirname, '..'), file);
    for (const l of j.missing) console.log(`${name}: skipped, no training-side text: ${JSON.stringify(l)}`);
    for (const l of j.ambiguous) console.log(`${name}: skipped, matches several texts: ${JSON.stringify(l)}`);
    // A text labelled twice keeps its first label: the shared file's, then the files in this order (the
    // ninth round's random.jsonl copies the earlier rounds' labels of its sample, so they agree).
    const add = j.reviews.filter((r) => !seen.has(r.text.trim()));
    for (const r of add) seen.add(r.text.trim());
    console.log(`${name}: ${add.length} joined (${j.reviews.length - add.length} already labelled)`);
    out.push(...add);
  }
  return out;
}

/** The ninth round's random sample (random.jsonl), as texts: its out-of-fold figures are reported apart. */
function randomSampleTexts(corpus: readonly CorpusReview[]): Set<string> {
  return new Set(joinLabels(readLabels(RANDOM_FILE), corpus).reviews.map((r) => r.text.trim()));
}

function main(): void {
  const status = dataStatus();
  if (!status.ok) {
    console.error(`train:text: ${status.reason}`);
    process.exit(1);
  }
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const objective = (arg('objective') ?? 'f1') as ThresholdObjective;
  const floor = Number(arg('floor') ?? PRECISION_FLOOR);
  if (!THRESHOLD_OBJECTIVES.includes(objective) || !(floor > 0 && floor < 1)) {
    console.error(`train:text: --objective=${THRESHOLD_OBJECTIVES.join('|')} and --floor in (0, 1)`);
    process.exit(1);
  }
  // --sentiment-features=gap3 / --topic-features=pairs,askip: feature extras of the sentiment head and
  // of the topic heads (lib/text/model/features.ts); none = the 1–3-grams only.
  const sets: FeatureSet[] = [];
  for (const name of ['sentiment-features', 'topic-features'])
    try {
      sets.push(featureSet(arg(name)?.split(',').filter(Boolean) ?? []));
    } catch {
      console.error(`train:text: --${name} takes a comma list of ${FEATURE_EXTRAS.join(', ')}`);
      process.exit(1);
    }
  // --out: write elsewhere (experiments), leaving the shipped model as it is.
  const out = arg('out') ? resolve(arg('out')!) : MODEL_FILE;
  const t0 = Date.now();
  const corpus = loadCorpus().filter((r) => !isHeldOutReal(r.text));
  const shared = loadLabelled().filter((r) => !isHeldOutReal(r.text));
  const extra = extraLabelled(corpus, shared);
  const sharedTexts = new Set(shared.map((r) => r.text.trim()));
  // --with-random: the random sample's figures are reported apart, and together with the shared reviews
  // (both drawn the same way: the set that decides between models, docs/text-model.md, ninth round).
  const sample = process.argv.includes('--with-random') ? randomSampleTexts(corpus) : new Set<string>();
  const reports: OofReport[] = sample.size
    ? [
        { name: 'random-sample', test: (r) => sample.has(r.text.trim()) },
        {
          name: 'shared + random-sample',
          test: (r) => sharedTexts.has(r.text.trim()) || sample.has(r.text.trim()),
        },
      ]
    : [];
  // Without extra labels this is the previous run (no separate report on the shared reviews).
  const model = trainModel(
    corpus,
    [...shared, ...extra],
    console.log,
    extra.length ? (r) => sharedTexts.has(r.text.trim()) : undefined,
    { objective, floor },
    sets[0],
    sets[1],
    // --seed=<n>: other shuffles, to see how far the figures move with the seed alone.
    Number(arg('seed') ?? 0) * 1000,
    // --dump-oof=<file>: the out-of-fold probabilities, display-rule inputs and subsets, for threshold
    // studies without retraining.
    // --plain-sentiment: the sentiment head without NB scaling (rounds 2–10), for comparisons.
    {
      reports,
      dumpOof: arg('dump-oof') && resolve(arg('dump-oof')!),
      ...(process.argv.includes('--plain-sentiment') ? { sentimentNb: null } : {}),
      // --plain-topics: without the NB-scaled topic recipes; --no-calibrate: topic heads without Platt
      // scaling (both: the eleventh round's shipped model).
      nbTopics: !process.argv.includes('--plain-topics'),
      calibrate: !process.argv.includes('--no-calibrate'),
    },
  );
  const json = JSON.stringify(model) + '\n';
  writeFileSync(out, json);
  console.log(
    `wrote ${out === MODEL_FILE ? 'public/text-model.v1.json' : out}: ${(json.length / 1024).toFixed(0)} kB, ${(gzipSync(json, { level: 9 }).length / 1024).toFixed(0)} kB gzip, in ${((Date.now() - t0) / 1000).toFixed(0)} s`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) main();
