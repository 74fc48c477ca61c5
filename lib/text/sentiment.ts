/**
 * Sentiment from text (not stars), default-praise recognition and the stars/text mismatch signal.
 */
import type { Polarity } from '../model';
import type { CategoryHit, SentimentLabel, TextSentiment } from './types';
import { foldText } from './normalize';

/**
 * Texts the platforms write when the buyer wrote nothing (淘宝 "评价方未及时做出评价,系统默认好评!",
 * 抖店/拼多多 "此用户没有填写评价", 京东 "此用户未填写评价内容", "该用户觉得商品较好").
 */
const DEFAULT_PRAISE = [
  /^(?:此|该)?用户(?:没有|未|暂未)(?:及时)?(?:填写|做出|发表)?(?:文字)?(?:评价|评论)(?:内容)?[。.!！]*$/,
  /系统默认(?:好评|评价)/,
  /(?:评价方)?未及时做出评价/,
  /^默认好评[。.!！]*$/,
  /^(?:此|该)用户觉得(?:商品|宝贝)?(?:很好|较好|不错)/,
];

/** True for platform-written default praise (no buyer opinion in it). */
export function isDefaultPraise(text: string): boolean {
  if (!/用户|默认|评价/.test(text)) return false;
  const t = foldText(text).trim();
  return DEFAULT_PRAISE.some((re) => re.test(t));
}

/** Positive/negative mass → score in −1…1; the +1 keeps one weak word from reading as certainty. */
export function sentimentScore(positive: number, negative: number): number {
  const s = (positive - negative) / (positive + negative + 1);
  return Math.round(Math.max(-1, Math.min(1, s)) * 100) / 100;
}

/**
 * Scores within ±0.25 read as neutral, and so do texts without one full-strength word on the winning
 * side ("质量一般", "偏大一点"): weak words alone do not make a review positive or negative.
 */
export function sentimentLabel(score: number, positive = 1, negative = 1): SentimentLabel {
  if (score >= 0.25 && positive >= 0.8) return 'positive';
  if (score <= -0.25 && negative >= 0.8) return 'negative';
  return 'neutral';
}

/**
 * Stars vs text: ≥4★ (or a 好评 label) with a complaint that is not merely conceded, or a negative text;
 * ≤2★ (or 差评) with a positive text and no complaint. Undefined without stars or polarity.
 */
export function starsMismatch(
  stars: number | undefined,
  polarity: Polarity | undefined,
  sentiment: Pick<TextSentiment, 'label' | 'isDefault'>,
  hits: readonly Pick<CategoryHit, 'concessive'>[],
): boolean | undefined {
  if (stars === undefined && polarity === undefined) return undefined;
  if (sentiment.isDefault) return false;
  const high = stars !== undefined ? stars >= 4 : polarity === 'good';
  const low = stars !== undefined ? stars <= 2 : polarity === 'bad';
  if (high) return sentiment.label === 'negative' || hits.some((h) => !h.concessive);
  if (low) return sentiment.label === 'positive' && hits.length === 0;
  return false;
}
