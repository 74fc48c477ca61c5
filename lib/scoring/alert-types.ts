/** Alert kinds, settings (zod/mini, seeds' defaults) and the shapes the alarm job passes in. */
import * as z from 'zod/mini';
import type { OfficialScore } from '../model';
import type { DailyAggregate } from './aggregates';
import type { History } from './history';

export const ALERT_KINDS = [
  'bad_growth',
  'logistics_delay',
  'slow_response',
  'score_drop',
  'topic_cluster',
  'unanswered_negative',
  'reply_deadline',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

const num = (d: number) => z._default(z.number().check(z.gte(0)), d);
/** Thresholds from the seeds, editable on the options page. `AlertSettings.parse({})` gives the defaults. */
export const AlertSettings = z.object({
  /** 差评增长 >15% 日环比 … */
  badGrowthPct: num(15),
  /** … with at least this many negatives today (1 → 2 is not a trend). */
  badGrowthMin: num(3),
  /** 物流延时率 > 5% over the recent rows passed in … */
  logisticsDelayPct: num(5),
  /** … when at least this many orders were due. */
  logisticsMinOrders: num(20),
  /** 飞鸽/旺旺 response time > 10 分钟 (official indicator). */
  responseMinutes: num(10),
  /** Score drop day-over-day on a 50–100 scale … */
  scoreDropStep: num(2),
  /** … and on 5-point scales. */
  fivePointDropStep: num(0.1),
  /** ≥3 negatives on one topic within 7 days. */
  clusterMin: num(3),
  clusterDays: num(7),
  /** The seeds' 4小时响应机制. */
  unansweredHours: num(4),
  /** Warn this many hours before a reply deadline; critical in the last `deadlineCriticalHours`. */
  deadlineHours: num(24),
  deadlineCriticalHours: num(6),
  disabled: z._default(z.array(z.enum(ALERT_KINDS)), []),
});
export type AlertSettings = z.infer<typeof AlertSettings>;
export const DEFAULT_ALERT_SETTINGS: AlertSettings = AlertSettings.parse({});

export interface Alert {
  /** Dedupe key: same condition and period → same key. */
  key: string;
  /** The condition without its period; snoozing the topic silences every period. */
  topic: string;
  kind: AlertKind;
  severity: 'info' | 'warn' | 'critical';
  title: string;
  detail: string;
  storeKey: string;
  at: number;
  /** Records behind it (review/order keys). */
  refs?: string[];
  /** For deadlines: when it expires (ms). */
  dueAt?: number;
}

/** Topic facts from the text clustering (lib/text). */
export interface ClusterFact {
  topic: string;
  label?: string;
  count: number;
  /** Days the negatives span. */
  days: number;
  reviewKeys: readonly string[];
}

export interface AlertInput {
  storeKey: string;
  now: number;
  /** YYYY-MM-DD of `now` in Asia/Shanghai. */
  today: string;
  /** This store's aggregate rows for the recent days (at least today and yesterday; 7 days suggested). */
  recent: readonly DailyAggregate[];
  history?: History;
  /** Scale of the headline score (50–100 or 5-point) for the drop step. */
  scaleMax?: number;
  /** Latest official score carrying the response-time indicator. */
  official?: OfficialScore;
  clusters?: readonly ClusterFact[];
  /** Negative reviews without a reply. */
  unanswered?: readonly { key: string; createdAt: number }[];
  /** Reviews with a reply deadline. */
  deadlines?: readonly { key: string; deadline: number }[];
}

export interface Snooze {
  /** An alert key or topic. */
  key: string;
  until: number;
}
