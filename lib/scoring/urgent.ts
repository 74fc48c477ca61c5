/** The one thing the popup shows first. */
import type { Alert, AlertKind } from './alerts';
import type { Diagnosis } from './diagnosis';
import type { Estimate } from './estimate';
import { signed } from './format';

export interface Urgent {
  kind: 'alert' | 'drop' | 'improve' | 'ok';
  severity: 'info' | 'warn' | 'critical';
  title: string;
  detail: string;
  alertKey?: string;
  refs?: string[];
}

/** Order among alerts of the same severity: act-now items first. */
const PRIORITY: readonly AlertKind[] = [
  'reply_deadline',
  'unanswered_negative',
  'score_drop',
  'logistics_delay',
  'bad_growth',
  'topic_cluster',
  'slow_response',
];

/**
 * Critical alerts (soonest deadline first) → a score drop with its diagnosis → other alerts → the
 * indicator losing the most points → "nothing urgent". Pass alerts already filtered by snoozes.
 */
export function mostUrgent(input: {
  alerts?: readonly Alert[];
  diagnosis?: Diagnosis;
  estimate?: Estimate;
}): Urgent {
  const alerts = [...(input.alerts ?? [])].sort(
    (a, b) =>
      PRIORITY.indexOf(a.kind) - PRIORITY.indexOf(b.kind) ||
      (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity) ||
      a.key.localeCompare(b.key),
  );
  const fromAlert = (a: Alert): Urgent => ({
    kind: 'alert',
    severity: a.severity,
    title: a.title,
    detail: a.detail,
    alertKey: a.key,
    ...(a.refs ? { refs: a.refs } : {}),
  });
  const critical = alerts.find((a) => a.severity === 'critical');
  if (critical) return fromAlert(critical);
  const d = input.diagnosis;
  if (d && d.delta !== null && d.delta < -1e-9) {
    const refs = d.causes.find((c) => c.cause === d.mainCause)?.entered.map((r) => r.key);
    return {
      kind: 'drop',
      severity: 'warn',
      title: `评分较 ${d.from.slice(5)} ${signed(d.delta, 2)}`,
      detail: d.summary,
      ...(refs && refs.length > 0 ? { refs } : {}),
    };
  }
  const warn = alerts.find((a) => a.severity === 'warn') ?? alerts[0];
  if (warn) return fromAlert(warn);
  const worst = [...(input.estimate?.indicators ?? [])].sort((a, b) => b.lost - a.lost)[0];
  if (worst && worst.lost >= 0.5)
    return {
      kind: 'improve',
      severity: 'info',
      title: `${worst.name}失分最多`,
      detail: `当前 ${worst.display}${worst.score !== null ? `，得分 ${Math.round(worst.score * 10) / 10}` : ''}，拖累总分 ${worst.lost.toFixed(1)} 分`,
    };
  return { kind: 'ok', severity: 'info', title: '暂无紧急事项', detail: '评分与差评均无异常' };
}
