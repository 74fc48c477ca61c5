/** Countdown wording for the inbox (the overlay has its own, smaller copy in lib/overlay/reviews.ts). */
import type { ReviewAnnotation } from '@/lib/replies/store';

const span = (ms: number): string => {
  const m = Math.floor(Math.abs(ms) / 60_000);
  const h = Math.floor(m / 60);
  return h >= 24 ? `${Math.floor(h / 24)} 天 ${h % 24} 小时` : h ? `${h} 小时 ${m % 60} 分` : `${m} 分钟`;
};

/** [text, tag class] or undefined when there is no deadline to show. */
export function countdown(d: ReviewAnnotation['deadline'], now: number): [string, string] | undefined {
  if (d.status === 'closed') return ['已过回复期', ''];
  if (d.next === undefined) return undefined;
  const left = d.next - now;
  const rule = d.rule ? `（${d.rule}）` : '';
  if (left <= 0) return [`已超时 ${span(left)}${rule}`, 'bad'];
  return [`剩 ${span(left)}${rule}`, left <= 3_600_000 ? 'warn' : ''];
}

/** Sort key: overdue and soonest first, reviews without a deadline last. */
export const urgency = (d: ReviewAnnotation['deadline']): number =>
  d.status === 'closed' ? Number.MAX_SAFE_INTEGER : (d.next ?? Number.MAX_SAFE_INTEGER - 1);
