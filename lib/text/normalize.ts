/**
 * Text normalization for matching. Two views:
 * - `foldText`: length-preserving (full-width → half-width, ASCII lower-case), so offsets found in it
 *   are offsets in the original text. Used by categorization.
 * - `normalizeForMatch`: aggressive, for rules that must survive evasion ("好 评 返 现", "好*评*返*现",
 *   "伍星", "+V", "hao ping"). Keeps a map back to the original offsets so spans can be highlighted.
 */

/** Full-width ASCII (U+FF01–FF5E) and the ideographic space fold to ASCII; ASCII letters lower-case. */
export function foldChar(code: number): number {
  if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0;
  else if (code === 0x3000) code = 0x20;
  if (code >= 0x41 && code <= 0x5a) code += 0x20;
  return code;
}

const NEEDS_FOLD = /[\uff01-\uff5e\u3000A-Z]/g;
const foldOne = (ch: string) => String.fromCharCode(foldChar(ch.charCodeAt(0)));

/** Length-preserving fold: `foldText(t).length === t.length` for every `t`. */
export function foldText(text: string): string {
  return text.replace(NEEDS_FOLD, foldOne);
}

/** String from UTF-16 units, in chunks (argument lists have a length limit). */
function decodeUtf16(codes: number[]): string {
  let out = '';
  for (let i = 0; i < codes.length; i += 4096) out += String.fromCharCode(...codes.slice(i, i + 4096));
  return out;
}

/** Chinese numerals (incl. financial forms) and circled digits → ASCII digits; one char to one char. */
const DIGIT_OF: Record<string, string> = {};
'零〇|一壹幺①❶⑴|二两贰②❷⑵|三叁③❸⑶|四肆④❹⑷|五伍⑤❺⑸|六陆⑥❻⑹|七柒⑦❼⑺|八捌⑧❽⑻|九玖⑨❾⑼'
  .split('|')
  .forEach((chars, digit) => {
    for (const ch of chars) DIGIT_OF[ch] = String(digit);
  });

/** Look-alikes used to dodge keyword filters. */
const LOOKALIKE: Record<string, string> = {
  Ⅴ: 'v',
  ⅴ: 'v',
  ν: 'v',
  '➕': '加',
  '+': '加',
  薇: '微',
  徽: '微',
  威: '微',
};

/** Pinyin spellings folded back to the words the rules look for (longest first). */
const PINYIN: [string, string][] = [
  ['youhuiquan', '优惠券'],
  ['haoping', '好评'],
  ['fanxian', '返现'],
  ['hongbao', '红包'],
  ['wuxing', '5星'],
  ['shaitu', '晒图'],
  ['zhuiping', '追评'],
  ['gaiping', '改评'],
  ['shanping', '删评'],
  ['chaping', '差评'],
  ['weixin', '微信'],
  ['wechat', '微信'],
  ['shouji', '手机'],
  ['dianhua', '电话'],
  ['xing', '星'],
];

/** Removed between characters: whitespace, zero-width, joiners, variation selectors, decoration. */
const NOISE =
  /[\s\u200b-\u200f\u2060\ufeff\ufe0e\ufe0f*·•\-_~|/\\#^`'"=<>()（）【】[\]{}「」『』《》、…♥❤♡★☆✿❀@&%$.]|\p{Extended_Pictographic}/u;
/** Clause punctuation is kept (rules use it as a boundary), except inside a spread-out run. */
const CLAUSE = /[，。！？；,!?;：:\n]/;

export interface Normalized {
  text: string;
  /** `starts[i]`/`ends[i]`: the original UTF-16 range that produced normalized char `i`. */
  starts: number[];
  ends: number[];
}

/** Map a normalized span back to the original text. */
export function originalSpan(n: Normalized, start: number, end: number): { start: number; end: number } {
  if (n.text.length === 0) return { start: 0, end: 0 };
  const s = Math.min(Math.max(start, 0), n.text.length - 1);
  const e = Math.min(Math.max(end - 1, s), n.text.length - 1);
  return { start: n.starts[s] ?? 0, end: n.ends[e] ?? 0 };
}

/**
 * Aggressive normalization (see file comment). Also collapses single characters spread out with
 * clause punctuation ("好，评，返，现" → "好评返现") when at least three are in a row.
 */
export function normalizeForMatch(text: string): Normalized {
  const chars: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    let ch = cp > 0xffff ? String.fromCodePoint(cp) : String.fromCharCode(foldChar(cp));
    ch = DIGIT_OF[ch] ?? LOOKALIKE[ch] ?? ch;
    if (!NOISE.test(ch)) {
      chars.push(ch);
      starts.push(i);
      ends.push(i + width);
    }
    i += width;
  }
  collapseSpread(chars, starts, ends);
  return foldPinyin({ text: chars.join(''), starts, ends });
}

/** "好，评，返，现": a run of ≥3 single chars separated by clause punctuation loses the separators. */
function collapseSpread(chars: string[], starts: number[], ends: number[]): void {
  const sep = (k: number) => k < 0 || k >= chars.length || CLAUSE.test(chars[k] ?? '');
  const drop = new Set<number>();
  let k = 0;
  while (k < chars.length) {
    if (sep(k) || !sep(k - 1) || !sep(k + 1)) {
      k++;
      continue;
    }
    let end = k;
    let count = 1;
    while (end + 2 < chars.length && sep(end + 1) && !sep(end + 2) && sep(end + 3)) {
      end += 2;
      count++;
    }
    if (count >= 3) for (let j = k + 1; j < end; j += 2) drop.add(j);
    k = end + 1;
  }
  if (drop.size === 0) return;
  let w = 0;
  for (let r = 0; r < chars.length; r++) {
    if (drop.has(r)) continue;
    chars[w] = chars[r] ?? '';
    starts[w] = starts[r] ?? 0;
    ends[w] = ends[r] ?? 0;
    w++;
  }
  chars.length = starts.length = ends.length = w;
}

function foldPinyin(n: Normalized): Normalized {
  if (!/[a-z]{4}/.test(n.text)) return n;
  let { text } = n;
  const starts = [...n.starts];
  const ends = [...n.ends];
  for (const [py, zh] of PINYIN) {
    let at = text.indexOf(py);
    while (at >= 0) {
      const s = starts[at] ?? 0;
      const e = ends[at + py.length - 1] ?? s;
      text = text.slice(0, at) + zh + text.slice(at + py.length);
      starts.splice(at, py.length, ...Array.from(zh, () => s));
      ends.splice(at, py.length, ...Array.from(zh, () => e));
      at = text.indexOf(py, at + zh.length);
    }
  }
  return { text, starts, ends };
}

const LETTER = /[\p{L}\p{N}]/u;

/** For near-duplicate detection: folded, with everything but letters and digits (BMP) removed. */
export function stripForDedupe(text: string): string {
  const kept: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = foldChar(text.charCodeAt(i));
    // Fast ranges first (ASCII alphanumerics, CJK); the Unicode test only for the rest.
    if ((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x4e00 && c <= 0x9fff)) kept.push(c);
    else if (c > 0x7f && (c < 0xd800 || c > 0xdfff) && LETTER.test(String.fromCharCode(c))) kept.push(c);
  }
  return decodeUtf16(kept);
}
