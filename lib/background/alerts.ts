/**
 * Alerts: the engine's conditions (lib/scoring/alerts.ts) evaluated on the store's recent aggregates,
 * official score, negative-review clusters and unanswered reviews; stored by condition so a condition
 * notifies once while it holds. Notifications, the badge and snoozes are in alert-signals.ts.
 */
import type { KoubeiDb } from '../db';
import type { OfficialScore, Order, Review } from '../model';
import { DAY_MS, addDays } from '../model';
import { negativesIn, type RecordCache } from '../score-queries';
import type { AlertRow } from '../score-view/types';
import type { DailyAggregate } from '../scoring/aggregates';
import type { Alert, AlertSettings, ClusterFact } from '../scoring/alert-types';
import { AlertSettings as AlertSettingsSchema } from '../scoring/alert-types';
import { evaluateAlerts, isSnoozed } from '../scoring/alerts';
import type { History } from '../scoring/history';
import { alertSettingsItem, alertSnoozesItem } from '../settings';
import { analyzeReview } from '../text/analyze';
import { notify } from './alert-signals';
import { clusterAlerts } from '../text/clusters';
import { teamOutbox, type TeamEnqueue } from './team-enqueue';

/** Negative reviews younger than this are checked for the 4-hour reply rule (older ones are the inbox's). */
const UNANSWERED_LOOKBACK_DAYS = 3;
/** Reply deadlines are looked for among negatives of this many days (淘宝 评价解释: 30 days). */
const DEADLINE_LOOKBACK_DAYS = 30;

export async function readAlertSettings(): Promise<AlertSettings> {
  const r = AlertSettingsSchema.safeParse(await alertSettingsItem.getValue());
  return r.success ? r.data : AlertSettingsSchema.parse({});
}

const isReview = (r: Review | Order): r is Review => 'reviewId' in r;
/** 差评 as the counters count it: any dimension 1–2★ or labelled bad. */
const isBad = (r: Review): boolean =>
  r.polarity === 'bad' ||
  [r.star, r.starProduct, r.starLogistics, r.starService].some((s) => s !== undefined && s <= 2);

/** Negative-review topic clusters of the last `days` days (lib/text), as the alert engine takes them. */
export function clusterFacts(
  reviews: readonly Review[],
  now: number,
  settings: AlertSettings,
): ClusterFact[] {
  const items = reviews
    .filter(isBad)
    .map((r) => ({ key: r.key, at: r.createdAt, hits: analyzeReview(r).hits }));
  return clusterAlerts(items, { now, windowDays: settings.clusterDays, threshold: settings.clusterMin }).map(
    (c) => ({
      topic: c.topic,
      label: c.topic,
      count: c.count,
      days: Math.max(1, Math.ceil((c.lastAt - c.firstAt) / DAY_MS)),
      reviewKeys: c.reviewKeys,
    }),
  );
}

export interface StoreAlertInput {
  storeKey: string;
  /** Records this job already read (the score refresh shares them with its diagnosis). */
  records?: RecordCache;
  now: number;
  today: string;
  /** Aggregates of at least the last 7 days. */
  rows: readonly DailyAggregate[];
  /** Deltas for the score-drop rule (official where captured; estimate only when coverage allows). */
  history?: History;
  scaleMax: number;
  official?: OfficialScore;
}

/** Evaluates one store's conditions and stores them; returns its active, not snoozed alerts. */
export async function evaluateStore(db: KoubeiDb, input: StoreAlertInput): Promise<AlertRow[]> {
  const [settings, snoozes] = await Promise.all([readAlertSettings(), alertSnoozesItem.getValue()]);
  const { storeKey, now, today } = input;
  const lookback = Math.max(DEADLINE_LOOKBACK_DAYS, settings.clusterDays);
  const negatives = (
    await negativesIn(db, storeKey, addDays(today, -lookback), today, {
      kind: 'review',
      ...(input.records ? { cache: input.records } : {}),
    })
  ).filter(isReview);
  const recentFrom = now - UNANSWERED_LOOKBACK_DAYS * DAY_MS;
  const current = evaluateAlerts(
    {
      storeKey,
      now,
      today,
      recent: input.rows.filter((r) => r.date >= addDays(today, -6) && r.date <= today),
      ...(input.history ? { history: input.history } : {}),
      scaleMax: input.scaleMax,
      ...(input.official ? { official: input.official } : {}),
      clusters: clusterFacts(negatives, now, settings),
      unanswered: negatives
        .filter((r) => !r.replied && isBad(r) && r.createdAt >= recentFrom)
        .map((r) => ({ key: r.key, createdAt: r.createdAt })),
      deadlines: negatives
        .filter((r) => !r.replied && r.replyDeadline !== undefined)
        .map((r) => ({ key: r.key, deadline: r.replyDeadline! })),
    },
    settings,
  );
  // Robots (issue #14): new, not snoozed alerts go to the store's targets in persist's own transaction.
  const team = await teamOutbox(storeKey, snoozes, now);
  const fresh = await persist(db, storeKey, current, now, team);
  if (team) team.queued();
  const shown = await notify(fresh.filter((a) => !isSnoozed(a.key, snoozes, now)));
  // Only what was really shown is marked: a snoozed condition stays un-notified (and silent) for good.
  if (shown.length) await db.alerts.bulkUpdate(shown.map((key) => ({ key, changes: { notifiedAt: now } })));
  return (await db.alerts.where('state').equals('active').toArray()).filter(
    (a) => a.storeKey === storeKey && !isSnoozed(a.key, snoozes, now),
  );
}

/** Kinds whose key carries the day: a condition that holds for days is still one condition. */
const DAILY: ReadonlySet<Alert['kind']> = new Set([
  'bad_growth',
  'logistics_delay',
  'slow_response',
  'score_drop',
]);

/**
 * The condition an alert stands for, so a condition notifies once while it holds: a daily condition
 * (its topic, without the day), a topic cluster (kind, store and topic — its key also hashes its first
 * reviews, which change as reviews arrive or leave the 7 days), else the alert itself (one review).
 */
export const conditionOf = (a: Pick<Alert, 'kind' | 'key' | 'topic'>): string =>
  a.kind === 'topic_cluster' ? a.key.split('|').slice(0, 3).join('|') : DAILY.has(a.kind) ? a.topic : a.key;

/** Upserts the current alerts, resolves the ones that no longer hold; returns the never-seen ones. */
export async function persist(
  db: KoubeiDb,
  storeKey: string,
  current: readonly Alert[],
  now: number,
  team?: TeamEnqueue,
): Promise<AlertRow[]> {
  return db.transaction('rw', db.alerts, db.outbox, db.stores, async () => {
    const existing = await db.alerts.bulkGet(current.map((a) => a.key));
    const active = (await db.alerts.where('state').equals('active').toArray()).filter(
      (a) => a.storeKey === storeKey,
    );
    const byCondition = new Map(active.map((a) => [conditionOf(a), a]));
    const fresh: AlertRow[] = [];
    const replaced: string[] = [];
    const rows = current.map((a, i): AlertRow => {
      const prev = existing[i] ?? byCondition.get(conditionOf(a));
      if (prev) {
        if (prev.key !== a.key) replaced.push(prev.key);
        return { ...prev, ...a, at: prev.at, firstAt: prev.firstAt, state: 'active', lastAt: now };
      }
      const row: AlertRow = { ...a, state: 'active', firstAt: now, lastAt: now };
      fresh.push(row);
      return row;
    });
    const keep = new Set([...current.map((a) => a.key), ...replaced]);
    const gone = active.filter((a) => !keep.has(a.key));
    if (replaced.length) await db.alerts.bulkDelete(replaced);
    await db.alerts.bulkPut([
      ...rows,
      ...gone.map((a) => ({ ...a, state: 'resolved' as const, lastAt: now })),
    ]);
    if (team && fresh.length) await team.add(db, fresh);
    return fresh;
  });
}
