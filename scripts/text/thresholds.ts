/**
 * Display thresholds of the topic heads, chosen on out-of-fold probabilities through the runtime display
 * rule (`topicShown`: lexicon and sentiment included), for `npm run train:text` (issue #11).
 *
 * Two objectives:
 * - `f1`: the threshold with the best F1 of the shown tags (the trainer's default);
 * - `recall-at-p`: for the topics whose target is a recall at a precision (quality, logistics, service),
 *   the threshold with the highest recall among those whose precision is at least `floor`; when none
 *   reaches the floor, the best F1. The other topics keep the best F1.
 * Under both, the trainer chooses each topic's recipe by its best F1. Under `f1`, `spareRecall` then lowers
 * the threshold of quality, logistics or service where the shared reviews show precision to spare.
 * Figures and the choices: docs/text-model.md ("Sixth round", "Ninth round").
 */
import type { SentimentLabel, TopicCategory } from '../../lib/text/types';
import { topicShown, type TopicLexicon } from '../../lib/text/model/learned';

export type ThresholdObjective = 'f1' | 'recall-at-p';
export const THRESHOLD_OBJECTIVES: readonly ThresholdObjective[] = ['f1', 'recall-at-p'];

/** Topics whose target is recall ≥ 0.85 at precision ≥ 0.80 (issue #11). */
export const RECALL_TOPICS: readonly TopicCategory[] = ['quality', 'logistics', 'service'];
/** Target precision 0.80 plus a safety margin of 0.03 (about two standard errors of the OOF precision). */
export const PRECISION_FLOOR = 0.83;

/** The searched thresholds: 0.05 to 0.9 in steps of 0.025 (below 0.05 no topic is near the floor). */
export const THRESHOLD_GRID: readonly number[] = Array.from({ length: 35 }, (_, k) => 0.05 + k * 0.025);

/** Per-review facts the display rule needs besides the head's probability (see `topicShown`). */
export interface RuleInput {
  lex: TopicLexicon[];
  label: SentimentLabel;
}

export interface ThresholdFigures {
  t: number;
  f1: number;
  p: number;
  r: number;
}

export interface Goal {
  objective: ThresholdObjective;
  floor: number;
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

/** True positives, false positives and false negatives of the shown tags of topic `t` at threshold `th`. */
export function shownCounts(
  ps: readonly number[],
  ys: readonly number[],
  rule: readonly RuleInput[],
  t: number,
  th: number,
): { tp: number; fp: number; fn: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  ps.forEach((p, i) => {
    const shown = topicShown(p, th, rule[i]!.lex[t]!, rule[i]!.label);
    if (shown && ys[i]) tp++;
    else if (shown) fp++;
    else if (ys[i]) fn++;
  });
  return { tp, fp, fn };
}

function figures(
  th: number,
  c: { tp: number; fp: number; fn: number },
): ThresholdFigures & { f1raw: number } {
  const f1raw = c.tp ? (2 * c.tp) / (2 * c.tp + c.fp + c.fn) : 0;
  return {
    t: Math.round(th * 1000) / 1000,
    f1: r3(f1raw),
    p: r3(c.tp / (c.tp + c.fp)),
    r: r3(c.tp / (c.tp + c.fn)),
    f1raw,
  };
}

/**
 * The threshold with the best F1 of the shown tags of topic `t`. Each threshold is compared with the best
 * F1 *rounded to 3 decimals*, as the trainer always did (this keeps `npm run train:text` byte-identical),
 * so an F1 equal to the best one at a higher threshold replaces it unless the rounding went up.
 */
export function bestF1Threshold(
  ps: readonly number[],
  ys: readonly number[],
  rule: readonly RuleInput[],
  t: number,
  grid: readonly number[] = THRESHOLD_GRID,
): ThresholdFigures {
  let best: ThresholdFigures = { t: 0.5, f1: -1, p: 0, r: 0 };
  for (const th of grid) {
    const { f1raw, ...f } = figures(th, shownCounts(ps, ys, rule, t, th));
    if (f1raw > best.f1 + 1e-9) best = f;
  }
  return best;
}

/**
 * The threshold with the highest recall of the shown tags of topic `t` among those with precision ≥
 * `floor` (ties keep the higher threshold, i.e. the higher precision); undefined when none reaches it.
 */
export function recallAtPrecision(
  ps: readonly number[],
  ys: readonly number[],
  rule: readonly RuleInput[],
  t: number,
  floor: number,
  grid: readonly number[] = THRESHOLD_GRID,
): ThresholdFigures | undefined {
  let best: ThresholdFigures | undefined;
  let bestR = -1;
  for (const th of grid) {
    const c = shownCounts(ps, ys, rule, t, th);
    if (c.tp === 0 || c.tp / (c.tp + c.fp) < floor) continue;
    const r = c.tp / (c.tp + c.fn);
    if (r >= bestR - 1e-12) {
      const { f1raw: _, ...f } = figures(th, c);
      best = f;
      bestR = r;
    }
  }
  return best;
}

/** The figures of topic `t` at the given threshold. */
export function figuresAt(
  ps: readonly number[],
  ys: readonly number[],
  rule: readonly RuleInput[],
  t: number,
  th: number,
): ThresholdFigures {
  const { f1raw: _, ...f } = figures(th, shownCounts(ps, ys, rule, t, th));
  return f;
}

/**
 * The display threshold of `topic` under `goal`, with `reached` telling whether the precision floor was
 * met (always false for a topic or objective that uses the best F1).
 */
export function chooseThreshold(
  topic: TopicCategory,
  ps: readonly number[],
  ys: readonly number[],
  rule: readonly RuleInput[],
  t: number,
  goal: Goal,
): ThresholdFigures & { reached: boolean } {
  if (goal.objective === 'recall-at-p' && RECALL_TOPICS.includes(topic)) {
    const r = recallAtPrecision(ps, ys, rule, t, goal.floor);
    if (r) return { ...r, reached: true };
  }
  return { ...bestF1Threshold(ps, ys, rule, t), reached: false };
}

/**
 * Spare precision spent on recall (ninth round): for quality, logistics and service, a lower threshold than
 * the chosen one when the shared-style reviews (`ps`, `ys`, `rule`: the hand-labelled reviews drawn like the
 * held-out ones) keep precision ≥ `floor` there: the highest-recall such threshold. Never a higher one: a
 * topic without spare precision keeps its threshold. Undefined when nothing moves.
 */
export function spareRecall(
  topic: TopicCategory,
  chosen: number,
  ps: readonly number[],
  ys: readonly number[],
  rule: readonly RuleInput[],
  t: number,
  floor: number,
): ThresholdFigures | undefined {
  if (!RECALL_TOPICS.includes(topic) || !ps.length) return undefined;
  const r = recallAtPrecision(ps, ys, rule, t, floor);
  return r && r.t < chosen - 1e-9 ? r : undefined;
}

/** Precision of the shown tags in each fold at threshold `th` (`fold[i]` in 0..folds-1). */
export function foldPrecision(
  ps: readonly number[],
  ys: readonly number[],
  rule: readonly RuleInput[],
  t: number,
  th: number,
  fold: readonly number[],
  folds: number,
): number[] {
  return Array.from({ length: folds }, (_, k) => {
    const idx = ps.map((_, i) => i).filter((i) => fold[i] === k);
    const c = shownCounts(
      idx.map((i) => ps[i]!),
      idx.map((i) => ys[i]!),
      idx.map((i) => rule[i]!),
      t,
      th,
    );
    return r3(c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0);
  });
}
