/**
 * The shared real-review corpus (../shared/data/reviews, see its LABELS.md) for the text benchmark and
 * the training script (issue #11). Node only. Nothing here is copied into the repository: callers read
 * the files in place and only derived figures and weights are committed.
 *
 * Split: a stable FNV-1a hash of the trimmed text puts about 20 % of reviews in the held-out part. The
 * same text always lands on the same side, in both files, so nothing held out is ever trained or tuned on.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { fnv1a } from '../../lib/text/accuracy';
import type { ReviewCategory, SentimentLabel } from '../../lib/text/types';

export const DATA_DIR = resolve(import.meta.dirname, '../../../shared/data/reviews');
const CSV = 'online_shopping_10_cats.dev.csv';
const LABELLED = 'categories.labelled.jsonl';

export interface CorpusReview {
  /** Product category of the corpus (书籍, 衣服, 酒店 …). */
  cat: string;
  /** Corpus polarity: 1 positive, 0 negative. */
  label: 0 | 1;
  text: string;
}

export interface LabelledReview extends CorpusReview {
  categories: ReviewCategory[];
  sentiment: SentimentLabel;
}

/** Held-out: hash of the trimmed text, 20 %. Never trained or tuned on. */
export const isHeldOutReal = (text: string): boolean => fnv1a(text.trim()) % 5 === 0;

/** Where the data is, or why it is not there (the benchmark then skips rather than fails). */
export function dataStatus(dir = DATA_DIR): { ok: true } | { ok: false; reason: string } {
  for (const f of [CSV, LABELLED])
    if (!existsSync(join(dir, f))) return { ok: false, reason: `${f} not found in ${dir}` };
  return { ok: true };
}

export function loadCorpus(dir = DATA_DIR): CorpusReview[] {
  const parsed = Papa.parse<string[]>(readFileSync(join(dir, CSV), 'utf8'), { skipEmptyLines: true });
  const out: CorpusReview[] = [];
  for (const row of parsed.data.slice(1)) {
    const [cat, label, text] = row;
    if (!cat || (label !== '0' && label !== '1') || text === undefined || !text.trim()) continue;
    out.push({ cat, label: label === '1' ? 1 : 0, text });
  }
  return out;
}

export function loadLabelled(dir = DATA_DIR): LabelledReview[] {
  return readFileSync(join(dir, LABELLED), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const o = JSON.parse(l) as {
        cat: string;
        label: number;
        text: string;
        categories: ReviewCategory[];
        sentiment: SentimentLabel;
      };
      return {
        cat: o.cat,
        label: o.label === 1 ? 1 : 0,
        text: o.text,
        categories: o.categories,
        sentiment: o.sentiment,
      } as LabelledReview;
    });
}
