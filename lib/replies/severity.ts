/**
 * Severity of a review for choosing a reply: from stars first (the buyer's own verdict), then the
 * platform's 好/中/差 label (raised one level for a very negative text), then text sentiment.
 */
import type { Polarity } from '../model';
import type { TextAnalysis } from '../text/types';
import type { ReplyCategory, Severity } from './types';

export interface ReplyClass {
  category: ReplyCategory;
  /** Undefined for positive reviews. */
  severity?: Severity;
}

const UP: Readonly<Record<Severity, Severity>> = { mild: 'moderate', moderate: 'severe', severe: 'severe' };

export function classifyForReply(
  analysis: Pick<TextAnalysis, 'categories' | 'sentiment'>,
  stars?: number,
  polarity?: Polarity,
): ReplyClass {
  const complaint = analysis.categories[0];
  const score = analysis.sentiment.score;
  let severity: Severity | undefined;
  if (stars !== undefined)
    severity = stars <= 1 ? 'severe' : stars === 2 ? 'moderate' : stars === 3 ? 'mild' : undefined;
  else if (polarity === 'bad') severity = 'moderate';
  else if (polarity === 'neutral') severity = 'mild';
  else if (polarity === undefined)
    severity = score <= -0.6 ? 'severe' : score <= -0.25 ? 'moderate' : undefined;
  // A high-star or 好评 review with a complaint still gets an answer to the complaint.
  if (!severity && complaint) severity = 'mild';
  if (!severity) return { category: 'positive' };
  // Without stars the 好/中/差 label is coarse: a very negative text raises it one level.
  if (stars === undefined && score <= -0.6) severity = UP[severity];
  return { category: complaint ?? 'other', severity };
}
