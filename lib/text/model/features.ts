/**
 * Features of the learned text model (issue #11): hashed character 1–3-grams of the folded text plus a
 * few dense features from the lexicon's evidence. Shared by the training script and the runtime, so both
 * see exactly the same numbers. Pure; bounded work per text (only the first MAX_CHARS are read).
 */
import { ASPECTS } from '../aspects';
import { NONE_AFTER } from '../clauses';
import type { WeightedEvidence } from '../evidence';
import { foldChar, foldText } from '../normalize';
import { createTrie, scanLongest, trieInsert, type TrieNode } from '../trie';
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

/** Feature families: the plain 1–3-grams and the optional extras (see `FEATURE_EXTRAS`). */
export const FAMILY_PLAIN = 0;
export const FAMILY_GAP = 1;
export const FAMILY_PAIRS = 2;
export const FAMILY_ASKIP = 3;

/** Sparse n-gram features: bucket ids (may repeat) and their spans in the original text. */
export interface NgramFeatures {
  ids: Int32Array;
  /** [start, end) in the original text for feature i: starts[i], ends[i]. */
  starts: Int32Array;
  ends: Int32Array;
  count: number;
  /** Entries [0, plain) are the plain 1–3-grams; absent: all of them are. */
  plain?: number;
  /** Family of entry i (FAMILY_*); absent: all plain. */
  family?: Uint8Array;
}

/** The text as char classes (`charCode`), boundaries collapsed, masked characters marked. */
function charClasses(
  text: string,
  masked: readonly (readonly [number, number])[],
): { codes: Int32Array; pos: Int32Array; m: number } {
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
  return { codes, pos, m };
}

/**
 * Hashed 1–3-grams of `text` (first MAX_CHARS units). Unigrams of boundaries are skipped, and so is every
 * n-gram touching a `masked` span: the lexicon's negated complaints ("一点也不起球", "物流不慢"), whose
 * words would otherwise read as the complaint itself; the dense features carry them instead.
 */
export function ngrams(text: string, masked: readonly (readonly [number, number])[] = []): NgramFeatures {
  const { codes, pos, m } = charClasses(text, masked);
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
 * Gapped character pairs of `text` (first MAX_CHARS units): c1 … c2 with 1…`gap` characters between, all
 * in one clause (no punctuation between) and none masked. One bucket for every distance, so "物流太慢" and
 * "物流真的太慢" share 流…慢. Spans run from c1 to c2.
 */
export function gappedPairs(
  text: string,
  masked: readonly (readonly [number, number])[] = [],
  gap = 3,
): NgramFeatures {
  const { codes, pos, m } = charClasses(text, masked);
  const cap = m * gap;
  const ids = new Int32Array(cap);
  const starts = new Int32Array(cap);
  const ends = new Int32Array(cap);
  let k = 0;
  for (let i = 0; i < m; i++) {
    const c1 = codes[i]!;
    if (c1 === MASKED || c1 === BOUNDARY) continue;
    for (let g = 1; g <= gap && i + g + 1 < m; g++) {
      const between = codes[i + g]!;
      const c2 = codes[i + g + 1]!;
      if (between === BOUNDARY || between === MASKED || c2 === BOUNDARY || c2 === MASKED) break;
      ids[k] = mix(Math.imul(Math.imul(c1, 0x9e3779b1) ^ c2, 0x01000193) ^ 0x4444) & MASK;
      starts[k] = pos[i]!;
      ends[k++] = pos[i + g + 1]! + 1;
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

/**
 * Optional feature families on top of the 1–3-grams (eighth round, docs/text-model.md). A model file names
 * the ones it was trained with (`features` in the file; none = the plain n-grams), and the runtime computes
 * exactly those: trainer and analyzer both go through `modelFeatures`.
 * - `gap1`…`gap3`: gapped character pairs within a clause, 1…k characters between (see `gappedPairs`);
 * - `pairs`: aspect–opinion pairs of the lexicon within a clause (see `aspectPairs`);
 * - `askip`: an aspect word with each character that follows it in its clause (see `aspectPairs`).
 */
export const FEATURE_EXTRAS = ['gap1', 'gap2', 'gap3', 'pairs', 'askip'] as const;
export type FeatureExtra = (typeof FEATURE_EXTRAS)[number];

export interface FeatureSet {
  gap: number;
  pairs: boolean;
  askip: boolean;
}

export const PLAIN_FEATURES: FeatureSet = { gap: 0, pairs: false, askip: false };

/** The feature set a list of extras names; throws on an unknown or repeated name. */
export function featureSet(extras: readonly unknown[] = []): FeatureSet {
  const set = { ...PLAIN_FEATURES };
  const seen = new Set<unknown>();
  for (const e of extras) {
    if (!(FEATURE_EXTRAS as readonly unknown[]).includes(e) || seen.has(e))
      throw new Error(`unknown or repeated feature ${String(e)}`);
    seen.add(e);
    if (e === 'pairs') set.pairs = true;
    else if (e === 'askip') set.askip = true;
    else if (set.gap) throw new Error('one gap feature at most');
    else set.gap = Number((e as string).slice(3));
  }
  return set;
}

/** The extras of a feature set, in a fixed order (what a model file stores). */
export function featureExtras(set: FeatureSet): FeatureExtra[] {
  const out: FeatureExtra[] = [];
  if (set.gap) out.push(`gap${set.gap}` as FeatureExtra);
  if (set.pairs) out.push('pairs');
  if (set.askip) out.push('askip');
  return out;
}

/** Aspect words only (the lexicon's ASPECTS), folded, each with a stable id. */
let aspectRoot: TrieNode<number> | undefined;
function aspectTrie(): TrieNode<number> {
  if (aspectRoot) return aspectRoot;
  const root = createTrie<number>();
  for (const a of ASPECTS) for (const w of a.words) trieInsert(root, foldText(w), hashString(foldText(w)));
  aspectRoot = root;
  return root;
}

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Characters after an aspect word that `askip` pairs it with, and the reach of a `pairs` pair. */
export const ASPECT_REACH = 8;
/** Aspect words read per text (bounded work on long texts). */
const MAX_ASPECTS = 64;

/**
 * Features anchored on the lexicon's aspect words (物流, 客服, 质量 …) in the first MAX_CHARS of `text`,
 * each within its clause (punctuation ends a clause) and never touching a masked span:
 * - `pairs`: the aspect with every evidence term of the lexicon (`evidence`, offsets through
 *   `partStarts` as in `negatedSpans`) at most ASPECT_REACH characters away in the same clause, hashed
 *   with the term's polarity sign ("客服…不理", "物流…慢"); no pair spans a masked span;
 * - `askip`: the aspect with each of the ASPECT_REACH characters after it ("客服…理").
 * A span runs from the first to the last character of the pair.
 */
export function aspectPairs(
  text: string,
  evidence: readonly WeightedEvidence[],
  partStarts: readonly number[],
  masked: readonly (readonly [number, number])[],
  set: FeatureSet,
): NgramFeatures {
  const n = Math.min(text.length, MAX_CHARS);
  const folded = foldText(text.slice(0, n));
  // Clause of each offset: a new clause after every boundary character.
  const clause = new Int32Array(n);
  let c = 0;
  for (let i = 0; i < n; i++) {
    if (charCode(folded.charCodeAt(i)) === BOUNDARY) c++;
    clause[i] = c;
  }
  const isMasked = (s: number, e: number) => masked.some(([ms, me]) => s < me && ms < e);
  const terms: { s: number; e: number; h: number }[] = [];
  if (set.pairs)
    for (const { ev } of evidence) {
      const off = partStarts[ev.part + 1];
      if (off === undefined || ev.polarity === 0) continue;
      const s = ev.start + off;
      const e = ev.end + off;
      if (e > n || isMasked(s, e)) continue;
      terms.push({ s, e, h: hashString(folded.slice(s, e)) ^ (ev.polarity < 0 ? 0x5a5a : 0xa5a5) });
    }
  const aspects = scanLongest(aspectTrie(), folded).slice(0, MAX_ASPECTS);
  const cap = aspects.length * ((set.pairs ? terms.length : 0) + (set.askip ? ASPECT_REACH : 0));
  const ids = new Int32Array(cap);
  const starts = new Int32Array(cap);
  const ends = new Int32Array(cap);
  let k = 0;
  for (const a of aspects) {
    if (folded[a.start - 1] === '比' || isMasked(a.start, a.end)) continue;
    const ac = clause[a.start]!;
    if (set.pairs)
      for (const t of terms) {
        if (t.s < a.end && a.start < t.e) continue;
        if (clause[t.s] !== ac || t.s - a.end > ASPECT_REACH || a.start - t.e > ASPECT_REACH) continue;
        const s = Math.min(a.start, t.s);
        const e = Math.max(a.end, t.e);
        if (isMasked(s, e)) continue;
        ids[k] = mix(Math.imul(a.value, 0x9e3779b1) ^ t.h ^ 0x5555) & MASK;
        starts[k] = s;
        ends[k++] = e;
      }
    if (set.askip)
      for (let j = a.end; j < Math.min(n, a.end + ASPECT_REACH); j++) {
        const cj = charCode(folded.charCodeAt(j));
        if (cj === BOUNDARY || isMasked(j, j + 1)) break;
        if (cj < 0) continue;
        ids[k] = mix(Math.imul(a.value, 0x9e3779b1) ^ Math.imul(cj, 0x2c1b3c6d) ^ 0x6666) & MASK;
        starts[k] = a.start;
        ends[k++] = j + 1;
      }
  }
  return { ids, starts, ends, count: k };
}

/**
 * Every sparse feature the model reads of `joined` (the parts joined, see learned.ts `modelInput`): the
 * 1–3-grams with the lexicon's negated complaints masked, then the extras the set asks for, each entry
 * tagged with its family. The one function trainer and runtime share. With no extras this is `ngrams`.
 */
export function modelFeatures(
  joined: string,
  partStarts: readonly number[],
  evidence: readonly WeightedEvidence[],
  set: FeatureSet = PLAIN_FEATURES,
): NgramFeatures {
  const masked = negatedSpans(evidence, partStarts, joined);
  const f = ngrams(joined, masked);
  if (!set.gap && !set.pairs && !set.askip) return f;
  const parts: [NgramFeatures, number][] = [[f, FAMILY_PLAIN]];
  if (set.gap) parts.push([gappedPairs(joined, masked, set.gap), FAMILY_GAP]);
  if (set.pairs)
    parts.push([aspectPairs(joined, evidence, partStarts, masked, { ...set, askip: false }), FAMILY_PAIRS]);
  if (set.askip)
    parts.push([aspectPairs(joined, evidence, partStarts, masked, { ...set, pairs: false }), FAMILY_ASKIP]);
  const count = parts.reduce((s, [p]) => s + p.count, 0);
  const out: NgramFeatures = {
    ids: new Int32Array(count),
    starts: new Int32Array(count),
    ends: new Int32Array(count),
    count,
    plain: f.count,
    family: new Uint8Array(count),
  };
  let k = 0;
  for (const [p, fam] of parts) {
    out.ids.set(p.ids.subarray(0, p.count), k);
    out.starts.set(p.starts.subarray(0, p.count), k);
    out.ends.set(p.ends.subarray(0, p.count), k);
    out.family!.fill(fam, k, k + p.count);
    k += p.count;
  }
  return out;
}

/** Bit mask of the families a feature set reads (plain always). */
export function familyMask(set: FeatureSet): number {
  return (
    (1 << FAMILY_PLAIN) |
    (set.gap ? 1 << FAMILY_GAP : 0) |
    (set.pairs ? 1 << FAMILY_PAIRS : 0) |
    (set.askip ? 1 << FAMILY_ASKIP : 0)
  );
}

/** The union of two feature sets (the larger gap). */
export function unionSet(a: FeatureSet, b: FeatureSet): FeatureSet {
  return { gap: Math.max(a.gap, b.gap), pairs: a.pairs || b.pairs, askip: a.askip || b.askip };
}
