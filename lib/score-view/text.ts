/**
 * Labels for score views, in the merchant's words. No engine imports: the popup uses these and must stay
 * small.
 */
import type { Coverage } from './types';

const n = (x: number): string => x.toLocaleString('zh-CN');

/** "已采集 30 天内订单 160 / 官方 8,231 单，评价 300 / 官方 2,580 条". */
export function coverageText(c: Coverage): string {
  const orders = `已采集 ${c.windowDays} 天内订单 ${n(c.orders)}${c.officialOrders !== undefined ? ` / 官方 ${n(c.officialOrders)} 单` : ' 单'}`;
  const reviews =
    c.officialReviews !== undefined
      ? `，评价 ${n(c.reviews)} / 官方 ${n(c.officialReviews)} 条`
      : `，评价 ${n(c.reviews)} 条`;
  return orders + reviews;
}

export const COVERAGE_LABEL: Record<Coverage['level'], string> = {
  full: '数据完整',
  partial: '部分覆盖',
  low: '低覆盖 · 仅供参考',
  unknown: '覆盖率未知',
};

/** "+2", "−6", "−0.12" with a real minus sign (same rule as the engine's `signed`). */
export function signedText(v: number, digits = 1): string {
  const r = Number(v.toFixed(digits));
  if (r === 0) return '0';
  return `${r > 0 ? '+' : '−'}${Math.abs(r)}`;
}

/** "50%" for a 0–1 weight. */
export const weightText = (w: number | null | undefined): string =>
  w === null || w === undefined ? '—' : `${Math.round(w * 1000) / 10}%`;

/** Scores shown with at most one decimal. */
export const scoreText = (v: number | null | undefined): string =>
  v === null || v === undefined ? '—' : String(Math.round(v * 10) / 10);
