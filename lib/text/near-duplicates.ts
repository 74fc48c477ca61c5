/**
 * Near-duplicate review texts: character-bigram Jaccard on punctuation-stripped text. Small sets are
 * compared pair by pair; large ones (tens of thousands) go through MinHash + LSH banding, and every
 * candidate pair is verified with the exact Jaccard, so LSH can only miss pairs, never invent them.
 */
import { stripForDedupe } from './normalize';
import { bandKey, bigrams, createMinHasher, jaccard } from './minhash';
import { isDefaultPraise } from './sentiment';

export interface DedupeItem {
  key: string;
  text: string;
}

export interface NearDuplicateGroup {
  /** Review keys, sorted. */
  keys: string[];
  /** Lowest verified similarity among the links that formed the group (1 = identical texts). */
  similarity: number;
  /** The stripped text of the group's first key, for display. */
  sample: string;
}

export interface NearDuplicateOptions {
  /** Jaccard threshold. Default 0.8. */
  threshold?: number;
  /** Stripped texts shorter than this are skipped (too short to mean anything). Default 6. */
  minLength?: number;
  /** Above this many distinct texts, use MinHash + LSH instead of all pairs. Default 1500. */
  exactLimit?: number;
  /**
   * MinHash bands × rows. Default 16 × 6: a pair at 0.8 is found with p ≈ 0.992, one at 0.6 only with
   * p ≈ 0.5, which keeps the candidate pairs to verify few.
   */
  bands?: number;
  rows?: number;
  /**
   * Verify a candidate pair only if its signatures agree on this many bands. Default 2: a pair at 0.8
   * still qualifies with p ≈ 0.95 (and at 0.9 with p > 0.999), while most false candidates drop out.
   */
  minSharedBands?: number;
}

/** Index space in the packed bucket sort: up to 8 388 608 distinct texts. */
const INDEX_SPAN = 2 ** 23;

class UnionFind {
  parent: Int32Array;
  minSim: Float64Array;
  constructor(n: number) {
    this.parent = Int32Array.from({ length: n }, (_, i) => i);
    this.minSim = new Float64Array(n).fill(1);
  }
  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r] ?? r;
    while (this.parent[i] !== r) {
      const next = this.parent[i] ?? r;
      this.parent[i] = r;
      i = next;
    }
    return r;
  }
  union(i: number, j: number, sim: number): void {
    const a = this.find(i);
    const b = this.find(j);
    if (a === b) return;
    const [lo, hi] = a < b ? [a, b] : [b, a];
    this.parent[hi] = lo;
    this.minSim[lo] = Math.min(this.minSim[lo] ?? 1, this.minSim[hi] ?? 1, sim);
  }
}

/** Groups of ≥2 reviews whose texts are near-duplicates. Deterministic order (largest group first). */
export function nearDuplicateGroups(
  items: readonly DedupeItem[],
  opts: NearDuplicateOptions = {},
): NearDuplicateGroup[] {
  const threshold = opts.threshold ?? 0.8;
  const minLength = opts.minLength ?? 6;
  // Identical stripped texts collapse first: templated spam is mostly exact copies.
  const byText = new Map<string, string[]>();
  for (const item of items) {
    const s = stripForDedupe(item.text);
    if (s.length < minLength || isDefaultPraise(item.text)) continue;
    const keys = byText.get(s);
    if (keys) keys.push(item.key);
    else byText.set(s, [item.key]);
  }
  const texts = [...byText.keys()];
  const codes = texts.map(bigrams);
  const uf = new UnionFind(texts.length);
  const tryPair = (i: number, j: number) => {
    if (uf.find(i) === uf.find(j)) return;
    const a = codes[i];
    const b = codes[j];
    if (!a || !b) return;
    // Jaccard ≤ min/max of the set sizes: skip pairs that cannot reach the threshold.
    if (Math.min(a.length, b.length) < threshold * Math.max(a.length, b.length)) return;
    const sim = jaccard(a, b);
    if (sim >= threshold) uf.union(i, j, sim);
  };
  if (texts.length <= (opts.exactLimit ?? 1500) || texts.length > INDEX_SPAN) {
    for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) tryPair(i, j);
  } else {
    const bands = opts.bands ?? 16;
    const rows = opts.rows ?? 6;
    const hasher = createMinHasher(bands * rows);
    const keys = new Uint32Array(codes.length * bands);
    codes.forEach((c, i) => {
      const sig = hasher.signature(c);
      for (let band = 0; band < bands; band++)
        keys[i * bands + band] = bandKey(sig, band * rows, (band + 1) * rows);
    });
    const minShared = opts.minSharedBands ?? 2;
    // A pair is looked at once, in the first band it shares, and verified only if it shares enough
    // bands: most bucket mates are look-alikes well under the threshold.
    const worthChecking = (i: number, j: number, band: number) => {
      let shared = 0;
      for (let b = 0; b < bands; b++) {
        if (keys[i * bands + b] !== keys[j * bands + b]) continue;
        if (b < band) return false;
        shared++;
      }
      return shared >= minShared;
    };
    // Buckets without a Map: per band, sort (key, index) packed into one double (30 key bits × 2^23
    // indices stays exact), then walk runs of equal keys. Far cheaper than 400 000 small arrays.
    const packed = new Float64Array(codes.length);
    for (let band = 0; band < bands; band++) {
      for (let i = 0; i < codes.length; i++)
        packed[i] = ((keys[i * bands + band] as number) >>> 2) * INDEX_SPAN + i;
      packed.sort();
      let runStart = 0;
      for (let p = 1; p <= packed.length; p++) {
        const key = Math.floor((packed[p - 1] as number) / INDEX_SPAN);
        if (p < packed.length && Math.floor((packed[p] as number) / INDEX_SPAN) === key) continue;
        for (let x = runStart; x < p; x++)
          for (let y = x + 1; y < p; y++) {
            const i = (packed[x] as number) % INDEX_SPAN;
            const j = (packed[y] as number) % INDEX_SPAN;
            if (uf.find(i) !== uf.find(j) && worthChecking(i, j, band)) tryPair(i, j);
          }
        runStart = p;
      }
    }
  }
  const groups = new Map<number, { keys: string[]; textIdx: number[] }>();
  texts.forEach((t, i) => {
    const root = uf.find(i);
    const g = groups.get(root) ?? { keys: [], textIdx: [] };
    g.keys.push(...(byText.get(t) ?? []));
    g.textIdx.push(i);
    groups.set(root, g);
  });
  const out: NearDuplicateGroup[] = [];
  for (const [root, g] of groups) {
    if (g.keys.length < 2) continue;
    const keys = g.keys.sort();
    out.push({
      keys,
      similarity: Math.round((uf.minSim[root] ?? 1) * 1000) / 1000,
      sample: texts[g.textIdx[0] ?? 0] ?? '',
    });
  }
  return out.sort(
    (x, y) => y.keys.length - x.keys.length || (x.keys[0] ?? '').localeCompare(y.keys[0] ?? ''),
  );
}
