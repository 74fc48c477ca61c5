/**
 * What one record contributes to the daily counters, by Asia/Shanghai day. The day logic follows the
 * rule texts: reviews on their own day, orders on the pay day, the ship-by and 揽收 deadlines, the
 * collection, delivery and sign days. Deterministic, so add-then-remove cancels exactly.
 */
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

export interface DeltaOptions {
  /** Review-text classifier (lib/text). Must be the same function for every call, or counts drift. */
  categorize?: Categorize;
  /**
   * The counters of a record when the caller has them already (countersOf returns them as they are, so
   * they must be countersOf's own, and read only): lets one batch count each record once for its
   * aggregates and its marks.
   */
  counters?: (record: ScoredRecord) => Map<string, Counters>;
}

export type ScoredRecord = Review | Order;
type Record_ = ScoredRecord;

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
  if (opts.counters) return opts.counters(record);
  const out = new Map<string, Counters>();
  countRecord(record, opts, (day, id, n) => {
    const c = out.get(day) ?? {};
    c[id] = (c[id] ?? 0) + n;
    out.set(day, c);
  });
  return out;
}

/** Receives one counter increment of a record: its day, the counter and the amount. */
export type DayBump = (day: string, id: CounterId, n: number) => void;

/**
 * The increments countersOf sums, handed to `add` one by one (in the same order, the same days), for a
 * caller that sums many records into its own rows without a map per record (the rebuild, issue #15).
 */
export function countRecord(record: Record_, opts: DeltaOptions, add: DayBump): void {
  const bump = (ms: number, id: CounterId, n = 1): void => add(fastDayKey(ms), id, n);
  if (isReview(record)) reviewCounters(record, opts, bump);
  else orderCounters(record, bump);
}

type Bump = (ms: number, id: CounterId, n?: number) => void;

/** Star dimensions: the counter prefix and the default-review counters (product, logistics, service). */
const STAR_DIMS = [
  ['sp', 'dpN', 'dpSum'],
  ['sl', 'dlN', 'dlSum'],
  ['ss', 'dsN', 'dsSum'],
] as const;
/** `${prefix}${star}` for the stars 0–5 of each dimension, built once. */
const STAR_IDS = STAR_DIMS.map(([prefix]) => [0, 1, 2, 3, 4, 5].map((s) => `${prefix}${s}` as CounterId));

function starCounters(
  bump: Bump,
  at: number,
  isDefault: boolean | undefined,
  s: number | undefined,
  dim: 0 | 1 | 2,
) {
  if (s === undefined) return;
  const d = STAR_DIMS[dim];
  bump(at, STAR_IDS[dim]![s] ?? (`${d[0]}${s}` as CounterId));
  if (isDefault) {
    bump(at, d[1]);
    bump(at, d[2], s);
  }
}

/** The negative-review counter of each cause (the others count as negOther). */
const NEG_COUNTER: Partial<Record<CauseId, CounterId>> = {
  logistics: 'negLogistics',
  description: 'negDescription',
  quality: 'negQuality',
  service: 'negService',
};

/** causesOfCategory, once per category string (a handful of them; the result is only read). */
const causeMemo = new Map<string, readonly CauseId[]>();
function causesOf(category: string): readonly CauseId[] {
  let c = causeMemo.get(category);
  if (!c) causeMemo.set(category, (c = causesOfCategory(category)));
  return c;
}

function reviewCounters(r: Review, opts: DeltaOptions, bump: Bump): void {
  const at = r.createdAt;
  // [G] 抖店 counts stars by the order's sign day; a review has no sign time, so its own day is used.
  if (r.countsTowardScore === false) return bump(at, 'rvExcluded');
  bump(at, 'rv');
  const p = r.starProduct ?? r.star;
  // Three calls, not a list of tuples: the rebuild counts a million reviews (issue #15: allocation is
  // a third of its time in GC).
  starCounters(bump, at, r.isDefault, p, 0);
  starCounters(bump, at, r.isDefault, r.starLogistics, 1);
  starCounters(bump, at, r.isDefault, r.starService, 2);
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
  const causes = new Set<CauseId>();
  for (const c of categories) for (const cause of causesOf(c)) causes.add(cause);
  // Without a text category, stars say which dimension the buyer blamed.
  if (causes.size === 0) {
    if (lowLogistics) causes.add('logistics');
    if (lowService) causes.add('service');
    if (lowProduct) causes.add('quality');
  }
  let named = 0;
  for (const cause of causes) {
    const id = NEG_COUNTER[cause];
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
