/**
 * Which records cost how many points. Each indicator's loss (estimate.ts `lost`) is shared among the
 * records behind it in proportion to their badness units (measure.ts `deficit`): a 1★ review carries 4
 * units of a star average, a late order (100 − its 揽收 score) units of 揽收时长平均得分, one event of a
 * rate. Because the window's total units come from the aggregates, the shares stay right even though the
 * caller passes only the handful of negative records it queried by index.
 */
import type { Order, Review } from '../model';
import type { DeltaOptions } from './aggregates';
import { countersOf } from './aggregates';
import type { CounterId } from './counters';
import { BAD_COUNTERS } from './counters';
import type { Estimate } from './estimate';
import { COUNTER_LABELS } from './format';
import { evalMeasure } from './measure';
import type { Profile } from './profile-types';

export interface RecordCost {
  /** Review/Order `key`. */
  key: string;
  kind: 'review' | 'order';
  /** Earliest window day the record counts on. */
  day: string;
  /** Points on the main scale this record costs (sum of `items`). */
  points: number;
  items: { indicatorId: string; name: string; points: number }[];
  /** What is wrong with it, e.g. "揽收超过 72 小时、发货超时" or "商品 1 星". */
  reason: string;
}

export interface Contributions {
  records: RecordCost[];
  /** Points lost by all indicators (deduction excluded). */
  totalLost: number;
  /** Points carried by records that were passed in. */
  attributed: number;
  /** Points of the 差行为扣分, which belong to no record. */
  deduction: number;
}

/** Attributes `estimate`'s lost points to `negatives` (records in its window; others are ignored). */
export function contributions(
  profile: Profile,
  est: Estimate,
  negatives: readonly (Review | Order)[],
  opts: DeltaOptions = {},
): Contributions {
  const defs = new Map(profile.indicators.map((d) => [d.id, d]));
  // A protected indicator is fixed at 80 by rule: no record caused that loss.
  const losing = est.indicators.filter((x) => x.lost > 0 && x.deficit > 0 && !x.protected);
  const records: RecordCost[] = [];
  for (const rec of negatives) {
    const items: RecordCost['items'] = [];
    const labels = new Set<string>();
    let first: string | undefined;
    for (const [day, c] of countersOf(rec, opts)) {
      if (day < est.window.from || day > est.window.to) continue;
      for (const x of losing) {
        const def = defs.get(x.id);
        if (!def) continue;
        const units = evalMeasure(def.measure, c).deficit;
        if (units <= 0) continue;
        const points = (x.lost * units) / x.deficit;
        const prev = items.find((i) => i.indicatorId === x.id);
        if (prev) prev.points += points;
        else items.push({ indicatorId: x.id, name: x.name, points });
        if (first === undefined || day < first) first = day;
      }
      for (const id of Object.keys(c) as CounterId[]) {
        const label = COUNTER_LABELS[id];
        if (label && (BAD_COUNTERS.has(id) || id.startsWith('colH'))) labels.add(label);
      }
    }
    if (items.length === 0 || first === undefined) continue;
    items.sort((a, b) => b.points - a.points);
    records.push({
      key: rec.key,
      kind: 'reviewId' in rec ? 'review' : 'order',
      day: first,
      points: items.reduce((s, i) => s + i.points, 0),
      items,
      reason: [...labels].join('、'),
    });
  }
  records.sort((a, b) => b.points - a.points || a.key.localeCompare(b.key));
  return {
    records,
    totalLost: est.indicators.reduce((s, x) => s + x.lost, 0),
    attributed: records.reduce((s, r) => s + r.points, 0),
    deduction: est.deduction.points,
  };
}
