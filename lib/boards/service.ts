/**
 * 客服看板 (issue #16): the consoles' own service indicators over time, from captured official scores —
 * response time (飞鸽/旺旺/咚咚), 3-minute reply rate, dissatisfaction, after-sale handling time and the
 * dispute (纠纷/平台求助) rate — in common units, against the guides' standards, with the 响应时长 > 10
 * 分钟 alert. Pure; indicators are recognised by their console names, whatever the platform.
 */
import type { OfficialScore, ScoreIndicator } from '../model';
import { SERVICE_STANDARDS } from './standards';

export type ServiceMetric =
  'responseSec' | 'reply3mRate' | 'dissatisfaction' | 'afterSaleSec' | 'disputeRate';

export const SERVICE_METRICS: readonly {
  id: ServiceMetric;
  label: string;
  kind: 'seconds' | 'rate';
  /** Names the consoles use (抖店 nodes, 千牛 真实体验分, 拼多多, 快手). */
  match: RegExp;
  /** The guides' line, when they give one (seconds or a 0–1 rate), and which way is good. */
  target?: number;
  better: 'higher' | 'lower';
}[] = [
  {
    id: 'responseSec',
    label: '客服响应时长',
    kind: 'seconds',
    match: /响应时长|回复时长|响应时间/,
    target: SERVICE_STANDARDS.consultSec,
    better: 'lower',
  },
  { id: 'reply3mRate', label: '3分钟回复率', kind: 'rate', match: /3分钟|三分钟/, better: 'higher' },
  { id: 'dissatisfaction', label: '不满意率', kind: 'rate', match: /不满意率/, better: 'lower' },
  {
    id: 'afterSaleSec',
    label: '售后处理时长',
    kind: 'seconds',
    match: /售后.*时长|退款处理时长|审核时长/,
    target: SERVICE_STANDARDS.afterSaleApplySec,
    better: 'lower',
  },
  { id: 'disputeRate', label: '纠纷率', kind: 'rate', match: /纠纷率|求助率|介入率|投诉率/, better: 'lower' },
];

const SECONDS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(second|秒|s)$/i, 1],
  [/^(minute|分钟|分|min)$/i, 60],
  [/^(hour|小时|h)$/i, 3600],
  [/^(day|天)$/i, 86_400],
];

/** An indicator's value in seconds (time) or as a 0–1 rate; undefined when its unit is not understood. */
export function normalize(ind: ScoreIndicator, kind: 'seconds' | 'rate'): number | undefined {
  const v = ind.value;
  if (v === null || !Number.isFinite(v)) return undefined;
  const unit = (ind.unit ?? '').trim();
  if (kind === 'seconds') {
    const f = SECONDS.find(([re]) => re.test(unit))?.[1];
    if (f !== undefined) return v * f;
    if (/分钟/.test(ind.name)) return v * 60;
    if (/小时/.test(ind.name)) return v * 3600;
    return /秒/.test(ind.name) ? v : undefined;
  }
  if (unit === '%') return v / 100;
  if (/^(percent|ratio|rate)$/i.test(unit) || unit === '') return v > 1 ? v / 100 : v;
  return undefined;
}

export interface ServicePoint {
  date: string;
  value: number;
  /** The indicator's name as the console showed it. */
  source: string;
}

export interface ServiceSeries {
  id: ServiceMetric;
  label: string;
  kind: 'seconds' | 'rate';
  target?: number;
  better: 'higher' | 'lower';
  points: ServicePoint[];
  latest?: ServicePoint;
}

export interface ServiceBoard {
  series: ServiceSeries[];
  /** Days whose response time passed 10 minutes (the guides' alert). */
  alerts: ServicePoint[];
}

/** One point per metric and day (the latest captured score of the day), oldest first. */
export function serviceBoard(scores: readonly OfficialScore[]): ServiceBoard {
  const sorted = [...scores].sort((a, b) => a.date.localeCompare(b.date) || a.capturedAt - b.capturedAt);
  const series = SERVICE_METRICS.map((m) => {
    const byDay = new Map<string, ServicePoint>();
    for (const s of sorted)
      for (const ind of s.indicators) {
        if (!m.match.test(ind.name) || (m.id === 'afterSaleSec' && /响应/.test(ind.name))) continue;
        if (m.id === 'dissatisfaction' && !/不满意/.test(ind.name)) continue;
        const value = normalize(ind, m.kind);
        if (value !== undefined) byDay.set(s.date, { date: s.date, value, source: ind.name });
      }
    const points = [...byDay.values()];
    return {
      id: m.id,
      label: m.label,
      kind: m.kind,
      target: m.target,
      better: m.better,
      points,
      latest: points.at(-1),
    };
  });
  const response = series.find((s) => s.id === 'responseSec');
  const alerts = (response?.points ?? []).filter((p) => p.value > SERVICE_STANDARDS.responseAlertSec);
  return { series, alerts };
}

/** "42 秒", "6.5 分钟", "3.2 小时". */
export function formatSeconds(sec: number): string {
  if (sec < 120) return `${Math.round(sec)} 秒`;
  if (sec < 7200) return `${(sec / 60).toFixed(1)} 分钟`;
  return `${(sec / 3600).toFixed(1)} 小时`;
}
