import { describe, expect, it } from 'vitest';
import { DEFAULT_LADDER } from './compensation';
import { checkCompliance } from './compliance';
import { DEFAULT_REMEDY, fillSlots } from './draft';
import { DEFAULT_TEMPLATES } from './templates';
import { REPLY_CATEGORIES, SEVERITIES, type SlotValues } from './types';

describe('default templates', () => {
  it('cover every category × severity with ≥3 variants', () => {
    for (const category of REPLY_CATEGORIES) {
      const severities = category === 'positive' ? [undefined] : SEVERITIES;
      for (const severity of severities) {
        const n = DEFAULT_TEMPLATES.filter(
          (t) =>
            t.category === category &&
            (severity === undefined || t.severity === severity || t.severity === 'any'),
        ).length;
        expect(n, `${category}/${severity}`).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('have unique ids and only known slots', () => {
    expect(new Set(DEFAULT_TEMPLATES.map((t) => t.id)).size).toBe(DEFAULT_TEMPLATES.length);
    for (const t of DEFAULT_TEMPLATES)
      expect(t.text.replace(/\{(买家|商品|问题|补救)\}/g, '')).not.toMatch(/[{}]/);
  });

  it('keep positive thanks short and free of offers', () => {
    for (const t of DEFAULT_TEMPLATES.filter((x) => x.category === 'positive')) {
      expect(Array.from(t.text).length).toBeLessThanOrEqual(40);
      expect(t.text).not.toMatch(/\{补救\}|券|礼/);
    }
  });

  const remedies = [...DEFAULT_LADDER.map((s) => s.text), DEFAULT_REMEDY];
  it.each(remedies)('all pass the compliance check cleanly with remedy %s', (remedy) => {
    for (const t of DEFAULT_TEMPLATES) {
      const slots: SlotValues = { 买家: '亲', 商品: '这款毛衣', 问题: '衣物起球', 补救: remedy };
      const result = checkCompliance(fillSlots(t.text, slots), { platform: 'douyin' });
      expect(result.issues, `${t.id}: ${fillSlots(t.text, slots)}`).toEqual([]);
    }
  });
});
