/**
 * Seeded randomness for the demo world. mulberry32 is tiny, fast and good enough for fixtures; the
 * generator never touches Math.random so the same options always produce the same world.
 */
import { mulberry32 } from '../../lib/random';

/** A seeded random source with the few draws the generator needs. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max] (inclusive). */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** Index chosen with the given non-negative weights. */
  weighted(weights: readonly number[]): number;
  /** Roughly normal (Irwin–Hall of 3), mean `mean`, standard deviation `sd`. */
  normal(mean: number, sd: number): number;
  /** A new independent stream, so adding draws in one part of the world does not shift another. */
  fork(salt: number): Rng;
}

/**
 * A fast weighted chooser for weights used many times (precomputed cumulative sums, binary search):
 * `weighted` re-sums on every call, which dominated generation time for 120k orders.
 */
export function picker(weights: readonly number[]): (rng: Rng) => number {
  const cum = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((w, i) => (cum[i] = total += w));
  return (rng) => {
    const r = rng.next() * total;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cum[mid] ?? 0) > r) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

/** Creates a seeded random source. */
export function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
    weighted(weights) {
      let total = 0;
      for (const w of weights) total += w;
      let r = next() * total;
      for (let i = 0; i < weights.length; i++) {
        r -= weights[i] ?? 0;
        if (r < 0) return i;
      }
      return weights.length - 1;
    },
    normal: (mean, sd) => mean + (next() + next() + next() - 1.5) * 2 * sd,
    // Mixing with a large odd constant keeps forks with nearby salts uncorrelated.
    fork: (salt) => createRng((Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(salt, 0xc2b2ae35)) >>> 0),
  };
  return rng;
}
