/** Per-record facts for diagnosis and forecast: causes, counting days, a short Chinese phrase. */
import type { Order, Review } from '../model';
import type { DeltaOptions } from './aggregates';
import { countersOf } from './aggregates';
import type { CauseId } from './classify';
import { causesOfCategory } from './classify';
import type { CounterId, Counters } from './counters';
import { BAD_COUNTERS, get } from './counters';

type Rec = Review | Order;

const ORDER_CAUSE: ReadonlyArray<readonly [CounterId, CauseId, string]> = [
  ['shipLate', 'logistics', '发货超时'],
  ['shipPending', 'logistics', '超时未发货'],
  ['colLate', 'logistics', '揽收超时'],
  ['colPending', 'logistics', '超时未揽收'],
  ['delLate', 'logistics', '配送超时'],
  ['asLogistics', 'logistics', '物流品质售后'],
  ['asDamage', 'logistics', '破损售后'],
  ['asQuality', 'quality', '品质售后'],
  ['asDescription', 'description', '描述不符售后'],
  ['colHMore', 'logistics', '揽收超过 72 小时'],
  ['colH72', 'logistics', '揽收超过 48 小时'],
];

/** All of a record's counters, days merged. */
const merged = (r: Rec, opts: DeltaOptions): Counters => {
  const c: Counters = {};
  for (const day of countersOf(r, opts).values())
    for (const [k, v] of Object.entries(day)) c[k as CounterId] = (c[k as CounterId] ?? 0) + v;
  return c;
};

/** Causes of a negative record: text categories first, then stars; orders by what went wrong. */
export function recordCauses(r: Rec, opts: DeltaOptions = {}): CauseId[] {
  if ('reviewId' in r) {
    const fromText = new Set((opts.categorize?.(r) ?? []).flatMap(causesOfCategory));
    if (fromText.size > 0) return [...fromText];
    const out: CauseId[] = [];
    if ((r.starLogistics ?? 5) <= 2) out.push('logistics');
    if ((r.starService ?? 5) <= 2) out.push('service');
    if ((r.starProduct ?? r.star ?? 5) <= 2 || out.length === 0) out.push('quality');
    return out;
  }
  const c = merged(r, opts);
  return [...new Set(ORDER_CAUSE.filter(([id]) => get(c, id) > 0).map(([, cause]) => cause))];
}

/**
 * "发货超时" / "物流 1 星差评"-style phrase for summaries, with the day that fact is counted on (inside
 * `range` when it has one there).
 */
export function recordPhrase(
  r: Rec,
  opts: DeltaOptions = {},
  range?: { from: string; to: string },
): { phrase: string; day: string } {
  const days = [...countersOf(r, opts)].sort((x, y) => x[0].localeCompare(y[0]));
  const inRange = range ? days.filter(([d]) => d >= range.from && d <= range.to) : [];
  if ('reviewId' in r) {
    const low = r.starLogistics !== undefined && r.starLogistics <= 2;
    const phrase = `${low ? `物流 ${r.starLogistics}` : (r.starProduct ?? r.star ?? '?')} 星差评`;
    return { phrase, day: days[0]?.[0] ?? '' };
  }
  for (const [id, , phrase] of ORDER_CAUSE) {
    const hit = (inRange.length > 0 ? inRange : days).find(([, c]) => get(c, id) > 0);
    if (hit) return { phrase, day: hit[0] };
  }
  return { phrase: '售后', day: days[0]?.[0] ?? '' };
}

/** Days on which the record carries something bad (a review: its day; an order: late/after-sale days). */
export function badDays(r: Rec, opts: DeltaOptions = {}): string[] {
  return badDaysIn(countersOf(r, opts));
}

/** Whether a counter marks its day as bad for the record (a low star, a negative, a late order, …). */
export function isBadCounter(id: CounterId): boolean {
  let bad = badIds.get(id);
  if (bad === undefined) badIds.set(id, (bad = BAD_COUNTERS.has(id) || /^s[pls][34]$/.test(id)));
  return bad;
}
const badIds = new Map<CounterId, boolean>();

/** The bad days of a record from its counters by day (countersOf), sorted. */
export function badDaysIn(counters: ReadonlyMap<string, Counters>): string[] {
  const out: string[] = [];
  for (const [day, c] of counters) {
    if ((Object.keys(c) as CounterId[]).some(isBadCounter)) out.push(day);
  }
  return out.sort();
}

/** The record's first bad day inside `range` (or its first bad day at all). */
export function recordDay(r: Rec, range: { from: string; to: string }, opts: DeltaOptions = {}): string {
  const days = badDays(r, opts);
  return days.find((d) => d >= range.from && d <= range.to) ?? days[0] ?? range.to;
}

/** The shortest day range holding at least 80% of `days` (where negatives concentrate). */
export function span(days: readonly string[]): [string, string] {
  const sorted = [...days].sort();
  const need = Math.max(1, Math.ceil(sorted.length * 0.8));
  let best: [string, string] = [sorted[0] ?? '', sorted[sorted.length - 1] ?? ''];
  let bestLen = Infinity;
  for (let i = 0; i + need - 1 < sorted.length; i++) {
    const a = sorted[i]!;
    const b = sorted[i + need - 1]!;
    const len = Date.parse(b) - Date.parse(a);
    if (len < bestLen) {
      bestLen = len;
      best = [a, b];
    }
  }
  return best;
}
