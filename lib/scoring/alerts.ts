/**
 * Alert conditions as pure functions (the alarm job calls `evaluateAlerts` and notifies the ones whose
 * key it has not stored yet and that are not snoozed). Keys are stable: the same condition in the same
 * period yields the same key, so re-evaluating every few minutes never duplicates a notification.
 */
import type { OfficialScore } from '../model';
import { addDays } from '../model';
import type { Alert, AlertInput, AlertSettings, Snooze } from './alert-types';
import { DEFAULT_ALERT_SETTINGS } from './alert-types';
import { HOURS } from './classify';
import { get } from './counters';
import { signed } from './format';

export * from './alert-types';

/** Whether `alertKey` is silenced by a snooze on it or on its topic (a `|`-prefix). */
export function isSnoozed(alertKey: string, snoozes: readonly Snooze[], now: number): boolean {
  return snoozes.some((s) => s.until > now && (s.key === alertKey || alertKey.startsWith(`${s.key}|`)));
}

/** Every alert whose condition holds now, minus disabled kinds. */
export function evaluateAlerts(input: AlertInput, settings: AlertSettings = DEFAULT_ALERT_SETTINGS): Alert[] {
  const { storeKey: s, now, today } = input;
  const out: Alert[] = [];
  const add = (a: Omit<Alert, 'storeKey' | 'at' | 'topic'>, period?: string): void => {
    const topic = period ? a.key : a.key.split('|').slice(0, 2).join('|');
    out.push({ ...a, key: period ? `${a.key}|${period}` : a.key, topic, storeKey: s, at: now });
  };
  const row = (d: string) => input.recent.find((r) => r.date === d)?.c ?? {};

  const negToday = get(row(today), 'neg');
  const negYesterday = get(row(addDays(today, -1)), 'neg');
  const growth = negYesterday > 0 ? ((negToday - negYesterday) * 100) / negYesterday : Infinity;
  if (negToday >= settings.badGrowthMin && growth > settings.badGrowthPct)
    add(
      {
        key: `bad_growth|${s}`,
        kind: 'bad_growth',
        severity: 'warn',
        title: '差评增长',
        detail: `今日 ${negToday} 条差评，昨日 ${negYesterday} 条${Number.isFinite(growth) ? `（+${Math.round(growth)}%）` : ''}`,
      },
      today,
    );

  let due = 0;
  let late = 0;
  let colDue = 0;
  let colLate = 0;
  for (const r of input.recent) {
    if (r.date > today) continue;
    // A deadline that falls today may still be met: only earlier days' pending orders are late.
    const pending = r.date < today;
    due += get(r.c, 'shipDue') - (pending ? 0 : get(r.c, 'shipPending'));
    late += get(r.c, 'shipLate') + (pending ? get(r.c, 'shipPending') : 0);
    colDue += get(r.c, 'colDue') - (pending ? 0 : get(r.c, 'colPending'));
    colLate += get(r.c, 'colLate') + (pending ? get(r.c, 'colPending') : 0);
  }
  const shipRate = due > 0 ? (late / due) * 100 : 0;
  const colRate = colDue > 0 ? (colLate / colDue) * 100 : 0;
  const rate = Math.max(shipRate, colRate);
  if (Math.max(due, colDue) >= settings.logisticsMinOrders && rate > settings.logisticsDelayPct)
    add(
      {
        key: `logistics_delay|${s}`,
        kind: 'logistics_delay',
        severity: rate > 2 * settings.logisticsDelayPct ? 'critical' : 'warn',
        title: '物流延时率偏高',
        detail: `近 ${input.recent.length} 天发货超时 ${shipRate.toFixed(1)}%（${late}/${due}），揽收超时 ${colRate.toFixed(1)}%（${colLate}/${colDue}），阈值 ${settings.logisticsDelayPct}%`,
      },
      today,
    );

  const minutes = responseMinutes(input.official);
  if (minutes !== null && minutes > settings.responseMinutes)
    add(
      {
        key: `slow_response|${s}`,
        kind: 'slow_response',
        severity: 'warn',
        title: '客服响应慢',
        detail: `后台人工平均响应时长 ${minutes.toFixed(1)} 分钟，阈值 ${settings.responseMinutes} 分钟`,
      },
      today,
    );

  const h = input.history;
  const drop = h ? (h.official.vsYesterday ?? h.estimate.vsYesterday) : null;
  const step = (input.scaleMax ?? 100) <= 5 ? settings.fivePointDropStep : settings.scoreDropStep;
  if (drop !== null && step > 0 && drop <= -step + 1e-9)
    add(
      {
        key: `score_drop|${s}`,
        kind: 'score_drop',
        severity: drop <= -2 * step ? 'critical' : 'warn',
        title: '评分下降',
        detail: `较昨日 ${signed(drop, 2)}（${h?.official.vsYesterday !== null ? '后台分' : '估算'}）`,
      },
      today,
    );

  for (const c of input.clusters ?? []) {
    if (c.count < settings.clusterMin || c.days > settings.clusterDays) continue;
    const seed = [...c.reviewKeys].sort().slice(0, settings.clusterMin).join(',');
    add({
      key: `topic_cluster|${s}|${c.topic}|${fnv1a(seed)}`,
      kind: 'topic_cluster',
      severity: 'warn',
      title: `差评集中：${c.label ?? c.topic}`,
      detail: `${c.days} 天内 ${c.count} 条差评提到「${c.label ?? c.topic}」`,
      refs: [...c.reviewKeys],
    });
  }
  for (const u of input.unanswered ?? []) {
    const hours = (now - u.createdAt) / HOURS;
    if (hours >= settings.unansweredHours)
      add({
        key: `unanswered_negative|${u.key}`,
        kind: 'unanswered_negative',
        severity: 'warn',
        title: '差评未回复',
        detail: `已 ${Math.floor(hours)} 小时未回复（${settings.unansweredHours} 小时响应机制）`,
        refs: [u.key],
      });
  }
  for (const d of input.deadlines ?? []) {
    const left = (d.deadline - now) / HOURS;
    if (left <= 0 || left > settings.deadlineHours) continue;
    const critical = left <= settings.deadlineCriticalHours;
    // The stage is part of the key: escalating to critical notifies once more.
    add({
      key: `reply_deadline|${d.key}|${critical ? 'critical' : 'warn'}`,
      kind: 'reply_deadline',
      severity: critical ? 'critical' : 'warn',
      title: '回复即将截止',
      detail: `还剩 ${left < 1 ? `${Math.max(1, Math.round(left * 60))} 分钟` : `${Math.floor(left)} 小时`}可回复`,
      refs: [d.key],
      dueAt: d.deadline,
    });
  }
  return out.filter((a) => !settings.disabled.includes(a.kind));
}

/** Response time in minutes from an official indicator named …响应时长…; seconds unless it says 分钟 [G]. */
export function responseMinutes(official: OfficialScore | undefined): number | null {
  const ind = official?.indicators.find((x) => /响应时长|响应时间/.test(x.name) && x.value !== null);
  if (!ind || ind.value === null) return null;
  const unit = `${ind.unit ?? ''} ${ind.display ?? ''}`;
  return /分钟|min/i.test(unit) ? ind.value : ind.value / 60;
}

/** Short stable hash for keys (FNV-1a 32-bit, hex). */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}
