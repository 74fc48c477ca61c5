/**
 * Matching helpers for the compliance check: phrase and pattern search on the normalized view, the
 * inducement pairing (same sentence = block, same text = warn), buyer-data search, issue merging.
 */
import { normalizeForMatch, type Normalized } from '../text/normalize';
import { AI_META_PHRASES, BLAME_PHRASES, INCENTIVE, MASKED_PHONE, REVIEW_ACT } from './compliance-rules';
import type { ComplianceContext, ComplianceIssue } from './compliance';

type Span = { start: number; end: number };

export const normalizedPhrases = (list: readonly string[]) =>
  list.map((p) => normalizeForMatch(p).text).filter(Boolean);
export const BLAME = normalizedPhrases(BLAME_PHRASES);
export const AI_META = normalizedPhrases(AI_META_PHRASES);
const SENTENCE_END = /[。！？!?\n]/;

export function findAll(n: Normalized, re: RegExp): { start: number; end: number }[] {
  re.lastIndex = 0;
  return [...n.text.matchAll(re)]
    .filter((m) => m[0].length > 0)
    .map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

export function findPhrases(n: Normalized, phrases: readonly string[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const p of phrases)
    for (let at = n.text.indexOf(p); at >= 0; at = n.text.indexOf(p, at + 1))
      out.push({ start: at, end: at + p.length });
  return out;
}

/** Sentence number of every normalized offset (one pass). */
function sentenceIds(text: string): Int32Array {
  const ids = new Int32Array(text.length + 1);
  let k = 0;
  for (let i = 0; i < text.length; i++) {
    ids[i] = k;
    if (SENTENCE_END.test(text[i] ?? '')) k++;
  }
  ids[text.length] = k;
  return ids;
}

/**
 * A review act (好评/晒图/5星…) and a benefit (返现/红包/券/送…) in one sentence: block. Both in the text
 * but never in one sentence: warn once. Linear in the number of hits.
 */
export function inducementIssues(
  n: Normalized,
  issue: (rule: 'inducement' | 'inducement_nearby', s: Span) => void,
) {
  const acts = findAll(n, REVIEW_ACT);
  const gifts = findAll(n, INCENTIVE).filter((g) => !acts.some((a) => g.start >= a.start && g.end <= a.end));
  if (acts.length === 0 || gifts.length === 0) return;
  const ids = sentenceIds(n.text);
  const bySentence = new Map<number, { acts: Span[]; gifts: Span[] }>();
  for (const [list, key] of [
    [acts, 'acts'],
    [gifts, 'gifts'],
  ] as const)
    for (const s of list) {
      const id = ids[s.start] ?? 0;
      const entry = bySentence.get(id) ?? { acts: [], gifts: [] };
      entry[key].push(s);
      bySentence.set(id, entry);
    }
  let blocked = false;
  for (const { acts: as, gifts: gs } of bySentence.values()) {
    if (as.length === 0 || gs.length === 0) continue;
    const all = [...as, ...gs];
    issue('inducement', {
      start: Math.min(...all.map((x) => x.start)),
      end: Math.max(...all.map((x) => x.end)),
    });
    blocked = true;
  }
  if (!blocked) {
    const a = acts[0] as Span;
    const g = gifts[0] as Span;
    issue('inducement_nearby', { start: Math.min(a.start, g.start), end: Math.max(a.end, g.end) });
  }
}

export function personalDataSpans(
  n: Normalized,
  original: string,
  buyer: NonNullable<ComplianceContext['buyer']>,
) {
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
export function toNormalized(n: Normalized, start: number, end: number): { start: number; end: number } {
  const s = n.starts.findIndex((o) => o >= start);
  let e = s;
  while (e < n.starts.length && (n.starts[e] ?? Infinity) < end) e++;
  return { start: Math.max(0, s), end: Math.max(s + 1, e) };
}

/** One issue per rule and stretch of text: overlapping hits of the same rule merge into their union. */
export function mergeOverlaps(issues: ComplianceIssue[]): ComplianceIssue[] {
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
