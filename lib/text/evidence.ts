/**
 * Turns one text into evidence: dictionary matches and rule matches with their context applied
 * (negation, hypotheticals, intensity, aspect attachment, contrast). Pure; offsets refer to the text.
 */
import {
  REQUEST,
  WISH,
  clauseAt,
  intensity,
  isHypothetical,
  isNegated,
  isNegatedAfterIn,
  splitClauses,
  type Clause,
} from './clauses';
import { dictionary, type DictEntry } from './dictionary';
import { foldText } from './normalize';
import { PATTERN_RULES } from './patterns';
import { scanLongest } from './trie';
import type { Evidence } from './types';

/** Evidence plus the clause weight used for sentiment (internal). */
export interface WeightedEvidence {
  ev: Evidence;
  clauseWeight: number;
}

type Match = { start: number; end: number; value: DictEntry };

/** Service complaints that can be about someone else (courier, packer): they follow the aspect. */
const AGENT_NEUTRAL = new Set(['态度差', '推诿']);

/** Characters of clause context read on each side of a match (real clauses are far shorter). */
const CONTEXT = 48;

const WHOLE: Clause = { start: 0, end: Number.MAX_SAFE_INTEGER, weight: 1, concessive: false };

/** The aspect an evaluation word talks about: nearest before it in the clause, else just after it. */
function findAspect(aspects: readonly Match[], m: Match, clause: Clause): Match | undefined {
  let before: Match | undefined;
  let after: Match | undefined;
  // Indexed loops here and below: the aggregate rebuild classifies a million reviews, and for…of's
  // iterators showed up as allocations in its heap profile (issue #15).
  for (let i = 0; i < aspects.length; i++) {
    const a = aspects[i]!;
    if (a.end <= m.start && a.start >= clause.start) before = a;
    else if (!after && a.start >= m.end && a.end <= clause.end && a.start - m.end <= 6) after = a;
  }
  return before ?? after;
}

export function extractEvidence(text: string, part = -1): WeightedEvidence[] {
  const folded = foldText(text);
  const clauses = splitClauses(folded);
  const matches = scanLongest(dictionary(), folded);
  // "比X" names what something is compared with, not what is being judged ("运费比东西还贵").
  const aspects = matches.filter((m) => m.value.kind === 'aspect' && folded[m.start - 1] !== '比');
  const out: WeightedEvidence[] = [];
  // One window object reused for every match (the rebuild classifies a million reviews, issue #15).
  const clause: Clause = { start: 0, end: 0, weight: 1, concessive: false };
  for (let k = 0; k < matches.length; k++) {
    const m = matches[k]!;
    const e = m.value;
    if (e.kind === 'shield' || e.kind === 'aspect') continue;
    const whole = clauses[clauseAt(clauses, m.start)] ?? WHOLE;
    // Context is read within the clause but at most CONTEXT characters around the match, so a text
    // without punctuation (one 20,000-character clause) costs linear, not quadratic, time.
    clause.start = Math.max(whole.start, m.start - CONTEXT);
    clause.end = Math.min(whole.end, m.end + CONTEXT);
    clause.weight = whole.weight;
    clause.concessive = whole.concessive;
    const prefix = folded.slice(Math.max(clause.start, m.start - 8), m.start);
    const suffix = folded.slice(m.end, Math.min(clause.end, m.end + 4));
    const clauseBefore = folded.slice(clause.start, m.start);
    const negated = isNegated(prefix) || isNegatedAfterIn(clauseBefore, folded, m.end, clause.end);
    let polarity = e.weight * intensity(prefix, suffix);
    if (negated) polarity = e.weight < 0 ? -polarity * 0.8 : -polarity * 0.9;
    if (isHypothetical(clauseBefore)) polarity = 0;
    if (polarity > 0 && (WISH.test(folded.slice(clause.start, clause.end)) || REQUEST.test(clauseBefore)))
      polarity = 0;
    let category = e.category;
    let topic = e.topic;
    if (e.kind === 'eval') {
      const a = findAspect(aspects, m, clause);
      category = a?.value.category;
      topic = a && e.slow && a.value.slowTopic ? a.value.slowTopic : a?.value.topic;
    } else if (e.kind === 'complaint' && e.category === 'service' && AGENT_NEUTRAL.has(e.topic ?? '')) {
      // Whose attitude? A courier's rude manner or a sloppy package is delivery, not the shop's service.
      const a = findAspect(aspects, m, clause);
      if (a?.value.category === 'logistics') [category, topic] = ['logistics', a.value.topic];
    }
    const ev: Evidence = {
      term: text.slice(m.start, m.end),
      start: m.start,
      end: m.end,
      polarity: Math.round(polarity * 100) / 100,
      negated,
      concessive: clause.concessive,
      part,
    };
    if (category) ev.category = category;
    if (topic) ev.topic = topic;
    out.push({ ev, clauseWeight: clause.weight });
  }
  addRuleEvidence(text, folded, clauses, out, part);
  return out.sort((a, b) => a.ev.start - b.ev.start);
}

/** Whether `text` contains one of `hints` (a loop: no closure per rule and text). */
function hasHint(text: string, hints: readonly string[]): boolean {
  for (let i = 0; i < hints.length; i++) if (text.includes(hints[i]!)) return true;
  return false;
}

function addRuleEvidence(
  text: string,
  folded: string,
  clauses: Clause[],
  out: WeightedEvidence[],
  part: number,
) {
  for (let r = 0; r < PATTERN_RULES.length; r++) {
    const rule = PATTERN_RULES[r]!;
    if (!hasHint(folded, rule.hints)) continue;
    rule.re.lastIndex = 0;
    for (const hit of folded.matchAll(rule.re)) {
      const start = hit.index;
      const end = start + hit[0].length;
      const whole = clauses[clauseAt(clauses, start)] ?? WHOLE;
      const clause = {
        start: Math.max(whole.start, start - CONTEXT),
        end: Math.min(whole.end, end + CONTEXT),
        weight: whole.weight,
        concessive: whole.concessive,
      };
      const overlaps = out.some(
        (w) => w.ev.category === rule.category && w.ev.polarity < 0 && w.ev.start < end && start < w.ev.end,
      );
      if (overlaps) continue;
      if (rule.unlessPositive) {
        const positive = out.some(
          (w) => w.ev.polarity > 0 && w.ev.start >= clause.start && w.ev.end <= clause.end,
        );
        if (positive) continue;
      }
      const ev: Evidence = {
        term: text.slice(start, end),
        start,
        end,
        category: rule.category,
        topic: rule.topic,
        polarity: -1,
        negated: false,
        concessive: clause.concessive,
        rule: rule.id,
        part,
      };
      out.push({ ev, clauseWeight: clause.weight });
    }
  }
}
