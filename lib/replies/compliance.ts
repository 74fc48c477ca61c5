/**
 * Compliance check for every reply draft — templates, merchant edits and model output alike.
 * Block: inducements tied to reviews, requests to change/delete a review, empty text.
 * Warn: off-platform diversion, echoed buyer personal data, blaming tone, AI meta-text, placeholders,
 * length over the platform's limit. Matching runs on a normalized view that defeats the usual evasions
 * ("好 评 返 现", "好*评*返*现", "伍星", "ｖｘ", "hao ping"); spans point into the original text.
 */
import type { PlatformId } from '../model';
import { normalizeForMatch, originalSpan, type Normalized } from '../text/normalize';
import { detectContact } from '../text/signals';
import {
  AI_META_PHRASES,
  BLAME_PHRASES,
  CHANGE_REVIEW,
  INCENTIVE,
  MASKED_PHONE,
  MESSAGES,
  PLACEHOLDER,
  REVIEW_ACT,
} from './compliance-rules';
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

const normalizedPhrases = (list: readonly string[]) =>
  list.map((p) => normalizeForMatch(p).text).filter(Boolean);
const BLAME = normalizedPhrases(BLAME_PHRASES);
const AI_META = normalizedPhrases(AI_META_PHRASES);
const SENTENCE_END = /[。！？!?\n]/;

function findAll(n: Normalized, re: RegExp): { start: number; end: number }[] {
  re.lastIndex = 0;
  return [...n.text.matchAll(re)]
    .filter((m) => m[0].length > 0)
    .map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

function findPhrases(n: Normalized, phrases: readonly string[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const p of phrases)
    for (let at = n.text.indexOf(p); at >= 0; at = n.text.indexOf(p, at + 1))
      out.push({ start: at, end: at + p.length });
  return out;
}

/** Index of the sentence containing normalized offset `at`. */
function sentenceOf(text: string, at: number): number {
  let k = 0;
  for (let i = 0; i < at && i < text.length; i++) if (SENTENCE_END.test(text[i] ?? '')) k++;
  return k;
}

function inducementIssues(
  n: Normalized,
  issue: (rule: ComplianceRule, s: { start: number; end: number }) => void,
) {
  const acts = findAll(n, REVIEW_ACT);
  const gifts = findAll(n, INCENTIVE).filter((g) => !acts.some((a) => g.start >= a.start && g.end <= a.end));
  let nearby: { start: number; end: number } | undefined;
  for (const a of acts)
    for (const g of gifts) {
      const span = { start: Math.min(a.start, g.start), end: Math.max(a.end, g.end) };
      if (sentenceOf(n.text, a.start) === sentenceOf(n.text, g.start)) issue('inducement', span);
      else nearby ??= span;
    }
  if (nearby) issue('inducement_nearby', nearby);
}

function personalDataSpans(n: Normalized, original: string, buyer: NonNullable<ComplianceContext['buyer']>) {
  const spans: { start: number; end: number }[] = [];
  const needles: string[] = [];
  if (buyer.name && buyer.name.trim().length >= 2) needles.push(buyer.name);
  if (buyer.phone) {
    const digits = normalizeForMatch(buyer.phone).text.replace(/[^0-9]/g, '');
    if (digits.length >= 7) needles.push(digits, digits.slice(-8));
  }
  if (buyer.address)
    needles.push(
      ...buyer.address.split(/[省市区县镇乡路街道号栋幢单元室楼,，\s]+/).filter((part) => part.length >= 3),
    );
  for (const needle of normalizedPhrases(needles)) spans.push(...findPhrases(n, [needle]));
  MASKED_PHONE.lastIndex = 0;
  for (const m of original.matchAll(MASKED_PHONE))
    spans.push(toNormalized(n, m.index, m.index + m[0].length));
  return spans;
}

/** Map an original span onto the normalized text (for uniform handling below). */
function toNormalized(n: Normalized, start: number, end: number): { start: number; end: number } {
  const s = n.starts.findIndex((o) => o >= start);
  let e = s;
  while (e < n.starts.length && (n.starts[e] ?? Infinity) < end) e++;
  return { start: Math.max(0, s), end: Math.max(s + 1, e) };
}

/** One issue per rule and stretch of text: overlapping hits of the same rule merge into their union. */
function mergeOverlaps(issues: ComplianceIssue[]): ComplianceIssue[] {
  const sorted = [...issues].sort((a, b) => a.rule.localeCompare(b.rule) || a.span.start - b.span.start);
  const out: ComplianceIssue[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && last.rule === i.rule && i.span.start < last.span.end)
      last.span = { start: last.span.start, end: Math.max(last.span.end, i.span.end) };
    else out.push({ ...i, span: { ...i.span } });
  }
  return out.sort((a, b) => a.span.start - b.span.start || a.rule.localeCompare(b.rule));
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
