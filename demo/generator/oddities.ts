/**
 * Suspicious reviews for the detectors (templated praise bursts on brushed orders, 不退款就差评
 * coercion, 加V diversion) and, only on request, hostile texts for renderer robustness tests.
 */
import type { GenContext } from './context';
import { makeOrder } from './orders';
import { COERCION, DIVERSION, HOSTILE, TEMPLATE_BASES, TEMPLATE_SWAPS } from './phrases/suspicious';
import type { Rng } from './prng';
import type { ReviewPlan } from './reviews';
import { DAY_MS, HOUR_MS, MINUTE_MS, addDays, dayStart, daysBetween } from './time';
import type { DemoOrder, DemoReview } from './types';

const FIVE = { product: 5, logistics: 5, service: 5 };

/** Brushed orders and their near-identical 5★ reviews, one burst every 70 days. */
export function templateBursts(
  ctx: GenContext,
  firstDay: string,
  lastDay: string,
): { orders: DemoOrder[]; plans: Map<DemoOrder, ReviewPlan> } {
  const { rng } = ctx;
  const orders: DemoOrder[] = [];
  const plans = new Map<DemoOrder, ReviewPlan>();
  for (let offset = 25; offset < daysBetween(firstDay, lastDay) - 3; offset += 70) {
    const burstAt = dayStart(addDays(firstDay, offset)) + Math.round((10 + rng.next() * 10) * HOUR_MS);
    const product = rng.int(0, ctx.products.length - 1);
    const base = rng.pick(TEMPLATE_BASES);
    const n = rng.int(8, 12);
    for (let i = 0; i < n; i++) {
      const order = makeOrder(ctx, burstAt - Math.round((4.5 + rng.next()) * DAY_MS), {
        spike: false,
        clean: true,
        product,
      });
      if (order.deliveredAt === undefined) continue;
      const text = base
        .replace('{a}', rng.pick(TEMPLATE_SWAPS))
        .replace(/！$/, rng.pick(['！', '!', '~', '！！']));
      const at = Math.max(burstAt + rng.int(0, 110) * MINUTE_MS, order.deliveredAt + 20 * MINUTE_MS);
      orders.push(order);
      plans.set(order, { kind: 'template', cause: 'none', at, stars: FIVE, text, replyChance: 0.3 });
    }
  }
  return { orders, plans };
}

/** First index in `orders` (sorted by paidAt) paid at or after `ms`. */
function lowerBound(orders: readonly DemoOrder[], ms: number): number {
  let lo = 0;
  let hi = orders.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((orders[mid]?.paidAt ?? Infinity) < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Adds coercion (every 12 days) and diversion (every 16 days) plans on ordinary orders. */
export function coercionAndDiversion(
  rng: Rng,
  orders: readonly DemoOrder[],
  plans: Map<DemoOrder, ReviewPlan>,
  firstDay: string,
  days: number,
): void {
  const find = (day: number, ok: (o: DemoOrder) => boolean): DemoOrder | undefined => {
    const end = lowerBound(orders, dayStart(addDays(firstDay, day + 3)));
    for (let i = lowerBound(orders, dayStart(addDays(firstDay, day))); i < end; i++) {
      const o = orders[i];
      if (o && !plans.has(o) && !o.late && ok(o)) return o;
    }
    return undefined;
  };
  for (let d = 8; d < days - 5; d += 12) {
    const o = find(
      d,
      (x) =>
        x.deliveredAt !== undefined && x.afterSale !== undefined && x.afterSale.type !== 'presale_refund',
    );
    if (!o?.afterSale) continue;
    const text = rng.chance(0.5)
      ? rng.pick(COERCION)
      : `${rng.pick(['东西有问题', '质量不行', '和描述不一样'])}，${rng.pick(COERCION)}`;
    plans.set(o, {
      kind: 'coercion',
      cause: 'service',
      at: o.afterSale.appliedAt + Math.round((2 + rng.next() * 28) * HOUR_MS),
      stars: { product: 1, logistics: rng.int(3, 5), service: 1 },
      text,
      replyChance: 0.6,
    });
  }
  for (let d = 5; d < days - 5; d += 16) {
    const o = find(d, (x) => x.deliveredAt !== undefined && x.afterSale === undefined);
    if (o?.deliveredAt === undefined) continue;
    const stars = rng.chance(0.6) ? FIVE : { product: 3, logistics: 4, service: 4 };
    plans.set(o, {
      kind: 'diversion',
      cause: 'none',
      at: o.deliveredAt + Math.round((5 + rng.next() * 43) * HOUR_MS),
      stars,
      text: rng.pick(DIVERSION),
      replyChance: 0,
    });
  }
}

/** Rewrites up to six recent ordinary reviews with hostile text. Returns their ids. */
export function makeHostile(rng: Rng, reviews: DemoReview[], now: number): string[] {
  const recent = reviews.filter((r) => r.kind === 'normal' && r.createdAt > now - 14 * DAY_MS);
  const ids: string[] = [];
  HOSTILE.forEach((text, i) => {
    const r = recent.length > 0 ? recent[Math.floor(rng.next() * recent.length)] : undefined;
    if (!r || r.kind === 'hostile') return;
    r.kind = 'hostile';
    r.text = text;
    if (i === 0)
      r.appends = [{ text: HOSTILE[1] ?? text, at: Math.min(now, r.createdAt + HOUR_MS), photos: 0 }];
    ids.push(r.id);
  });
  return ids;
}
