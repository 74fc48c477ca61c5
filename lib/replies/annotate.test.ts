import { describe, expect, it } from 'vitest';
import { review, T_NOW as NOW } from '../background/reviews-testing';
import type { SuspicionFlag } from '../text/suspicion-types';
import { analyzeReview } from '../text/analyze';
import { annotateReview, buildContext, draftInput, seedOf, templateDraft, toChecked } from './annotate';
import { checkCompliance } from './compliance';
import { DEFAULT_LADDER } from './compensation';

const H = 3_600_000;
const ctx = buildContext(undefined, { internalHours: 4 }, NOW);

describe('buildContext', () => {
  it.each([
    ['valid settings', { templates: [], disabledDefaults: ['quality.severe.1'] }, false],
    ['a corrupted value', { templates: 'oops' }, true],
    ['nothing stored', undefined, true],
  ])('%s', (_, stored, allDefaults) => {
    const c = buildContext(stored, { internalHours: 4 }, NOW);
    expect(c.templates.some((t) => t.id === 'quality.severe.1')).toBe(allDefaults);
    expect(c.ladder).toEqual(DEFAULT_LADDER);
  });

  it.each([
    [2, 2],
    [0, 4],
    [200, 4],
    [Number.NaN, 4],
  ])('internal hours %d → %d', (h, want) => {
    expect(buildContext(undefined, { internalHours: h }, NOW).deadlines.internalHours).toBe(want);
  });

  it('lets the merchant set a platform window the built-in table does not know', () => {
    const c = buildContext(undefined, { internalHours: 4, windowDays: { douyin: 15 } }, NOW);
    expect(c.deadlines.windowDays).toMatchObject({ douyin: 15, taobao: 30 });
  });
});

describe('drafts', () => {
  it('names the product when the name is short, not when it is a title-length listing', () => {
    const a = analyzeReview(review('r1'));
    expect(draftInput(review('r1'), a, ctx).slots).toEqual({ 商品: '加厚羊羔绒卫衣' });
    const long = review('r1', { productName: '2026秋冬新款加厚羊羔绒卫衣男女同款宽松百搭连帽外套潮牌' });
    expect(draftInput(long, a, ctx).slots).toBeUndefined();
  });

  it('spreads template variants across reviews by key, stably', () => {
    expect(seedOf('douyin:1|r1')).toBe(seedOf('douyin:1|r1'));
    const texts = new Set(
      ['a', 'b', 'c', 'd', 'e', 'f'].map(
        (id) => templateDraft(review(id), analyzeReview(review(id)), ctx).text,
      ),
    );
    expect(texts.size).toBeGreaterThan(1);
  });

  it('"换一个" gives a different draft than the one shown', () => {
    const r = review('r1');
    const a = analyzeReview(r);
    const first = templateDraft(r, a, ctx).text;
    expect(templateDraft(r, a, ctx, first).text).not.toBe(first);
  });

  it('lists blocking issues before warnings', () => {
    const c = toChecked(checkCompliance('加我微信 abc12345，五星好评返现10元'), 'saved');
    expect(c.verdict).toBe('block');
    expect(c.insertable).toBe(false);
    expect(c.issues[0]!.severity).toBe('block');
    expect(c.issues.some((i) => i.severity === 'warn')).toBe(true);
  });
});

describe('annotateReview', () => {
  const flag = (key: string): SuspicionFlag => ({
    reviewKey: key,
    code: 'coercion',
    severity: 'high',
    message: '买家以差评/投诉相要挟',
    evidence: { kind: 'text', matches: [], part: -1 },
  });

  it('a 1★ review: tags, negative text, 4-hour clock, a draft; only its own flags', () => {
    const r = review('r1');
    const a = annotateReview(r, ctx, { flags: [flag(r.key), flag('other|x')] });
    expect(a).toMatchObject({
      tags: expect.arrayContaining(['服务', '质量问题']),
      sentiment: 'negative',
      negative: true,
      deadline: { status: 'ok', next: r.createdAt + 4 * H },
      draft: { insertable: true, source: 'template' },
    });
    expect(a.flags).toHaveLength(1);
  });

  it('a replied review has no draft and no clock', () => {
    const a = annotateReview(review('r1', { replied: true, replyText: '已为您补发' }), ctx);
    expect(a.draft).toBeUndefined();
    expect(a.deadline).toEqual({ status: 'closed' });
  });

  it('a 5★ review whose text complains is flagged as mismatching and still gets an answer', () => {
    const a = annotateReview(
      review('r1', { star: 5, starProduct: 5, polarity: 'good', text: '物流太慢了，等了一个星期' }),
      ctx,
    );
    expect(a.negative).toBe(false);
    expect(a.mismatch).toBe(true);
    expect(a.tags).toContain('物流');
    expect(a.draft?.text).toMatch(/物流|久等|快递/);
  });
});
