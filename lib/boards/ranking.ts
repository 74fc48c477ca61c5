/**
 * Product ranking (issue #16): products by 差评率 and by their share of the score lost, with their main
 * complaint categories, and a warning when a product's defect rate (orders with a quality, 描述不符 or
 * damage after-sale, or a 1–2★ review about quality or 描述不符, per signed order) passes 3 %. Pure.
 *
 * "Score lost" is counted in stars below 5 of each rated review (a 1★ review costs 4, a 4★ one 1): the
 * platforms' scores are averages of those stars, so a product's share of the missing stars is its share
 * of what the score lost.
 */
import type { Order, Review } from '../model';
import { afterSaleClass } from '../scoring/classify';
import type { ReviewCategory } from '../text/types';
import { DEFECT_WARN } from './standards';
import { isNegative } from './winback';

export interface ProductRank {
  productId: string;
  name: string;
  reviews: number;
  negative: number;
  negativeRate?: number;
  starsLost: number;
  lostShare?: number;
  /** Complaint categories of its negative reviews, most frequent first, with counts. */
  complaints: { category: ReviewCategory; count: number }[];
  signed: number;
  defects: number;
  defectRate?: number;
  warn: boolean;
}

const DEFECT_CATEGORIES: ReadonlySet<ReviewCategory> = new Set(['quality', 'mismatch']);

export function productRanking(
  orders: readonly Order[],
  reviews: readonly Review[],
  categorize: (r: Review) => readonly ReviewCategory[],
): ProductRank[] {
  const rows = new Map<
    string,
    ProductRank & { defectOrders: Set<string>; cats: Map<ReviewCategory, number> }
  >();
  const row = (id: string, name?: string) => {
    let r = rows.get(id);
    if (!r) {
      r = {
        productId: id,
        name: name ?? id,
        reviews: 0,
        negative: 0,
        starsLost: 0,
        complaints: [],
        signed: 0,
        defects: 0,
        warn: false,
        defectOrders: new Set(),
        cats: new Map(),
      };
      rows.set(id, r);
    }
    if (name && r.name === id) r.name = name;
    return r;
  };
  for (const o of orders) {
    if (o.status === 'cancelled' || (o.deliveredAt ?? o.finishedAt) === undefined) continue;
    const cls = afterSaleClass(o);
    const defect = cls === 'quality' || cls === 'description' || cls === 'damage';
    const seen = new Set<string>();
    for (const it of o.items) {
      if (!it.productId || seen.has(it.productId)) continue;
      seen.add(it.productId);
      const r = row(it.productId, it.productName);
      r.signed++;
      if (defect) r.defectOrders.add(o.orderId);
    }
  }
  let totalLost = 0;
  for (const rv of reviews) {
    if (!rv.productId || rv.isDefault) continue;
    const r = row(rv.productId, rv.productName);
    r.reviews++;
    const star = rv.firstStar ?? rv.star;
    if (star !== undefined) {
      r.starsLost += 5 - star;
      totalLost += 5 - star;
    }
    if (!isNegative(rv)) continue;
    r.negative++;
    const cats = categorize(rv);
    for (const c of new Set(cats)) r.cats.set(c, (r.cats.get(c) ?? 0) + 1);
    if (cats.some((c) => DEFECT_CATEGORIES.has(c))) r.defectOrders.add(rv.orderId ?? `review:${rv.reviewId}`);
  }
  return [...rows.values()]
    .map(({ defectOrders, cats, ...r }) => {
      const defects = defectOrders.size;
      const defectRate = r.signed > 0 ? defects / r.signed : undefined;
      return {
        ...r,
        negativeRate: r.reviews > 0 ? r.negative / r.reviews : undefined,
        lostShare: totalLost > 0 ? r.starsLost / totalLost : undefined,
        complaints: [...cats.entries()]
          .map(([category, count]) => ({ category, count }))
          .sort((a, b) => b.count - a.count),
        defects,
        defectRate,
        warn: defectRate !== undefined && defectRate > DEFECT_WARN,
      };
    })
    .filter((r) => r.reviews > 0 || r.signed > 0)
    .sort((a, b) => (b.lostShare ?? 0) - (a.lostShare ?? 0) || (b.negativeRate ?? 0) - (a.negativeRate ?? 0));
}
