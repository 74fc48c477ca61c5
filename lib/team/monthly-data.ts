/**
 * Gathers one store's month for the 月度口碑报告 from Dexie (the side panel and the worker use the same
 * function): its score snapshots up to the month's end and its reviews of the month and the one before.
 */
import type { KoubeiDb } from '../db';
import { analyzeReview } from '../text/analyze';
import { monthRange, monthlyReport, previousMonth, type MonthlyReport } from './monthly';

/** Reviews read per report (two months of one store); beyond it the newest are kept. */
const LIMIT = 60_000;

export async function gatherMonthly(
  db: KoubeiDb,
  storeKey: string,
  month: string,
  internalHours = 4,
): Promise<MonthlyReport | undefined> {
  const range = monthRange(month);
  if (!range) return undefined;
  const from = monthRange(previousMonth(month))![0];
  const [store, snapshots, reviews] = await Promise.all([
    db.stores.get(storeKey),
    db.scoreSnapshots
      .where('[storeKey+date]')
      .between([storeKey, `${previousMonth(month)}-01`], [storeKey, `${month}-31\uffff`])
      .toArray(),
    db.reviews
      .where('[storeKey+createdAt]')
      .between([storeKey, from], [storeKey, range[1]], true, false)
      .reverse()
      .limit(LIMIT)
      .toArray(),
  ]);
  if (!store) return undefined;
  return monthlyReport({
    month,
    store: { key: storeKey, name: store.name ?? store.shopId },
    snapshots,
    reviews,
    internalHours,
    categorize: (r) => {
      const a = analyzeReview(r);
      return { categories: a.categories, topics: a.hits.flatMap((h) => h.topics) };
    },
  });
}
