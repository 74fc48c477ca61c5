/** Chinese display helpers shared by the estimate, diagnosis, forecast and alerts. */
import type { CounterId } from './counters';
import type { IndicatorDef } from './profile-types';

/** A value in its unit: rates as %, stars with 2 decimals, seconds/hours rounded. */
export function formatValue(unit: IndicatorDef['unit'], v: number | null): string {
  if (v === null) return '无数据';
  switch (unit) {
    case '%':
      return `${(v * 100).toFixed(v < 0.01 ? 2 : 1)}%`;
    case '星':
      return v.toFixed(2);
    case '分':
      return trim(v.toFixed(1));
    case '秒':
      return `${Math.round(v)}秒`;
    case '小时':
      return `${trim(v.toFixed(1))}小时`;
  }
}

const trim = (s: string): string => s.replace(/\.0$/, '');

/** "+2", "−6", "−0.12" with a real minus sign, at most `digits` decimals. */
export function signed(v: number, digits = 1): string {
  const r = Number(v.toFixed(digits));
  if (r === 0) return '0';
  return `${r > 0 ? '+' : '−'}${Math.abs(r)}`;
}

/** "2026-11-18" → "11-18". */
export const mmdd = (day: string): string => day.slice(5);

/** What one record's counter means, for "which records cost points" lists. */
export const COUNTER_LABELS: Partial<Record<CounterId, string>> = {
  sp1: '商品 1 星',
  sp2: '商品 2 星',
  sp3: '商品 3 星',
  sp4: '商品 4 星',
  sl1: '物流 1 星',
  sl2: '物流 2 星',
  sl3: '物流 3 星',
  sl4: '物流 4 星',
  ss1: '服务 1 星',
  ss2: '服务 2 星',
  ss3: '服务 3 星',
  ss4: '服务 4 星',
  negDamage: '破损差评',
  shipLate: '发货超时',
  shipPending: '超时未发货',
  colLate: '揽收超时',
  colPending: '超时未揽收',
  colH24: '揽收 12–24 小时',
  colH36: '揽收 24–36 小时',
  colH48: '揽收 36–48 小时',
  colH72: '揽收 48–72 小时',
  colHMore: '揽收超过 72 小时',
  delLate: '配送超时',
  asLogistics: '物流品质售后',
  asQuality: '品质售后',
  asDamage: '破损售后',
  asDescription: '描述不符售后',
};
