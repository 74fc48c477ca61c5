import { describe, expect, it } from 'vitest';
import type { Review } from '../model';
import type { ReviewCategory } from '../text/types';
import { DAY, HOUR, T0, review } from './testing';
import { appealOf, outcomeOf, speedBucket, winbackBoard } from './winback';

const kind = (t: string) => t.includes('好');
const NOW = T0 + 30 * DAY;
const bad = (id: string, r: Partial<Review>) =>
  review(id, { star: 1, polarity: 'bad', text: '物流太慢', ...r });

describe('outcomeOf', () => {
  it.each([
    ['modified', { firstStar: 1, star: 5, polarity: 'good' }, 'modified'],
    [
      'kind append after the reply',
      { replied: true, replyAt: T0 + HOUR, appends: [{ text: '后来挺好', at: T0 + DAY }] },
      'append',
    ],
    ['angry append', { appends: [{ text: '还是没解决', at: T0 + DAY }] }, 'none'],
    ['gone', { goneAt: T0 + 5 * DAY }, 'gone'],
    ['appeal accepted', { appealState: '申诉成功' }, 'appeal_accepted'],
    ['appeal rejected', { appealState: '举报驳回' }, 'appeal_rejected'],
    ['appeal pending', { appealState: '举报审核中' }, 'appeal_pending'],
    ['nothing', { appealState: '未被举报' }, 'none'],
  ] as const)('%s', (_, r, want) => {
    expect(outcomeOf(bad('x', r as Partial<Review>), kind)).toBe(want);
  });

  it('reads appeal wording', () => {
    expect(['未被举报', '申诉中', '申诉成功', '申诉驳回', undefined].map(appealOf)).toEqual([
      undefined,
      'pending',
      'accepted',
      'rejected',
      undefined,
    ]);
  });

  it('buckets reply speed', () => {
    const at = (h: number) => speedBucket({ createdAt: T0, replied: true, replyAt: T0 + h * HOUR });
    expect([at(0.5), at(3), at(20), at(30)]).toEqual(['h1', 'h4', 'h24', 'later']);
    expect(speedBucket({ createdAt: T0, replied: false })).toBe('none');
  });
});

describe('winbackBoard', () => {
  const cats: Record<string, ReviewCategory[]> = { 物流太慢: ['logistics'], 质量差: ['quality'] };
  const categorize = (r: Review) => cats[r.text] ?? ['other'];
  const reviews = [
    bad('a', { firstStar: 1, star: 5, replied: true, replyAt: T0 + HOUR / 2 }),
    bad('b', { replied: true, replyAt: T0 + HOUR / 2 }),
    bad('c', { text: '质量差', replied: true, replyAt: T0 + 10 * HOUR, appealState: '申诉驳回' }),
    bad('d', { text: '质量差', goneAt: T0 + DAY }),
    bad('new', { createdAt: NOW - HOUR }),
    review('good'),
  ];
  const b = winbackBoard(reviews, NOW, { categorize, kindAppend: kind });

  it('one row per negative review, newest first; young ones shown but not counted', () => {
    expect(b.rows.map((r) => [r.review.reviewId, r.outcome, r.settling])).toEqual([
      ['new', 'none', true],
      ['a', 'modified', false],
      ['b', 'none', false],
      ['c', 'appeal_rejected', false],
      ['d', 'gone', false],
    ]);
    expect(b.total).toMatchObject({ reviews: 4, wonBack: 2, rate: 0.5 });
  });

  it('rates by category beside the guides’ figures, and by reply speed', () => {
    expect(b.byCategory.find((r) => r.key === 'logistics')).toMatchObject({
      reviews: 2,
      wonBack: 1,
      rate: 0.5,
      guide: 0.68,
    });
    expect(b.byCategory.find((r) => r.key === 'quality')).toMatchObject({
      reviews: 2,
      wonBack: 1,
      guide: 0.45,
    });
    expect(b.byCategory.find((r) => r.key === 'mismatch')).toMatchObject({ reviews: 0, guide: 0.35 });
    expect(b.bySpeed.find((r) => r.key === 'h1')).toMatchObject({ reviews: 2, wonBack: 1 });
    expect(b.bySpeed.find((r) => r.key === 'none')).toMatchObject({ reviews: 1, wonBack: 1 });
    expect(b.appeals).toEqual({ accepted: 0, rejected: 1, pending: 0 });
  });
});
