/**
 * One review → what the merchant sees next to it (console overlay and side-panel inbox): complaint
 * tags, text sentiment, suspicion flags, the reply deadline and a checked draft. Pure: the caller
 * passes the review, its stored flags and saved draft, the merged templates and `now`.
 */
import type { PlatformId, Review } from '../model';
import { isNegative } from '../queries';
import { analyzeReview } from '../text/analyze';
import { CATEGORY_LABEL, type TextAnalysis } from '../text/types';
import type { SuspicionFlag } from '../text/suspicion-types';
import { checkCompliance, type ComplianceResult } from './compliance';
import {
  DEFAULT_DEADLINE_SETTINGS,
  deadlineStatus,
  replyDeadline,
  type DeadlineSettings,
  type ReplyDeadline,
} from './deadline';
import { DEFAULT_REPLY_SETTINGS, effectiveLadder, mergeTemplates, ReplySettings } from './schema';
import { draftReply, type DraftInput, type DraftResult } from './draft';
import type { CheckedDraft, ReplyDraftRow, ReviewAnnotation } from './store';
import type { CompensationStep, ReplyTemplate } from './types';

export interface AnnotateContext {
  templates: readonly ReplyTemplate[];
  ladder: readonly CompensationStep[];
  deadlines: DeadlineSettings;
  now: number;
}

/** The merchant's deadline preferences as stored (lib/settings.ts `replyDeadlineItem`). */
export interface DeadlinePrefs {
  internalHours: number;
  windowDays?: Partial<Record<PlatformId, number | null>>;
}

/**
 * Templates, ladder and deadlines in effect from what storage holds: settings that fail validation fall
 * back to the defaults, an internal rule outside 1–72 hours to the seed's 4 hours.
 */
export function buildContext(
  stored: unknown,
  prefs: DeadlinePrefs | undefined,
  now: number,
): AnnotateContext {
  const parsed = ReplySettings.safeParse(stored);
  const settings = parsed.success ? parsed.data : DEFAULT_REPLY_SETTINGS;
  const hours = Number(prefs?.internalHours);
  const deadlines: DeadlineSettings = {
    ...DEFAULT_DEADLINE_SETTINGS,
    windowDays: { ...DEFAULT_DEADLINE_SETTINGS.windowDays, ...prefs?.windowDays },
    internalHours: hours >= 1 && hours <= 72 ? hours : DEFAULT_DEADLINE_SETTINGS.internalHours,
  };
  return { templates: mergeTemplates(settings), ladder: effectiveLadder(settings), deadlines, now };
}

/** Product names longer than this read badly inside a sentence: the template says 这款商品 instead. */
const MAX_PRODUCT_SLOT = 12;

/** A stable small number per review key: spreads template variants across reviews. */
export function seedOf(key: string): number {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Blocking issues first, then warnings; messages are Chinese. */
export function toChecked(c: ComplianceResult, source: CheckedDraft['source']): CheckedDraft {
  const issues = [...c.issues]
    .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'block' ? -1 : 1))
    .map((i) => ({ severity: i.severity, message: i.message }));
  return { text: c.text, verdict: c.verdict, issues, insertable: c.verdict !== 'block', source };
}

/** Draft input for a review: its analysis, stars, the shop's templates and ladder, a per-review seed. */
export function draftInput(
  review: Review,
  analysis: TextAnalysis,
  ctx: Pick<AnnotateContext, 'templates' | 'ladder'>,
  previous?: string,
): DraftInput {
  const name = review.productName?.trim();
  return {
    analysis,
    ...(review.star !== undefined ? { stars: review.star } : {}),
    ...(review.polarity ? { polarity: review.polarity } : {}),
    templates: ctx.templates,
    ladder: ctx.ladder,
    ...(name && Array.from(name).length <= MAX_PRODUCT_SLOT ? { slots: { 商品: name } } : {}),
    ...(previous !== undefined ? { previous } : {}),
    seed: seedOf(review.key),
    platform: review.platform,
  };
}

/** The template draft for a review (variant chosen by its key; `previous` forces a different one). */
export function templateDraft(
  review: Review,
  analysis: TextAnalysis,
  ctx: Pick<AnnotateContext, 'templates' | 'ladder'>,
  previous?: string,
): DraftResult {
  return draftReply(draftInput(review, analysis, ctx, previous));
}

/** The draft in effect: the merchant's saved one (checked again with today's rules), else a template. */
export function effectiveDraft(
  review: Review,
  analysis: TextAnalysis,
  ctx: Pick<AnnotateContext, 'templates' | 'ladder'>,
  saved?: Pick<ReplyDraftRow, 'text'>,
): CheckedDraft {
  if (saved) return toChecked(checkCompliance(saved.text, { platform: review.platform }), 'saved');
  return toChecked(templateDraft(review, analysis, ctx).compliance, 'template');
}

/** The next deadline, its rule in Chinese and its status at `ctx.now`. */
export function deadlineOf(review: Review, ctx: AnnotateContext): ReviewAnnotation['deadline'] {
  const d: ReplyDeadline = replyDeadline(review, review.platform, ctx.deadlines);
  const rule =
    d.next !== undefined && d.next === d.internalAt
      ? `店铺 ${ctx.deadlines.internalHours} 小时响应`
      : d.platformRule;
  return {
    status: deadlineStatus(d, ctx.now),
    ...(d.next !== undefined ? { next: d.next } : {}),
    ...(rule ? { rule } : {}),
  };
}

export function annotateReview(
  review: Review,
  ctx: AnnotateContext,
  extras: {
    flags?: readonly SuspicionFlag[];
    saved?: Pick<ReplyDraftRow, 'text'>;
    analysis?: TextAnalysis;
    /** The analysis carries the merchant's correction (lib/text/corrections.ts). */
    corrected?: boolean;
  } = {},
): ReviewAnnotation {
  const analysis = extras.analysis ?? analyzeReview(review);
  return {
    reviewId: review.reviewId,
    tags: analysis.categories.map((c) => CATEGORY_LABEL[c]),
    categories: [...analysis.categories],
    ...(extras.corrected ? { corrected: true } : {}),
    sentiment: analysis.sentiment.label,
    mismatch: analysis.sentiment.mismatchWithStars === true,
    negative: isNegative(review),
    replied: review.replied,
    flags: (extras.flags ?? [])
      .filter((f) => f.reviewKey === review.key)
      .map((f) => ({ code: f.code, severity: f.severity, message: f.message })),
    deadline: deadlineOf(review, ctx),
    ...(review.replied ? {} : { draft: effectiveDraft(review, analysis, ctx, extras.saved) }),
  };
}
