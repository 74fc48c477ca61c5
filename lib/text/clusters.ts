/**
 * Keyword clusters of negative reviews per dimension/topic over a period, with trend against the
 * previous period of equal length, and the "cluster alert" (≥3 negatives on one topic within 7 days).
 */
import { DAY_MS, dayKey, type DimensionId } from '../model';
import type { CategoryHit, ReviewCategory } from './types';

/** A review reduced to what clustering needs (analysis computed once by the caller). */
export interface ClusterItem {
  key: string;
  /** Review time (ms). */
  at: number;
  hits: readonly Pick<CategoryHit, 'category' | 'dimension' | 'topics' | 'evidence'>[];
}

export interface KeywordCluster {
  dimension: DimensionId;
  category: ReviewCategory;
  /** Canonical keyword (起球, 物流慢, 态度差…); for the category's negatives without a topic, its residue
   * name (其他质量问题, 其他物流问题…, 其他差评 for `other`). */
  topic: string;
  /** The category's topic-less residue (listed after the real topics). */
  residue: boolean;
  count: number;
  previousCount: number;
  delta: number;
  trend: 'new' | 'up' | 'flat' | 'down';
  reviewKeys: string[];
  /** Surface forms seen, most frequent first ("起球" ×5, "球球" ×1). */
  terms: { term: string; count: number }[];
  firstAt: number;
  lastAt: number;
}

export interface ClusterOptions {
  /** Period start (inclusive, ms). */
  from: number;
  /** Period end (exclusive, ms). */
  to: number;
  /** Clusters with fewer reviews in the period are dropped. Default 2. */
  minSupport?: number;
}

/**
 * The topic of a category's negatives without one. Each category has its own: 商品 holds the residues of
 * 质量, 描述不符, 价格 and 其他, which must read apart and alert apart.
 */
const RESIDUE_TOPIC: Readonly<Record<ReviewCategory, string>> = {
  quality: '其他质量问题',
  mismatch: '其他描述不符',
  logistics: '其他物流问题',
  service: '其他服务问题',
  price: '其他价格问题',
  other: '其他差评',
};

type Bucket = {
  dimension: DimensionId;
  category: ReviewCategory;
  keys: Set<string>;
  terms: Map<string, number>;
  first: number;
  last: number;
};

/** (topic → bucket) for items within [from, to). Each review counts once per topic. */
function bucketize(items: readonly ClusterItem[], from: number, to: number): Map<string, Bucket> {
  const out = new Map<string, Bucket>();
  for (const item of items) {
    if (item.at < from || item.at >= to) continue;
    for (const hit of item.hits) {
      const residue = RESIDUE_TOPIC[hit.category];
      const topics = hit.topics.length ? hit.topics : [residue];
      for (const topic of topics) {
        const id = `${hit.category}|${topic}`;
        const b = out.get(id) ?? {
          dimension: hit.dimension,
          category: hit.category,
          keys: new Set<string>(),
          terms: new Map<string, number>(),
          first: item.at,
          last: item.at,
        };
        b.keys.add(item.key);
        b.first = Math.min(b.first, item.at);
        b.last = Math.max(b.last, item.at);
        for (const ev of hit.evidence)
          if ((ev.topic ?? residue) === topic && ev.polarity < 0)
            b.terms.set(ev.term, (b.terms.get(ev.term) ?? 0) + 1);
        out.set(id, b);
      }
    }
  }
  return out;
}

function trendOf(count: number, previous: number): KeywordCluster['trend'] {
  if (previous === 0) return count > 0 ? 'new' : 'flat';
  return count > previous ? 'up' : count < previous ? 'down' : 'flat';
}

/** Clusters for the period, strongest first (count, then rising trend, then topic). */
export function clusterNegatives(items: readonly ClusterItem[], opts: ClusterOptions): KeywordCluster[] {
  const minSupport = opts.minSupport ?? 2;
  const span = opts.to - opts.from;
  const current = bucketize(items, opts.from, opts.to);
  const previous = bucketize(items, opts.from - span, opts.from);
  const out: KeywordCluster[] = [];
  for (const [id, b] of current) {
    if (b.keys.size < minSupport) continue;
    const prev = previous.get(id)?.keys.size ?? 0;
    const topic = id.slice(id.indexOf('|') + 1);
    out.push({
      dimension: b.dimension,
      category: b.category,
      topic,
      residue: topic === RESIDUE_TOPIC[b.category],
      count: b.keys.size,
      previousCount: prev,
      delta: b.keys.size - prev,
      trend: trendOf(b.keys.size, prev),
      reviewKeys: [...b.keys].sort(),
      terms: [...b.terms]
        .map(([term, count]) => ({ term, count }))
        .sort((x, y) => y.count - x.count || x.term.localeCompare(y.term)),
      firstAt: b.first,
      lastAt: b.last,
    });
  }
  return out.sort((x, y) => y.count - x.count || y.delta - x.delta || x.topic.localeCompare(y.topic));
}

export interface ClusterAlertFact {
  dimension: DimensionId;
  category: ReviewCategory;
  topic: string;
  count: number;
  threshold: number;
  windowDays: number;
  /** Window [from, to] that was checked. */
  from: number;
  to: number;
  firstAt: number;
  lastAt: number;
  reviewKeys: string[];
  /** Chinese sentence for the notification. */
  message: string;
}

export interface ClusterAlertOptions {
  now: number;
  /** Default 7. */
  windowDays?: number;
  /** Default 3. */
  threshold?: number;
}

/** Topics with ≥ threshold negative reviews in the last `windowDays` up to `now`. */
export function clusterAlerts(items: readonly ClusterItem[], opts: ClusterAlertOptions): ClusterAlertFact[] {
  const windowDays = opts.windowDays ?? 7;
  const threshold = opts.threshold ?? 3;
  const from = opts.now - windowDays * DAY_MS;
  return clusterNegatives(items, { from, to: opts.now + 1, minSupport: threshold }).map((c) => ({
    dimension: c.dimension,
    category: c.category,
    topic: c.topic,
    count: c.count,
    threshold,
    windowDays,
    from,
    to: opts.now,
    firstAt: c.firstAt,
    lastAt: c.lastAt,
    reviewKeys: c.reviewKeys,
    message: `近${windowDays}天「${c.topic}」相关差评 ${c.count} 条（${dayKey(c.firstAt).slice(5)} 至 ${dayKey(c.lastAt).slice(5)}），已达到 ${threshold} 条预警线`,
  }));
}

/** Clusters grouped by score dimension (商品/物流/服务), order kept within each. */
export function clustersByDimension(
  clusters: readonly KeywordCluster[],
): Partial<Record<DimensionId, KeywordCluster[]>> {
  const out: Partial<Record<DimensionId, KeywordCluster[]>> = {};
  for (const c of clusters) (out[c.dimension] ??= []).push(c);
  return out;
}
