import { describe, expect, it } from 'vitest';
import { analyzeText } from './analyze';
import {
  applyCorrection,
  correctionTarget,
  CorrectReviewRequest,
  CorrectRowRequest,
  reviewTextHash,
  TextCorrectionRow,
  toggleCategory,
} from './corrections';

describe('toggleCategory', () => {
  it.each([
    [['quality'], 'quality', []],
    [['quality'], 'logistics', ['quality', 'logistics']],
    [['quality', 'logistics'], 'other', ['other']],
    [['other'], 'service', ['service']],
    [[], 'price', ['price']],
  ] as const)('%j + %s → %j', (shown, c, out) => {
    expect(toggleCategory(shown, c)).toEqual(out);
  });
});

describe('applyCorrection', () => {
  it('replaces the categories: a kept one keeps its evidence, an added one gets the lexicon’s words', () => {
    const text = '穿了两次就起球了，物流也慢';
    const a = analyzeText(text);
    expect(a.categories).toContain('quality');
    const fixed = applyCorrection(a, { categories: ['logistics', 'service'] });
    expect(fixed.categories).toEqual(['logistics', 'service']);
    const logistics = fixed.hits.find((h) => h.category === 'logistics')!;
    for (const e of logistics.evidence) expect(text.slice(e.start, e.end)).toBe(e.term);
    expect(fixed.hits.find((h) => h.category === 'service')!.evidence).toEqual([]);
    // The evidence list (for highlighting) is the analysis's own.
    expect(fixed.evidence).toBe(a.evidence);
  });

  it('a complaint on a neutral text reads negative; the merchant’s sentiment wins when given', () => {
    const a = analyzeText('');
    expect(a.sentiment.label).toBe('neutral');
    expect(applyCorrection(a, { categories: ['logistics'] }).sentiment.label).toBe('negative');
    const none = applyCorrection(analyzeText('质量很差'), { categories: [], sentiment: 'positive' });
    expect(none.categories).toEqual([]);
    expect(none.sentiment.label).toBe('positive');
    expect(none.sentiment.score).toBeGreaterThan(0);
  });

  it('drops praise of a topic the merchant says is complained about', () => {
    const a = analyzeText('物流很快，质量不错');
    expect(a.praised).toContain('logistics');
    expect(applyCorrection(a, { categories: ['logistics'] }).praised).not.toContain('logistics');
  });
});

describe('correctionTarget', () => {
  it('teaches every topic present or absent, and complaint when a category is chosen', () => {
    expect(correctionTarget({ categories: ['logistics'] })).toEqual({
      topics: { quality: 0, mismatch: 0, logistics: 1, service: 0, price: 0 },
      sentiment: 0,
    });
    expect(correctionTarget({ categories: ['other'] }).sentiment).toBe(0);
    expect(correctionTarget({ categories: [] }).sentiment).toBeUndefined();
    expect(correctionTarget({ categories: [], sentiment: 'positive' }).sentiment).toBe(1);
  });
});

describe('schemas (payloads from pages and content scripts are re-validated)', () => {
  it.each([
    ['an unknown category', { reviewKey: 'a|1', categories: ['刷单'] }],
    ['a repeated category', { reviewKey: 'a|1', categories: ['quality', 'quality'] }],
    ['a huge key', { reviewKey: 'x'.repeat(300), categories: [] }],
    ['no categories', { reviewKey: 'a|1' }],
  ])('refuses %s', (_, data) => {
    expect(CorrectReviewRequest.safeParse(data).success).toBe(false);
  });
  it('accepts a valid request and refuses a row from an unknown platform', () => {
    expect(CorrectReviewRequest.safeParse({ reviewKey: 'a|1', categories: ['price'] }).success).toBe(true);
    expect(CorrectRowRequest.safeParse({ platform: 'evil', reviewId: '1', categories: [] }).success).toBe(
      false,
    );
    expect(
      TextCorrectionRow.safeParse({
        key: 'a|1',
        storeKey: 'a',
        reviewId: '1',
        textHash: 'f',
        categories: [],
        at: 1,
      }).success,
    ).toBe(true);
  });
  it('hashes the text and appends, so a changed text is noticed', () => {
    const r = { text: '物流慢', appends: [] };
    expect(reviewTextHash(r)).toBe(reviewTextHash({ ...r }));
    expect(reviewTextHash(r)).not.toBe(reviewTextHash({ text: '物流慢', appends: [{ text: '又坏了' }] }));
  });
});
