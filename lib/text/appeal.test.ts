import { describe, expect, it } from 'vitest';
import { makeReview } from './__fixtures__/make-review';
import { APPEAL_LIMITS, buildAppealPack, clip } from './appeal';
import { findSuspicious, type SuspicionFlag } from './suspicious';

const review = makeReview('a', { text: '不给我退款我就去投诉曝光你们，加我vx：abc12345', star: 1 });
const flags = findSuspicious([review], { knownOrderIds: new Set(), coverage: [] });
const images = Array.from({ length: 8 }, (_, i) => `shot-${i}.png`);

describe('buildAppealPack', () => {
  it('picks the strongest reason and fits 抖店 limits (≤100 chars, ≤6 images)', () => {
    const pack = buildAppealPack(review, flags, { images });
    expect(pack.reason.id).toBe('coercion');
    expect(Array.from(pack.description).length).toBeLessThanOrEqual(100);
    expect(pack.description).toContain('相要挟');
    expect(pack.images).toEqual(images.slice(0, 6));
    expect(pack.droppedImages).toEqual(['shot-6.png', 'shot-7.png']);
    expect(pack.evidence).toHaveLength(2);
    expect(pack.warnings.join()).toContain('6 张');
  });
  it('uses conservative guessed limits elsewhere and says so', () => {
    const pack = buildAppealPack({ ...review, platform: 'pdd' }, flags, { images });
    expect(pack.images).toHaveLength(APPEAL_LIMITS.pdd.imagesMax);
    expect(pack.warnings.join()).toContain('估计值');
  });
  it('ignores other reviews’ flags and warns when nothing supports the appeal', () => {
    const other = makeReview('b');
    const pack = buildAppealPack(other, flags);
    expect(pack.reason.id).toBe('other');
    expect(pack.warnings[0]).toContain('理由不足');
  });
  it('cuts the description with an ellipsis under a tight limit', () => {
    const pack = buildAppealPack(review, flags, { limits: { descriptionMax: 20 } });
    expect(Array.from(pack.description)).toHaveLength(20);
    expect(pack.description.endsWith('…')).toBe(true);
    expect(pack.truncated).toBe(true);
  });
  it('maps a missing order to 非真实交易', () => {
    const f: SuspicionFlag = {
      reviewKey: review.key,
      code: 'no_order',
      severity: 'high',
      message: 'x',
      evidence: { kind: 'no_order', orderId: 'oa', coveredFrom: 0, coveredTo: 1 },
    };
    expect(buildAppealPack(review, [f]).reason.label).toBe('非真实交易评价');
  });
});

describe('clip', () => {
  it('counts code points, so emoji count once', () => {
    expect(clip('😀😀😀', 3)).toEqual({ text: '😀😀😀', truncated: false });
    expect(clip('😀😀😀😀', 3)).toEqual({ text: '😀😀…', truncated: true });
  });
});
