/**
 * Reply-engine types. Templates are data the merchant can edit (see schema.ts); drafts are computed and
 * always carry their compliance result.
 */
import type { ReviewCategory } from '../text/types';

/** What a reply answers: a complaint category, or thanks for a positive review. */
export const REPLY_CATEGORIES = [
  'quality',
  'mismatch',
  'logistics',
  'service',
  'price',
  'other',
  'positive',
] as const;
export type ReplyCategory = ReviewCategory | 'positive';

export const SEVERITIES = ['mild', 'moderate', 'severe'] as const;
export type Severity = (typeof SEVERITIES)[number];
/** A template can serve one severity or all of them. */
export type TemplateSeverity = Severity | 'any';

/** Slot names, exactly as written in templates: {买家} {商品} {问题} {补救}. */
export const SLOT_NAMES = ['买家', '商品', '问题', '补救'] as const;
export type SlotName = (typeof SLOT_NAMES)[number];
export type SlotValues = Record<SlotName, string>;

export interface ReplyTemplate {
  id: string;
  category: ReplyCategory;
  severity: TemplateSeverity;
  text: string;
  source: 'default' | 'user';
}

/** One rung of the compensation ladder: offered for the problem, never for changing a review. */
export interface CompensationStep {
  /** Applies to reviews with at most this many stars (the lowest matching rung wins). */
  maxStars: number;
  /** Phrase filling {补救}, e.g. "为您办理全额退款，并补偿一张20元无门槛券". */
  text: string;
}
