/**
 * Bursts: many reviews on one product within a short window compared with that product's own recent
 * pace. A product needs some history first: at the start of the captured data there is no baseline.
 */
import { DAY_MS, type Review } from '../model';
import { groupBy } from './group-by';
import type { SuspicionFlag, SuspicionOptions } from './suspicion-types';

export function findBursts(reviews: readonly Review[], opts: SuspicionOptions = {}): SuspicionFlag[] {
  const window = opts.burstWindowMs ?? DAY_MS;
  const lookback = opts.burstLookbackMs ?? 30 * DAY_MS;
  const minCount = opts.burstMinCount ?? 5;
  const factor = opts.burstFactor ?? 4;
  const minHistory = opts.burstMinHistoryMs ?? 7 * DAY_MS;
  const out: SuspicionFlag[] = [];
  const withProduct = reviews.filter((r) => r.productId);
  for (const list of groupBy(withProduct, (r) => `${r.storeKey}|${r.productId}`).values()) {
    list.sort((a, b) => a.createdAt - b.createdAt || a.key.localeCompare(b.key));
    let back = 0;
    let i = 0;
    while (i < list.length) {
      const start = list[i]?.createdAt ?? 0;
      while ((list[back]?.createdAt ?? start) < start - lookback) back++;
      let j = i;
      while (j < list.length && (list[j]?.createdAt ?? Infinity) < start + window) j++;
      const count = j - i;
      // The baseline needs history: at the start of the captured data there is nothing to compare with.
      const history = start - Math.max(list[0]?.createdAt ?? start, start - lookback);
      const baseline = history > 0 ? ((i - back) * window) / history : 0;
      if (history >= minHistory && count >= Math.max(minCount, factor * baseline)) {
        const burst = list.slice(i, j);
        const keys = burst.map((r) => r.key);
        const last = burst[burst.length - 1]?.createdAt ?? start;
        const hours = Math.round(window / 3_600_000);
        for (const r of burst)
          out.push({
            reviewKey: r.key,
            code: 'burst',
            severity: count >= 2 * Math.max(minCount, factor * baseline) ? 'high' : 'medium',
            message: `该商品 ${hours} 小时内集中出现 ${count} 条评价（此前平均每 ${hours} 小时约 ${baseline.toFixed(1)} 条），疑似集中刷评`,
            evidence: {
              kind: 'burst',
              productId: r.productId ?? '',
              from: start,
              to: last,
              count,
              baselinePerWindow: Math.round(baseline * 100) / 100,
              reviewKeys: keys,
            },
          });
        i = j;
      } else i++;
    }
  }
  return out;
}
