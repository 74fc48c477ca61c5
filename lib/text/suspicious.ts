/**
 * Suspicious reviews, each flag with a stable code, a Chinese explanation and its evidence:
 * templated/near-duplicate texts, bursts on one product, reviews without a captured order (only where
 * the store's orders were captured for that period), coercion and contact diversion.
 */
import type { Review } from '../model';
import { findBursts } from './bursts';
import { groupBy } from './group-by';
import { findMissingOrders } from './missing-orders';
import { nearDuplicateGroups } from './near-duplicates';
import { detectCoercion, detectContact } from './signals';
import type { SuspicionContext, SuspicionFlag, SuspicionOptions } from './suspicion-types';

export * from './suspicion-types';
export { findBursts } from './bursts';
export { findMissingOrders, knownOrderIds } from './missing-orders';

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
