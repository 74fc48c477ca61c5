import { describe, expect, it } from 'vitest';
import { segment, words } from './segment';

describe('segment', () => {
  it.each([
    '客服',
    '性价比',
    '色差',
    '起球',
    '漏发',
    '错发',
    '破损',
    '好评返现',
    '退货',
    '掉色',
    '开线',
    '尺码',
    '偏大',
    '偏小',
    '物流',
    '快递',
    '发货',
  ])('keeps %s whole', (word) => {
    expect(words(`这次${word}的事情`)).toContain(word);
  });

  it('keeps words whole that Intl.Segmenter splits (客服 → 客|服, 性价比 → 性|价|比…)', () => {
    expect(words('性价比一般，客服态度好')).toEqual(expect.arrayContaining(['性价比', '客服']));
  });

  it('covers the text with ordered, contiguous tokens', () => {
    const text = '衣服起球了，客服不理人😡 退货运费险也不给用';
    const tokens = segment(text);
    expect(tokens.map((t) => t.text).join('')).toBe(text);
    tokens.forEach((t, i) => {
      expect(text.slice(t.start, t.end)).toBe(t.text);
      if (i > 0) expect(t.start).toBe(tokens[i - 1]?.end);
    });
  });

  it('marks punctuation as not word-like', () => {
    expect(segment('好，').find((t) => t.text === '，')?.wordLike).toBe(false);
  });
});
