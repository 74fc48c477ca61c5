/**
 * The one dictionary behind segmentation and categorization: complaint topics, category praise,
 * aspects, evaluation/sentiment words, shields and the segmentation lexicon, merged into a trie.
 * Built lazily once per context (≈1 ms).
 */
import { foldText } from './normalize';
import { ECOMMERCE_LEXICON } from './lexicon';
import { ASPECTS, CATEGORY_PRAISE } from './aspects';
import { COMPLAINTS } from './terms';
import { createTrie, trieInsert, type TrieNode } from './trie';
import type { TopicCategory } from './types';
import { MILD_WORDS, NEG_EVAL, NEG_WORDS, POS_EVAL, POS_WORDS, SHIELDS, SLOW, parseWeighted } from './words';

export type EntryKind = 'complaint' | 'praise' | 'aspect' | 'eval' | 'sentiment' | 'shield';

export interface DictEntry {
  kind: EntryKind;
  /** Signed strength: < 0 complaint/negative, > 0 praise/positive, 0 neutral. */
  weight: number;
  category?: TopicCategory;
  topic?: string;
  /** Aspect only: topic used when the evaluation is about speed. */
  slowTopic?: string;
  /** Evaluation about speed (慢, 很久). */
  slow?: boolean;
}

let cached: TrieNode<DictEntry> | undefined;

/** The merged trie (keys are `foldText`-ed). */
export function dictionary(): TrieNode<DictEntry> {
  if (cached) return cached;
  const root = createTrie<DictEntry>();
  // Lowest priority first; later inserts overwrite, so a complaint beats a shield of the same spelling.
  const put = (word: string, entry: DictEntry) => trieInsert(root, foldText(word), entry);
  for (const w of ECOMMERCE_LEXICON) put(w, { kind: 'shield', weight: 0 });
  for (const w of SHIELDS) put(w, { kind: 'shield', weight: 0 });
  for (const e of MILD_WORDS) {
    const [w, weight] = parseWeighted(e);
    put(w, { kind: 'sentiment', weight });
  }
  for (const e of POS_WORDS) {
    const [w, weight] = parseWeighted(e);
    put(w, { kind: 'sentiment', weight });
  }
  for (const e of NEG_WORDS) {
    const [w, weight] = parseWeighted(e);
    put(w, { kind: 'sentiment', weight: -weight });
  }
  for (const e of POS_EVAL) {
    const [w, weight] = parseWeighted(e);
    put(w, { kind: 'eval', weight });
  }
  for (const e of NEG_EVAL) {
    const [w, weight] = parseWeighted(e);
    put(w, { kind: 'eval', weight: -weight });
  }
  for (const w of SLOW) put(w, { kind: 'eval', weight: -1, slow: true });
  for (const a of ASPECTS)
    for (const w of a.words)
      put(w, { kind: 'aspect', weight: 0, category: a.category, topic: a.topic, slowTopic: a.slowTopic });
  for (const p of CATEGORY_PRAISE)
    for (const w of p.words) put(w, { kind: 'praise', weight: 1, category: p.category, topic: p.topic });
  for (const [category, table] of Object.entries(COMPLAINTS) as [TopicCategory, Record<string, string[]>][])
    for (const [topic, words] of Object.entries(table))
      for (const e of words) {
        const [w, weight] = parseWeighted(e);
        put(w, { kind: 'complaint', weight: -weight, category, topic });
      }
  cached = root;
  return root;
}
