/**
 * The learned text model at run time (issue #11): linear heads (sentiment and one per complaint topic)
 * over hashed character n-grams and lexicon features. The weights come from a versioned file written by
 * `npm run train:text` (scripts/train-text.ts): per head a bias, dense weights, and sparse int8-quantized
 * n-gram weights (bucket ids delta-encoded as varints, base64). `decodeModel` checks the file fully and
 * throws on anything malformed, so a corrupt file never yields a half-working model.
 */
import { fnv1a } from '../accuracy';
import {
  DENSE,
  HASH_BITS,
  PLAIN_FEATURES,
  familyMask,
  featureSet,
  unionSet,
  type FeatureSet,
  type NgramFeatures,
} from './features';

export const MODEL_FORMAT = 'koubei-text-model';
export const MODEL_VERSION = 1;
export const HEADS = ['sentiment', 'quality', 'mismatch', 'logistics', 'service', 'price'] as const;
export type HeadName = (typeof HEADS)[number];

/** One head as stored. */
export interface StoredHead {
  name: HeadName;
  bias: number;
  dense: number[];
  /** Quantization step: weight = int8 × scale. */
  scale: number;
  /** Bucket ids, ascending, as base64 of unsigned LEB128 deltas. */
  idx: string;
  /** int8 weights, base64, one per id. */
  w: string;
  /** Probability at or above which the head's tag is shown (categories), tuned out-of-fold. */
  threshold: number;
  /** Feature extras this head reads beyond the 1–3-grams (features.ts `FEATURE_EXTRAS`); absent = none. */
  features?: string[];
}

export interface StoredModel {
  format: typeof MODEL_FORMAT;
  version: number;
  hashBits: number;
  denseCount: number;
  /** Sentiment: neutral when |p − 0.5| < margin, or when the text hits no known n-gram. */
  neutralMargin: number;
  heads: StoredHead[];
  /** Figures printed by the trainer (informative). */
  meta?: Record<string, unknown>;
}

function fromBase64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Ascending ids → unsigned LEB128 deltas (the trainer's encoding; `decodeIds` reverses it). */
export function encodeIds(ids: readonly number[]): Uint8Array {
  const out: number[] = [];
  let prev = 0;
  for (const id of ids) {
    let v = id - prev;
    prev = id;
    while (v >= 0x80) {
      out.push((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    out.push(v);
  }
  return Uint8Array.from(out);
}

function decodeIds(bytes: Uint8Array): number[] {
  const ids: number[] = [];
  let prev = 0;
  let v = 0;
  let shift = 0;
  for (const b of bytes) {
    v |= (b & 0x7f) << shift;
    if (b & 0x80) {
      shift += 7;
      if (shift > 28) throw new Error('varint too long');
      continue;
    }
    prev += v;
    ids.push(prev);
    v = 0;
    shift = 0;
  }
  if (shift !== 0) throw new Error('truncated varint');
  return ids;
}

/** A decoded model: an open-addressing table from bucket id to a row of per-head weights. */
export interface TextModel {
  heads: readonly HeadName[];
  bias: Float64Array;
  dense: Float64Array;
  thresholds: Float64Array;
  neutralMargin: number;
  keys: Int32Array;
  rows: Int32Array;
  weights: Float32Array;
  mask: number;
  /** The features the heads read together: the runtime computes exactly these. */
  features: FeatureSet;
  /** Per head, a bit mask of the feature families it reads (features.ts FAMILY_*). */
  families: Int32Array;
  meta: Record<string, unknown>;
  /**
   * Which weights these are: a hash of everything the heads score with. A shop's adapter learnt on other
   * weights (a retrained file in an update) is dropped and relearnt (lib/text/adapter-store.ts).
   */
  id: string;
}

/** FNV-1a of the parts, separated. */
const weightsId = (parts: readonly string[]): string =>
  fnv1a(parts.join('\u001f')).toString(16).padStart(8, '0');

const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** Parses and checks a stored model; throws with a reason when anything is off. */
export function decodeModel(raw: unknown): TextModel {
  const m = raw as Partial<StoredModel> | null;
  if (!m || m.format !== MODEL_FORMAT) throw new Error('not a text model file');
  if (m.version !== MODEL_VERSION)
    throw new Error(`model version ${String(m.version)}, expected ${MODEL_VERSION}`);
  if (m.hashBits !== HASH_BITS || m.denseCount !== DENSE)
    throw new Error('feature layout differs from this build');
  if (!finite(m.neutralMargin) || !Array.isArray(m.heads)) throw new Error('model file incomplete');
  const names = m.heads.map((h) => h?.name);
  if (names.length !== HEADS.length || HEADS.some((h, i) => names[i] !== h))
    throw new Error('model heads differ');
  const H = HEADS.length;
  const perHead = m.heads.map((h) => {
    if (!finite(h.bias) || !finite(h.scale) || !finite(h.threshold))
      throw new Error(`head ${h.name}: bad numbers`);
    if (!Array.isArray(h.dense) || h.dense.length !== DENSE || !h.dense.every(finite))
      throw new Error(`head ${h.name}: bad dense weights`);
    const ids = decodeIds(fromBase64(h.idx));
    const w = new Int8Array(fromBase64(h.w).buffer);
    if (ids.length !== w.length) throw new Error(`head ${h.name}: ${ids.length} ids, ${w.length} weights`);
    if (ids.length && ids[ids.length - 1]! >= 1 << HASH_BITS)
      throw new Error(`head ${h.name}: id out of range`);
    if (h.features !== undefined && !Array.isArray(h.features))
      throw new Error(`head ${h.name}: bad feature list`);
    return { h, ids, w, set: featureSet(h.features) };
  });
  let features = PLAIN_FEATURES;
  for (const { h, set } of perHead) {
    if (set.gap && features.gap && set.gap !== features.gap)
      throw new Error(`head ${h.name}: gapped pairs of another reach`);
    features = unionSet(features, set);
  }
  const union = new Set<number>();
  for (const p of perHead) for (const id of p.ids) union.add(id);
  let cap = 1;
  while (cap < union.size * 2) cap <<= 1;
  const keys = new Int32Array(cap).fill(-1);
  const rows = new Int32Array(cap);
  const weights = new Float32Array(Math.max(1, union.size) * H);
  const mask = cap - 1;
  let next = 0;
  const slotOf = (id: number): number => {
    let s = Math.imul(id, 0x9e3779b1) >>> 0;
    for (;;) {
      s &= mask;
      if (keys[s] === id || keys[s] === -1) return s;
      s++;
    }
  };
  perHead.forEach(({ h, ids, w }, hi) => {
    ids.forEach((id, j) => {
      const s = slotOf(id);
      if (keys[s] === -1) {
        keys[s] = id;
        rows[s] = next++;
      }
      weights[rows[s]! * H + hi] = w[j]! * h.scale;
    });
  });
  return {
    heads: HEADS,
    bias: Float64Array.from(perHead.map((p) => p.h.bias)),
    dense: Float64Array.from(perHead.flatMap((p) => p.h.dense)),
    thresholds: Float64Array.from(perHead.map((p) => p.h.threshold)),
    neutralMargin: m.neutralMargin,
    keys,
    rows,
    weights,
    mask,
    features,
    families: Int32Array.from(perHead.map((p) => familyMask(p.set))),
    meta: m.meta ?? {},
    id: weightsId([
      String(m.neutralMargin),
      ...perHead.flatMap(({ h }) => [
        h.name,
        String(h.bias),
        String(h.scale),
        String(h.threshold),
        h.dense.join(','),
        (h.features ?? []).join(','),
        h.idx,
        h.w,
      ]),
    ]),
  };
}

/** Row of `id` in `weights` (times the head count), or −1. */
export function rowOf(model: TextModel, id: number): number {
  const { keys, mask } = model;
  let s = Math.imul(id, 0x9e3779b1) >>> 0;
  for (;;) {
    s &= mask;
    const k = keys[s]!;
    if (k === id) return model.rows[s]!;
    if (k === -1) return -1;
    s++;
  }
}

export interface HeadScores {
  /** Logit per head, in HEADS order. */
  logits: Float64Array;
  /** How many n-grams of the text the model knows (0 = no signal). */
  known: number;
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/**
 * Per-n-gram value: each occurrence counts 1/√(total n-grams), so long texts do not shout. With feature
 * extras (`f.family`), each head counts only the families it reads, and its total is theirs.
 */
export function scoreHeads(model: TextModel, f: NgramFeatures, dense: Float32Array): HeadScores {
  const H = model.heads.length;
  const logits = Float64Array.from(model.bias);
  for (let h = 0; h < H; h++)
    for (let j = 0; j < dense.length; j++) logits[h]! += model.dense[h * dense.length + j]! * dense[j]!;
  if (f.count === 0) return { logits, known: 0 };
  if (f.family) return scoreFamilies(model, f, f.family, logits);
  const v = 1 / Math.sqrt(f.count);
  let known = 0;
  const w = model.weights;
  for (let i = 0; i < f.count; i++) {
    const r = rowOf(model, f.ids[i]!);
    if (r < 0) continue;
    known++;
    const base = r * H;
    for (let h = 0; h < H; h++) logits[h]! += w[base + h]! * v;
  }
  return { logits, known };
}

/** `scoreHeads` over features of several families: each head reads its own, normalized by their count. */
function scoreFamilies(
  model: TextModel,
  f: NgramFeatures,
  family: Uint8Array,
  logits: Float64Array,
): HeadScores {
  const H = model.heads.length;
  const perFamily = [0, 0, 0, 0, 0, 0, 0, 0];
  for (let i = 0; i < f.count; i++) perFamily[family[i]!]!++;
  const v = new Float64Array(H);
  for (let h = 0; h < H; h++) {
    let n = 0;
    for (let k = 0; k < perFamily.length; k++) if ((model.families[h]! >> k) & 1) n += perFamily[k]!;
    v[h] = n ? 1 / Math.sqrt(n) : 0;
  }
  let known = 0;
  const w = model.weights;
  for (let i = 0; i < f.count; i++) {
    const r = rowOf(model, f.ids[i]!);
    if (r < 0) continue;
    const bit = 1 << family[i]!;
    let read = false;
    const base = r * H;
    for (let h = 0; h < H; h++)
      if (model.families[h]! & bit) {
        logits[h]! += w[base + h]! * v[h]!;
        read = true;
      }
    if (read && family[i] === 0) known++;
  }
  return { logits, known };
}
