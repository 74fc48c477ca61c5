/**
 * The official 抖店 体验分 overview as the simulated console shows it on a given day: the 30 days of
 * data ending the day before, indicator tiers, dimension weights and the 5-point mapping. A simulator,
 * not the product's scoring engine; see score-config.ts for the demo's own indicators.
 */
import { aggregates, type DailyAggregates } from './aggregates';
import {
  DIMENSION_TITLES,
  DIMENSION_WEIGHTS,
  NODES,
  fivePoint,
  rating,
  tierScore,
  type DimKey,
  type NodeDef,
  type ValueType,
} from './score-config';
import { addDays, daysBetween } from './time';
import type { World } from './types';

export interface IndicatorScore {
  node: number;
  dimension: DimKey;
  title: string;
  /** Raw value (ratio 0–1, hours or seconds); null = no data (the console's -9999). */
  value: number | null;
  valueType: ValueType;
  /** 50–100, null without data. */
  score: number | null;
  weight: number;
  numerator: number;
  denominator: number;
  numeratorTitle: string;
  denominatorTitle: string;
}

export interface DimensionScore {
  key: DimKey;
  title: string;
  value: number;
  weight: number;
  /** value × weight */
  weighted: number;
  five: number;
  rating: string;
  indicators: IndicatorScore[];
}

export interface ExperienceScore {
  /** The day the console shows this score (YYYY-MM-DD). */
  day: string;
  /** Last day of data (the day before `day`) and the first day of the 30-day window. */
  dataDate: string;
  beginDate: string;
  /** 成长阶段 (<30 valid paid orders in the window: fixed 70) or 正式阶段. */
  stage: 'growth' | 'formal';
  windowOrders: number;
  value: number;
  five: number;
  rating: string;
  /** 差行为扣分 (the demo shop has none). */
  deduct: number;
  dimensions: Record<DimKey, DimensionScore>;
}

const WINDOW = 30;

function windowSum(arr: Int32Array | Float64Array, from: number, to: number): number {
  let s = 0;
  for (let i = Math.max(0, from); i <= to && i < arr.length; i++) s += arr[i] ?? 0;
  return s;
}

function rawCounts(
  world: World,
  a: DailyAggregates,
  def: NodeDef,
  from: number,
  to: number,
): [number, number] {
  const sum = (arr: Int32Array | Float64Array): number => windowSum(arr, from, to);
  switch (def.node) {
    case 101:
      return [sum(a.badProduct), sum(a.reviews)];
    case 102:
      return [sum(a.qualityReturns), sum(a.signed)];
    case 201: {
      const due = sum(a.due);
      return [due - sum(a.late), due];
    }
    case 202:
      return [sum(a.signedOnTime), sum(a.signed)];
    case 203:
      return [sum(a.badLogistics), sum(a.reviews)];
    case 316:
      return [Math.round(sum(a.afterSaleHours) * 10) / 10, sum(a.afterSales)];
    case 322:
    case 317: {
      let num = 0,
        den = 0;
      for (let i = Math.max(0, from); i <= to && i < world.chat.length; i++) {
        const c = world.chat[i];
        if (!c) continue;
        num += def.node === 322 ? c.responseSecSum : c.unsatisfied;
        den += c.sessions;
      }
      return [num, den];
    }
    default:
      return [0, 0];
  }
}

const cache = new WeakMap<World, Map<string, ExperienceScore>>();

/** The overview the console shows on `day` (YYYY-MM-DD). Cached per world and day. */
export function experienceScore(world: World, day: string): ExperienceScore {
  let perWorld = cache.get(world);
  if (!perWorld) cache.set(world, (perWorld = new Map()));
  const hit = perWorld.get(day);
  if (hit) return hit;
  const a = aggregates(world);
  const to = daysBetween(world.firstDay, day) - 1;
  const from = to - WINDOW + 1;
  const windowOrders = windowSum(a.paid, from, to);
  const growth = windowOrders < 30;
  // Small-shop protection: few orders and at most 3 bad reviews → every indicator scores 80.
  const protectedShop =
    !growth &&
    windowOrders < 300 &&
    windowSum(a.badProduct, from, to) + windowSum(a.badLogistics, from, to) <= 3;
  const dims = {} as Record<DimKey, DimensionScore>;
  for (const key of Object.keys(DIMENSION_WEIGHTS) as DimKey[]) {
    const indicators: IndicatorScore[] = NODES.filter((n) => n.dimension === key).map((def) => {
      const [numerator, denominator] = rawCounts(world, a, def, from, to);
      const value = def.weight > 0 && denominator > 0 ? numerator / denominator : null;
      const score = value === null ? null : growth ? 70 : protectedShop ? 80 : tierScore(def, value);
      const { node, title, weight, valueType, numeratorTitle, denominatorTitle } = def;
      return {
        node,
        dimension: key,
        title,
        value,
        valueType,
        score,
        weight,
        numerator,
        denominator,
        numeratorTitle,
        denominatorTitle,
      };
    });
    const scored = indicators.filter((i) => i.score !== null);
    const wSum = scored.reduce((s, i) => s + i.weight, 0);
    const value = growth
      ? 70
      : wSum > 0
        ? Math.round(scored.reduce((s, i) => s + (i.score ?? 0) * i.weight, 0) / wSum)
        : 80;
    const weight = DIMENSION_WEIGHTS[key];
    dims[key] = {
      key,
      title: DIMENSION_TITLES[key],
      value,
      weight,
      weighted: round2(value * weight),
      five: fivePoint(value),
      rating: rating(value),
      indicators,
    };
  }
  const value = growth ? 70 : round2(dims.goods.weighted + dims.logistics.weighted + dims.service.weighted);
  const result: ExperienceScore = {
    day,
    dataDate: addDays(day, -1),
    beginDate: addDays(day, -WINDOW),
    stage: growth ? 'growth' : 'formal',
    windowOrders,
    value,
    five: fivePoint(value),
    rating: rating(value),
    deduct: 0,
    dimensions: dims,
  };
  perWorld.set(day, result);
  return result;
}

/** Scores shown on each day from `from` to `to` inclusive. */
export function scoreHistory(world: World, from: string, to: string): ExperienceScore[] {
  const out: ExperienceScore[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(experienceScore(world, d));
  return out;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
