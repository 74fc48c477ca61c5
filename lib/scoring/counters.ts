/**
 * The additive counters kept per store × day. Every indicator of every profile is a function of window
 * sums of these, so a 30/90/180-day window is a sum of days and a series is a difference of prefix sums.
 *
 * All counters are integers: adding then removing a record restores the exact previous value (floating
 * sums would drift). Names are persisted in IndexedDB — never rename one; add a new name and bump
 * `AGGREGATE_VERSION` in aggregates.ts when a meaning changes.
 */

/** Stars per dimension: `sp` 商品/描述 (falls back to the overall star), `sl` 物流, `ss` 服务. */
const STAR_COUNTERS = [
  'sp1', 'sp2', 'sp3', 'sp4', 'sp5',
  'sl1', 'sl2', 'sl3', 'sl4', 'sl5',
  'ss1', 'ss2', 'ss3', 'ss4', 'ss5',
] as const; // prettier-ignore

export const COUNTERS = [
  // Reviews, on the review's own (Asia/Shanghai) day.
  'rv', // reviews that count toward the score
  'rvExcluded', // reviews the platform says do not count
  ...STAR_COUNTERS,
  // Default (system, no text) reviews, a subset of the star counters, so DSR can exclude them.
  'dpN', 'dpSum', 'dlN', 'dlSum', 'dsN', 'dsSum',
  'polGood', 'polNeutral', 'polBad',
  'neg', // negative reviews (any dimension 1–2★, or labelled 差评)
  'negUnreplied',
  // Negative reviews by cause (not a partition: one review may name several causes).
  'negLogistics', 'negDamage', 'negDescription', 'negQuality', 'negService', 'negOther',
  // Orders: valid paid orders on the pay day; logistics-quality after-sales (发货物流品退) on the pay day.
  'paid', 'asLogistics',
  // Shipping, on the day of the ship-by deadline.
  'shipDue', 'shipLate', 'shipPending',
  // Collection (揽收), on the day of the collection deadline.
  'colDue', 'colLate', 'colPending',
  // Collection duration buckets (hours from the rule's start time), on the collection day.
  'colH12', 'colH24', 'colH36', 'colH48', 'colH72', 'colHMore',
  // Delivery, on the delivery day: count, beyond target, whole hours in transit.
  'delTotal', 'delLate', 'delHours',
  // Signed orders and the after-sales that count against them, on the sign day.
  'signed', 'asQuality', 'asDamage', 'asDescription',
] as const; // prettier-ignore

export type CounterId = (typeof COUNTERS)[number];

/** A sparse set of counters: absent means 0. */
export type Counters = Partial<Record<CounterId, number>>;

/** Index of each counter in dense arrays (prefix sums). */
export const COUNTER_INDEX: Readonly<Record<CounterId, number>> = Object.fromEntries(
  COUNTERS.map((c, i) => [c, i]),
) as Record<CounterId, number>;

/**
 * Counters that record something bad. The forecast's "nothing bad happens" template zeroes them; the
 * totals they belong to (`shipDue`, `signed`, `paid`…) stay, so the same volume counts as good.
 */
export const BAD_COUNTERS: ReadonlySet<CounterId> = new Set<CounterId>([
  'sp1', 'sp2', 'sl1', 'sl2', 'ss1', 'ss2', 'polBad', 'neg', 'negUnreplied',
  'negLogistics', 'negDamage', 'negDescription', 'negQuality', 'negService', 'negOther',
  'asLogistics', 'shipLate', 'shipPending', 'colLate', 'colPending', 'colH72', 'colHMore',
  'delLate', 'asQuality', 'asDamage', 'asDescription',
]); // prettier-ignore

/** Value of a counter (0 when absent). */
export const get = (c: Counters, id: CounterId): number => c[id] ?? 0;

/** Sum of several counters. */
export function sumOf(c: Counters, ids: readonly CounterId[]): number {
  let s = 0;
  for (const id of ids) s += c[id] ?? 0;
  return s;
}

/** `into += sign × from`, dropping counters that reach 0 so equal totals are deep-equal. */
export function addInto(into: Counters, from: Counters, sign = 1): Counters {
  for (const key of Object.keys(from) as CounterId[]) {
    const v = (into[key] ?? 0) + sign * (from[key] ?? 0);
    if (v === 0) delete into[key];
    else into[key] = v;
  }
  return into;
}

/** True when no counter is non-zero. */
export function isEmpty(c: Counters): boolean {
  for (const key in c) if (c[key as CounterId] !== 0) return false;
  return true;
}
