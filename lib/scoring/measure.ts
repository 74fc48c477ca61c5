/**
 * Evaluates a profile measure on counter sums. The same function runs on a window's totals and on one
 * record's counters, so a record's share of an indicator's loss is deficit(record) / deficit(window).
 */
import type { CounterId, Counters } from './counters';
import { get, sumOf } from './counters';
import type { Measure } from './profile-types';

export interface MeasureResult {
  /** null = no data in the window. */
  value: number | null;
  numerator?: number;
  denominator?: number;
  /**
   * "Badness units" behind the value: bad events for a ratio, Σ(5 − star) for stars, Σ(100 − score)
   * for buckets, blamed records for a mean. Additive over records.
   */
  deficit: number;
  /** Bad events for 抖店 small-shop protection (1–2★ for stars, the `bad` counters for a ratio). */
  bad: number;
}

const STAR = [1, 2, 3, 4, 5] as const;
const starId = (dim: 'p' | 'l' | 's', k: number): CounterId => `s${dim}${k}` as CounterId;

export function evalMeasure(m: Measure, c: Counters): MeasureResult {
  switch (m.kind) {
    case 'ratio': {
      const den = sumOf(c, m.den);
      const bad = sumOf(c, m.bad);
      const alt = m.badAlt ? sumOf(c, m.badAlt) : 0;
      const worst = Math.min(den, Math.max(bad, alt));
      const num = m.invert ? den - worst : worst;
      return { value: den > 0 ? num / den : null, numerator: num, denominator: den, deficit: bad + alt, bad };
    }
    case 'stars': {
      let n = 0;
      let sum = 0;
      for (const k of STAR) {
        const x = get(c, starId(m.dim, k));
        n += x;
        sum += k * x;
      }
      if (m.excludeDefault) {
        n -= get(c, `d${m.dim}N` as CounterId);
        sum -= get(c, `d${m.dim}Sum` as CounterId);
      }
      const bad = get(c, starId(m.dim, 1)) + get(c, starId(m.dim, 2));
      return { value: n > 0 ? sum / n : null, numerator: sum, denominator: n, deficit: 5 * n - sum, bad };
    }
    case 'buckets': {
      const best = Math.max(...m.buckets.value.map((b) => b.score));
      let n = 0;
      let sum = 0;
      let deficit = 0;
      for (const b of m.buckets.value) {
        const x = get(c, b.counter);
        n += x;
        sum += b.score * x;
        deficit += (best - b.score) * x;
      }
      return { value: n > 0 ? sum / n : null, numerator: sum, denominator: n, deficit, bad: 0 };
    }
    case 'mean': {
      const n = get(c, m.n);
      const sum = get(c, m.sum);
      return {
        value: n > 0 ? sum / n : null,
        numerator: sum,
        denominator: n,
        deficit: sumOf(c, m.blame),
        bad: 0,
      };
    }
    case 'official':
      return { value: null, deficit: 0, bad: 0 };
  }
}
