/**
 * Reply deadlines. Platform windows: 淘宝 评价解释 within 30 days of the review and not after the
 * buyer's append (platforms.md §2.2, DESIGN.md "Replies") [M]; 快手 30 days, first review only [M];
 * 抖店/拼多多/京东 unknown, configurable. A deadline the console itself shows (Review.replyDeadline)
 * wins over the computed one. Plus the shop's internal rule: answer a negative review within 4 hours.
 */
import { DAY_MS, type PlatformId, type Review } from '../model';

export interface DeadlineSettings {
  /** Days after the review during which the platform accepts a reply; null = unknown / none. */
  windowDays: Record<PlatformId, number | null>;
  /** Whether the buyer's append closes the reply window of the main review. */
  closesOnAppend: Record<PlatformId, boolean>;
  /** The shop's internal response rule for negative reviews, in hours (seed: 4小时响应机制). */
  internalHours: number;
}

export const DEFAULT_DEADLINE_SETTINGS: DeadlineSettings = {
  windowDays: { taobao: 30, kuaishou: 30, douyin: null, pdd: null, jd: null },
  closesOnAppend: { taobao: true, kuaishou: false, douyin: false, pdd: false, jd: false },
  internalHours: 4,
};

export interface ReplyDeadline {
  /** When the platform stops accepting a reply (ms), if known. */
  platformAt?: number;
  /** Chinese description of the rule applied. */
  platformRule?: string;
  /** Internal deadline (negative reviews only). */
  internalAt?: number;
  /** Already closed: replied, or (淘宝) the buyer appended before we explained. */
  closed?: 'replied' | 'append';
  /** Earliest still-relevant deadline: what the inbox clock counts down to. */
  next?: number;
}

export type DeadlineReview = Pick<
  Review,
  | 'createdAt'
  | 'appends'
  | 'replied'
  | 'replyDeadline'
  | 'star'
  | 'starProduct'
  | 'starLogistics'
  | 'starService'
  | 'polarity'
>;

/** 1–2★ overall or on any dimension, or a 差评 label: the reviews the 4-hour rule is about. */
export function isNegativeReview(
  r: Omit<DeadlineReview, 'createdAt' | 'appends' | 'replied' | 'replyDeadline'>,
): boolean {
  const stars = [r.star, r.starProduct, r.starLogistics, r.starService].filter(
    (s): s is number => s !== undefined,
  );
  return r.polarity === 'bad' || stars.some((s) => s <= 2);
}

export function replyDeadline(
  review: DeadlineReview,
  platform: PlatformId,
  settings: DeadlineSettings = DEFAULT_DEADLINE_SETTINGS,
): ReplyDeadline {
  const out: ReplyDeadline = {};
  if (review.replied) return { closed: 'replied' };
  const days = settings.windowDays[platform];
  if (review.replyDeadline !== undefined) {
    out.platformAt = review.replyDeadline;
    out.platformRule = '控制台显示的回复截止时间';
  } else if (days != null) {
    out.platformAt = review.createdAt + days * DAY_MS;
    out.platformRule = `评价后 ${days} 天内可回复`;
  }
  const append = review.appends[0];
  if (append && settings.closesOnAppend[platform]) {
    // An append without a time: the window may already be closed; treat it as closed to be safe.
    if (append.at === undefined || append.at <= review.createdAt)
      return { closed: 'append', platformRule: '买家已追评，主评价解释期已结束' };
    if (out.platformAt === undefined || append.at < out.platformAt) {
      out.platformAt = append.at;
      out.platformRule = '买家追评后不能再解释主评价';
    }
  }
  if (isNegativeReview(review)) out.internalAt = review.createdAt + settings.internalHours * 3_600_000;
  const candidates = [out.platformAt, out.internalAt].filter((t): t is number => t !== undefined);
  if (candidates.length) out.next = Math.min(...candidates);
  return out;
}

export type DeadlineStatus = 'closed' | 'overdue' | 'soon' | 'ok' | 'none';

/**
 * Status at `now`: `overdue` once the platform window has passed (or the internal one, while the
 * platform still accepts), `soon` within `soonMs` (default 1 h) of the next deadline.
 */
export function deadlineStatus(d: ReplyDeadline, now: number, soonMs = 3_600_000): DeadlineStatus {
  if (d.closed) return 'closed';
  if (d.platformAt !== undefined && now >= d.platformAt) return 'closed';
  const pending = [d.internalAt, d.platformAt].filter((t): t is number => t !== undefined);
  if (pending.length === 0) return 'none';
  if (d.internalAt !== undefined && now >= d.internalAt) return 'overdue';
  const next = Math.min(...pending.filter((t) => t > now));
  return next - now <= soonMs ? 'soon' : 'ok';
}
