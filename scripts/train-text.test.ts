import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../lib/random';
import { DENSE, HASH_BITS } from '../lib/text/model/features';
import {
  Head,
  featurizeWith,
  nbScale,
  plattFit,
  runtimeLogits,
  runtimeModel,
  storeHead,
  type Example,
} from './train-text';

// Hand-made examples: feature 1 only in positives, feature 2 in every review, feature 3 only in
// negatives, feature 4 repeated within one positive review.
const ex = (...ids: number[]): Example => ({
  ids: Int32Array.from(ids),
  n: ids.length,
  v: 1 / Math.sqrt(ids.length),
  dense: new Float32Array(DENSE),
});
const xs = [ex(1, 2, 4, 4, 4), ex(1, 2), ex(2, 3), ex(2, 3)];
const ys = [1, 1, 0, 0];

describe('NB-scaled features (eleventh round)', () => {
  it('scales a feature by how well its document counts separate the classes', () => {
    const s = nbScale(xs, ys, { alpha: 1, beta: 1 });
    // Feature 1: in 2 of 2 positives and 0 of 2 negatives: |log((3/4)/(1/4))| = log 3.
    expect(s[1]).toBeCloseTo(Math.log(3), 5);
    expect(s[3]).toBeCloseTo(Math.log(3), 5);
    // Feature 2 is in every review: no information, scale 0 at beta 1.
    expect(s[2]).toBeCloseTo(0, 6);
    // Feature 4 appears three times in one review but counts once: (2/4)/(1/4).
    expect(s[4]).toBeCloseTo(Math.log(2), 5);
    // A feature no review has is as likely in both classes.
    expect(s[99]).toBeCloseTo(0, 6);
  });

  it('interpolates towards the plain features with beta', () => {
    const half = nbScale(xs, ys, { alpha: 1, beta: 0.5 });
    expect(half[1]).toBeCloseTo(0.5 + 0.5 * Math.log(3), 5);
    expect(half[2]).toBeCloseTo(0.5, 6);
    const plain = nbScale(xs, ys, { alpha: 1, beta: 0 });
    expect([plain[1], plain[2], plain[3], plain[99]]).toEqual([1, 1, 1, 1]);
  });

  it('stores the scaled weights, so the runtime scorer gives the logit the trainer saw', () => {
    const texts = ['质量很好，物流也快', '做工太差了，客服不理人', '一般般吧', '包装破了，退货也不给退'];
    const txs = texts.map((t) => featurizeWith(t));
    const head = new Head(0.2, 1e-6, nbScale(txs, [1, 0, 1, 0], { alpha: 1, beta: 0.5 })).train(
      txs,
      [1, 0, 1, 0],
      30,
      3,
    );
    const model = runtimeModel([storeHead('sentiment', head, 1 << HASH_BITS, 0.5)], 0);
    for (const x of txs) {
      const runtime = runtimeLogits(model, x)[0]!;
      // int8 quantization of the weights: within a few hundredths of the trainer's logit.
      expect(runtime).toBeCloseTo(head.logit(x), 1);
    }
    // And the scaled head separates its training reviews.
    expect(head.logit(txs[0]!)).toBeGreaterThan(0);
    expect(head.logit(txs[1]!)).toBeLessThan(0);
  });
});

describe('Platt scaling of the topic heads (twelfth round)', () => {
  it('recovers the slope and offset of under-confident probabilities', () => {
    // Probabilities σ(z) of a head whose labels follow σ(3z − 1): the fit must find a ≈ 3, b ≈ −1.
    const rng = mulberry32(1);
    const ps: number[] = [];
    const labels: number[] = [];
    for (let i = 0; i < 5000; i++) {
      const z = rng() * 6 - 3;
      ps.push(1 / (1 + Math.exp(-z)));
      labels.push(rng() < 1 / (1 + Math.exp(-(3 * z - 1))) ? 1 : 0);
    }
    const { a, b } = plattFit(ps, labels);
    expect(a).toBeGreaterThan(2.7);
    expect(a).toBeLessThan(3.3);
    expect(b).toBeGreaterThan(-1.3);
    expect(b).toBeLessThan(-0.7);
  });

  it('leaves calibrated probabilities about as they are', () => {
    const rng = mulberry32(2);
    const ps: number[] = [];
    const labels: number[] = [];
    for (let i = 0; i < 5000; i++) {
      const p = rng();
      ps.push(p);
      labels.push(rng() < p ? 1 : 0);
    }
    const { a, b } = plattFit(ps, labels);
    expect(Math.abs(a - 1)).toBeLessThan(0.15);
    expect(Math.abs(b)).toBeLessThan(0.15);
  });

  it('folds the calibration into the stored head: the runtime logit is a·z + b', () => {
    const texts = ['质量很好，物流也快', '做工太差了，客服不理人', '一般般吧', '包装破了，退货也不给退'];
    const txs = texts.map((t) => featurizeWith(t));
    const head = new Head(0.2, 1e-6).train(txs, [1, 0, 1, 0], 30, 3);
    const plain = runtimeModel([storeHead('quality', head, 1 << HASH_BITS, 0.3)], 0);
    const cal = runtimeModel(
      [storeHead('quality', head, 1 << HASH_BITS, 0.3, undefined, { a: 2.5, b: -1.5 })],
      0,
    );
    for (const x of txs)
      expect(runtimeLogits(cal, x)[1]!).toBeCloseTo(2.5 * runtimeLogits(plain, x)[1]! - 1.5, 3);
  });
});
