/**
 * Reviews for delivered orders: ~30 % of them, written after 签收, with stars and text that follow what
 * happened, photos, appends (追评) and shop replies. Forced plans cover the scenario and suspicious ones.
 */
import type { GenContext } from './context';
import { maskedNick } from './people';
import { phrase } from './phrases/bank';
import { APPEND_BAD, APPEND_GOOD, REPLY_BAD, REPLY_GOOD } from './phrases/replies';
import { effectiveCause, starsFor } from './stars';
import { composeReview } from './text';
import { buyerVoice } from './voice';
const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
import type { Cause, DemoOrder, DemoReview, ReviewKind, Stars } from './types';

/** A review decided in advance (scenario 1★, template bursts, coercion, diversion). */
export interface ReviewPlan {
  kind: ReviewKind;
  at: number;
  stars: Stars;
  /** Composed from the cause when absent. */
  text?: string;
  cause: Cause;
  /** Probability that the shop replied (default by stars). */
  replyChance?: number;
}

/** Chance that a delivered order gets a buyer review, by cause: unhappy buyers write more. */
function reviewChance(order: DemoOrder): number {
  if (order.cause === 'none') return 0.28;
  // Many buyers with a refunded quality problem never come back to review.
  if (order.cause === 'quality' || order.cause === 'mismatch') return 0.22;
  return 0.4;
}

/** Builds the review of `order`, or undefined when the buyer wrote none. */
export function makeReview(
  ctx: GenContext,
  order: DemoOrder,
  orderIndex: number,
  plan?: ReviewPlan,
): DemoReview | undefined {
  const { rng } = ctx;
  if (order.deliveredAt === undefined) return undefined;
  if (!plan && !rng.chance(reviewChance(order))) return undefined;
  const item = order.afterSale?.item ?? rng.int(0, order.items.length - 1);
  const product = ctx.products[order.items[item]?.product ?? 0];
  if (!product) return undefined;
  const nick = maskedNick(rng);
  if (!plan && rng.chance(0.09)) {
    // 系统默认好评: the buyer wrote nothing; the platform fills in 5★ after the review period.
    const at = order.deliveredAt + 15 * DAY_MS + rng.int(0, 120) * MINUTE_MS;
    return review(
      ctx.reviewIds.next(at),
      orderIndex,
      item,
      at,
      { product: 5, logistics: 5, service: 5 },
      '',
      'default',
      'none',
      nick,
      0,
      0,
    );
  }
  const stars = plan?.stars ?? starsFor(rng, order.cause);
  const cause = plan?.cause ?? effectiveCause(rng, order.cause, stars);
  const at =
    plan?.at ??
    order.deliveredAt + Math.round(Math.min(-Math.log(1 - rng.next()) * 2.5, 14) * DAY_MS) + 10 * MINUTE_MS;
  // The buyer's own voice draws from a stream forked per order: the rest of the world does not shift.
  const text =
    plan?.text ??
    buyerVoice(
      rng.fork(0x7e57_0000 + orderIndex),
      composeReview(rng, cause, stars, product.category, product.short),
      {
        cause,
        stars,
        category: product.category,
        product: product.short,
      },
    );
  const worst = Math.min(stars.product, stars.logistics, stars.service);
  const photos = rng.chance(worst <= 2 ? 0.45 : 0.22) ? rng.int(1, 6) : 0;
  const videos = rng.chance(0.03) ? 1 : 0;
  const r = review(
    ctx.reviewIds.next(at),
    orderIndex,
    item,
    at,
    stars,
    text,
    plan?.kind ?? 'normal',
    cause,
    nick,
    photos,
    videos,
  );
  if (rng.chance(0.07)) {
    const bad = stars.product <= 3;
    r.appends.push({
      text: rng.pick(bad ? APPEND_BAD : APPEND_GOOD),
      at: at + Math.round((2 + rng.next() * 23) * DAY_MS),
      photos: rng.chance(0.2) ? rng.int(1, 2) : 0,
    });
  }
  const replyChance = plan?.replyChance ?? (worst <= 2 ? 0.75 : worst === 3 ? 0.5 : 0.3);
  if (rng.chance(replyChance)) {
    const bad = worst <= 3;
    const delayH = bad ? 1 + rng.next() * 35 : 2 + rng.next() * 94;
    r.reply = {
      text: phrase(rng, bad ? REPLY_BAD : REPLY_GOOD, product.category, product.short),
      at: at + Math.round(delayH * HOUR_MS),
    };
  }
  return r;
}

/** One constructor so every review object has the same shape (fast property access in V8). */
function review(
  id: string,
  order: number,
  item: number,
  createdAt: number,
  stars: Stars,
  text: string,
  kind: ReviewKind,
  cause: Cause,
  nick: string,
  photos: number,
  videos: number,
): DemoReview {
  return {
    id,
    order,
    item,
    createdAt,
    stars,
    text,
    kind,
    cause,
    nick,
    photos,
    videos,
    appends: [],
    reply: undefined,
    outcome: undefined,
    appeal: undefined,
  };
}
