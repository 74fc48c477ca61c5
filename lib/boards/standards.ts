/**
 * The figures the merchant guides measure against (issue #16), as data. `better` says which way is good;
 * a value is graded `excellent`, `industry` (meets the industry line) or `below`.
 */
export interface Standard {
  label: string;
  industry: number;
  excellent: number;
  better: 'higher' | 'lower';
}

export const LOGISTICS_STANDARDS = {
  onTimeShip: { label: '发货及时率', industry: 0.85, excellent: 0.98, better: 'higher' },
  collectDelay: { label: '揽收延误率', industry: 0.05, excellent: 0.01, better: 'lower' },
  damage: { label: '破损率', industry: 0.003, excellent: 0.001, better: 'lower' },
} as const satisfies Record<string, Standard>;

export type Grade = 'excellent' | 'industry' | 'below';

export function grade(value: number, s: Standard): Grade {
  const ok = (line: number) => (s.better === 'higher' ? value >= line : value <= line);
  return ok(s.excellent) ? 'excellent' : ok(s.industry) ? 'industry' : 'below';
}

export const GRADE_LABEL: Readonly<Record<Grade, string>> = {
  excellent: '优秀',
  industry: '达标',
  below: '未达标',
};

/** Service standards of the guides (seconds) and the alert line for response time. */
export const SERVICE_STANDARDS = {
  consultSec: 30,
  afterSaleApplySec: 5 * 60,
  disputeSec: 30 * 60,
  responseAlertSec: 10 * 60,
} as const;

/** The guides' 差评挽回率 by complaint category. */
export const WINBACK_GUIDE = { logistics: 0.68, service: 0.52, quality: 0.45, mismatch: 0.35 } as const;

/** The guides' review-invitation results: 主动评价率 12 % → 37 %, 追评率 +15 %, 晒图率 +22 %. */
export const INVITATION_GUIDE = {
  reviewRateBefore: 0.12,
  reviewRateAfter: 0.37,
  appendGain: 0.15,
  photoGain: 0.22,
};

/** A product whose defect rate passes this is flagged (the guides' supplier line). */
export const DEFECT_WARN = 0.03;
