import { describe, expect, it } from 'vitest';
import { createWorld } from '../../demo/generator/world';
import { makeReviews, makeStore } from '../export/testing';
import { analyzeReview, analyzeText, lexiconCategories, MAX_TEXT_CHARS } from './analyze';
import labelled from './__fixtures__/labelled-reviews.json';
import { makeReview } from './__fixtures__/make-review';
import { CATEGORY_DIMENSION } from './types';

describe('categories', () => {
  it.each([
    ['穿了一次就起球了，质量太差了', ['quality']],
    ['色差太大了，和图片完全不一样', ['mismatch']],
    ['物流太慢了，等了一个星期才到', ['logistics']],
    ['少发了一件，客服也不理人', ['logistics', 'service']],
    ['太贵了，不值这个价', ['price']],
    ['垃圾，千万别买', ['other']],
    ['质量差，价格还贵', ['quality', 'price']],
    ['快递员态度很差，扔在驿站就走了', ['logistics']],
    // The corpus's own words for after-sales, delivery and fees (tenth round, docs/text-model.md).
    ['售后服务不到位，打电话也没人接', ['service']],
    ['商家不给开发票', ['service']],
    ['包装很简陋，连个泡沫都没有', ['logistics']],
    ['等了好久还没送到', ['logistics']],
    ['安装费要价太黑', ['price']],
  ])('lexicon layer: %s → %j', (text, expected) => {
    // Exact sets are the lexicon's conventions (issue #11: the learned layer follows the hand-labelled
    // real reviews instead, e.g. 少发 → 描述不符, and adds a second category where it is unsure).
    expect(analyzeText(text, { model: false }).categories.sort()).toEqual([...expected].sort());
  });

  it.each([
    ['穿了一次就起球了，质量太差了', 'quality'],
    ['物流太慢了，等了一个星期才到', 'logistics'],
    ['少发了一件，客服也不理人', 'service'],
    ['太贵了，不值这个价', 'price'],
    ['质量差，价格还贵', 'price'],
  ])('with the model: %s includes %s', (text, category) => {
    expect(analyzeText(text).categories).toContain(category);
  });

  it.each([
    '物流不慢，三天就到了',
    '没有色差，和图片一样',
    '一点也不起球',
    '物流不算慢',
    '洗了几次都不会掉色',
    '完全没有异味',
    '一个坏的都没有',
  ])('negation: %s has no complaint', (text) => {
    expect(analyzeText(text).categories).toEqual([]);
    expect(analyzeText(text).sentiment.label).not.toBe('negative');
    expect(analyzeText(text, { model: false }).categories).toEqual([]);
  });

  it('turns negated praise into a complaint ("不合身")', () => {
    expect(analyzeText('裤子不合身，腰太紧').categories).toContain('mismatch');
  });

  it.each([
    ['不给送货上门，还让我自己去拿', 'logistics'],
    ['客服也没给出好的方案', 'service'],
  ])('不给 / 没给出 negate the praise after them: %s → %s', (text, category) => {
    expect(analyzeText(text, { model: false }).categories).toEqual([category]);
    expect(analyzeText(text, { model: false }).sentiment.label).toBe('negative');
    expect(analyzeText('快递员态度好，送货上门', { model: false }).categories).toEqual([]);
  });

  it('lexicon layer: reads hypotheticals as no fact ("以为会有色差")', () => {
    // Known miss of the learned layer (issue #11): its n-grams see 色差 (see docs/text-analysis.md).
    expect(analyzeText('本来担心有色差', { model: false }).categories).toEqual([]);
  });

  it('maps categories to score dimensions', () => {
    const a = analyzeText('物流太慢，客服态度也差，衣服还起球');
    for (const hit of a.hits) expect(hit.dimension).toBe(CATEGORY_DIMENSION[hit.category]);
    expect(a.hits.map((h) => h.dimension).sort()).toEqual(['logistics', 'product', 'service']);
  });

  it('returns evidence positions that slice back to the matched term', () => {
    const text = '衣服很好看，但是有色差，而且起球';
    const a = analyzeText(text);
    expect(a.evidence.length).toBeGreaterThan(0);
    for (const ev of a.evidence) expect(text.slice(ev.start, ev.end)).toBe(ev.term);
    const topics = a.hits.flatMap((h) => h.topics);
    expect(topics).toEqual(expect.arrayContaining(['色差', '起球']));
  });

  it('records praise per category', () => {
    expect(analyzeText('物流很快，客服很耐心').praised.sort()).toEqual(['logistics', 'service']);
  });
});

describe('contrast', () => {
  it('a conceded complaint stays a category but the turn decides the sentiment', () => {
    const a = analyzeText('虽然物流慢了点，但是东西真的很好');
    expect(a.categories).toEqual(['logistics']);
    expect(a.hits[0]?.concessive).toBe(true);
    expect(a.sentiment.label).toBe('positive');
  });
  it('praise conceded before 就是 leaves the complaint in charge', () => {
    const a = analyzeText('东西还行，就是发货太慢了');
    expect(a.categories).toEqual(['logistics']);
    expect(a.sentiment.label).toBe('negative');
  });
});

describe('sentiment', () => {
  it.each([
    ['质量很好，非常满意，推荐购买', 'positive'],
    ['太失望了，质量差得离谱', 'negative'],
  ] as const)('%s → %s', (text, label) => {
    const s = analyzeText(text).sentiment;
    expect(s.label).toBe(label);
    expect(s.score).toBeGreaterThanOrEqual(-1);
    expect(s.score).toBeLessThanOrEqual(1);
  });

  // The learned layer is trained on two-class corpus labels and reads these mild texts as positive; the
  // lexicon alone keeps them neutral. Neither tags a complaint.
  it.each([
    ['还行吧', 'neutral'],
    ['东西收到了', 'neutral'],
  ] as const)('lexicon layer: %s → %s, no complaint either way', (text, label) => {
    expect(analyzeText(text).categories).toEqual([]);
    const s = analyzeText(text, { model: false }).sentiment;
    expect(s.label).toBe(label);
    expect(s.score).toBeGreaterThanOrEqual(-1);
    expect(s.score).toBeLessThanOrEqual(1);
  });

  it.each([
    '此用户没有填写评价。',
    '系统默认好评',
    '评价方未及时做出评价,系统默认好评!',
    '该用户未填写评价内容',
  ])('recognizes default praise: %s', (text) => {
    const a = analyzeText(text, { stars: 5 });
    expect(a.sentiment).toMatchObject({
      isDefault: true,
      label: 'neutral',
      score: 0,
      mismatchWithStars: false,
    });
    expect(a.categories).toEqual([]);
  });

  it('does not take a written review that mentions 好评 for default praise', () => {
    expect(analyzeText('好评，质量不错').sentiment.isDefault).toBe(false);
  });

  it.each([
    ['五星好评，就是物流太慢了，等了六天', 5, true],
    ['质量很好，物流也快', 5, false],
    ['很好用，非常满意，已经推荐给朋友了', 1, true],
    ['质量太差了，退货', 1, false],
    ['一般般', 3, false],
  ] as const)('mismatchWithStars: %s (%d★) → %s', (text, stars, expected) => {
    expect(analyzeText(text, { stars }).sentiment.mismatchWithStars).toBe(expected);
  });

  it('leaves mismatchWithStars undefined without stars or label', () => {
    expect(analyzeText('质量太差').sentiment.mismatchWithStars).toBeUndefined();
  });

  it('uses the platform label when there are no stars (千牛)', () => {
    expect(analyzeText('衣服起球严重', { polarity: 'good' }).sentiment.mismatchWithStars).toBe(true);
  });
});

describe('analyzeReview', () => {
  it('includes appends, with evidence marked by part', () => {
    const r = makeReview('a1', { text: '很好看，很喜欢', appends: [{ text: '追评：洗了一次就掉色了' }] });
    const a = analyzeReview(r);
    expect(a.categories).toEqual(['quality']);
    expect(a.hits[0]?.evidence[0]?.part).toBe(0);
    expect(a.sentiment.mismatchWithStars).toBe(true);
  });
});

describe('lexiconCategories', () => {
  // Every text the tests have: the labelled set (alone and as appends of each other), the demo world's
  // reviews with their appends, the benchmarks' generated reviews (hostile texts among them) and edge cases.
  const texts = (labelled as { text: string }[]).map((x) => x.text);
  const world = createWorld({ seed: 4, days: 40, ordersPerDay: 40 });
  const reviews = [
    ...texts.map((text, i) => ({
      text,
      appends: i % 3 ? [] : [{ text: texts[(i * 7) % texts.length]!, at: 0 }],
    })),
    ...world.reviews.map((r) => ({
      text: r.text,
      appends: r.appends.map((a) => ({ text: a.text, at: a.at })),
    })),
    ...makeReviews(makeStore('9', '店'), 300, 5).map((r) => ({ text: r.text, appends: r.appends })),
    { text: '', appends: [] },
    { text: '此用户没有填写评价', appends: [{ text: '用了一周就坏了，质量太差', at: 0 }] },
    { text: '物流太慢'.repeat(MAX_TEXT_CHARS), appends: [] },
  ];

  it("is analyzeReview(review, { model: false })'s categories and topics", () => {
    let complained = 0;
    for (const r of reviews) {
      const a = analyzeReview({ ...r, star: 1 }, { model: false });
      const got = lexiconCategories(r);
      expect(got).toEqual({ categories: a.categories, topics: a.hits.flatMap((h) => h.topics) });
      if (got.categories.length) complained++;
    }
    // The corpus exercises the categories: a good share of it complains.
    expect(reviews.length).toBeGreaterThan(600);
    expect(complained).toBeGreaterThan(150);
  });
});
