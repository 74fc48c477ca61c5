import { describe, expect, it } from 'vitest';
import { bigrams, jaccard } from './minhash';
import { nearDuplicateGroups } from './near-duplicates';

describe('bigram Jaccard', () => {
  it('is 1 for identical, 0 for disjoint and exact in between', () => {
    expect(jaccard(bigrams('质量很好'), bigrams('质量很好'))).toBe(1);
    expect(jaccard(bigrams('质量很好'), bigrams('物流太慢'))).toBe(0);
    // {质量,量很,很好} vs {质量,量不,不好}: 1 shared of 5
    expect(jaccard(bigrams('质量很好'), bigrams('质量不好'))).toBeCloseTo(0.2, 5);
  });
});

const templated = [
  '宝贝收到了，质量非常好，做工精细，物流很快，推荐购买！',
  '宝贝收到了质量非常好做工精细物流很快推荐购买',
  '宝贝收到了，质量非常好，做工精细，物流超快，推荐购买！！',
  '宝贝收到啦，质量非常好，做工精细，物流很快，推荐购买',
];
const distinct = [
  '衣服起球了，不推荐',
  '客服态度很差，退款拖了一周',
  '颜色和图片差别很大',
  '鞋子偏大一码，建议拍小一码',
];

describe('nearDuplicateGroups', () => {
  const items = [...templated, ...distinct].map((text, i) => ({ key: `k${i}`, text }));
  it('groups templated texts and leaves distinct ones alone', () => {
    const groups = nearDuplicateGroups(items);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.keys).toEqual(['k0', 'k1', 'k2', 'k3']);
    expect(groups[0]?.similarity).toBeGreaterThanOrEqual(0.8);
  });
  it('skips short texts and default praise', () => {
    const groups = nearDuplicateGroups([
      { key: 'a', text: '好评' },
      { key: 'b', text: '好评！' },
      { key: 'c', text: '此用户没有填写评价' },
      { key: 'd', text: '此用户没有填写评价。' },
    ]);
    expect(groups).toEqual([]);
  });
  it('finds the same groups through MinHash + LSH as pair by pair, deterministically', () => {
    const many = Array.from({ length: 400 }, (_, i) => ({
      key: `n${String(i).padStart(3, '0')}`,
      text: `第${i}位买家说${['衣服', '裤子', '鞋子', '帽子'][i % 4]}的颜色${i * 7919}和尺码都${i % 3 ? '合适' : '偏大'}`,
    }));
    const all = [...items, ...many];
    const exact = nearDuplicateGroups(all, { exactLimit: 10_000 });
    const lsh = nearDuplicateGroups(all, { exactLimit: 0 });
    expect(lsh).toEqual(exact);
    expect(nearDuplicateGroups(all, { exactLimit: 0 })).toEqual(lsh);
    expect(lsh.some((g) => g.keys.join() === 'k0,k1,k2,k3')).toBe(true);
  });
});
