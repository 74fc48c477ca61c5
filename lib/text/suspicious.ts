/**
 * Suspicious reviews, each flag with a stable code, a Chinese explanation and its evidence:
 * templated/near-duplicate texts, bursts on one product, reviews without a captured order (only where
 * the store's orders were captured for that period), coercion and contact diversion.
 */
import { DAY_MS, type Order, type Review } from '../model';
import { nearDuplicateGroups, type NearDuplicateOptions } from './near-duplicates';
import { detectCoercion, detectContact, type SignalMatch } from './signals';

export type SuspicionCode = 'templated' | 'burst' | 'no_order' | 'coercion' | 'contact_diversion';

export type SuspicionEvidence =
  | { kind: 'templated'; groupKeys: string[]; similarity: number; sample: string }
  | {
      kind: 'burst';
      productId: string;
      from: number;
      to: number;
      count: number;
      baselinePerWindow: number;
      reviewKeys: string[];
    }
  | { kind: 'no_order'; orderId: string; coveredFrom: number; coveredTo: number }
  | { kind: 'text'; matches: SignalMatch[]; part: number };

export interface SuspicionFlag {
  reviewKey: string;
  code: SuspicionCode;
  severity: 'low' | 'medium' | 'high';
  /** Chinese explanation for the merchant. */
  message: string;
  evidence: SuspicionEvidence;
}

/** A period during which the store's orders are known to be fully captured. */
export interface OrderCoverage {
  storeKey: string;
  from: number;
  to: number;
}

export interface SuspicionOptions {
  duplicates?: NearDuplicateOptions;
  /** Near-duplicate groups smaller than this are not flagged. Default 3. */
  minTemplateGroup?: number;
  /** Burst window (ms). Default 24 h. */
  burstWindowMs?: number;
  /** Baseline look-back before a window (ms). Default 30 days. */
  burstLookbackMs?: number;
  /** Minimum reviews in a window. Default 5. */
  burstMinCount?: number;
  /** Window count must reach this multiple of the baseline per window. Default 4. */
  burstFactor?: number;
  /** A product needs this much earlier history before a burst can be judged (ms). Default 7 days. */
  burstMinHistoryMs?: number;
  /** How long before its review an order may have been placed (ms). Default 30 days. */
  maxOrderAgeMs?: number;
}

export interface SuspicionContext {
  /** Order ids (main and sub-order) captured for the stores: see `knownOrderIds`. */
  knownOrderIds: ReadonlySet<string>;
  coverage: readonly OrderCoverage[];
  options?: SuspicionOptions;
}

/** Every main and item order id of the given orders. */
export function knownOrderIds(orders: readonly Pick<Order, 'orderId' | 'items'>[]): Set<string> {
  const ids = new Set<string>();
  for (const o of orders) {
    ids.add(o.orderId);
    for (const it of o.items) if (it.itemOrderId) ids.add(it.itemOrderId);
  }
  return ids;
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

export function findTemplated(reviews: readonly Review[], opts: SuspicionOptions = {}): SuspicionFlag[] {
  const minGroup = opts.minTemplateGroup ?? 3;
  const out: SuspicionFlag[] = [];
  for (const list of groupBy(reviews, (r) => r.storeKey).values()) {
    for (const g of nearDuplicateGroups(
      list.map((r) => ({ key: r.key, text: r.text })),
      opts.duplicates,
    )) {
      if (g.keys.length < minGroup) continue;
      for (const key of g.keys)
        out.push({
          reviewKey: key,
          code: 'templated',
          severity: g.keys.length >= 5 ? 'high' : 'medium',
          message: `与另外 ${g.keys.length - 1} 条评价文字高度雷同（相似度 ${Math.round(g.similarity * 100)}%），疑似模板/刷评`,
          evidence: { kind: 'templated', groupKeys: g.keys, similarity: g.similarity, sample: g.sample },
        });
    }
  }
  return out;
}

export function findBursts(reviews: readonly Review[], opts: SuspicionOptions = {}): SuspicionFlag[] {
  const window = opts.burstWindowMs ?? DAY_MS;
  const lookback = opts.burstLookbackMs ?? 30 * DAY_MS;
  const minCount = opts.burstMinCount ?? 5;
  const factor = opts.burstFactor ?? 4;
  const minHistory = opts.burstMinHistoryMs ?? 7 * DAY_MS;
  const out: SuspicionFlag[] = [];
  const withProduct = reviews.filter((r) => r.productId);
  for (const list of groupBy(withProduct, (r) => `${r.storeKey}|${r.productId}`).values()) {
    list.sort((a, b) => a.createdAt - b.createdAt || a.key.localeCompare(b.key));
    let back = 0;
    let i = 0;
    while (i < list.length) {
      const start = list[i]?.createdAt ?? 0;
      while ((list[back]?.createdAt ?? start) < start - lookback) back++;
      let j = i;
      while (j < list.length && (list[j]?.createdAt ?? Infinity) < start + window) j++;
      const count = j - i;
      // The baseline needs history: at the start of the captured data there is nothing to compare with.
      const history = start - Math.max(list[0]?.createdAt ?? start, start - lookback);
      const baseline = history > 0 ? ((i - back) * window) / history : 0;
      if (history >= minHistory && count >= Math.max(minCount, factor * baseline)) {
        const burst = list.slice(i, j);
        const keys = burst.map((r) => r.key);
        const last = burst[burst.length - 1]?.createdAt ?? start;
        const hours = Math.round(window / 3_600_000);
        for (const r of burst)
          out.push({
            reviewKey: r.key,
            code: 'burst',
            severity: count >= 2 * Math.max(minCount, factor * baseline) ? 'high' : 'medium',
            message: `该商品 ${hours} 小时内集中出现 ${count} 条评价（此前平均每 ${hours} 小时约 ${baseline.toFixed(1)} 条），疑似集中刷评`,
            evidence: {
              kind: 'burst',
              productId: r.productId ?? '',
              from: start,
              to: last,
              count,
              baselinePerWindow: Math.round(baseline * 100) / 100,
              reviewKeys: keys,
            },
          });
        i = j;
      } else i++;
    }
  }
  return out;
}

/** Merge a store's coverage intervals; return the one containing [from, to], if any. */
function coveredBy(
  coverage: readonly OrderCoverage[],
  storeKey: string,
  from: number,
  to: number,
): OrderCoverage | undefined {
  const spans = coverage.filter((c) => c.storeKey === storeKey).sort((a, b) => a.from - b.from);
  let cur: OrderCoverage | undefined;
  for (const s of spans) {
    if (cur && s.from <= cur.to) cur = { ...cur, to: Math.max(cur.to, s.to) };
    else {
      if (cur && cur.from <= from && cur.to >= to) return cur;
      cur = { ...s };
    }
  }
  return cur && cur.from <= from && cur.to >= to ? cur : undefined;
}

export function findMissingOrders(reviews: readonly Review[], ctx: SuspicionContext): SuspicionFlag[] {
  const maxAge = ctx.options?.maxOrderAgeMs ?? 30 * DAY_MS;
  const out: SuspicionFlag[] = [];
  for (const r of reviews) {
    if (!r.orderId) continue;
    if (ctx.knownOrderIds.has(r.orderId) || (r.parentOrderId && ctx.knownOrderIds.has(r.parentOrderId)))
      continue;
    const cover = coveredBy(ctx.coverage, r.storeKey, r.createdAt - maxAge, r.createdAt);
    if (!cover) continue;
    out.push({
      reviewKey: r.key,
      code: 'no_order',
      severity: 'high',
      message: `已完整采集该店 ${Math.round((r.createdAt - cover.from) / DAY_MS)} 天内的订单，但找不到评价对应的订单 ${r.orderId}，疑似非真实交易`,
      evidence: { kind: 'no_order', orderId: r.orderId, coveredFrom: cover.from, coveredTo: cover.to },
    });
  }
  return out;
}

export function findTextSignals(reviews: readonly Review[]): SuspicionFlag[] {
  const out: SuspicionFlag[] = [];
  for (const r of reviews) {
    [r.text, ...r.appends.map((a) => a.text)].forEach((text, i) => {
      const coercion = detectCoercion(text);
      if (coercion.length)
        out.push({
          reviewKey: r.key,
          code: 'coercion',
          severity: 'high',
          message: `买家以差评/投诉相要挟：“${coercion[0]?.text ?? ''}”`,
          evidence: { kind: 'text', matches: coercion, part: i - 1 },
        });
      const contact = detectContact(text);
      if (contact.length)
        out.push({
          reviewKey: r.key,
          code: 'contact_diversion',
          severity: 'medium',
          message: `评价含站外联系方式或引流：“${contact[0]?.text ?? ''}”`,
          evidence: { kind: 'text', matches: contact, part: i - 1 },
        });
    });
  }
  return out;
}

/** All flags for `reviews`, grouped by nothing: filter by `reviewKey` as needed. */
export function findSuspicious(reviews: readonly Review[], ctx: SuspicionContext): SuspicionFlag[] {
  const opts = ctx.options ?? {};
  return [
    ...findTextSignals(reviews),
    ...findMissingOrders(reviews, ctx),
    ...findTemplated(reviews, opts),
    ...findBursts(reviews, opts),
  ];
}
