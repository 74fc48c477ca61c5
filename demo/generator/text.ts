/**
 * Composes review text that matches the stars and the cause of what happened to the order, from the
 * phrase banks. A 5★ review can still carry a complaint about one dimension ("东西不错，就是物流太慢了").
 */
import type { Category } from './catalog';
import { phrase, type PhraseSet } from './phrases/bank';
import * as C from './phrases/complaints';
import * as P from './phrases/praise';
import type { Rng } from './prng';

/** Why a review is (un)happy. `none` = nothing went wrong. */
export type Cause =
  | 'none'
  | 'quality'
  | 'mismatch'
  | 'logistics_slow'
  | 'late_ship'
  | 'damage'
  | 'missing'
  | 'wrong'
  | 'lost'
  | 'service'
  | 'price';

/** Per-dimension stars, 1–5. */
export interface Stars {
  product: number;
  logistics: number;
  service: number;
}

const CAUSE_BANK: Record<Exclude<Cause, 'none'>, PhraseSet> = {
  quality: C.QUALITY,
  mismatch: C.MISMATCH,
  logistics_slow: C.LOGISTICS_SLOW,
  late_ship: C.LATE_SHIPMENT,
  damage: C.LOGISTICS_DAMAGE,
  missing: C.LOGISTICS_MISSING,
  wrong: C.LOGISTICS_WRONG,
  lost: C.LOGISTICS_LOST,
  service: C.SERVICE,
  price: C.PRICE,
};

/** Every phrase set the composer draws from (for the distinct-phrase count). */
export const ALL_SETS: readonly PhraseSet[] = [
  ...Object.values(CAUSE_BANK),
  C.NEUTRAL,
  C.MILD_LOGISTICS,
  C.MILD_SERVICE,
  C.CLOSERS_BAD,
  P.OPENERS,
  P.PRAISE_PRODUCT,
  P.PRAISE_NEGATED,
  P.PRAISE_LOGISTICS,
  P.PRAISE_SERVICE,
  P.CLOSERS_GOOD,
];

const ENDS = new Set(['。', '！', '!', '~', '？', '?']);
const ended = (s: string): boolean => ENDS.has(s.charAt(s.length - 1));

function join(rng: Rng, parts: string[]): string {
  let out = '';
  for (const part of parts) {
    if (out === '') out = part;
    else if (!out.includes(part)) out += (ended(out) ? '' : rng.chance(0.6) ? '，' : '。') + part;
  }
  return ended(out) ? out : out + (rng.chance(0.8) ? '。' : '！');
}

/** The review text for one order. */
export function composeReview(
  rng: Rng,
  cause: Cause,
  stars: Stars,
  category: Category,
  product: string,
): string {
  const parts: string[] = [];
  if (rng.chance(0.2)) parts.push(phrase(rng, P.OPENERS, category, product));
  const worst = Math.min(stars.product, stars.logistics, stars.service);

  if (cause !== 'none' && worst <= 3) {
    const complaint = phrase(rng, CAUSE_BANK[cause], category, product);
    if (stars.product >= 4) {
      // The goods were fine; the complaint is about another dimension.
      parts.push(
        `${phrase(rng, P.PRAISE_PRODUCT, category, product)}${rng.pick(['，就是', '，但是', '。不过'])}${complaint}`,
      );
    } else {
      parts.push(complaint);
      if (rng.chance(0.45)) parts.push(phrase(rng, CAUSE_BANK[cause], category, product));
    }
    if (worst <= 2 && rng.chance(0.5)) parts.push(phrase(rng, C.CLOSERS_BAD, category, product));
    return join(rng, parts);
  }
  if (stars.product <= 3) {
    parts.push(phrase(rng, C.NEUTRAL, category, product));
    if (rng.chance(0.5)) parts.push(phrase(rng, rng.chance(0.5) ? C.PRICE : C.MISMATCH, category, product));
    return join(rng, parts);
  }
  if (worst === 3) {
    // Good goods, one lukewarm dimension.
    const mild = stars.logistics === 3 ? C.MILD_LOGISTICS : C.MILD_SERVICE;
    parts.push(
      `${phrase(rng, P.PRAISE_PRODUCT, category, product)}${rng.pick(['，就是', '，不过'])}${phrase(rng, mild, category, product)}`,
    );
    return join(rng, parts);
  }
  parts.push(phrase(rng, P.PRAISE_PRODUCT, category, product));
  if (rng.chance(0.45)) parts.push(phrase(rng, P.PRAISE_NEGATED, category, product));
  if (stars.logistics >= 4 && rng.chance(0.4)) parts.push(phrase(rng, P.PRAISE_LOGISTICS, category, product));
  if (stars.service >= 4 && rng.chance(0.2)) parts.push(phrase(rng, P.PRAISE_SERVICE, category, product));
  if (rng.chance(0.5)) parts.push(phrase(rng, P.CLOSERS_GOOD, category, product));
  return join(rng, parts);
}
