import { describe, expect, it } from 'vitest';
import { commentRow } from '../consoles/douyin/comments';
import { reviewRow } from '../consoles/pdd/reviews';
import { WINBACK_BY_FAMILY, familyOf, speedFactor } from './outcomes';
import { createWorld } from './world';

const world = createWorld({ seed: 5, days: 200, ordersPerDay: 120 });
const bad = world.reviews.filter(
  (r) => Math.min(r.stars.product, r.stars.logistics, r.stars.service) <= 2 && r.kind !== 'default',
);

describe('review outcomes (issue #16)', () => {
  it('only negative reviews get one, and never one after the world’s now', () => {
    expect(bad.length).toBeGreaterThan(100);
    for (const r of world.reviews) {
      if (r.outcome || r.appeal) expect(bad).toContain(r);
      if (r.outcome) expect(r.outcome.at).toBeLessThanOrEqual(world.now);
      if (r.appeal?.resultAt) expect(r.appeal.resultAt).toBeLessThanOrEqual(world.now);
    }
  });

  it('win back logistics complaints more often than 描述不符, and fast replies more than none', () => {
    const rate = (pred: (r: (typeof bad)[number]) => boolean) => {
      const xs = bad.filter((r) => pred(r) && r.createdAt < world.now - 10 * 86_400_000);
      return xs.filter((r) => r.outcome).length / Math.max(1, xs.length);
    };
    const logistics = rate((r) => familyOf(r.cause) === 'logistics');
    const mismatch = rate((r) => familyOf(r.cause) === 'mismatch');
    expect(logistics).toBeGreaterThan(mismatch);
    expect(rate((r) => r.reply !== undefined)).toBeGreaterThan(rate((r) => r.reply === undefined));
    expect(WINBACK_BY_FAMILY.logistics).toBe(0.68);
    expect(speedFactor(30 * 60_000)).toBeGreaterThan(speedFactor(48 * 3_600_000));
  });

  it('the 抖店 and 拼多多 consoles show the modified stars and the appeal state once they happened', () => {
    const i = world.reviews.findIndex((r) => r.outcome?.kind === 'modified');
    const r = world.reviews[i]!;
    const before = commentRow(world, i, r.outcome!.at - 1);
    const after = commentRow(world, i, r.outcome!.at);
    expect(before.rank_product).toBe(r.stars.product);
    expect(after.rank_product).toBe(r.outcome!.stars!.product);
    expect(reviewRow(world, i, r.outcome!.at).descScore).toBe(r.outcome!.stars!.product);

    const j = world.reviews.findIndex((x) => x.appeal?.result === 'accepted');
    const a = world.reviews[j]!;
    expect(commentRow(world, j, a.appeal!.at)).toMatchObject({ status_info: { text: '申诉审核中' } });
    expect(commentRow(world, j, a.appeal!.resultAt!)).toMatchObject({
      status_info: { text: '申诉成功' },
      count_ecology_score: 0,
    });
    expect(reviewRow(world, j, a.appeal!.resultAt!)).toMatchObject({ reportDesc: '举报成功' });
  });
});
