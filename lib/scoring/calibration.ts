/**
 * Calibration against captured official scores: per-day error of the estimate, and hidden dimension
 * weights fitted from official history by least squares constrained to the simplex (w ≥ 0, Σw = 1).
 */
import type { DimensionId, OfficialScore } from '../model';
import type { History } from './history';

export interface CalibrationReport {
  points: { date: string; estimate: number; official: number; error: number }[];
  n: number;
  /** Mean error (estimate − official): systematic over/under-estimation. */
  bias: number | null;
  mae: number | null;
  rmse: number | null;
  maxAbs: number | null;
}

/** Error of the estimate on every day that has an official score. */
export function calibrationErrors(h: History): CalibrationReport {
  const points = h.points.flatMap((p) =>
    p.value !== null && p.official !== null
      ? [{ date: p.date, estimate: p.value, official: p.official, error: p.value - p.official }]
      : [],
  );
  const n = points.length;
  if (n === 0) return { points, n, bias: null, mae: null, rmse: null, maxAbs: null };
  const e = points.map((p) => p.error);
  return {
    points,
    n,
    bias: e.reduce((s, x) => s + x, 0) / n,
    mae: e.reduce((s, x) => s + Math.abs(x), 0) / n,
    rmse: Math.sqrt(e.reduce((s, x) => s + x * x, 0) / n),
    maxAbs: Math.max(...e.map(Math.abs)),
  };
}

/** One day of evidence: the official total and the dimension values it was built from. */
export interface FitSample {
  total: number;
  dims: Partial<Record<DimensionId, number>>;
  /** Points deducted that day (added back before fitting). */
  deduction?: number;
}

export interface WeightFit {
  weights: Partial<Record<DimensionId, number>>;
  n: number;
  rmse: number;
  /** 1 − SSres/SStot (1 when the totals do not vary and the fit is exact). */
  r2: number;
  /** good: rmse ≤ 1% of the scale range; fair ≤ 3%; insufficient: fewer than k + 2 samples. */
  quality: 'good' | 'fair' | 'poor' | 'insufficient';
}

/**
 * Samples from captured official scores: the console's own dimension values where reported, else the
 * estimate's dimension values of that day (from a History).
 */
export function fitSamples(
  officials: readonly OfficialScore[],
  dims: readonly DimensionId[],
  h?: History,
): FitSample[] {
  const byDate = new Map(h?.points.map((p) => [p.date, p.estimate]) ?? []);
  const out: FitSample[] = [];
  for (const o of officials) {
    if (typeof o.value !== 'number') continue;
    const est = byDate.get(o.date);
    const values: Partial<Record<DimensionId, number>> = {};
    for (const d of dims) {
      const v = o.dimensions.find((x) => x.id === d)?.value ?? est?.dimensions.find((x) => x.id === d)?.value;
      if (v !== undefined) values[d] = v;
    }
    if (Object.keys(values).length !== dims.length) continue;
    const deduction = Math.abs(o.dimensions.find((x) => x.id === 'deduction')?.value ?? 0);
    out.push({ total: o.value, dims: values, deduction });
  }
  return out;
}

/**
 * Fits w ≥ 0, Σw = 1 minimising Σ(total + deduction − Σ w_d·dim_d)². Exact: the problem is convex, so
 * the optimum is the best feasible equality-constrained solution over the supports (2^k − 1, k ≤ 5).
 */
export function fitWeights(
  samples: readonly FitSample[],
  dims: readonly DimensionId[],
  scaleRange = 50,
): WeightFit {
  const k = dims.length;
  const X = samples.map((s) => dims.map((d) => s.dims[d] ?? 0));
  const y = samples.map((s) => s.total + (s.deduction ?? 0));
  let best: { w: number[]; ss: number } | undefined;
  for (let mask = 1; mask < 1 << k; mask++) {
    const idx = dims.map((_, i) => i).filter((i) => mask & (1 << i));
    const w = solveOnSupport(X, y, idx, k);
    if (!w || w.some((x) => x < -1e-10)) continue;
    const ss = sse(X, y, w);
    if (!best || ss < best.ss - 1e-12) best = { w: w.map((x) => Math.max(0, x)), ss };
  }
  const n = samples.length;
  const w = best?.w ?? dims.map(() => 1 / k);
  const ss = best?.ss ?? sse(X, y, w);
  const mean = y.reduce((s, v) => s + v, 0) / Math.max(1, n);
  const sst = y.reduce((s, v) => s + (v - mean) ** 2, 0);
  const rmse = Math.sqrt(ss / Math.max(1, n));
  const quality =
    n < k + 2
      ? 'insufficient'
      : rmse <= 0.01 * scaleRange
        ? 'good'
        : rmse <= 0.03 * scaleRange
          ? 'fair'
          : 'poor';
  return {
    weights: Object.fromEntries(dims.map((d, i) => [d, w[i]!])),
    n,
    rmse,
    r2: sst > 1e-12 ? 1 - ss / sst : ss < 1e-9 ? 1 : 0,
    quality,
  };
}

function sse(X: number[][], y: number[], w: number[]): number {
  return X.reduce((s, row, r) => s + (y[r]! - row.reduce((t, x, i) => t + x * w[i]!, 0)) ** 2, 0);
}

/** KKT system [2XᵀX 1; 1ᵀ 0][w; λ] = [2Xᵀy; 1] restricted to `idx`; null when singular. */
function solveOnSupport(X: number[][], y: number[], idx: number[], k: number): number[] | null {
  const m = idx.length;
  const A: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(m + 2).fill(0));
  for (let a = 0; a < m; a++) {
    for (let b = 0; b < m; b++) A[a]![b] = 2 * X.reduce((s, row) => s + row[idx[a]!]! * row[idx[b]!]!, 0);
    A[a]![m] = 1;
    A[a]![m + 1] = 2 * X.reduce((s, row, r) => s + row[idx[a]!]! * y[r]!, 0);
    A[m]![a] = 1;
  }
  A[m]![m + 1] = 1;
  const sol = gauss(A);
  if (!sol) return null;
  const w = new Array<number>(k).fill(0);
  idx.forEach((i, a) => (w[i] = sol[a]!));
  return w;
}

/** Gaussian elimination with partial pivoting on an augmented matrix. */
function gauss(A: number[][]): number[] | null {
  const n = A.length;
  const tol = 1e-12 * Math.max(1, ...A.flat().map(Math.abs));
  for (let col = 0; col < n; col++) {
    let piv = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(A[r]![col]!) > Math.abs(A[piv]![col]!)) piv = r;
    if (Math.abs(A[piv]![col]!) < tol) return null;
    [A[col], A[piv]] = [A[piv]!, A[col]!];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = A[r]![col]! / A[col]![col]!;
      for (let c = col; c <= n; c++) A[r]![c]! -= f * A[col]![c]!;
    }
  }
  return A.map((row, i) => row[n]! / row[i]!);
}
