/**
 * Platform-neutral reads of the world that every console renders in its own shape: a review with its
 * order, item, product and SKU; its appends and reply as of a moment; the newest-first review list.
 */
import type { PlatformId } from '../../../lib/model';
import type {
  DemoOrder,
  DemoOrderItem,
  DemoProduct,
  DemoReview,
  DemoSku,
  World,
} from '../../generator/types';
import { reviewsUpTo } from '../douyin/view';
import { postedReply } from './replies';

/** A review and what it is about. */
export interface ReviewRecord {
  index: number;
  review: DemoReview;
  orderIndex: number;
  order: DemoOrder;
  itemIndex: number;
  item: DemoOrderItem;
  productIndex: number;
  product: DemoProduct;
  skuIndex: number;
  sku: DemoSku;
}

/** The review at `index` with its order, item, product and SKU (undefined for a bad index). */
export function reviewRecord(world: World, index: number): ReviewRecord | undefined {
  const review = world.reviews[index];
  const order = review ? world.orders[review.order] : undefined;
  if (!review || !order) return undefined;
  const itemIndex = order.items[review.item] ? review.item : 0;
  const item = order.items[itemIndex];
  const product = item ? world.products[item.product] : undefined;
  const sku = item ? product?.skus[item.sku] : undefined;
  if (!item || !product || !sku) return undefined;
  return {
    index,
    review,
    orderIndex: review.order,
    order,
    itemIndex,
    item,
    productIndex: item.product,
    product,
    skuIndex: item.sku,
    sku,
  };
}

/** The shop's reply as of `t`: one posted through this console, else the world's own. */
export function replyAsOf(
  world: World,
  platform: PlatformId,
  consoleId: string,
  review: DemoReview,
  t: number,
): { text: string; at: number } | undefined {
  return (
    postedReply(world, platform, consoleId, t) ??
    (review.reply && review.reply.at <= t ? review.reply : undefined)
  );
}

/** Appends written at or before `t`. */
export const appendsAsOf = (review: DemoReview, t: number): DemoReview['appends'] =>
  review.appends.filter((a) => a.at <= t);

/** Indices of the reviews that exist at `t` and pass `keep`, newest first. */
export function reviewsNewestFirst(
  world: World,
  t: number,
  keep: (review: DemoReview, index: number) => boolean,
): number[] {
  const out: number[] = [];
  for (let i = reviewsUpTo(world, t) - 1; i >= 0; i--) {
    const r = world.reviews[i];
    if (r && keep(r, i)) out.push(i);
  }
  return out;
}

/** Index of the star everybody shows first: the product (描述相符 / 商品质量) star. */
export const productStar = (review: DemoReview): number => review.stars.product;

/** Tags the consoles attach to a bad review, by what went wrong. */
export const NEGATIVE_TAGS: Partial<Record<DemoReview['cause'], string>> = {
  quality: '质量差',
  mismatch: '与描述不符',
  logistics_slow: '物流慢',
  late_ship: '发货慢',
  damage: '商品破损',
  missing: '少件漏发',
  wrong: '发错货',
  lost: '物流丢件',
  service: '服务态度差',
  price: '性价比低',
};

/** Page slice of a list: `page` 0-based. */
export function pageOf<T>(all: readonly T[], page: number, pageSize: number): T[] {
  return all.slice(page * pageSize, (page + 1) * pageSize);
}

/** A clamped integer request parameter. */
export function intParam(v: unknown, fallback: number, min: number, max: number): number {
  const n = Math.floor(Number(v));
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
}
