/** Phrase banks keyed by product category, with a shared pool. `{p}` stands for the product's short name. */
import type { Category } from '../catalog';
import type { Rng } from '../prng';

/** Sentences usable for any category plus category-specific ones. */
export interface PhraseSet {
  all: readonly string[];
  apparel?: readonly string[];
  home?: readonly string[];
  food?: readonly string[];
}

/** Picks one phrase for `category`, favouring the category-specific pool when it exists. */
export function phrase(rng: Rng, set: PhraseSet, category: Category, product: string): string {
  const specific = set[category];
  const pool =
    specific && specific.length > 0 && (set.all.length === 0 || rng.chance(0.6)) ? specific : set.all;
  const text = rng.pick(pool);
  return text.includes('{p}') ? text.replaceAll('{p}', product) : text;
}

/** Every distinct sentence in the given sets (for tests and worldStats). */
export function allPhrases(sets: readonly PhraseSet[]): string[] {
  const out = new Set<string>();
  for (const s of sets)
    for (const list of [s.all, s.apparel, s.home, s.food]) for (const p of list ?? []) out.add(p);
  return [...out];
}
