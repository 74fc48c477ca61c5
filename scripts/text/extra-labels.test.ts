import { describe, expect, it } from 'vitest';
import { fnv1a } from '../../lib/text/accuracy';
import type { CorpusReview } from './data';
import { formatLabels, joinLabels, labelKey, parseLabels, type ExtraLabel } from './extra-labels';
import { parseRaw } from './label-candidates';

// Synthetic texts only (never corpus sentences). 'k0174628' and 'k1872066' share an FNV-1a hash.
const corpus: CorpusReview[] = [
  { cat: 'A', label: 0, text: '  synthetic one  ' },
  { cat: 'A', label: 1, text: 'synthetic one' },
  { cat: 'B', label: 0, text: 'synthetic one' },
  { cat: 'A', label: 0, text: 'k0174628' },
  { cat: 'A', label: 0, text: 'k1872066' },
];
const label = (cat: string, text: string, more: Partial<ExtraLabel> = {}): ExtraLabel => ({
  ...labelKey(cat, text),
  categories: ['logistics'],
  sentiment: 'negative',
  ...more,
});

describe('extra labels: keyed by hash, length and category, joined back to the corpus', () => {
  it('keys on the trimmed text', () => {
    expect(labelKey('A', '  abc ')).toEqual({ h: fnv1a('abc'), n: 3, cat: 'A' });
  });

  it('joins a key to its one text; duplicate rows of the same trimmed text count once', () => {
    const j = joinLabels([label('A', 'synthetic one')], corpus);
    expect(j.missing).toEqual([]);
    expect(j.ambiguous).toEqual([]);
    expect(j.reviews).toHaveLength(1);
    expect(j.reviews[0]).toMatchObject({
      cat: 'A',
      label: 0,
      categories: ['logistics'],
      sentiment: 'negative',
    });
    expect(j.reviews[0]!.text.trim()).toBe('synthetic one');
  });

  it('uses the corpus category to tell the same text apart', () => {
    const j = joinLabels([label('B', 'synthetic one', { categories: [], sentiment: 'positive' })], corpus);
    expect(j.reviews.map((r) => [r.cat, r.sentiment])).toEqual([['B', 'positive']]);
  });

  it('reports a key that matches no text, and one that matches two texts (hash collision)', () => {
    expect(fnv1a('k0174628')).toBe(fnv1a('k1872066'));
    const missing = label('A', 'not in the corpus');
    const wrongCat = label('C', 'synthetic one');
    const collided = label('A', 'k0174628');
    const j = joinLabels([missing, wrongCat, collided], corpus);
    expect(j.reviews).toEqual([]);
    expect(j.missing).toEqual([missing, wrongCat]);
    expect(j.ambiguous).toEqual([collided]);
  });

  it('round-trips the file format and rejects malformed lines', () => {
    const ls = [
      label('A', 'synthetic one'),
      label('B', 'synthetic one', { categories: ['price', 'service'] }),
    ];
    expect(parseLabels(formatLabels(ls))).toEqual(ls);
    expect(formatLabels(ls)).not.toContain('synthetic');
    expect(() =>
      parseLabels('{"h":1,"n":2,"cat":"A","categories":["nope"],"sentiment":"negative"}'),
    ).toThrow();
    expect(() => parseLabels('{"h":1,"n":2,"cat":"A","categories":[],"sentiment":"meh"}')).toThrow();
  });

  it('parses the reader’s label lines', () => {
    expect(parseRaw('# comment\n17 ql n\n18 - p\n19 pp u\n')).toEqual([
      { i: 17, categories: ['quality', 'logistics'], sentiment: 'negative' },
      { i: 18, categories: [], sentiment: 'positive' },
      { i: 19, categories: ['price'], sentiment: 'neutral' },
    ]);
    expect(() => parseRaw('20 x n')).toThrow();
    expect(() => parseRaw('21 q z')).toThrow();
  });
});
