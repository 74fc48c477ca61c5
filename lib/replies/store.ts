/**
 * What the reply features keep and send: the merchant's saved draft per review (Dexie `replyDrafts`),
 * stored suspicion flags (`reviewFlags`), and the annotation a content script receives for the review
 * rows it shows. Content scripts import the types only (`import type`): zod stays out of their bundle.
 */
import * as z from 'zod/mini';
import { PLATFORM_IDS, type PlatformId } from '../model';
import type { ReviewCategory, SentimentLabel } from '../text/types';
import type { SuspicionCode, SuspicionFlag } from '../text/suspicion-types';
import type { DeadlineStatus } from './deadline';

/** A reply the merchant edited (or accepted from the model) for one review. Keyed by the review key. */
export const ReplyDraftRow = z.object({
  key: z.string().check(z.minLength(1), z.maxLength(200)),
  storeKey: z.string().check(z.minLength(1), z.maxLength(100)),
  text: z.string().check(z.maxLength(2000)),
  source: z.enum(['template', 'model', 'user']),
  /** Verdict of the compliance check when it was saved (re-checked whenever it is used). */
  verdict: z.enum(['ok', 'warn', 'block']),
  updatedAt: z.number(),
});
export type ReplyDraftRow = z.infer<typeof ReplyDraftRow>;

/** One stored suspicion flag: `key` = `${reviewKey}|${code}` (one flag per code per review). */
export type ReviewFlagRow = SuspicionFlag & { key: string; storeKey: string };

/** Content script → background: annotate these review ids of the store bound to my tab. */
export const AnnotateRequest = z.object({
  platform: z.enum(PLATFORM_IDS),
  reviewIds: z
    .array(z.string().check(z.minLength(1), z.maxLength(64)))
    .check(z.minLength(1), z.maxLength(100)),
});
export type AnnotateRequest = { platform: PlatformId; reviewIds: string[] };

/** A checked draft, as the overlay and the inbox show it. */
export interface CheckedDraft {
  text: string;
  verdict: 'ok' | 'warn' | 'block';
  /** Chinese reasons, blocking ones first. */
  issues: { severity: 'warn' | 'block'; message: string }[];
  /** False when blocked: the overlay disables "生成回复" and shows the first issue instead. */
  insertable: boolean;
  /** `saved` = the merchant's own edit (or an accepted model draft); `template`/`model` = drafted now. */
  source: 'template' | 'saved' | 'model';
}

/** Everything the console overlay shows for one review row. */
export interface ReviewAnnotation {
  reviewId: string;
  /** Complaint categories (Chinese labels), strongest first. */
  tags: string[];
  /** The same categories as ids (the overlay's one-click correction toggles them). */
  categories?: ReviewCategory[];
  /** The merchant corrected this review's categories (issue #11). */
  corrected?: boolean;
  sentiment: SentimentLabel;
  /** Stars and text disagree (a 5★ review with a complaint …). */
  mismatch: boolean;
  /** 中差评: 1–3★ or a 中/差 label. */
  negative: boolean;
  replied: boolean;
  flags: { code: SuspicionCode; severity: 'low' | 'medium' | 'high'; message: string }[];
  deadline: { status: DeadlineStatus; next?: number; rule?: string };
  /** Absent once replied. */
  draft?: CheckedDraft;
}

export interface AnnotateResult {
  items: ReviewAnnotation[];
}

/** Side panel / options → background: draft with the merchant's model (templates on any failure). */
export const ModelDraftRequest = z.object({
  /** A stored review, or a sample typed in the options preview. */
  reviewKey: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  sample: z.optional(
    z.object({
      text: z.string().check(z.maxLength(1000)),
      star: z.optional(z.number().check(z.int(), z.gte(1), z.lte(5))),
    }),
  ),
  previous: z.optional(z.string().check(z.maxLength(2000))),
});
export type ModelDraftRequest = z.infer<typeof ModelDraftRequest>;

export interface ModelDraftReply {
  check: CheckedDraft;
  source: 'model' | 'template';
  /** Why the template draft was used (Chinese). */
  fallbackReason?: string;
}

/** Side panel → background: save the merchant's draft for a review (`text: null` = back to the template). */
export const SaveDraftRequest = z.object({
  reviewKey: z.string().check(z.minLength(1), z.maxLength(200)),
  text: z.nullable(z.string().check(z.maxLength(2000))),
  source: z.optional(z.enum(['model', 'user'])),
});
export type SaveDraftRequest = z.infer<typeof SaveDraftRequest>;
