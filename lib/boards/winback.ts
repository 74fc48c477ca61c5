/**
 * 差评挽回 (issue #16): for each negative review, how fast the shop replied and what happened after — the
 * buyer modified the rating, appended a kinder word, the review left the console, or the shop appealed
 * it (with the result) — and from that the 挽回率 by complaint category and by reply speed, next to the
 * guides' figures. Pure; the caller supplies the text classifier.
 */
import type { Review } from '../model';
import type { ReviewCategory } from '../text/types';
import { WINBACK_GUIDE } from './standards';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export type Outcome =
  'modified' | 'append' | 'gone' | 'appeal_accepted' | 'appeal_rejected' | 'appeal_pending' | 'none';

export const OUTCOME_LABEL: Readonly<Record<Outcome, string>> = {
  modified: '已改评',
  append: '好的追评',
  gone: '已从后台消失',
  appeal_accepted: '申诉成功',
  appeal_rejected: '申诉驳回',
  appeal_pending: '申诉中',
  none: '无变化',
};

/** Outcomes that count as won back (the buyer's own change of heart, or the review gone). */
export const WON_BACK: ReadonlySet<Outcome> = new Set(['modified', 'append', 'gone']);

export type SpeedBucket = 'h1' | 'h4' | 'h24' | 'later' | 'none';
export const SPEED_LABEL: Readonly<Record<SpeedBucket, string>> = {
  h1: '1 小时内回复',
  h4: '1–4 小时',
  h24: '4–24 小时',
  later: '超过 24 小时',
  none: '未回复',
};

export function speedBucket(r: Pick<Review, 'createdAt' | 'replyAt' | 'replied'>): SpeedBucket {
  if (!r.replied) return 'none';
  if (r.replyAt === undefined) return 'later';
  const d = r.replyAt - r.createdAt;
  return d <= HOUR_MS ? 'h1' : d <= 4 * HOUR_MS ? 'h4' : d <= 24 * HOUR_MS ? 'h24' : 'later';
}

/** The appeal's state from the console's wording (抖店 status_info, 拼多多 reportDesc, 快手 complainStatus). */
export function appealOf(state: string | undefined): 'accepted' | 'rejected' | 'pending' | undefined {
  if (!state || /未被?(举报|申诉)|未申诉|无/.test(state)) return undefined;
  if (/驳回|失败|不通过|未通过|拒绝/.test(state)) return 'rejected';
  if (/成功|通过|已删除|已隐藏|已屏蔽/.test(state)) return 'accepted';
  if (/中|待|审核|处理/.test(state)) return 'pending';
  return undefined;
}

/** A negative review: its first captured star was 1–2, or the console labelled it 差评. */
export const isNegative = (r: Review): boolean =>
  (r.firstStar ?? r.star ?? 5) <= 2 || (r.firstStar === undefined && r.polarity === 'bad');

export interface WinbackDeps {
  /** Complaint categories of a review, strongest first (lib/text analyzeReview). */
  categorize: (r: Review) => readonly ReviewCategory[];
  /** Whether an append's text is favourable. */
  kindAppend: (text: string) => boolean;
}

export interface WinbackRow {
  review: Review;
  category: ReviewCategory;
  speed: SpeedBucket;
  replyDelayMs?: number;
  outcome: Outcome;
  wonBack: boolean;
  /** Younger than the settling period: shown, not counted in rates. */
  settling: boolean;
}

export function outcomeOf(r: Review, kindAppend: (text: string) => boolean): Outcome {
  if (r.firstStar !== undefined && r.star !== undefined && r.star > r.firstStar) return 'modified';
  const after = r.replyAt ?? r.createdAt;
  if (r.appends.some((a) => (a.at === undefined || a.at >= after) && kindAppend(a.text))) return 'append';
  const appeal = appealOf(r.appealState);
  if (r.goneAt !== undefined && appeal !== 'accepted') return 'gone';
  if (appeal) return `appeal_${appeal}`;
  return 'none';
}

export interface RateRow<K extends string> {
  key: K;
  reviews: number;
  wonBack: number;
  rate?: number;
  /** The guides' figure for this row, where they give one. */
  guide?: number;
}

export interface WinbackBoard {
  rows: WinbackRow[];
  byCategory: RateRow<ReviewCategory>[];
  bySpeed: RateRow<SpeedBucket>[];
  appeals: { accepted: number; rejected: number; pending: number };
  total: RateRow<'all'>;
}

function rate<K extends string>(key: K, rows: readonly WinbackRow[], guide?: number): RateRow<K> {
  const counted = rows.filter((r) => !r.settling);
  const won = counted.filter((r) => r.wonBack).length;
  return {
    key,
    reviews: counted.length,
    wonBack: won,
    rate: counted.length ? won / counted.length : undefined,
    guide,
  };
}

const GUIDE: Partial<Record<ReviewCategory, number>> = WINBACK_GUIDE;
const CATEGORY_ORDER: readonly ReviewCategory[] = [
  'logistics',
  'service',
  'quality',
  'mismatch',
  'price',
  'other',
];
const SPEED_ORDER: readonly SpeedBucket[] = ['h1', 'h4', 'h24', 'later', 'none'];

/** The board over the store's reviews; reviews younger than `settleDays` are not counted yet. */
export function winbackBoard(
  reviews: readonly Review[],
  now: number,
  deps: WinbackDeps,
  settleDays = 3,
): WinbackBoard {
  const rows: WinbackRow[] = [];
  for (const review of reviews) {
    if (!isNegative(review)) continue;
    const outcome = outcomeOf(review, deps.kindAppend);
    const category = deps.categorize(review).find((c) => c !== 'other') ?? 'other';
    rows.push({
      review,
      category,
      speed: speedBucket(review),
      replyDelayMs: review.replyAt !== undefined ? review.replyAt - review.createdAt : undefined,
      outcome,
      wonBack: WON_BACK.has(outcome),
      settling: now - review.createdAt < settleDays * DAY_MS,
    });
  }
  rows.sort((a, b) => b.review.createdAt - a.review.createdAt);
  const count = (o: Outcome) => rows.filter((r) => r.outcome === o).length;
  return {
    rows,
    byCategory: CATEGORY_ORDER.map((c) =>
      rate(
        c,
        rows.filter((r) => r.category === c),
        GUIDE[c],
      ),
    ).filter((r) => r.reviews > 0 || r.guide !== undefined),
    bySpeed: SPEED_ORDER.map((s) =>
      rate(
        s,
        rows.filter((r) => r.speed === s),
      ),
    ),
    appeals: {
      accepted: count('appeal_accepted'),
      rejected: count('appeal_rejected'),
      pending: count('appeal_pending'),
    },
    total: rate('all', rows),
  };
}
