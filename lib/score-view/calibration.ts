/**
 * Calibration as the merchant reads it: on each day with a captured official score and enough captured
 * data to stand for the window, estimate − official. Low-coverage days are counted apart: their error
 * says how little was captured, not how good the formula is.
 */
import { trustworthy } from './coverage';
import type { ScoreSnapshot } from './types';

export interface CalibrationDay {
  date: string;
  estimate: number;
  official: number;
  error: number;
  coverage: ScoreSnapshot['coverage']['level'];
}

export interface CalibrationSummary {
  days: CalibrationDay[];
  /** Days compared (coverage full or partial). */
  n: number;
  bias: number | null;
  mae: number | null;
  maxAbs: number | null;
  /** Days with an official score left out for low coverage. */
  lowCoverage: number;
}

export function calibrationOf(snapshots: readonly ScoreSnapshot[]): CalibrationSummary {
  const days: CalibrationDay[] = [];
  for (const s of snapshots) {
    const o = s.official?.value;
    const e = s.estimate.value;
    if (o === null || o === undefined || e === null) continue;
    days.push({ date: s.date, estimate: e, official: o, error: e - o, coverage: s.coverage.level });
  }
  const used = days.filter((d) => trustworthy({ level: d.coverage }));
  const n = used.length;
  const errs = used.map((d) => d.error);
  return {
    days,
    n,
    bias: n ? errs.reduce((a, b) => a + b, 0) / n : null,
    mae: n ? errs.reduce((a, b) => a + Math.abs(b), 0) / n : null,
    maxAbs: n ? Math.max(...errs.map(Math.abs)) : null,
    lowCoverage: days.length - n,
  };
}
