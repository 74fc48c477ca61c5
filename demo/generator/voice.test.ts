import { describe, expect, it } from 'vitest';
import * as V from './phrases/voice';
import { createRng } from './prng';
import { composeReview, type Cause } from './text';
import { buyerVoice } from './voice';

const CAUSES: Cause[] = ['none', 'quality', 'mismatch', 'logistics_slow', 'service', 'price', 'damage'];

function sample(n: number, seed = 11): string[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, (_, i) => {
    const cause = CAUSES[i % CAUSES.length]!;
    const bad = cause !== 'none';
    const stars = bad
      ? { product: 1 + (i % 2), logistics: 2, service: 3 }
      : { product: 5, logistics: 5, service: 5 };
    const text = composeReview(rng, cause, stars, 'apparel', '卫衣');
    return buyerVoice(rng.fork(i), text, { cause, stars, category: 'apparel', product: '卫衣' });
  });
}

describe('buyerVoice', () => {
  it('is deterministic for a seed', () => {
    expect(sample(300)).toEqual(sample(300));
    expect(sample(300)).not.toEqual(sample(300, 12));
  });

  it('gives the texts real buyers’ variety, while about half stay as composed', () => {
    const texts = sample(4000);
    const share = (re: RegExp | ((s: string) => boolean)) =>
      texts.filter((t) => (typeof re === 'function' ? re(t) : re.test(t))).length / texts.length;
    const has = (list: readonly string[]) => (t: string) => list.some((x) => t.includes(x));
    expect(share(/\p{Extended_Pictographic}/u)).toBeGreaterThan(0.05); // emoji
    expect(share(has(V.SPELLINGS.map(([, to]) => to)))).toBeGreaterThan(0.01); // homophones, typos
    expect(share(/[質買東這還說們發貨實圖來後時間沒寶點過]/)).toBeGreaterThan(0.005); // 繁体
    expect(share(has([...V.SLANG_GOOD, ...V.SLANG_BAD]))).toBeGreaterThan(0.03); // slang
    expect(share(has([...V.SARCASM_OPEN, ...V.SARCASM_CLOSE]))).toBeGreaterThan(0.02); // sarcasm
    expect(share(has([...V.COMPARE_GOOD, ...V.COMPARE_BAD]))).toBeGreaterThan(0.02); // other shops
    expect(share((t) => t.length >= 12 && !/[，。！!？?,.]/.test(t))).toBeGreaterThan(0.01); // run-on
    // Long mixed reviews: praise, then two complaints joined by a second connective.
    expect(share(/(但是|可是|问题是|就是).+(还有就是|而且|另外|再一个)/)).toBeGreaterThan(0.03);
  });

  it('leaves empty texts empty', () => {
    const rng = createRng(1);
    for (let i = 0; i < 50; i++)
      expect(
        buyerVoice(rng.fork(i), '', {
          cause: 'quality',
          stars: { product: 1, logistics: 1, service: 1 },
          category: 'home',
          product: '锅',
        }),
      ).toBe('');
  });
});
