/**
 * `npm run train:text` (issue #11): trains the learned text model from ../shared/data/reviews and writes
 * public/text-model.v1.json. Deterministic (seeded shuffles, fixed epochs); the held-out split
 * (scripts/text/data.ts, 20 % by text hash) is never read here.
 *
 * - sentiment: logistic regression (AdaGrad SGD, L2) on the corpus polarity of the training part, minus
 *   a 10 % tuning fold on which the neutral margin is chosen;
 * - quality / mismatch / logistics / service / price: one logistic head each on the hand-labelled
 *   training part; the display threshold of each is the one with the best out-of-fold F1 (5 folds),
 *   then the head is retrained on the whole labelled training part.
 * Weights are pruned to the largest and quantized to int8 (see lib/text/model/model.ts for the format).
 */
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { extractEvidence } from '../lib/text/evidence';
import { fnv1a } from '../lib/text/accuracy';
import { DENSE, HASH_BITS, denseFeatures, negatedSpans, ngrams } from '../lib/text/model/features';
import {
  HEADS,
  MODEL_FORMAT,
  MODEL_VERSION,
  encodeIds,
  type StoredHead,
  type StoredModel,
} from '../lib/text/model/model';
import { mulberry32 } from '../lib/random';
import {
  dataStatus,
  isHeldOutReal,
  loadCorpus,
  loadLabelled,
  type CorpusReview,
  type LabelledReview,
} from './text/data';

export const MODEL_FILE = resolve(import.meta.dirname, '../public/text-model.v1.json');
const SIZE = 1 << HASH_BITS;

interface Example {
  ids: Int32Array;
  n: number;
  v: number;
  dense: Float32Array;
}

export function featurize(text: string): Example {
  // Same as lib/text/model/learned.ts for a one-part review (the part ends with '。' there).
  const joined = text + '。';
  const evidence = extractEvidence(text, -1);
  const f = ngrams(joined, negatedSpans(evidence));
  const dense = denseFeatures(evidence, joined.length);
  return { ids: f.ids.slice(0, f.count), n: f.count, v: f.count ? 1 / Math.sqrt(f.count) : 0, dense };
}

/** One logistic head, trained in place. */
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
  ) {}
  logit(x: Example): number {
    let z = this.b;
    for (let j = 0; j < DENSE; j++) z += this.d[j]! * x.dense[j]!;
    for (let i = 0; i < x.n; i++) z += this.w[x.ids[i]!]! * x.v;
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
    for (let i = 0; i < x.n; i++) {
      const id = x.ids[i]!;
      upd(err * x.v + this.l2 * this.w[id]!, this.g, id, this.w);
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
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(rng() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      for (const i of order) this.step(xs[i]!, ys[i]!, weights?.[i] ?? 1);
    }
    return this;
  }
}

const sig = (z: number) => 1 / (1 + Math.exp(-z));

/** Keeps the `keep` largest weights, int8-quantized; zeros after rounding are dropped. */
export function storeHead(name: StoredHead['name'], h: Head, keep: number, threshold: number): StoredHead {
  const mags: number[] = [];
  for (let i = 0; i < SIZE; i++) if (h.w[i] !== 0) mags.push(Math.abs(h.w[i]!));
  mags.sort((a, b) => b - a);
  const cut = mags[Math.min(keep, mags.length) - 1] ?? Infinity;
  const max = mags[0] ?? 1;
  const scale = max / 127;
  const ids: number[] = [];
  const ws: number[] = [];
  for (let i = 0; i < SIZE; i++) {
    const w = h.w[i]!;
    if (w === 0 || Math.abs(w) < cut) continue;
    const q = Math.round(w / scale);
    if (q === 0) continue;
    ids.push(i);
    ws.push(Math.max(-127, Math.min(127, q)));
  }
  return {
    name,
    bias: round6(h.b),
    dense: [...h.d].map(round6),
    scale: round6(scale),
    idx: Buffer.from(encodeIds(ids)).toString('base64'),
    w: Buffer.from(Int8Array.from(ws).buffer).toString('base64'),
    threshold,
  };
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

function bestThreshold(ps: readonly number[], ys: readonly number[]): { t: number; f1: number } {
  let best = { t: 0.5, f1: -1 };
  for (let t = 0.1; t <= 0.9001; t += 0.025) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    ps.forEach((p, i) => {
      if (p >= t && ys[i]) tp++;
      else if (p >= t) fp++;
      else if (ys[i]) fn++;
    });
    const f1 = tp ? (2 * tp) / (2 * tp + fp + fn) : 0;
    if (f1 > best.f1 + 1e-9) best = { t: Math.round(t * 1000) / 1000, f1: Math.round(f1 * 1000) / 1000 };
  }
  return best;
}

export const SENTIMENT_KEEP = 60_000;
export const CATEGORY_KEEP = 6_000;
export const CATEGORY_EPOCHS = 20;

/** Trains every head from training-side reviews (never the held-out split). */
export function trainModel(
  corpus: readonly CorpusReview[],
  labelled: readonly LabelledReview[],
  log: (line: string) => void = console.log,
): StoredModel {
  const tuneFold = (text: string) => fnv1a('tune:' + text.trim()) % 10 === 0;
  const sTrain = corpus.filter((r) => !tuneFold(r.text));
  const sTune = corpus.filter((r) => tuneFold(r.text));
  log(`sentiment: ${sTrain.length} training, ${sTune.length} tuning reviews`);
  const sx = sTrain.map((r) => featurize(r.text));
  const sentiment = new Head(0.2, 3e-5).train(
    sx,
    sTrain.map((r) => r.label),
    3,
    11,
  );
  // Neutral margin: the widest that costs at most 0.3 points of polar accuracy on the tuning fold.
  const tuneP = sTune.map((r) => sig(sentiment.logit(featurize(r.text))));
  const acc = (m: number) =>
    tuneP.filter((p, i) => (sTune[i]!.label === 1 ? p >= 0.5 + m : p <= 0.5 - m)).length /
    Math.max(1, tuneP.length);
  const base = acc(0);
  let margin = 0;
  for (const m of [0.02, 0.04, 0.06, 0.08, 0.1]) if (base - acc(m) <= 0.003) margin = m;
  log(`  tuning fold accuracy ${base.toFixed(4)} at margin 0, ${acc(margin).toFixed(4)} at margin ${margin}`);

  // Categories: one head per topic on the hand-labelled training part; threshold = best out-of-fold F1.
  const cx = labelled.map((r) => featurize(r.text));
  const heads: StoredHead[] = [storeHead('sentiment', sentiment, SENTIMENT_KEEP, 0.5)];
  const oof: Record<string, { t: number; f1: number }> = {};
  const fold = (r: LabelledReview) => fnv1a('fold:' + r.text.trim()) % 5;
  const train = (xs: Example[], ys: number[], seed: number) =>
    new Head(0.2, 1e-4).train(xs, ys, CATEGORY_EPOCHS, seed);
  for (const topic of HEADS.slice(1)) {
    const ys = labelled.map((r) => (r.categories.includes(topic as never) ? 1 : 0));
    const ps = new Array<number>(labelled.length).fill(0);
    for (let k = 0; k < 5; k++) {
      const idx = labelled.map((r, i) => (fold(r) === k ? -1 : i)).filter((i) => i >= 0);
      const h = train(
        idx.map((i) => cx[i]!),
        idx.map((i) => ys[i]!),
        100 + k,
      );
      labelled.forEach((r, i) => {
        if (fold(r) === k) ps[i] = sig(h.logit(cx[i]!));
      });
    }
    oof[topic] = bestThreshold(ps, ys);
    heads.push(storeHead(topic, train(cx, ys, 7), CATEGORY_KEEP, oof[topic].t));
    log(
      `${topic}: ${ys.filter(Boolean).length} positives, out-of-fold F1 ${oof[topic].f1} at threshold ${oof[topic].t}`,
    );
  }
  const macro = Object.values(oof).reduce((s, v) => s + v.f1, 0) / (HEADS.length - 1);
  log(`out-of-fold macro-F1 ${macro.toFixed(3)}`);
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    hashBits: HASH_BITS,
    denseCount: DENSE,
    neutralMargin: margin,
    heads,
    meta: {
      trainedWith: 'npm run train:text',
      sentimentTraining: sTrain.length,
      sentimentTuningAccuracy: Math.round(acc(margin) * 1000) / 1000,
      categoryTraining: labelled.length,
      outOfFoldF1: Object.fromEntries(Object.entries(oof).map(([k, v]) => [k, v.f1])),
    },
  };
}

function main(): void {
  const status = dataStatus();
  if (!status.ok) {
    console.error(`train:text: ${status.reason}`);
    process.exit(1);
  }
  const t0 = Date.now();
  const model = trainModel(
    loadCorpus().filter((r) => !isHeldOutReal(r.text)),
    loadLabelled().filter((r) => !isHeldOutReal(r.text)),
  );
  const json = JSON.stringify(model) + '\n';
  writeFileSync(MODEL_FILE, json);
  console.log(
    `wrote public/text-model.v1.json: ${(json.length / 1024).toFixed(0)} kB, ${(gzipSync(json, { level: 9 }).length / 1024).toFixed(0)} kB gzip, in ${((Date.now() - t0) / 1000).toFixed(0)} s`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) main();
