import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../model';
import { BASE, makeReview } from '../text/__fixtures__/make-review';
import { DEFAULT_DEADLINE_SETTINGS, deadlineStatus, isNegativeReview, replyDeadline } from './deadline';

const H = 3_600_000;

describe('replyDeadline', () => {
  it('淘宝: 30 days after the review', () => {
    const d = replyDeadline(
      makeReview('1', { platform: 'taobao', star: undefined, polarity: 'good' }),
      'taobao',
    );
    expect(d).toMatchObject({ platformAt: BASE + 30 * DAY_MS });
    expect(d.internalAt).toBeUndefined();
  });
  it('淘宝: the buyer’s append closes the explanation window early', () => {
    const d = replyDeadline(
      makeReview('1', { platform: 'taobao', appends: [{ text: '追评', at: BASE + 3 * DAY_MS }] }),
      'taobao',
    );
    expect(d.platformAt).toBe(BASE + 3 * DAY_MS);
    expect(d.platformRule).toContain('追评');
  });
  it('淘宝: an append without a time counts as closed', () => {
    expect(replyDeadline(makeReview('1', { appends: [{ text: '追评' }] }), 'taobao').closed).toBe('append');
  });
  it('快手: 30 days, appends do not matter', () => {
    const d = replyDeadline(makeReview('1', { appends: [{ text: '追评', at: BASE + DAY_MS }] }), 'kuaishou');
    expect(d.platformAt).toBe(BASE + 30 * DAY_MS);
  });
  it('抖店: no platform window by default, 4-hour internal rule for negatives', () => {
    const d = replyDeadline(makeReview('1', { star: 1 }), 'douyin');
    expect(d).toEqual({ internalAt: BASE + 4 * H, next: BASE + 4 * H });
  });
  it('is configurable per platform', () => {
    const settings = {
      ...DEFAULT_DEADLINE_SETTINGS,
      windowDays: { ...DEFAULT_DEADLINE_SETTINGS.windowDays, pdd: 15 },
      internalHours: 2,
    };
    const d = replyDeadline(makeReview('1', { star: 2 }), 'pdd', settings);
    expect(d).toMatchObject({ platformAt: BASE + 15 * DAY_MS, internalAt: BASE + 2 * H, next: BASE + 2 * H });
  });
  it('prefers the deadline the console shows', () => {
    expect(replyDeadline(makeReview('1', { replyDeadline: BASE + 27 * DAY_MS }), 'taobao').platformAt).toBe(
      BASE + 27 * DAY_MS,
    );
  });
  it('is closed once replied', () => {
    expect(replyDeadline(makeReview('1', { replied: true, star: 1 }), 'douyin')).toEqual({
      closed: 'replied',
    });
  });
});

describe('isNegativeReview', () => {
  it.each([
    [{ star: 1 }, true],
    [{ star: 5, starLogistics: 2 }, true],
    [{ polarity: 'bad' as const }, true],
    [{ star: 3 }, false],
    [{ star: 5 }, false],
  ])('%j → %s', (r, expected) => {
    expect(isNegativeReview(r)).toBe(expected);
  });
});

describe('deadlineStatus', () => {
  const d = replyDeadline(makeReview('1', { platform: 'taobao', star: 1 }), 'taobao');
  it.each([
    [BASE + H, 'ok'],
    [BASE + 3.5 * H, 'soon'],
    [BASE + 5 * H, 'overdue'],
    [BASE + 30 * DAY_MS, 'closed'],
  ])('at +%d ms → %s', (now, status) => {
    expect(deadlineStatus(d, now)).toBe(status);
  });
  it('is none without any deadline', () => {
    expect(deadlineStatus(replyDeadline(makeReview('1', { star: 5 }), 'douyin'), BASE)).toBe('none');
  });
});
