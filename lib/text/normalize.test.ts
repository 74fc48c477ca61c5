import { describe, expect, it } from 'vitest';
import { foldText, normalizeForMatch, originalSpan, stripForDedupe } from './normalize';

describe('foldText', () => {
  it.each(['ＡＢＣ１２３，好评！', '衣服起球了😂', '客服\u3000态度差', ''])('keeps the length of %j', (t) => {
    expect(foldText(t)).toHaveLength(t.length);
  });
  it('folds full-width and upper-case ASCII', () => {
    expect(foldText('ＶＸ：ＡＢＣ１２３')).toBe('vx:abc123');
  });
});

describe('normalizeForMatch', () => {
  it.each([
    ['好 评 返 现', '好评返现'],
    ['好*评*返*现', '好评返现'],
    ['好·评·返·现', '好评返现'],
    ['好，评，返，现', '好评返现'],
    ['好\u200b评\u200b返\u200b现', '好评返现'],
    ['伍星好评', '5星好评'],
    ['五星', '5星'],
    ['５星', '5星'],
    ['⑤星', '5星'],
    ['+Ｖ', '加v'],
    ['➕薇', '加微'],
    ['hao ping fan xian', '好评返现'],
    ['１３８ ００１３ ８０００', '13800138000'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeForMatch(input).text).toBe(expected);
  });

  it('keeps clause punctuation (full-width folded to ASCII)', () => {
    expect(normalizeForMatch('物流很快，质量很好。').text).toBe('物流很快,质量很好。');
  });

  it('maps spans back to the original text', () => {
    const original = '亲，好 * 评 返 现哦';
    const n = normalizeForMatch(original);
    const at = n.text.indexOf('好评返现');
    const span = originalSpan(n, at, at + 4);
    expect(original.slice(span.start, span.end)).toBe('好 * 评 返 现');
  });
});

describe('stripForDedupe', () => {
  it('drops punctuation, emoji and spaces', () => {
    expect(stripForDedupe('质量很好！！👍 推荐，')).toBe('质量很好推荐');
  });
});
