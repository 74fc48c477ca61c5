import { describe, expect, it } from 'vitest';
import { DEFAULT_LADDER } from './compensation';
import { effectiveLadder, mergeTemplates, ReplySettings, validateTemplate } from './schema';
import { DEFAULT_TEMPLATES } from './templates';

describe('ReplySettings schema', () => {
  it('accepts a valid settings object', () => {
    const ok = ReplySettings.safeParse({
      templates: [
        { id: 'my-1', category: 'logistics', severity: 'any', text: '{买家}抱歉，{问题}，{补救}。' },
      ],
      disabledDefaults: ['quality.mild.1'],
      ladder: [{ maxStars: 1, text: '为您全额退款' }],
    });
    expect(ok.success).toBe(true);
  });
  it.each([
    [
      'an unknown category',
      { templates: [{ id: 'x', category: 'weather', severity: 'any', text: 'hi' }], disabledDefaults: [] },
    ],
    [
      'an empty text',
      { templates: [{ id: 'x', category: 'price', severity: 'any', text: '' }], disabledDefaults: [] },
    ],
    [
      'a 600-char text',
      {
        templates: [{ id: 'x', category: 'price', severity: 'any', text: '长'.repeat(600) }],
        disabledDefaults: [],
      },
    ],
    [
      'a ladder rung of 6 stars',
      { templates: [], disabledDefaults: [], ladder: [{ maxStars: 6, text: 'x' }] },
    ],
    ['a missing list', { templates: [] }],
  ])('rejects %s', (_, value) => {
    expect(ReplySettings.safeParse(value).success).toBe(false);
  });
});

describe('mergeTemplates', () => {
  it('replaces same-id defaults, drops disabled ones and appends new ones', () => {
    const merged = mergeTemplates({
      templates: [
        { id: 'quality.mild.1', category: 'quality', severity: 'mild', text: '我的版本' },
        { id: 'mine', category: 'price', severity: 'any', text: '新模板' },
        { id: 'off', category: 'price', severity: 'any', text: '停用', enabled: false },
      ],
      disabledDefaults: ['quality.mild.2'],
    });
    expect(merged.find((t) => t.id === 'quality.mild.1')).toMatchObject({ text: '我的版本', source: 'user' });
    expect(merged.some((t) => t.id === 'quality.mild.2')).toBe(false);
    expect(merged.at(-1)).toMatchObject({ id: 'mine', source: 'user' });
    expect(merged.some((t) => t.id === 'off')).toBe(false);
    expect(merged).toHaveLength(DEFAULT_TEMPLATES.length);
  });
  it('uses the default ladder unless the merchant set one', () => {
    expect(effectiveLadder({ templates: [], disabledDefaults: [] })).toBe(DEFAULT_LADDER);
    expect(effectiveLadder({ templates: [], disabledDefaults: [], ladder: [] })).toEqual([]);
  });
});

describe('validateTemplate', () => {
  it('accepts a clean template', () => {
    expect(validateTemplate('{买家}您好，抱歉{问题}，我们{补救}。')).toEqual([]);
  });
  it('reports unknown slots', () => {
    expect(validateTemplate('{客户}您好')[0]).toMatchObject({ kind: 'unknown_slot' });
  });
  it('reports compliance problems of the filled template', () => {
    const problems = validateTemplate('{买家}，给个五星好评返现10元');
    expect(problems.map((p) => p.issue?.rule)).toContain('inducement');
  });
});
