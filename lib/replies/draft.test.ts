import { describe, expect, it } from 'vitest';
import { analyzeText } from '../text/analyze';
import { DEFAULT_LADDER } from './compensation';
import { draftReply } from './draft';
import { mergeTemplates } from './schema';
import { DEFAULT_TEMPLATES } from './templates';

const templates = mergeTemplates({ templates: [], disabledDefaults: [] });

describe('draftReply', () => {
  it.each([
    ['穿了一次就起球了，质量太差了', 1, 'quality', 'severe', '全额退款'],
    ['物流太慢了，等了一个星期才到', 2, 'logistics', 'moderate', '补发同款'],
    ['客服有点敷衍', 3, 'service', 'mild', '小礼品'],
    ['五星好评，就是尺码偏小', 5, 'mismatch', 'mild', '售后'],
  ] as const)('%s (%d★) → %s/%s with the ladder remedy', (text, stars, category, severity, remedy) => {
    const d = draftReply({ analysis: analyzeText(text, { stars }), stars, templates, platform: 'douyin' });
    expect(d).toMatchObject({ category, severity });
    expect(d.slots.补救).toContain(remedy);
    expect(d.text).not.toMatch(/[{}]/);
    expect(d.compliance.verdict).toBe('ok');
  });

  it('thanks positive reviews briefly, without remedy', () => {
    const d = draftReply({ analysis: analyzeText('质量很好，很喜欢', { stars: 5 }), stars: 5, templates });
    expect(d.category).toBe('positive');
    expect(d.severity).toBeUndefined();
    expect(Array.from(d.text).length).toBeLessThanOrEqual(40);
  });

  it('never repeats the previous draft over a long sequence', () => {
    const analysis = analyzeText('发货太慢了', { stars: 2 });
    let previous: string | undefined;
    const seen = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const d = draftReply({ analysis, stars: 2, templates, ...(previous ? { previous } : {}) });
      expect(d.text).not.toBe(previous);
      seen.add(d.text);
      previous = d.text;
    }
    expect(seen.size).toBeGreaterThanOrEqual(2);
  });

  it('varies across reviews by seed', () => {
    const analysis = analyzeText('质量太差', { stars: 1 });
    const texts = new Set([0, 1, 2].map((seed) => draftReply({ analysis, stars: 1, templates, seed }).text));
    expect(texts.size).toBe(3);
  });

  it('still differs from the previous draft when the merchant keeps one template only', () => {
    const only = mergeTemplates({
      templates: [
        { id: 'mine', category: 'logistics', severity: 'any', text: '{买家}抱歉，{问题}，{补救}。' },
      ],
      disabledDefaults: DEFAULT_TEMPLATES.filter((t) => t.category === 'logistics').map((t) => t.id),
    });
    const analysis = analyzeText('物流太慢', { stars: 2 });
    const first = draftReply({ analysis, stars: 2, templates: only });
    expect(first.templateId).toBe('mine');
    const second = draftReply({ analysis, stars: 2, templates: only, previous: first.text });
    expect(second.text).not.toBe(first.text);
    expect(second.repeated).toBe(false);
  });

  it('skips a merchant template that would be blocked', () => {
    const bad = mergeTemplates({
      templates: [{ id: 'q-bad', category: 'quality', severity: 'any', text: '亲，追加好评返现10元' }],
      disabledDefaults: DEFAULT_TEMPLATES.filter((t) => t.category === 'quality').map((t) => t.id),
    });
    const d = draftReply({ analysis: analyzeText('质量太差', { stars: 1 }), stars: 1, templates: bad });
    expect(d.templateId).not.toBe('q-bad');
    expect(d.compliance.verdict).not.toBe('block');
  });

  it('uses the severity equivalent when the platform has no stars (千牛 差评)', () => {
    const d = draftReply({
      analysis: analyzeText('衣服起球，差评'),
      polarity: 'bad',
      templates,
      ladder: DEFAULT_LADDER,
    });
    expect(d.severity).toBe('severe');
    expect(d.slots.补救).toContain('全额退款');
  });

  it('fills caller slots and checks buyer data', () => {
    const d = draftReply({
      analysis: analyzeText('质量太差', { stars: 1 }),
      stars: 1,
      templates,
      slots: { 买家: '张小明', 商品: '羊毛衫' },
      compliance: { buyer: { name: '张小明' } },
    });
    expect(d.compliance.issues.map((i) => i.rule)).toContain('personal_data');
  });
});
