/**
 * One click on a category tag (issue #11): removed if shown, added if not. Dependency-free so the
 * console overlay (a content script) can use it without zod or the analyzer.
 */
import type { ReviewCategory } from './types';

/** The categories after one click on `category` (order kept; 其他 stands alone). */
export function toggleCategory(shown: readonly ReviewCategory[], category: ReviewCategory): ReviewCategory[] {
  if (shown.includes(category)) return shown.filter((c) => c !== category);
  // 其他 means "a complaint with no specific category": it does not sit beside a specific one.
  if (category === 'other') return ['other'];
  return [...shown.filter((c) => c !== 'other'), category];
}
