import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../model';
import { analyzeText } from './analyze';
import { clusterAlerts, clusterNegatives, clustersByDimension, type ClusterItem } from './clusters';
import { CATEGORY_DIMENSION, type ReviewCategory } from './types';

const T0 = Date.UTC(2026, 10, 20, 4); // 2026-11-20 12:00 Shanghai
const item = (key: string, daysAgo: number, text: string): ClusterItem => ({
  key,
  at: T0 - daysAgo * DAY_MS,
  hits: analyzeText(text).hits,
});

const items: ClusterItem[] = [
  item('r1', 1, '物流太慢了，等了一个星期才到'),
  item('r2', 2, '快递慢得要命'),
  item('r3', 3, '发货太慢'),
  item('r4', 4, '衣服起球了'),
  item('r5', 5, '质量很好，物流很快'),
  item('r6', 9, '物流太慢'),
  item('r7', 10, '衣服起球，质量差'),
  item('r8', 11, '起球严重'),
  item('r9', 12, '洗了就起球'),
];

describe('clusterNegatives', () => {
  const clusters = clusterNegatives(items, { from: T0 - 7 * DAY_MS, to: T0 + 1, minSupport: 1 });
  it('groups negatives by topic with their review keys', () => {
    const slow = clusters.find((c) => c.topic === '物流慢');
    expect(slow).toMatchObject({
      dimension: 'logistics',
      category: 'logistics',
      count: 3,
      reviewKeys: ['r1', 'r2', 'r3'],
    });
  });
  it('compares with the previous period of equal length', () => {
    const pill = clusters.find((c) => c.topic === '起球');
    expect(pill).toMatchObject({ count: 1, previousCount: 3, delta: -2, trend: 'down' });
    expect(clusters.find((c) => c.topic === '物流慢')).toMatchObject({ previousCount: 1, trend: 'up' });
  });
  it('ignores praise and lists surface terms', () => {
    expect(clusters.flatMap((c) => c.reviewKeys)).not.toContain('r5');
    expect(clusters.find((c) => c.topic === '起球')?.terms[0]?.term).toBe('起球');
  });
  it('groups clusters by dimension', () => {
    const byDim = clustersByDimension(clusters);
    expect(byDim.logistics?.map((c) => c.topic)).toEqual(['物流慢']);
    expect(byDim.product?.some((c) => c.topic === '起球')).toBe(true);
    expect(byDim.service).toBeUndefined();
  });
  it('drops clusters under the minimum support', () => {
    const strict = clusterNegatives(items, { from: T0 - 7 * DAY_MS, to: T0 + 1, minSupport: 2 });
    expect(strict.map((c) => c.topic)).toEqual(['物流慢']);
  });
});

describe('clusterAlerts', () => {
  it('fires for ≥3 negatives on one topic within 7 days', () => {
    const alerts = clusterAlerts(items, { now: T0 });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      topic: '物流慢',
      count: 3,
      threshold: 3,
      windowDays: 7,
      reviewKeys: ['r1', 'r2', 'r3'],
    });
    expect(alerts[0]?.message).toContain('物流慢');
  });
  it('does not fire for the same topic spread over more than 7 days', () => {
    expect(clusterAlerts(items, { now: T0 - 8 * DAY_MS + 1 }).map((a) => a.topic)).toEqual(['起球']);
    expect(clusterAlerts(items, { now: T0 + 5 * DAY_MS })).toEqual([]);
  });
  it('respects a configured threshold', () => {
    expect(clusterAlerts(items, { now: T0, threshold: 4 })).toEqual([]);
  });
});

describe('residues: negatives without a topic', () => {
  // A negative the analyzer files under a category without naming a topic (the model's tags often are).
  const residue = (key: string, category: ReviewCategory): ClusterItem => ({
    key,
    at: T0 - DAY_MS,
    hits: [
      {
        category,
        dimension: CATEGORY_DIMENSION[category],
        topics: [],
        evidence: [],
      },
    ],
  });
  const residues = (['quality', 'price', 'other'] as const).flatMap((c) =>
    [1, 2, 3].map((i) => residue(`${c}${i}`, c)),
  );

  it("each category's residue is its own cluster, named for it (all three sit under 商品)", () => {
    const clusters = clusterNegatives(residues, { from: T0 - 7 * DAY_MS, to: T0 + 1 });
    expect(clusters.map((c) => [c.dimension, c.topic, c.residue, c.count]).sort()).toEqual(
      [
        ['product', '其他价格问题', true, 3],
        ['product', '其他差评', true, 3],
        ['product', '其他质量问题', true, 3],
      ].sort(),
    );
    const real = clusterNegatives(items, { from: T0 - 7 * DAY_MS, to: T0 + 1, minSupport: 1 });
    expect(real.find((c) => c.topic === '物流慢')?.residue).toBe(false);
  });

  it('alert messages name the residue', () => {
    const messages = clusterAlerts(residues, { now: T0 }).map((a) => a.message);
    expect(messages).toHaveLength(3);
    expect(messages.some((m) => m.includes('「其他质量问题」'))).toBe(true);
    expect(messages.some((m) => m.includes('「其他价格问题」'))).toBe(true);
  });
});
