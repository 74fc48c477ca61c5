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
}

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
  if (texts.length <= (opts.exactLimit ?? 1500)) {
    for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) tryPair(i, j);
  } else {
    const bands = opts.bands ?? 16;
    const rows = opts.rows ?? 6;
    const hasher = createMinHasher(bands * rows);
    const buckets = new Map<number, number[]>();
    codes.forEach((c, i) => {
      const sig = hasher.signature(c);
      for (let band = 0; band < bands; band++) {
        const key = band * 0x100000000 + bandKey(sig, band * rows, (band + 1) * rows);
        const list = buckets.get(key);
        if (list) list.push(i);
        else buckets.set(key, [i]);
      }
    });
    for (const list of buckets.values())
      for (let x = 0; x < list.length; x++)
        for (let y = x + 1; y < list.length; y++) tryPair(list[x] ?? 0, list[y] ?? 0);
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
