/**
 * Word segmentation: dictionary words (≥2 chars) first, so domain terms come out whole; the gaps between
 * them go to `Intl.Segmenter('zh', { granularity: 'word' })` (available in Chromium and Node ≥16 with
 * full ICU). Without Intl.Segmenter the gaps fall back to single characters.
 */
import { dictionary } from './dictionary';
import { foldText } from './normalize';
import { scanLongest } from './trie';

export interface Token {
  text: string;
  start: number;
  end: number;
  /** Came from the e-commerce dictionary rather than ICU. */
  lexicon: boolean;
  /** Letters/digits/ideographs (not punctuation or whitespace). */
  wordLike: boolean;
}

let segmenter: Intl.Segmenter | null | undefined;

function icu(): Intl.Segmenter | null {
  if (segmenter === undefined)
    segmenter =
      typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
  return segmenter;
}

const WORDLIKE = /[\p{L}\p{N}]/u;

function segmentGap(text: string, from: number, to: number, out: Token[]): void {
  if (from >= to) return;
  const slice = text.slice(from, to);
  const seg = icu();
  if (!seg) {
    let start = from;
    for (const ch of slice) {
      out.push({ text: ch, start, end: start + ch.length, lexicon: false, wordLike: WORDLIKE.test(ch) });
      start += ch.length;
    }
    return;
  }
  for (const s of seg.segment(slice)) {
    const start = from + s.index;
    out.push({
      text: s.segment,
      start,
      end: start + s.segment.length,
      lexicon: false,
      wordLike: s.isWordLike ?? WORDLIKE.test(s.segment),
    });
  }
}

/** Segment `text` into tokens covering it completely, in order. Offsets refer to `text`. */
export function segment(text: string): Token[] {
  const folded = foldText(text);
  const out: Token[] = [];
  let pos = 0;
  for (const m of scanLongest(dictionary(), folded)) {
    if (m.end - m.start < 2) continue;
    segmentGap(text, pos, m.start, out);
    out.push({ text: text.slice(m.start, m.end), start: m.start, end: m.end, lexicon: true, wordLike: true });
    pos = m.end;
  }
  segmentGap(text, pos, text.length, out);
  return out;
}

/** Word-like tokens only, as strings (handy for keyword counting). */
export function words(text: string): string[] {
  return segment(text)
    .filter((t) => t.wordLike)
    .map((t) => t.text);
}
