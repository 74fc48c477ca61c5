/**
 * Character bigrams, exact Jaccard, and MinHash signatures for LSH. All hashing is seeded with fixed
 * constants so results are identical on every run and machine.
 */
import { mulberry32 } from '../random';

/** Sorted unique bigram codes (two UTF-16 units packed into 32 bits). Texts of one char give none. */
export function bigrams(text: string): Uint32Array {
  const codes = new Uint32Array(Math.max(0, text.length - 1));
  for (let i = 0; i + 1 < text.length; i++)
    codes[i] = ((text.charCodeAt(i) << 16) | text.charCodeAt(i + 1)) >>> 0;
  codes.sort();
  let w = 0;
  for (let i = 0; i < codes.length; i++) if (i === 0 || codes[i] !== codes[i - 1]) codes[w++] = codes[i] ?? 0;
  return codes.slice(0, w);
}

/** Jaccard similarity of two sorted unique code arrays. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  let i = 0;
  let j = 0;
  let inter = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    if (x === y) {
      inter++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return inter / (a.length + b.length - inter);
}

/** murmur3 finalizer: spreads bigram codes before the linear hash family. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** 32-bit integers from the shared seeded PRNG (scaling its 2^-32 grid by 2^32 is exact). */
const uint32s = (seed: number): (() => number) => {
  const next = mulberry32(seed);
  return () => next() * 4294967296;
};

export interface MinHasher {
  numHashes: number;
  signature(codes: Uint32Array): Uint32Array;
}

/** A family of `numHashes` hash functions h_i(x) = a_i·fmix(x) + b_i (mod 2^32), a_i odd. */
export function createMinHasher(numHashes: number, seed = 0x5eed): MinHasher {
  const rnd = uint32s(seed);
  const a = new Uint32Array(numHashes);
  const b = new Uint32Array(numHashes);
  for (let i = 0; i < numHashes; i++) {
    a[i] = rnd() | 1;
    b[i] = rnd();
  }
  return {
    numHashes,
    signature(codes) {
      // Hash-major loop over a pre-mixed copy: a tight inner loop the JIT keeps in registers.
      const xs = new Uint32Array(codes.length);
      for (let k = 0; k < codes.length; k++) xs[k] = fmix32(codes[k] as number);
      const sig = new Uint32Array(numHashes);
      for (let i = 0; i < numHashes; i++) {
        const ai = a[i] as number;
        const bi = b[i] as number;
        let min = 0xffffffff;
        for (let k = 0; k < xs.length; k++) {
          const h = (Math.imul(ai, xs[k] as number) + bi) >>> 0;
          if (h < min) min = h;
        }
        sig[i] = min;
      }
      return sig;
    },
  };
}

/** Hash of rows [from, to) of a signature: the LSH band key. */
export function bandKey(sig: Uint32Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    h ^= sig[i] ?? 0;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
