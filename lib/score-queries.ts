/**
 * Read side of the score for the popup, side panel, options page and the background jobs. Every query
 * goes through an index with bounds — aggregates by `[storeKey+date]`, negatives by score marks
 * `[storeKey+day]` — so cost follows the range asked for, never the size of the history. No engine code
 * here (types only): the popup imports this module and must stay small.
 */
import Dexie from 'dexie';
import type { KoubeiDb } from './db';
import type { OfficialScore, Order, Review } from './model';
import type { AggregateStatus } from './score-view/aggregate-state';
import { AGGREGATE_META_KEY } from './score-view/aggregate-state';
import { marksOfDay } from './score-view/mark-days';
import { composeOfficials } from './score-view/official';
import type { AlertRow, ScoreMark, ScoreSnapshot } from './score-view/types';
import type { DailyAggregate } from './scoring/aggregates';
import type { Profile } from './scoring/profile-types';

/** This store's aggregates with date in from…to (inclusive). */
export async function aggregatesIn(
  db: KoubeiDb,
  storeKey: string,
  from: string,
  to: string,
): Promise<DailyAggregate[]> {
  const rows = await db.aggregates
    .where('[storeKey+date]')
    .between([storeKey, from], [storeKey, to], true, true)
    .toArray();
  return rows as unknown as DailyAggregate[];
}

/** Every official row (all kinds) of this store dated from…to. */
export async function officialRowsIn(
  db: KoubeiDb,
  storeKey: string,
  from: string,
  to: string,
): Promise<OfficialScore[]> {
  return db.officialScores
    .where('[storeKey+date]')
    .between([storeKey, from], [storeKey, to], true, true)
    .toArray();
}

/** Officials of `profile` composed per day (overview + indicator pages + statistics), oldest first. */
export async function officialsIn(
  db: KoubeiDb,
  storeKey: string,
  profile: Profile,
  from: string,
  to: string,
): Promise<OfficialScore[]> {
  return composeOfficials(await officialRowsIn(db, storeKey, from, to), profile);
}

/**
 * Records that cost points on days from…to: marks by index, then the records by key. `limit` bounds the
 * marks read (newest days first are kept when it bites); `kind` fetches only reviews or only orders.
 */
export async function negativesIn(
  db: KoubeiDb,
  storeKey: string,
  from: string,
  to: string,
  opts: { limit?: number; kind?: 'review' | 'order'; cache?: RecordCache } = {},
): Promise<(Review | Order)[]> {
  let marks = await marksIn(db, storeKey, from, to, opts.limit);
  if (opts.kind) marks = marks.filter((m) => m.kind === opts.kind);
  return [...(await recordsOf(db, marks, opts.cache)).values()];
}

/** Score marks of days from…to (newest days first when `limit` bites). */
export async function marksIn(
  db: KoubeiDb,
  storeKey: string,
  from: string,
  to: string,
  limit = 20_000,
): Promise<ScoreMark[]> {
  // Day rows (db.ts v9), newest first; each day's marks in reverse `ref|day` order, as the v2–v8 rows
  // came from this reversed index range, cut at `limit` marks.
  // One row per day in the range at most: read them at once (getAll), newest first.
  const days = await db.scoreMarks
    .where('[storeKey+day]')
    .between([storeKey, from], [storeKey, to], true, true)
    .reverse()
    .toArray();
  const out: ScoreMark[] = [];
  for (const b of days) {
    for (const m of marksOfDay(b).reverse()) {
      if (out.length >= limit) return out;
      out.push(m);
    }
  }
  return out;
}

/**
 * Records already read by key, shared by the reads of one job (a score refresh reads the marked records for
 * its alerts and again for its diagnosis: issue #15 worker profile). Only records found are kept.
 */
export type RecordCache = Map<string, Review | Order>;

/**
 * The records behind marks, each read once, by key: reviews, then orders, each in the order the marks first
 * name them (alert keys hash the first reviews of a cluster, so the order must not depend on the cache).
 * With `cache`, only the records it lacks are read, and it learns them.
 */
export async function recordsOf(
  db: KoubeiDb,
  marks: readonly ScoreMark[],
  cache?: RecordCache,
): Promise<Map<string, Review | Order>> {
  const reviews = [...new Set(marks.filter((m) => m.kind === 'review').map((m) => m.ref))];
  const orders = [...new Set(marks.filter((m) => m.kind === 'order').map((m) => m.ref))];
  const missing = (keys: string[]) => (cache ? keys.filter((k) => !cache.has(k)) : keys);
  const [rv, od] = await Promise.all([
    db.reviews.bulkGet(missing(reviews)),
    db.orders.bulkGet(missing(orders)),
  ]);
  const read = new Map<string, Review | Order>();
  for (const r of [...rv, ...od]) if (r) read.set(r.key, r);
  const out = new Map<string, Review | Order>();
  for (const k of [...reviews, ...orders]) {
    const r = read.get(k) ?? cache?.get(k);
    if (!r) continue;
    out.set(k, r);
    cache?.set(k, r);
  }
  return out;
}

/** The newest snapshot of a store (the popup's one read). */
export async function latestSnapshot(db: KoubeiDb, storeKey: string): Promise<ScoreSnapshot | undefined> {
  return db.scoreSnapshots
    .where('[storeKey+date]')
    .between([storeKey, Dexie.minKey], [storeKey, Dexie.maxKey])
    .last();
}

/** Snapshots dated from…to, oldest first. */
export async function snapshotsIn(
  db: KoubeiDb,
  storeKey: string,
  from: string,
  to: string,
): Promise<ScoreSnapshot[]> {
  return db.scoreSnapshots
    .where('[storeKey+date]')
    .between([storeKey, from], [storeKey, to], true, true)
    .toArray();
}

/** A store's alerts, newest first. */
export async function alertsOf(db: KoubeiDb, storeKey: string, limit = 100): Promise<AlertRow[]> {
  return db.alerts
    .where('[storeKey+at]')
    .between([storeKey, Dexie.minKey], [storeKey, Dexie.maxKey])
    .reverse()
    .limit(limit)
    .toArray();
}

/** Active alerts of every store (few by construction: resolved ones leave this index value). */
export async function activeAlerts(db: KoubeiDb): Promise<AlertRow[]> {
  return db.alerts.where('state').equals('active').toArray();
}

export async function aggregateStatus(db: KoubeiDb): Promise<AggregateStatus | undefined> {
  return (await db.meta.get(AGGREGATE_META_KEY))?.value as AggregateStatus | undefined;
}
