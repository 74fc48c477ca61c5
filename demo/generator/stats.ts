/** `worldStats`: a summary of a world for tests, the demo command and the bench. */
import { allPhrases } from './phrases/bank';
import { ALL_SETS } from './text';
import type { World } from './types';

export interface WorldStats {
  days: number;
  products: number;
  skus: number;
  orders: number;
  cancelled: number;
  delivered: number;
  late: number;
  afterSales: Record<string, number>;
  reviews: number;
  reviewRate: number;
  defaultReviews: number;
  withAppends: number;
  replied: number;
  withPhotos: number;
  byKind: Record<string, number>;
  distinctPhrases: number;
}

/** Counts what the world holds. */
export function worldStats(world: World): WorldStats {
  const afterSales: Record<string, number> = {};
  let cancelled = 0;
  let delivered = 0;
  let late = 0;
  for (const o of world.orders) {
    if (o.cancelledAt !== undefined) cancelled++;
    if (o.deliveredAt !== undefined) delivered++;
    if (o.late) late++;
    if (o.afterSale) afterSales[o.afterSale.cause] = (afterSales[o.afterSale.cause] ?? 0) + 1;
  }
  const byKind: Record<string, number> = {};
  let withAppends = 0;
  let replied = 0;
  let withPhotos = 0;
  for (const r of world.reviews) {
    byKind[r.kind] = (byKind[r.kind] ?? 0) + 1;
    if (r.appends.length > 0) withAppends++;
    if (r.reply) replied++;
    if (r.photos > 0) withPhotos++;
  }
  return {
    days: world.options.days,
    products: world.products.length,
    skus: world.products.reduce((s, p) => s + p.skus.length, 0),
    orders: world.orders.length,
    cancelled,
    delivered,
    late,
    afterSales,
    reviews: world.reviews.length,
    reviewRate: delivered > 0 ? Math.round((world.reviews.length / delivered) * 1000) / 1000 : 0,
    defaultReviews: byKind.default ?? 0,
    withAppends,
    replied,
    withPhotos,
    byKind,
    distinctPhrases: allPhrases(ALL_SETS).length,
  };
}
