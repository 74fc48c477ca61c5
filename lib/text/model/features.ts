/**
 * Features of the learned text model (issue #11): hashed character 1–3-grams of the folded text plus a
 * few dense features from the lexicon's evidence. Shared by the training script and the runtime, so both
 * see exactly the same numbers. Pure; bounded work per text (only the first MAX_CHARS are read).
 */
import { NONE_AFTER } from '../clauses';
import type { WeightedEvidence } from '../evidence';
import { foldChar } from '../normalize';
import type { TopicCategory } from '../types';

/** Hash space of the n-gram features: 2^20 buckets (collisions are rare and harmless). */
export const HASH_BITS = 20;
const MASK = (1 << HASH_BITS) - 1;
/** Longer texts are read up to here: buyers say what matters early, and time stays bounded. */
export const MAX_CHARS = 600;
export const TOPICS: readonly TopicCategory[] = ['quality', 'mismatch', 'logistics', 'service', 'price'];
/** Dense lexicon features: see `denseFeatures`. */
export const DENSE = 14;

const BOUNDARY = 0x7c; // '|'
/** Stands in for masked characters: n-grams containing it are not emitted. */
const MASKED = -2;

/** One char class per UTF-16 unit: punctuation and spaces → boundary, digits → '0', letters folded. */
function charCode(c: number): number {
  c = foldChar(c);
  if (c >= 0x30 && c <= 0x39) return 0x30;
  if (c <= 0x2f || (c >= 0x3a && c <= 0x40) || (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7f))
    return BOUNDARY;
  if ((c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xff0f) || (c >= 0x2000 && c <= 0x206f))
    return BOUNDARY;
  if (c === 0xfe0f || c === 0x200d || c === 0xfeff) return -1; // variation selector, joiners: dropped
  return c;
}

const mix = (h: number): number => {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h;
};

/** Sparse n-gram features: bucket ids (may repeat) and their spans in the original text. */
export interface NgramFeatures {
  ids: Int32Array;
  /** [start, end) in the original text for feature i: starts[i], ends[i]. */
  starts: Int32Array;
  ends: Int32Array;
  count: number;
}

/**
 * Hashed 1–3-grams of `text` (first MAX_CHARS units). Unigrams of boundaries are skipped, and so is every
 * n-gram touching a `masked` span: the lexicon's negated complaints ("一点也不起球", "物流不慢"), whose
 * words would otherwise read as the complaint itself; the dense features carry them instead.
 */
export function ngrams(text: string, masked: readonly (readonly [number, number])[] = []): NgramFeatures {
  const n = Math.min(text.length, MAX_CHARS);
  const codes = new Int32Array(n);
  const pos = new Int32Array(n);
  let m = 0;
  let prevBoundary = true;
  for (let i = 0; i < n; i++) {
    let c = charCode(text.charCodeAt(i));
    if (c < 0) continue;
    if (masked.length && masked.some(([s, e]) => i >= s && i < e)) c = MASKED;
    if (c === BOUNDARY) {
      if (prevBoundary) continue;
      prevBoundary = true;
    } else prevBoundary = false;
    codes[m] = c;
    pos[m] = i;
    m++;
  }
  const cap = m * 3;
  const ids = new Int32Array(cap);
  const starts = new Int32Array(cap);
  const ends = new Int32Array(cap);
  let k = 0;
  for (let i = 0; i < m; i++) {
    const c1 = codes[i]!;
    if (c1 === MASKED) continue;
    if (c1 !== BOUNDARY) {
      ids[k] = mix(Math.imul(c1, 0x9e3779b1) ^ 0x1111) & MASK;
      starts[k] = pos[i]!;
      ends[k++] = pos[i]! + 1;
    }
    if (i + 1 < m) {
      const c2 = codes[i + 1]!;
      if (c2 === MASKED) continue;
      if (c1 !== BOUNDARY || c2 !== BOUNDARY) {
        const h2 = Math.imul(Math.imul(c1, 0x9e3779b1) ^ c2, 0x01000193) ^ 0x2222;
        ids[k] = mix(h2) & MASK;
        starts[k] = pos[i]!;
        ends[k++] = pos[i + 1]! + 1;
      }
      if (i + 2 < m) {
        const c3 = codes[i + 2]!;
        if (c3 === MASKED) continue;
        const h3 = Math.imul(Math.imul(Math.imul(c1, 0x9e3779b1) ^ c2, 0x01000193) ^ c3, 0x2c1b3c6d) ^ 0x3333;
        ids[k] = mix(h3) & MASK;
        starts[k] = pos[i]!;
        ends[k++] = pos[i + 2]! + 1;
      }
    }
  }
  return { ids, starts, ends, count: k };
}

/**
 * Characters before a negated complaint that are masked with it: the negator ("没有异味", "一点也不起球"),
 * which alone reads as a complaint to a model of the corpus ("没有" is common in bad reviews).
 */
export const NEGATOR_REACH = 3;

/**
 * Spans of the lexicon's negated evidence (offsets in the analysed text `joined`), for `ngrams`' mask:
 * the complaint word, up to NEGATOR_REACH characters before it, and a negator after it ("一个坏的都没有").
 */
export function negatedSpans(
  evidence: readonly WeightedEvidence[],
  partStarts: readonly number[],
  joined: string,
): [number, number][] {
  const out: [number, number][] = [];
  for (const { ev } of evidence) {
    const off = partStarts[ev.part + 1];
    if (!ev.negated || !ev.category || off === undefined) continue;
    const end = ev.end + off;
    const after = NONE_AFTER.exec(joined.slice(end, end + 8));
    out.push([Math.max(off, ev.start + off - NEGATOR_REACH), end + (after ? after[0].length : 0)]);
  }
  return out;
}

const squash = (x: number) => x / (1 + x);

/**
 * Dense features from the lexicon's evidence: overall praise/complaint mass, complaint and praise mass
 * per topic, negation seen, and length. Squashed to 0…1.
 */
export function denseFeatures(evidence: readonly WeightedEvidence[], length: number): Float32Array {
  const d = new Float32Array(DENSE);
  let pos = 0;
  let neg = 0;
  let negated = 0;
  const topicNeg = new Float32Array(TOPICS.length);
  const topicPos = new Float32Array(TOPICS.length);
  for (const { ev, clauseWeight } of evidence) {
    const v = ev.polarity * clauseWeight;
    if (v > 0) pos += v;
    else neg -= v;
    if (ev.negated) negated = 1;
    const t = ev.category ? TOPICS.indexOf(ev.category) : -1;
    if (t >= 0) {
      if (ev.polarity < 0) topicNeg[t]! += -ev.polarity;
      else topicPos[t]! += ev.polarity;
    }
  }
  d[0] = squash(pos);
  d[1] = squash(neg);
  for (let t = 0; t < TOPICS.length; t++) {
    d[2 + t] = squash(topicNeg[t]!);
    d[7 + t] = squash(topicPos[t]!);
  }
  d[12] = negated;
  d[13] = Math.min(1, Math.log1p(length) / 8);
  return d;
}
