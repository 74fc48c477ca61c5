import { describe, expect, it } from 'vitest';
import {
  bestF1Threshold,
  chooseThreshold,
  foldPrecision,
  recallAtPrecision,
  shownCounts,
  spareRecall,
  type RuleInput,
} from './thresholds';

// One topic (index 0), no lexicon words, negative reviews: a tag is shown exactly when p ≥ threshold.
const plain: RuleInput = { label: 'negative', lex: [{ words: 0, mass: 0, praised: false }] };
// Six positives and four negatives, probabilities off the grid (0.05, 0.075, …, 0.9).
const ps = [0.92, 0.81, 0.71, 0.61, 0.31, 0.21, 0.66, 0.26, 0.11, 0.11];
const ys = [1, 1, 1, 1, 1, 1, 0, 0, 0, 0];
const rule = ps.map(() => plain);

describe('display thresholds on out-of-fold probabilities', () => {
  it('counts the shown tags through the runtime display rule', () => {
    expect(shownCounts(ps, ys, rule, 0, 0.3)).toEqual({ tp: 5, fp: 1, fn: 1 });
    // Enough complaint words of the topic show it at any probability when the review is not negative…
    const lexical: RuleInput = { label: 'neutral', lex: [{ words: 2, mass: 1, praised: false }] };
    expect(shownCounts([0.01], [1], [lexical], 0, 0.5)).toEqual({ tp: 1, fp: 0, fn: 0 });
    // …and without them a review read as positive never shows the topic.
    const positive: RuleInput = { label: 'positive', lex: [{ words: 0, mass: 0, praised: false }] };
    expect(shownCounts([0.99], [1], [positive], 0, 0.5)).toEqual({ tp: 0, fp: 0, fn: 1 });
  });

  it('best F1: P 0.75, R 1; an equal F1 at a higher threshold wins when the rounding went down', () => {
    // 0.125–0.2 show the six positives and two negatives (0.66, 0.26): F1 12/14 = 0.8571…, above the
    // rounded 0.857, so each of them replaces the previous one.
    expect(bestF1Threshold(ps, ys, rule, 0)).toEqual({ t: 0.2, f1: 0.857, p: 0.75, r: 1 });
  });

  it('recall at a precision floor: the highest recall, the higher threshold on a tie', () => {
    // 0.275 and 0.3 both show five positives and one negative (P 0.833, R 0.833).
    expect(recallAtPrecision(ps, ys, rule, 0, 0.83)).toEqual({ t: 0.3, f1: 0.833, p: 0.833, r: 0.833 });
    // Above 0.66 the negatives are gone: P 1, R 0.5 up to 0.7.
    expect(recallAtPrecision(ps, ys, rule, 0, 0.9)).toEqual({ t: 0.7, f1: 0.667, p: 1, r: 0.5 });
    expect(recallAtPrecision(ps, ys, rule, 0, 1.01)).toBeUndefined();
  });

  it('applies the floor to quality, logistics and service only, and falls back to the best F1', () => {
    const goal = { objective: 'recall-at-p', floor: 0.83 } as const;
    expect(chooseThreshold('service', ps, ys, rule, 0, goal)).toMatchObject({ t: 0.3, reached: true });
    expect(chooseThreshold('mismatch', ps, ys, rule, 0, goal)).toMatchObject({ t: 0.2, reached: false });
    expect(chooseThreshold('quality', ps, ys, rule, 0, { ...goal, floor: 1.01 })).toMatchObject({
      t: 0.2,
      reached: false,
    });
    expect(chooseThreshold('quality', ps, ys, rule, 0, { objective: 'f1', floor: 0.83 })).toMatchObject({
      t: 0.2,
      reached: false,
    });
  });

  it('spends spare precision of the shared reviews on recall: only lower thresholds, only the recall topics', () => {
    // Chosen at 0.3 elsewhere; here 0.125–0.2 keep P 0.75 ≥ 0.7 with recall 1: the highest of them.
    expect(spareRecall('quality', 0.3, ps, ys, rule, 0, 0.7)).toEqual({ t: 0.2, f1: 0.857, p: 0.75, r: 1 });
    // At a 0.83 floor the best threshold is 0.3 itself: nothing moves; at 0.9 it is higher: nothing moves.
    expect(spareRecall('logistics', 0.3, ps, ys, rule, 0, 0.83)).toBeUndefined();
    expect(spareRecall('service', 0.3, ps, ys, rule, 0, 0.9)).toBeUndefined();
    // Mismatch and price have no recall target; no shared reviews, no move.
    expect(spareRecall('mismatch', 0.3, ps, ys, rule, 0, 0.7)).toBeUndefined();
    expect(spareRecall('quality', 0.3, [], [], [], 0, 0.7)).toBeUndefined();
  });

  it('gives the precision of each fold', () => {
    const fold = [0, 0, 0, 1, 1, 1, 0, 1, 1, 1];
    // At 0.3: fold 0 shows 0.92, 0.81, 0.71, 0.66 (three right), fold 1 shows 0.61, 0.31 (both right).
    expect(foldPrecision(ps, ys, rule, 0, 0.3, fold, 2)).toEqual([0.75, 1]);
  });
});
