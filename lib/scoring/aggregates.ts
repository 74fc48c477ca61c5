/**
 * Daily aggregates: one row per store × Asia/Shanghai day holding additive integer counters. The
 * background keeps them current inside its ingest transaction:
 *
 *   const deltas = batchDelta(pairs, opts);              // pairs = [stored | undefined, incoming | undefined]
 *   const rows = await db.aggregates.bulkGet(deltaKeys(deltas));
 *   const map = new Map(rows.filter(Boolean).map((r) => [r.key, r]));
 *   const { changed, removed } = applyDeltas(map, deltas);
 *   await db.aggregates.bulkPut(changed); await db.aggregates.bulkDelete(removed);
 *
 * Cost is O(records in the batch), independent of history size. Scoring reads only these rows.
 */
import * as z from 'zod/mini';
import type { Order, Review } from '../model';
import { DAY_MS, SHANGHAI_OFFSET_MS, dayKey } from '../model';
import type { Categorize, CauseId } from './classify';
import {
  HOURS,
  SLA,
  afterSaleClass,
  causesOfCategory,
  collectBucket,
  collectClockStart,
  collectDeadline,
  isDamageCategory,
  shipDeadline,
} from './classify';
import type { CounterId, Counters } from './counters';
import { COUNTERS, addInto, isEmpty } from './counters';

/** Bump when a counter's meaning changes; rows of another version must be rebuilt from records. */
export const AGGREGATE_VERSION = 1;

export const DailyAggregate = z.object({
  /** `${storeKey}|${YYYY-MM-DD}` */
  key: z.string(),
  storeKey: z.string(),
  /** YYYY-MM-DD in Asia/Shanghai. */
  date: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
  v: z.number(),
  /** Sparse counters (absent = 0), see counters.ts. */
  c: z.partialRecord(z.enum(COUNTERS), z.number().check(z.int())),
});
export type DailyAggregate = z.infer<typeof DailyAggregate>;

/** A change to one store × day. */
export interface AggregateDelta {
  key: string;
  storeKey: string;
  date: string;
  c: Counters;
}
export type Deltas = Map<string, AggregateDelta>;

export interface DeltaOptions {
  /** Review-text classifier (lib/text). Must be the same function for every call, or counts drift. */
  categorize?: Categorize;
}

export const aggregateKey = (storeKey: string, date: string): string => `${storeKey}|${date}`;

type Record_ = Review | Order;

/** dayKey() builds a Date and an ISO string; a record bumps up to 8 days, 2 M records at rebuild. */
const dayCache = new Map<number, string>();
function fastDayKey(ms: number): string {
  const idx = Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS);
  let key = dayCache.get(idx);
  if (key === undefined) {
    key = dayKey(ms);
    dayCache.set(idx, key);
  }
  return key;
}
const isReview = (r: Record_): r is Review => 'reviewId' in r;

/** Counters one record contributes, by day. Exported for contributions/forecast (same day logic). */
export function countersOf(record: Record_, opts: DeltaOptions = {}): Map<string, Counters> {
  const out = new Map<string, Counters>();
  const bump = (ms: number, id: CounterId, n = 1): void => {
    const day = fastDayKey(ms);
    const c = out.get(day) ?? {};
    c[id] = (c[id] ?? 0) + n;
    out.set(day, c);
  };
  if (isReview(record)) reviewCounters(record, opts, bump);
  else orderCounters(record, bump);
  return out;
}

type Bump = (ms: number, id: CounterId, n?: number) => void;

function reviewCounters(r: Review, opts: DeltaOptions, bump: Bump): void {
  const at = r.createdAt;
  // [G] 抖店 counts stars by the order's sign day; a review has no sign time, so its own day is used.
  if (r.countsTowardScore === false) return bump(at, 'rvExcluded');
  bump(at, 'rv');
  const p = r.starProduct ?? r.star;
  const stars = [
    [p, 'sp', 'dpN', 'dpSum'],
    [r.starLogistics, 'sl', 'dlN', 'dlSum'],
    [r.starService, 'ss', 'dsN', 'dsSum'],
  ] as const;
  for (const [s, prefix, dn, dsum] of stars) {
    if (s === undefined) continue;
    bump(at, `${prefix}${s}` as CounterId);
    if (r.isDefault) {
      bump(at, dn);
      bump(at, dsum, s);
    }
  }
  const overall = r.star ?? p;
  const polarity =
    r.polarity ??
    (overall === undefined ? undefined : overall >= 4 ? 'good' : overall === 3 ? 'neutral' : 'bad');
  if (polarity) bump(at, polarity === 'good' ? 'polGood' : polarity === 'neutral' ? 'polNeutral' : 'polBad');
  const lowLogistics = (r.starLogistics ?? 5) <= 2;
  const lowService = (r.starService ?? 5) <= 2;
  const lowProduct = (p ?? 5) <= 2;
  if (!(lowLogistics || lowService || lowProduct || polarity === 'bad')) return;
  bump(at, 'neg');
  if (!r.replied) bump(at, 'negUnreplied');
  const categories = opts.categorize?.(r) ?? [];
  const causes = new Set<CauseId>(categories.flatMap(causesOfCategory));
  // Without a text category, stars say which dimension the buyer blamed.
  if (causes.size === 0) {
    if (lowLogistics) causes.add('logistics');
    if (lowService) causes.add('service');
    if (lowProduct) causes.add('quality');
  }
  const counter: Partial<Record<CauseId, CounterId>> = {
    logistics: 'negLogistics',
    description: 'negDescription',
    quality: 'negQuality',
    service: 'negService',
  };
  let named = 0;
  for (const cause of causes) {
    const id = counter[cause];
    if (!id) continue;
    bump(at, id);
    named++;
  }
  if (named === 0) bump(at, 'negOther');
  if (categories.some(isDamageCategory)) bump(at, 'negDamage');
}

function orderCounters(o: Order, bump: Bump): void {
  const paidAt = o.paidAt;
  // 有效支付订单: unpaid and cancelled orders do not count (rule text excludes 秒退/abnormal orders).
  if (paidAt === undefined || o.status === 'unpaid' || o.status === 'cancelled') return;
  const cls = afterSaleClass(o);
  bump(paidAt, 'paid');
  if (cls === 'logistics') bump(paidAt, 'asLogistics');
  // Console rows often lack logistics times: only a still-unshipped order is known to be pending.
  const pending = o.status === 'paid';
  const shipDue = shipDeadline(o, paidAt);
  if (o.shippedAt !== undefined || pending) {
    bump(shipDue, 'shipDue');
    if (o.shippedAt === undefined) bump(shipDue, 'shipPending');
    else if (o.shippedAt > shipDue) bump(shipDue, 'shipLate');
  }
  // [G] when 揽收 time is missing, the ship time stands in (抖店 101706: ship time = 揽收 time).
  const collected = o.collectedAt ?? o.shippedAt;
  const colDue = collectDeadline(o, paidAt);
  if (collected !== undefined || pending) {
    bump(colDue, 'colDue');
    if (collected === undefined) bump(colDue, 'colPending');
    else if (collected > colDue) bump(colDue, 'colLate');
  }
  if (collected !== undefined) {
    const hours = Math.max(0, collected - collectClockStart(o.platform, paidAt)) / HOURS;
    bump(collected, collectBucket(hours));
  }
  if (o.deliveredAt !== undefined && collected !== undefined) {
    const hours = Math.round(Math.max(0, o.deliveredAt - collected) / HOURS);
    bump(o.deliveredAt, 'delTotal');
    bump(o.deliveredAt, 'delHours', hours);
    if (hours > SLA[o.platform].deliveryHours) bump(o.deliveredAt, 'delLate');
  }
  const signBased = cls === 'quality' || cls === 'damage' || cls === 'description';
  // [G] without a sign time, a product after-sale's apply time stands in so numerator ⊂ denominator.
  const signAt = o.deliveredAt ?? o.finishedAt ?? (signBased ? o.afterSale?.appliedAt : undefined);
  if (signAt === undefined) return;
  bump(signAt, 'signed');
  if (cls === 'quality') bump(signAt, 'asQuality');
  if (cls === 'damage') bump(signAt, 'asDamage');
  if (cls === 'description') bump(signAt, 'asDescription');
}

/**
 * Deltas that turn the aggregates for `prev` into those for `next` (either may be undefined: insert,
 * delete). Handles records that move day, store or category.
 */
export function recordDelta(
  prev: Record_ | undefined,
  next: Record_ | undefined,
  opts: DeltaOptions = {},
): Deltas {
  const out: Deltas = new Map();
  if (prev) addRecord(out, prev, -1, opts);
  if (next) addRecord(out, next, 1, opts);
  for (const [k, d] of out) if (isEmpty(d.c)) out.delete(k);
  return out;
}

/** Deltas for a whole ingest batch, merged per store × day. */
export function batchDelta(
  pairs: Iterable<readonly [Record_ | undefined, Record_ | undefined]>,
  opts: DeltaOptions = {},
): Deltas {
  const out: Deltas = new Map();
  for (const [prev, next] of pairs) {
    if (prev) addRecord(out, prev, -1, opts);
    if (next) addRecord(out, next, 1, opts);
  }
  for (const [k, d] of out) if (isEmpty(d.c)) out.delete(k);
  return out;
}

function addRecord(out: Deltas, record: Record_, sign: number, opts: DeltaOptions): void {
  for (const [date, c] of countersOf(record, opts)) {
    const key = aggregateKey(record.storeKey, date);
    const d = out.get(key) ?? { key, storeKey: record.storeKey, date, c: {} };
    addInto(d.c, c, sign);
    out.set(key, d);
  }
}

/** Keys to load before applying (bulkGet). */
export const deltaKeys = (deltas: Deltas): string[] => [...deltas.keys()];

/**
 * Applies deltas to `aggregates` (copy-on-write per row, the map is updated). Returns rows to put and
 * keys to delete: a row whose counters all return to 0 is removed, so add-then-remove leaves no trace.
 */
export function applyDeltas(
  aggregates: Map<string, DailyAggregate>,
  deltas: Deltas,
): { changed: DailyAggregate[]; removed: string[] } {
  const changed: DailyAggregate[] = [];
  const removed: string[] = [];
  for (const d of deltas.values()) {
    const prev = aggregates.get(d.key);
    const c = addInto({ ...prev?.c }, d.c);
    if (isEmpty(c)) {
      if (prev) {
        aggregates.delete(d.key);
        removed.push(d.key);
      }
      continue;
    }
    const row: DailyAggregate = { key: d.key, storeKey: d.storeKey, date: d.date, v: AGGREGATE_VERSION, c };
    aggregates.set(d.key, row);
    changed.push(row);
  }
  return { changed, removed };
}

/** Builds aggregates from scratch (rebuild after a version bump, import, tests, benchmark). */
export function buildAggregates(
  records: Iterable<Record_>,
  opts: DeltaOptions = {},
): Map<string, DailyAggregate> {
  const deltas: Deltas = new Map();
  for (const r of records) addRecord(deltas, r, 1, opts);
  const map = new Map<string, DailyAggregate>();
  applyDeltas(map, deltas);
  return map;
}
