/**
 * Review intelligence: pure functions over review text (no browser APIs, no storage).
 * See DESIGN.md "Review text".
 */
export * from './types';
export { segment, words, type Token } from './segment';
export { analyzeText, analyzeReview, analyzeParts, type AnalyzeOptions } from './analyze';
export { isDefaultPraise, sentimentLabel, sentimentScore, starsMismatch } from './sentiment';
export { foldText, normalizeForMatch, originalSpan, stripForDedupe, type Normalized } from './normalize';
export * from './clusters';
export {
  nearDuplicateGroups,
  type DedupeItem,
  type NearDuplicateGroup,
  type NearDuplicateOptions,
} from './near-duplicates';
export { bigrams, jaccard } from './minhash';
export { detectCoercion, detectContact, type SignalMatch } from './signals';
export * from './suspicious';
export * from './appeal';
