/**
 * Clause structure, negation and intensity: the context rules around a matched term.
 * Contrast ("虽然…但是…", "…，就是…") moves the weight to the clause after the turn: Chinese reviews put
 * the point they mean after 但是/就是/不过.
 */

export interface Clause {
  start: number;
  end: number;
  /** Multiplier for sentiment (0.6 conceded, 1 plain, 1.4 after a turn or a summary). */
  weight: number;
  /** Before a turn or after 虽然: what the buyer concedes. */
  concessive: boolean;
}

const BOUNDARY = new Set([...'，。！？；,.!?;~～\n…、 \t\r\u3000'].map((c) => c.charCodeAt(0)));
const SENTENCE_END = new Set([...'。！？!?\n'].map((c) => c.charCodeAt(0)));
const HAS_TURN = /但是|可是|不过|然而/;
/** A clause starting with one of these turns the sentence. 但 after 不 is 不但 (not a turn). */
const TURN =
  /^(?:但是|但|可是|可惜|不过|然而|只是|就是|只不过|美中不足|唯一不足|唯一的缺点|缺点是|问题是|不足的是|其实)/;
const CONCEDE = /^(?:虽然|虽说|尽管|虽)/;
const SUMMARY = /^(?:总体|总的来说|整体|总之|综合来说|总而言之)/;
/** Turn words in the middle of a clause ("质量不错但是物流慢") also start a new clause. */
const MID_TURN = /(?<!不)(?:但是|可是|不过|然而)/g;

/** First characters of TURN, CONCEDE and SUMMARY: a clause starting otherwise is never cut out to test. */
const HEAD_START = new Set([...'但可不然只就美唯缺问其虽尽总整综'].map((c) => c.charCodeAt(0)));

/** Split folded text into clauses with weights. */
export function splitClauses(text: string): Clause[] {
  // Written for few allocations: the aggregate rebuild splits a million reviews (issue #15).
  let cuts: Set<number> | undefined;
  if (HAS_TURN.test(text)) {
    cuts = new Set<number>();
    for (const m of text.matchAll(MID_TURN)) cuts.add(m.index);
  }
  const clauses: Clause[] = [];
  /** Per clause: whether it ends a sentence. */
  const ends: boolean[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 0x3002;
    const boundary = BOUNDARY.has(code);
    const cut = cuts !== undefined && cuts.has(i);
    if (i === text.length || boundary || (cut && i > start)) {
      if (i > start) {
        clauses.push({ start, end: i, weight: 1, concessive: false });
        ends.push(i === text.length || SENTENCE_END.has(code));
      }
      start = cut && !boundary ? i : i + 1;
    }
  }
  let sentenceStart = 0;
  let turned = false;
  for (let k = 0; k < clauses.length; k++) {
    const c = clauses[k]!;
    const head = HEAD_START.has(text.charCodeAt(c.start)) ? text.slice(c.start, c.end) : '';
    if (head && TURN.test(head)) {
      for (let j = sentenceStart; j < k; j++) {
        const prev = clauses[j]!;
        if (!prev.concessive) {
          prev.weight = 0.6;
          prev.concessive = true;
        }
      }
      turned = true;
    }
    if (head && CONCEDE.test(head)) {
      c.weight = 0.6;
      c.concessive = true;
    } else if (turned || (head && SUMMARY.test(head))) c.weight = 1.4;
    if (ends[k]) {
      sentenceStart = k + 1;
      turned = false;
    }
  }
  return clauses;
}

/** Index of the clause containing offset `at` (clauses are sorted). */
export function clauseAt(clauses: readonly Clause[], at: number): number {
  let lo = 0;
  let hi = clauses.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = clauses[mid];
    if (!c) break;
    if (at < c.start) hi = mid - 1;
    else if (at >= c.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/**
 * Negator right before a term, possibly with fillers between: 不慢, 不算慢, 没有色差, 一点也不起球,
 * 没发现有什么质量问题, 不会掉色. 不仅/不但 are not negations (their second char is not a filler).
 */
const NEGATED =
  /(?:不|没|无|未|毫无|并非)(?:是|算|太|很|怎么|那么|特别|会|有|再|出现|发现|见|感觉|觉得|什么|任何|啥|存在|一点|明显|严重|大|多少|怎么样|想象|预期|网上|说|宣传|描述|图片|别人|中|的|上|给出|给我|给)*$/;
/** 是不是 / 有没有 / 会不会: a question, not a negation. */
const QUESTION = /(.)(?:不|没)\1/;

const NEGATOR = /[不没无未非]/;

export function isNegated(prefix: string): boolean {
  if (!NEGATOR.test(prefix)) return false;
  const m = NEGATED.exec(prefix);
  if (!m) return false;
  const at = m.index;
  return !QUESTION.test(prefix.slice(Math.max(0, at - 1), at + 2));
}

/**
 * Negation after the term, in the "一个…都没有" construction: 一个坏的都没有, 一点色差都没有,
 * 连线头也没有, 半点异味也没有.
 */
const TOTAL_BEFORE = /(?:一|连|半)/;
export const NONE_AFTER = /^[^，。！？]{0,4}?(?:都|也)(?:没有|没|不)/;

export function isNegatedAfter(clauseBefore: string, after: string): boolean {
  return isNegatedAfterIn(clauseBefore, after, 0, after.length);
}

/** `isNegatedAfter(clauseBefore, text.slice(from, to))`, cutting the text only when 一/连/半 came before. */
export function isNegatedAfterIn(clauseBefore: string, text: string, from: number, to: number): boolean {
  return TOTAL_BEFORE.test(clauseBefore) && NONE_AFTER.test(text.slice(from, to));
}

/** A wish ("包装再好一点就好了") names a shortfall: praise in that clause does not count. */
export const WISH = /(?:就好了|就更好了|就完美了)/;

/** Hypotheticals and fears carry no fact: "以为会有色差", "担心起球". */
const HYPOTHETICAL = /(?:以为|担心|害怕|生怕|就怕|如果|万一|要是|希望|怕)/;
/** A request ("能不能发好点的快递") asks for what is missing: praise after it does not count. */
export const REQUEST = /(?:能不能|可不可以|能否)/;

export function isHypothetical(clausePrefix: string): boolean {
  return HYPOTHETICAL.test(clausePrefix);
}

const BOOST_BEFORE = /(?:很|太|非常|特别|超级|超|巨|贼|极其|十分|真的|实在|严重|也太|真)$/;
const SOFTEN_BEFORE = /(?:有点|有些|稍微|稍|略|有一点|一丢丢|小)$/;
const BOOST_AFTER = /^(?:死了|得要死|极了|得很|严重|得厉害)/;
const SOFTEN_AFTER = /^(?:了点|一点|一丢丢|一些)/;

/** Intensity multiplier from the words around a term. */
export function intensity(before: string, after: string): number {
  let k = 1;
  if (BOOST_BEFORE.test(before) || BOOST_AFTER.test(after)) k *= 1.4;
  if (SOFTEN_BEFORE.test(before) || SOFTEN_AFTER.test(after)) k *= 0.5;
  return k;
}
