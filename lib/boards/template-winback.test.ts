import { describe, expect, it } from 'vitest';
import type { Review } from '../model';
import { fillSlots } from '../replies/draft';
import { DEFAULT_TEMPLATES } from '../replies/templates';
import type { ReplyTemplate } from '../replies/types';
import { MIN_TEMPLATE_SAMPLE, bestFor, templateMatcher, templateWinback } from './template-winback';
import { DAY, HOUR, T0, review } from './testing';

const NOW = T0 + 30 * DAY;
const kind = (t: string) => t.includes('好');
const tpl = (id: string, text: string, category: ReplyTemplate['category'] = 'logistics'): ReplyTemplate => ({
  id,
  category,
  severity: 'any',
  text,
  source: 'user',
});
const A = tpl('a', '{买家}您好，{问题}给您添麻烦了，我们{补救}。');
const B = tpl('b', '抱歉{买家}，我们已{补救}，请留意物流消息。');
const C = tpl('c', '{买家}您好，感谢反馈，{补救}。', 'quality');
const slots = { 买家: '亲', 商品: '毛巾', 问题: '快递太慢', 补救: '为您补偿一张5元券' };

const replied = (id: string, text: string, r: Partial<Review> = {}) =>
  review(id, {
    star: 1,
    polarity: 'bad',
    text: '物流太慢',
    replied: true,
    replyAt: T0 + HOUR,
    replyText: text,
    ...r,
  });

describe('templateMatcher', () => {
  const match = templateMatcher([A, B, C]);

  it('names the template a filled reply came from, whatever filled its slots', () => {
    expect(match(fillSlots(A.text, slots))?.id).toBe('a');
    expect(match(fillSlots(B.text, { ...slots, 买家: '王女士', 补救: '安排顺丰补发' }))?.id).toBe('b');
    // The console may re-wrap lines: whitespace does not matter.
    expect(match(` ${fillSlots(A.text, slots).replace('，', '，\n')} `)?.id).toBe('a');
  });

  it('prefers the more specific of two templates that both match', () => {
    const loose = tpl('loose', '{买家}{补救}');
    expect(templateMatcher([loose, A])(fillSlots(A.text, slots))?.id).toBe('a');
  });

  it('leaves rewritten replies and regex-looking template text alone', () => {
    expect(match('亲，已经给您退款了')).toBeUndefined();
    expect(match(`${fillSlots(A.text, slots)}另外送您一份小礼物`)).toBeUndefined();
    expect(match('')).toBeUndefined();
    const odd = tpl('odd', '(限时) {补救}？[详见]*');
    expect(templateMatcher([odd])('(限时) 退款？[详见]*')?.id).toBe('odd');
    expect(templateMatcher([odd])('限时 退款？详见')).toBeUndefined();
  });

  it('recognises every default template filled by the default slots', () => {
    const match = templateMatcher(DEFAULT_TEMPLATES);
    for (const t of DEFAULT_TEMPLATES) expect(match(fillSlots(t.text, slots))?.id).toBe(t.id);
  });
});

describe('templateWinback', () => {
  const aText = fillSlots(A.text, slots);
  const bText = fillSlots(B.text, slots);
  const reviews: Review[] = [
    // a: 12 replies, 6 won back (3 modified ratings, 2 kind appends, 1 gone).
    ...Array.from({ length: 12 }, (_, i) =>
      replied(`a${i}`, aText, {
        ...(i < 3 ? { firstStar: 1, star: 5, polarity: 'good' as const } : {}),
        ...(i === 3 || i === 4 ? { appends: [{ text: '后来挺好', at: T0 + DAY }] } : {}),
        ...(i === 5 ? { goneAt: T0 + 5 * DAY } : {}),
      }),
    ),
    // b: 3 replies, 2 won back — too few to rank.
    replied('b0', bText, { firstStar: 2, star: 4 }),
    replied('b1', bText, { goneAt: T0 + 2 * DAY }),
    replied('b2', bText),
    // Too recent: shown as 观察中, not counted.
    replied('b3', bText, { createdAt: NOW - DAY, replyAt: NOW - DAY + HOUR }),
    // An appeal is not a win-back.
    replied('a-appeal', aText, { appealState: '申诉成功' }),
    // Rewritten, no text, positive, unreplied: other bucket, counted apart, ignored, ignored.
    replied('x', '亲，已经给您退款了', { firstStar: 1, star: 3 }),
    replied('nt', '', {}),
    replied('good', aText, { star: 5, polarity: 'good' }),
    review('un', { star: 1, polarity: 'bad' }),
  ];
  const s = templateWinback(reviews, [A, B, C], NOW, kind);

  it('counts replies sent and won back per template', () => {
    const a = s.byId.get('a')!;
    expect([a.sent, a.wonBack, a.enough]).toEqual([13, 6, true]);
    expect(a.rate).toBeCloseTo(6 / 13);
    const b = s.byId.get('b')!;
    expect([b.sent, b.wonBack, b.settling, b.enough]).toEqual([3, 2, 1, false]);
    expect(s.byId.has('c')).toBe(false);
    expect([s.other.sent, s.other.wonBack]).toEqual([1, 1]);
    expect(s.withoutText).toBe(1);
  });

  it('ranks templates with enough samples first, then by rate', () => {
    expect(MIN_TEMPLATE_SAMPLE).toBe(10);
    // b has the higher rate (67 %) but only 3 replies: a (46 %, 13 replies) comes first.
    expect(s.rows.map((r) => r.id)).toEqual(['a', 'b']);
    expect(bestFor(s, 'logistics')?.id).toBe('a');
    expect(bestFor(s, 'quality')).toBeUndefined();
  });
});
