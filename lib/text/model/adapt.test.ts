import { describe, expect, it } from 'vitest';
import { analyzeText } from '../analyze';
import { ShopAdapter } from './adapt';
import { currentModel } from './load';

const model = () => {
  const m = currentModel();
  if (!m) throw new Error('committed model did not load');
  return m;
};

describe('ShopAdapter', () => {
  it('learns a shop’s own complaint word from its corrections', () => {
    // A made-up word no training text contains: the base model cannot know it. (It reads the text as
    // negative and may guess 质量, the commonest complaint, so the shop teaches 物流 here.)
    const text = '这个锅咕噜噜了';
    expect(analyzeText(text).categories).not.toContain('logistics');
    const a = new ShopAdapter(model());
    for (let i = 0; i < 20; i++) a.learn(text, { sentiment: 0, topics: { logistics: 1 } }, 3);
    const after = analyzeText('又咕噜噜了', { adapter: a });
    expect(after.sentiment.label).toBe('negative');
    expect(after.categories).toContain('logistics');
    for (const h of after.hits)
      for (const e of h.evidence) expect('又咕噜噜了'.slice(e.start, e.end)).toBe(e.term);
  });

  it('stars teach sentiment; ★3 teaches nothing', () => {
    const a = new ShopAdapter(model());
    a.learnStars('咕噜噜', 3);
    expect(a.seen).toBe(0);
    a.learnStars('咕噜噜呱呱', 1);
    a.learnStars('咕噜噜真棒', 5);
    expect(a.seen).toBeGreaterThanOrEqual(2);
  });

  it('keeps at most maxFeatures deltas', () => {
    const a = new ShopAdapter(model(), { maxFeatures: 50 });
    for (let i = 0; i < 40; i++)
      a.learnStars(`第${i}次买的杯子${String.fromCharCode(0x4e00 + i * 7)}裂了`, 1);
    expect(a.size).toBeLessThanOrEqual(50);
    expect(a.size).toBeGreaterThan(0);
  });

  it('a text adding features past the bound: each is learnt, and the prune keeps the largest', () => {
    // One long text brings far more new n-grams than the bound before the prune runs.
    const text = '这个保温杯用了三天就漏水了盖子也拧不紧客服一直不回消息物流还慢';
    const a = new ShopAdapter(model(), { maxFeatures: 10 });
    a.learnStars(text, 1);
    expect(a.size).toBe(8); // pruned to 80 % of the bound
    const kept = a.toJSON().entries;
    // The same step without a bound: the kept deltas are its largest 8, with the same values.
    const free = new ShopAdapter(model());
    free.learnStars(text, 1);
    const all = new Map(free.toJSON().entries.map((e) => [e[0], e]));
    expect(all.size).toBeGreaterThan(20);
    for (const e of kept) expect(all.get(e[0])).toEqual(e);
    const mag = (e: number[]) => e.slice(1).reduce((s, x) => s + Math.abs(x), 0);
    const keptIds = new Set(kept.map((e) => e[0]));
    const dropped = [...all.values()].filter((e) => !keptIds.has(e[0])).map(mag);
    // (toJSON rounds to 1e-4: ties within rounding may fall either way.)
    expect(Math.min(...kept.map(mag))).toBeGreaterThanOrEqual(Math.max(...dropped) - 1e-3);
    expect(ShopAdapter.fromJSON(model(), a.toJSON(), { maxFeatures: 10 }).toJSON()).toEqual(a.toJSON());
  });

  it('round-trips through JSON and changes nothing without examples', () => {
    const a = new ShopAdapter(model());
    const text = '穿了两次就起球了';
    expect(analyzeText(text, { adapter: a })).toEqual(analyzeText(text));
    a.learn(text, { sentiment: 0, topics: { quality: 1 } });
    const b = ShopAdapter.fromJSON(model(), JSON.parse(JSON.stringify(a.toJSON())));
    expect(b.size).toBe(a.size);
    expect(analyzeText(text, { adapter: b }).sentiment.score).toBeCloseTo(
      analyzeText(text, { adapter: a }).sentiment.score,
      1,
    );
    expect(() => ShopAdapter.fromJSON(model(), { version: 1, bias: [0], entries: [] })).toThrow();
  });
});
