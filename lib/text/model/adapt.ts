/**
 * On-device adaptation to one shop's own language (issue #11): the shop's reviews with their stars (★4–5
 * praise, ★1–2 complaint) and the merchant's corrections nudge the model, so a shop selling 热水器 learns
 * 漏水/安装费 and one selling clothes learns 起球/掉色. Incremental (one review at a time), bounded memory
 * (at most `maxFeatures` n-gram deltas; the smallest are dropped when full), no network.
 *
 * The base model stays as shipped: the adapter only adds deltas to its logits. Stars teach sentiment
 * (and, optionally, self-training of topics on ★1–2 reviews); corrections teach topics outright.
 */
import { extractEvidence } from '../evidence';
import type { TopicCategory } from '../types';
import { TOPICS, type NgramFeatures } from './features';
import { modelInput } from './learned';
import { scoreHeads, sigmoid, type TextModel } from './model';

export interface AdapterOptions {
  /** Most n-gram deltas kept (memory bound: about 50 bytes each, 4·H in the pool plus the map's entry). */
  maxFeatures?: number;
  /** Learning rate of the deltas. */
  lr?: number;
  /** L2 pull of the deltas towards 0, per update. */
  l2?: number;
  /**
   * ★1–2 reviews also teach the topics the model is already sure of (self-training). Off by default:
   * in the simulation (docs/text-analysis.md) it helped one shop's categories and hurt two others'.
   */
  selfTrain?: boolean;
}

/** What one example teaches: sentiment (1 praise, 0 complaint) and/or topics (1 present, 0 absent). */
export interface AdaptTarget {
  sentiment?: 0 | 1;
  topics?: Partial<Record<TopicCategory, 0 | 1>>;
}

/** Serialized adapter (for storage beside the shop's data). */
export interface AdapterState {
  version: 1;
  bias: number[];
  entries: [number, ...number[]][];
}

/** ★1–2 topics the model is this sure of become self-training targets; below LO, targets of absence. */
const PSEUDO_HI = 0.7;
const PSEUDO_LO = 0.05;
const PSEUDO_WEIGHT = 0.5;

export class ShopAdapter {
  /**
   * The deltas: feature id → slot in one pool of H weights a slot. A small typed array per feature cost
   * about 250 bytes of worker heap each (issue #15 leak check); a slot costs 4·H bytes plus the map's
   * entry.
   */
  private ids = new Map<number, number>();
  private w = new Float32Array(0);
  private readonly bias: Float64Array;
  private readonly H: number;
  readonly maxFeatures: number;
  private readonly lr: number;
  private readonly l2: number;
  private readonly selfTrain: boolean;
  /** Examples learnt (stars and corrections). */
  seen = 0;

  constructor(
    readonly model: TextModel,
    opts: AdapterOptions = {},
  ) {
    this.H = model.heads.length;
    this.bias = new Float64Array(this.H);
    this.maxFeatures = opts.maxFeatures ?? 20_000;
    this.lr = opts.lr ?? 0.5;
    this.l2 = opts.l2 ?? 1e-4;
    this.selfTrain = opts.selfTrain ?? false;
  }

  get size(): number {
    return this.ids.size;
  }

  /** The slot of feature `id`, made (zeroed) if it has none. */
  private slot(id: number): number {
    let s = this.ids.get(id);
    if (s !== undefined) return s;
    s = this.ids.size;
    if ((s + 1) * this.H > this.w.length) {
      // Doubling, but not far past the bound: one text can add features beyond it before the prune.
      const slots = Math.max(s + 1, Math.min(Math.max(64, s * 2), this.maxFeatures + 256));
      const grown = new Float32Array(slots * this.H);
      grown.set(this.w);
      this.w = grown;
    }
    this.ids.set(id, s);
    return s;
  }

  /** Adds the adapter's deltas to `logits` (the base model's, in HEADS order). */
  adjust(f: NgramFeatures, logits: Float64Array): void {
    for (let h = 0; h < this.H; h++) logits[h]! += this.bias[h]!;
    // The adapter reads the plain 1–3-grams only (the first `plain` entries), whatever extras the model has.
    const n = f.plain ?? f.count;
    if (n === 0 || this.ids.size === 0) return;
    const v = 1 / Math.sqrt(n);
    const { w, H } = this;
    for (let i = 0; i < n; i++) {
      const s = this.ids.get(f.ids[i]!);
      if (s !== undefined) for (let h = 0; h < H; h++) logits[h]! += w[s * H + h]! * v;
    }
  }

  /** One gradient step of the heads named in `target`, on one text. */
  learn(text: string, target: AdaptTarget, weight = 1): void {
    const { f, dense } = modelInput([text], extractEvidence(text, -1), this.model.features);
    const n = f.plain ?? f.count;
    if (n === 0) return;
    const { logits } = scoreHeads(this.model, f, dense);
    this.adjust(f, logits);
    const err = new Float64Array(this.H);
    let any = false;
    if (target.sentiment !== undefined) {
      err[0] = (sigmoid(logits[0]!) - target.sentiment) * weight;
      any = true;
    }
    TOPICS.forEach((t, i) => {
      const y = target.topics?.[t];
      if (y === undefined) return;
      err[i + 1] = (sigmoid(logits[i + 1]!) - y) * weight;
      any = true;
    });
    if (!any) return;
    const v = 1 / Math.sqrt(n);
    for (let h = 0; h < this.H; h++) this.bias[h]! -= this.lr * 0.1 * err[h]!;
    const H = this.H;
    for (let i = 0; i < n; i++) {
      const o = this.slot(f.ids[i]!) * H;
      const w = this.w;
      for (let h = 0; h < H; h++) w[o + h] = w[o + h]! - this.lr * (err[h]! * v + this.l2 * w[o + h]!);
    }
    this.seen++;
    if (this.ids.size > this.maxFeatures) this.prune();
  }

  /**
   * A review and its stars: ★4–5 teach praise, ★1–2 complaint (with `selfTrain`, also the topics the
   * model is sure of: present ≥ 0.7, absent ≤ 0.05); ★3 teaches nothing.
   */
  learnStars(text: string, stars: number): void {
    if (stars >= 4) return this.learn(text, { sentiment: 1 });
    if (stars > 2) return;
    this.learn(text, { sentiment: 0 });
    if (!this.selfTrain) return;
    const { f, dense } = modelInput([text], extractEvidence(text, -1), this.model.features);
    const { logits } = scoreHeads(this.model, f, dense);
    this.adjust(f, logits);
    const topics: Partial<Record<TopicCategory, 0 | 1>> = {};
    TOPICS.forEach((t, i) => {
      const p = sigmoid(logits[i + 1]!);
      if (p >= PSEUDO_HI) topics[t] = 1;
      else if (p <= PSEUDO_LO) topics[t] = 0;
    });
    this.learn(text, { topics }, PSEUDO_WEIGHT);
  }

  /** Drops the smallest deltas down to 80 % of the bound. */
  private prune(): void {
    const keep = Math.floor(this.maxFeatures * 0.8);
    const { w, H } = this;
    const mags = [...this.ids].map(([id, s]) => {
      let m = 0;
      for (let h = 0; h < H; h++) m += Math.abs(w[s * H + h]!);
      return [id, m] as const;
    });
    mags.sort((a, b) => b[1] - a[1]);
    const kept = new Set(mags.slice(0, keep).map(([id]) => id));
    // Compacted into a new pool, the survivors in their first-learnt order (as a Map delete keeps it).
    const ids = new Map<number, number>();
    const next = new Float32Array(w.length);
    for (const [id, s] of this.ids) {
      if (!kept.has(id)) continue;
      next.set(w.subarray(s * H, s * H + H), ids.size * H);
      ids.set(id, ids.size);
    }
    this.ids = ids;
    this.w = next;
  }

  /** Each feature's deltas, in first-learnt order. */
  private *entries(): Generator<[number, Float32Array]> {
    for (const [id, s] of this.ids) yield [id, this.w.subarray(s * this.H, s * this.H + this.H)];
  }

  toJSON(): AdapterState {
    return {
      version: 1,
      bias: [...this.bias],
      entries: [...this.entries()].map(([id, d]) => [id, ...[...d].map((x) => Math.round(x * 1e4) / 1e4)]),
    };
  }

  static fromJSON(model: TextModel, s: AdapterState, opts: AdapterOptions = {}): ShopAdapter {
    const a = new ShopAdapter(model, opts);
    if (s.version !== 1 || s.bias.length !== a.H) throw new Error('adapter state does not fit this model');
    s.bias.forEach((b, h) => (a.bias[h] = b));
    for (const [id, ...w] of s.entries.slice(0, a.maxFeatures))
      if (w.length === a.H) {
        const o = a.slot(id) * a.H; // may grow the pool: take the slot before writing
        a.w.set(w, o);
      }
    return a;
  }
}
