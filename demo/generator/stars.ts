/** Per-dimension stars correlated with what happened to the order. */
import type { Rng } from './prng';
import type { Cause, Stars } from './text';

/** Weights for 1★…5★. */
type Dist = readonly [number, number, number, number, number];

// A good shop: bad (1–2★) product ratings are rare without a cause.
const BASE_PRODUCT: Dist = [0.0004, 0.0006, 0.025, 0.09, 0.884];
const BASE_LOGISTICS: Dist = [0.0005, 0.001, 0.02, 0.07, 0.9085];
const BASE_SERVICE: Dist = [0.0005, 0.001, 0.015, 0.07, 0.9135];

const PRODUCT_BY_CAUSE: Partial<Record<Cause, Dist>> = {
  quality: [0.25, 0.25, 0.4, 0.1, 0],
  mismatch: [0.2, 0.25, 0.45, 0.1, 0],
  damage: [0, 0.1, 0.4, 0.5, 0],
  missing: [0, 0.1, 0.4, 0.5, 0],
  wrong: [0, 0.1, 0.4, 0.5, 0],
  lost: [0, 0.1, 0.4, 0.5, 0],
  service: [0, 0, 0.4, 0.4, 0.2],
  price: [0, 0, 0.6, 0.4, 0],
  late_ship: [0, 0, 0, 0.5, 0.5],
};
const LOGISTICS_BY_CAUSE: Partial<Record<Cause, Dist>> = {
  logistics_slow: [0, 0.1, 0.5, 0.4, 0],
  late_ship: [0, 0.5, 0.5, 0, 0],
  damage: [0.3, 0.3, 0.4, 0, 0],
  missing: [0.3, 0.3, 0.4, 0, 0],
  wrong: [0.3, 0.3, 0.4, 0, 0],
  lost: [0.5, 0.5, 0, 0, 0],
};
const SERVICE_BY_CAUSE: Partial<Record<Cause, Dist>> = {
  service: [0.5, 0.5, 0, 0, 0],
  late_ship: [0, 0, 0.5, 0.5, 0],
  quality: [0, 0, 0.3, 0.4, 0.3],
  mismatch: [0, 0, 0.3, 0.4, 0.3],
};

/** Stars for a buyer-written review of an order with `cause`. */
export function starsFor(rng: Rng, cause: Cause): Stars {
  return {
    product: 1 + rng.weighted(PRODUCT_BY_CAUSE[cause] ?? BASE_PRODUCT),
    logistics: 1 + rng.weighted(LOGISTICS_BY_CAUSE[cause] ?? BASE_LOGISTICS),
    service: 1 + rng.weighted(SERVICE_BY_CAUSE[cause] ?? BASE_SERVICE),
  };
}

/**
 * The cause a review speaks about. Orders where nothing went wrong can still get a low star on one
 * dimension; the text then complains about that dimension rather than praising it.
 */
export function effectiveCause(rng: Rng, cause: Cause, stars: Stars): Cause {
  if (cause !== 'none') return cause;
  if (stars.product <= 2) return rng.chance(0.5) ? 'quality' : 'mismatch';
  if (stars.logistics <= 2) return 'logistics_slow';
  if (stars.service <= 2) return 'service';
  return 'none';
}
