/**
 * 评价引导 (issue #16): how many signed orders turn into buyer-written reviews (评价率), how many of those
 * get an append (追评率) or photos/videos (晒图率), and the share of 系统默认好评 — per product and per week
 * (Monday–Sunday, Asia/Shanghai), and before/after a date the merchant marks ("开始附赠使用指南"). Pure.
 *
 * A review counts in the week its order was signed when the order is among the loaded ones (so a week's
 * 评价率 is "of the orders signed that week, how many were reviewed", and reviews of orders signed before
 * the window do not inflate its first week). Where reviews carry no order ids the platform shows, they
 * count in the week they were written.
 */
import { DAY_MS, SHANGHAI_OFFSET_MS, dayKey, dayStart } from '../keys';
import type { Order, Review } from '../model';

export interface InvitationCounts {
  signed: number;
  /** All reviews, default ones included. */
  reviews: number;
  written: number;
  withAppend: number;
  withMedia: number;
  defaults: number;
}

export interface InvitationRates {
  reviewRate?: number;
  appendRate?: number;
  mediaRate?: number;
  defaultShare?: number;
}

export type InvitationCell = InvitationCounts & InvitationRates;

/** Monday (YYYY-MM-DD, Shanghai) of the week holding `ms`. */
export function weekOf(ms: number): string {
  const day = Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS);
  // 1970-01-01 was a Thursday: +3 makes Monday 0.
  const monday = day - ((day + 3) % 7);
  return dayKey(monday * DAY_MS - SHANGHAI_OFFSET_MS);
}

const zero = (): InvitationCounts => ({
  signed: 0,
  reviews: 0,
  written: 0,
  withAppend: 0,
  withMedia: 0,
  defaults: 0,
});
const div = (n: number, d: number): number | undefined => (d > 0 ? n / d : undefined);

export function rates(c: InvitationCounts): InvitationCell {
  return {
    ...c,
    reviewRate: div(c.written, c.signed),
    appendRate: div(c.withAppend, c.written),
    mediaRate: div(c.withMedia, c.written),
    defaultShare: div(c.defaults, c.reviews),
  };
}

const signedAt = (o: Order): number | undefined => o.deliveredAt ?? o.finishedAt;

/**
 * When each review counts: its order's signing time (matched by order or sub-order id), or — when most
 * reviews match no loaded order — its own time. Unmatched reviews are left out in the first case.
 */
export function reviewTimes(orders: readonly Order[], reviews: readonly Review[]): Map<Review, number> {
  const signed = new Map<string, number>();
  for (const o of orders) {
    const at = signedAt(o);
    if (at === undefined || o.status === 'cancelled') continue;
    signed.set(o.orderId, at);
    for (const it of o.items) if (it.itemOrderId) signed.set(it.itemOrderId, at);
  }
  const matched = new Map<Review, number>();
  for (const r of reviews) {
    const at = (r.orderId && signed.get(r.orderId)) || (r.parentOrderId && signed.get(r.parentOrderId));
    if (at) matched.set(r, at);
  }
  if (matched.size * 2 >= reviews.length && matched.size > 0) return matched;
  return new Map(reviews.map((r) => [r, r.createdAt]));
}

function addReview(c: InvitationCounts, r: Review): void {
  c.reviews++;
  if (r.isDefault) {
    c.defaults++;
    return;
  }
  c.written++;
  if (r.appends.length) c.withAppend++;
  if (r.images > 0 || r.videos > 0) c.withMedia++;
}

export interface InvitationBoard {
  weeks: { week: string; cell: InvitationCell }[];
  products: { productId: string; name: string; cell: InvitationCell }[];
  /** Weeks × products for one product, when `productId` was given. */
  productWeeks?: { week: string; cell: InvitationCell }[];
  compare?: { mark: string; days: number; before: InvitationCell; after: InvitationCell };
}

export interface InvitationOptions {
  /** The merchant's marked day (YYYY-MM-DD). */
  mark?: string;
  productId?: string;
  now: number;
}

/** The board over the window's orders and reviews. */
export function invitationBoard(
  orders: readonly Order[],
  reviews: readonly Review[],
  opts: InvitationOptions,
): InvitationBoard {
  const weeks = new Map<string, InvitationCounts>();
  const products = new Map<string, { name: string; c: InvitationCounts }>();
  const productWeeks = new Map<string, InvitationCounts>();
  const get = <K>(m: Map<K, InvitationCounts>, k: K) => m.get(k) ?? m.set(k, zero()).get(k)!;
  const product = (id: string, name?: string) => {
    const p = products.get(id) ?? { name: name ?? id, c: zero() };
    if (name && p.name === id) p.name = name;
    products.set(id, p);
    return p.c;
  };
  for (const o of orders) {
    const at = signedAt(o);
    if (at === undefined || o.status === 'cancelled') continue;
    const w = weekOf(at);
    get(weeks, w).signed++;
    const ids = new Set<string>();
    for (const it of o.items)
      if (it.productId && !ids.has(it.productId)) {
        ids.add(it.productId);
        product(it.productId, it.productName).signed++;
        if (it.productId === opts.productId) get(productWeeks, w).signed++;
      }
  }
  const times = reviewTimes(orders, reviews);
  for (const [r, at] of times) {
    const w = weekOf(at);
    addReview(get(weeks, w), r);
    if (r.productId) {
      addReview(product(r.productId, r.productName), r);
      if (r.productId === opts.productId) addReview(get(productWeeks, w), r);
    }
  }
  const byWeek = (m: Map<string, InvitationCounts>) =>
    [...m.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([week, c]) => ({ week, cell: rates(c) }));
  const board: InvitationBoard = {
    weeks: byWeek(weeks),
    products: [...products.entries()]
      .map(([productId, p]) => ({ productId, name: p.name, cell: rates(p.c) }))
      .sort((a, b) => b.cell.signed - a.cell.signed),
  };
  if (opts.productId) board.productWeeks = byWeek(productWeeks);
  if (opts.mark) board.compare = beforeAfter(orders, reviews, opts.mark, opts.now, opts.productId);
  return board;
}

/**
 * Equal windows either side of the marked day: up to 28 days, as many as have passed since the mark
 * (at least 1), so a week-old change is compared with the week before it.
 */
export function beforeAfter(
  orders: readonly Order[],
  reviews: readonly Review[],
  mark: string,
  now: number,
  productId?: string,
): { mark: string; days: number; before: InvitationCell; after: InvitationCell } {
  const start = dayStart(mark);
  const days = Math.max(1, Math.min(28, Math.floor((now - start) / DAY_MS)));
  const before = zero();
  const after = zero();
  const side = (t: number) =>
    t >= start - days * DAY_MS && t < start
      ? before
      : t >= start && t < start + days * DAY_MS
        ? after
        : undefined;
  for (const o of orders) {
    const at = signedAt(o);
    if (at === undefined || o.status === 'cancelled') continue;
    if (productId && !o.items.some((it) => it.productId === productId)) continue;
    const c = side(at);
    if (c) c.signed++;
  }
  for (const [r, at] of reviewTimes(orders, reviews)) {
    if (productId && r.productId !== productId) continue;
    const c = side(at);
    if (c) addReview(c, r);
  }
  return { mark, days, before: rates(before), after: rates(after) };
}
