/**
 * What happens after a negative review (issue #16, 差评挽回): the buyer appends a kinder word, modifies the
 * rating, or nothing changes; some reviews are appealed (申诉) by the shop, with a result. The chance of
 * winning a buyer back follows the merchant guides' figures per category (物流 68 %, 服务 52 %, 质量 45 %,
 * 描述不符 35 %) scaled by how fast the shop replied; without a reply it is small.
 *
 * Drawn from a generator seeded by the review id, so adding outcomes leaves every other draw of the world
 * (orders, stars, texts, replies) unchanged.
 */
import { APPEND_GOOD } from './phrases/replies';
import { createRng } from './prng';
import type { Cause, DemoReview, Stars } from './types';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** The guides' win-back rates by complaint family. */
export const WINBACK_BY_FAMILY = { logistics: 0.68, service: 0.52, quality: 0.45, mismatch: 0.35 };
export type Family = keyof typeof WINBACK_BY_FAMILY | 'other';

export function familyOf(cause: Cause): Family {
  switch (cause) {
    case 'logistics_slow':
    case 'late_ship':
    case 'damage':
    case 'missing':
    case 'wrong':
    case 'lost':
      return 'logistics';
    case 'service':
      return 'service';
    case 'quality':
      return 'quality';
    case 'mismatch':
      return 'mismatch';
    default:
      return 'other';
  }
}

/** Replies within an hour win back more; a late reply less; none hardly ever. */
export function speedFactor(replyDelayMs: number | undefined): number {
  if (replyDelayMs === undefined) return 0.15;
  if (replyDelayMs <= HOUR_MS) return 1.2;
  if (replyDelayMs <= 4 * HOUR_MS) return 1.05;
  if (replyDelayMs <= 24 * HOUR_MS) return 0.8;
  return 0.55;
}

export interface ReviewOutcome {
  kind: 'modified' | 'append';
  at: number;
  /** The modified rating (for `modified`). */
  stars?: Stars;
}

export interface ReviewAppeal {
  at: number;
  /** Absent while the platform is still reviewing it. */
  result?: 'accepted' | 'rejected';
  resultAt?: number;
}

const hash = (s: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
};

/** Sets `r.outcome` / `r.appeal` (and a kinder append) for a 1–2★ review; others are left alone. */
export function drawOutcome(r: DemoReview): void {
  const worst = Math.min(r.stars.product, r.stars.logistics, r.stars.service);
  if (worst > 2 || r.kind === 'default' || r.kind === 'hostile') return;
  const rng = createRng(hash(r.id) ^ 0x16_16_16);
  const family = familyOf(r.cause);
  const base = family === 'other' ? 0.3 : WINBACK_BY_FAMILY[family];
  const delay = r.reply ? r.reply.at - r.createdAt : undefined;
  const from = r.reply?.at ?? r.createdAt;
  if (rng.chance(Math.min(0.95, base * speedFactor(delay)))) {
    const at = from + Math.round((0.5 + rng.next() * 11.5) * DAY_MS);
    if (rng.chance(0.55)) {
      const up = (s: number) => (s <= 2 ? rng.int(4, 5) : s);
      r.outcome = {
        kind: 'modified',
        at,
        stars: {
          product: up(r.stars.product),
          logistics: up(r.stars.logistics),
          service: up(r.stars.service),
        },
      };
    } else {
      r.outcome = { kind: 'append', at };
      r.appends.push({ text: rng.pick(APPEND_GOOD), at, photos: 0 });
      r.appends.sort((a, b) => a.at - b.at);
    }
    return;
  }
  // Not won back: the shop appeals some (coercion and templated texts above all).
  const appealChance = r.kind === 'coercion' || r.kind === 'template' ? 0.8 : 0.12;
  if (rng.chance(appealChance)) {
    const at = r.createdAt + Math.round((2 + rng.next() * 46) * HOUR_MS);
    const ok = rng.chance(r.kind === 'normal' ? 0.25 : 0.7);
    r.appeal = {
      at,
      result: ok ? 'accepted' : 'rejected',
      resultAt: at + Math.round((1 + rng.next() * 4) * DAY_MS),
    };
  }
}
