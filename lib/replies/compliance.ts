/**
 * Compliance check for every reply draft — templates, merchant edits and model output alike.
 * Block: inducements tied to reviews, requests to change/delete a review, empty text.
 * Warn: off-platform diversion, echoed buyer personal data, blaming tone, AI meta-text, placeholders,
 * length over the platform's limit. Matching runs on a normalized view that defeats the usual evasions
 * ("好 评 返 现", "好*评*返*现", "伍星", "ｖｘ", "hao ping"); spans point into the original text.
 */
import type { PlatformId } from '../model';
import { normalizeForMatch, originalSpan } from '../text/normalize';
import { detectContact } from '../text/signals';
import { CHANGE_REVIEW, MESSAGES, PLACEHOLDER } from './compliance-rules';
import {
  AI_META,
  BLAME,
  findAll,
  findPhrases,
  inducementIssues,
  mergeOverlaps,
  personalDataSpans,
} from './compliance-match';
import { PLATFORM_LABEL, REPLY_LIMITS, replyLength } from './limits';

export type ComplianceRule =
  | 'inducement'
  | 'inducement_nearby'
  | 'change_review'
  | 'empty'
  | 'diversion'
  | 'personal_data'
  | 'blame'
  | 'ai_meta'
  | 'placeholder'
  | 'length';

export interface ComplianceIssue {
  rule: ComplianceRule;
  severity: 'warn' | 'block';
  /** Chinese, for the merchant. */
  message: string;
  /** Offsets in the checked text. */
  span: { start: number; end: number };
}

export interface ComplianceResult {
  verdict: 'ok' | 'warn' | 'block';
  issues: ComplianceIssue[];
  /** The exact text that was checked (canInsert compares against it). */
  text: string;
}

export interface ComplianceContext {
  platform?: PlatformId;
  /** Override the platform's length limit. */
  maxLength?: number;
  /** Buyer data known to the caller, to catch it being echoed back (never stored by us). */
  buyer?: { name?: string; phone?: string; address?: string };
}

export function checkCompliance(text: string, ctx: ComplianceContext = {}): ComplianceResult {
  const n = normalizeForMatch(text);
  const issues: ComplianceIssue[] = [];
  const seen = new Set<string>();
  const push = (
    rule: ComplianceRule,
    severity: 'warn' | 'block',
    span: { start: number; end: number },
    message: string,
  ) => {
    const key = `${rule}:${span.start}:${span.end}`;
    if (seen.has(key)) return;
    seen.add(key);
    issues.push({ rule, severity, message, span });
  };
  const fromNorm = (
    rule: ComplianceRule,
    severity: 'warn' | 'block',
    s: { start: number; end: number },
    message: string = MESSAGES[rule as keyof typeof MESSAGES],
  ) => push(rule, severity, originalSpan(n, s.start, s.end), message);

  if (text.trim() === '') push('empty', 'block', { start: 0, end: text.length }, MESSAGES.empty);
  inducementIssues(n, (rule, s) => fromNorm(rule, rule === 'inducement' ? 'block' : 'warn', s));
  for (const re of CHANGE_REVIEW) for (const s of findAll(n, re)) fromNorm('change_review', 'block', s);
  for (const m of detectContact(text))
    push('diversion', 'warn', { start: m.start, end: m.end }, MESSAGES.diversion);
  if (ctx.buyer) for (const s of personalDataSpans(n, text, ctx.buyer)) fromNorm('personal_data', 'warn', s);
  for (const s of findPhrases(n, BLAME)) fromNorm('blame', 'warn', s);
  for (const s of findPhrases(n, AI_META)) fromNorm('ai_meta', 'warn', s);
  PLACEHOLDER.lastIndex = 0;
  for (const m of text.matchAll(PLACEHOLDER))
    push('placeholder', 'warn', { start: m.index, end: m.index + m[0].length }, MESSAGES.placeholder);
  const limit = ctx.maxLength ?? (ctx.platform ? REPLY_LIMITS[ctx.platform].maxChars : undefined);
  if (limit !== undefined && replyLength(text) > limit) {
    const cut = Array.from(text).slice(0, limit).join('').length;
    const where = ctx.platform ? `${PLATFORM_LABEL[ctx.platform]}回复` : '回复';
    const guessed =
      ctx.maxLength === undefined && ctx.platform && REPLY_LIMITS[ctx.platform].confidence === 'G'
        ? '，上限为估计值'
        : '';
    push(
      'length',
      'warn',
      { start: cut, end: text.length },
      `超出${where}字数上限（${replyLength(text)}/${limit} 字${guessed}）`,
    );
  }
  const merged = mergeOverlaps(issues);
  const verdict = merged.some((i) => i.severity === 'block') ? 'block' : merged.length ? 'warn' : 'ok';
  return { verdict, issues: merged, text };
}

/**
 * Whether a checked draft may be filled into the console's reply box: never when blocked, and only for
 * the exact text that was checked (pass the text about to be inserted).
 */
export function canInsert(result: ComplianceResult, text?: string): boolean {
  if (result.verdict === 'block') return false;
  return text === undefined || text === result.text;
}
