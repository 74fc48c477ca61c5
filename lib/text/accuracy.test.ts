import { describe, expect, it } from 'vitest';
import labelled from './__fixtures__/labelled-reviews.json';
import { evaluate, isHeldOut, type LabelledReview } from './accuracy';
import { analyzeText } from './analyze';
import { REVIEW_CATEGORIES } from './types';

const items = labelled as LabelledReview[];
// These hand-written reviews speak the lexicon's own vocabulary (issue #11: a closed loop), so they measure
// the lexicon layer; the analyzer as a whole is measured on real reviews (npm run bench -- --only=text-real).
const predict = (r: LabelledReview) => {
  const a = analyzeText(r.text, r.stars === undefined ? { model: false } : { stars: r.stars, model: false });
  return { categories: a.categories, sentiment: a.sentiment.label };
};

describe('labelled set', () => {
  it('has ≥200 well-formed items and a ~30 % held-out part', () => {
    expect(items.length).toBeGreaterThanOrEqual(200);
    for (const r of items) {
      expect(r.categories.every((c) => (REVIEW_CATEGORIES as readonly string[]).includes(c))).toBe(true);
      expect(['positive', 'neutral', 'negative']).toContain(r.sentiment);
    }
    const held = items.filter((r) => isHeldOut(r.text)).length / items.length;
    expect(held).toBeGreaterThan(0.2);
    expect(held).toBeLessThan(0.4);
  });

  // Floors sit a little under the measured values (see scripts/text-accuracy.ts), so a regression fails.
  it('development part: macro F1 ≥ 0.88, sentiment ≥ 0.88', () => {
    const r = evaluate(
      items.filter((x) => !isHeldOut(x.text)),
      predict,
    );
    expect(r.macroF1).toBeGreaterThanOrEqual(0.88);
    expect(r.sentimentAccuracy).toBeGreaterThanOrEqual(0.88);
  });

  it('held-out part (never tuned on): macro F1 ≥ 0.8, sentiment ≥ 0.75', () => {
    const r = evaluate(
      items.filter((x) => isHeldOut(x.text)),
      predict,
    );
    expect(r.macroF1).toBeGreaterThanOrEqual(0.8);
    expect(r.sentimentAccuracy).toBeGreaterThanOrEqual(0.75);
  });

  it('whole set: macro F1 ≥ 0.8', () => {
    expect(evaluate(items, predict).macroF1).toBeGreaterThanOrEqual(0.8);
  });
});

describe('evaluate', () => {
  it('computes precision, recall and F1 per category', () => {
    const gold: LabelledReview[] = [
      { text: 'a', categories: ['quality'], sentiment: 'negative' },
      { text: 'b', categories: ['quality', 'price'], sentiment: 'negative' },
      { text: 'c', categories: [], sentiment: 'positive' },
    ];
    const preds = { a: ['quality'], b: ['quality'], c: ['price'] } as const;
    const r = evaluate(gold, (x) => ({
      categories: preds[x.text as 'a' | 'b' | 'c'],
      sentiment: 'negative',
    }));
    const q = r.perCategory.find((c) => c.category === 'quality');
    const p = r.perCategory.find((c) => c.category === 'price');
    expect(q).toMatchObject({ tp: 2, fp: 0, fn: 0, f1: 1 });
    expect(p).toMatchObject({ tp: 0, fp: 1, fn: 1, precision: 0, recall: 0, f1: 0 });
    expect(r.macroF1).toBe(0.5);
    expect(r.sentimentAccuracy).toBeCloseTo(0.667, 3);
  });
});
