/**
 * Appeal pack: the text (and image list) for a platform's review appeal/report form, built from a
 * flagged review and its evidence. Limits and reason labels are data per platform; 抖店's (description
 * ≤ 100 characters, ≤ 6 images) come from the product brief [M]; the others are conservative guesses [G].
 */
import type { PlatformId, Review } from '../model';
import type { SuspicionCode, SuspicionFlag } from './suspicious';

export interface AppealLimits {
  /** Max description length in characters (Unicode code points). */
  descriptionMax: number;
  imagesMax: number;
  /** S solid · M one source · G guessed. */
  confidence: 'S' | 'M' | 'G';
}

export const APPEAL_LIMITS: Readonly<Record<PlatformId, AppealLimits>> = {
  douyin: { descriptionMax: 100, imagesMax: 6, confidence: 'M' },
  taobao: { descriptionMax: 100, imagesMax: 3, confidence: 'G' },
  pdd: { descriptionMax: 100, imagesMax: 3, confidence: 'G' },
  jd: { descriptionMax: 100, imagesMax: 3, confidence: 'G' },
  kuaishou: { descriptionMax: 100, imagesMax: 3, confidence: 'G' },
};

export type AppealReasonId = 'coercion' | 'advertising' | 'fake_transaction' | 'fake_review' | 'other';

/** Reason labels as the forms word them (guessed [G]: pick the closest option in the console). */
export const APPEAL_REASON_LABEL: Readonly<Record<AppealReasonId, string>> = {
  coercion: '买家以差评要挟/索要额外利益',
  advertising: '评价含广告或站外联系方式',
  fake_transaction: '非真实交易评价',
  fake_review: '疑似恶意/虚假评价',
  other: '其他',
};

/** Strongest grounds first: a threat or an ad in the text is the easiest for the platform to verify. */
const PRIORITY: readonly [SuspicionCode, AppealReasonId][] = [
  ['coercion', 'coercion'],
  ['contact_diversion', 'advertising'],
  ['no_order', 'fake_transaction'],
  ['templated', 'fake_review'],
  ['burst', 'fake_review'],
];

export interface AppealPack {
  platform: PlatformId;
  reviewKey: string;
  reason: { id: AppealReasonId; label: string };
  /** Fits `limits.descriptionMax`. */
  description: string;
  truncated: boolean;
  /** The first `limits.imagesMax` images, in the given order. */
  images: string[];
  droppedImages: string[];
  /** Every piece of evidence in full, for the merchant's own record and the chat with 客服. */
  evidence: string[];
  limits: AppealLimits;
  /** Chinese notes for the merchant (weak case, images dropped …). */
  warnings: string[];
}

const chars = (s: string) => Array.from(s);

/** Cut to `max` code points, ending with "…" when cut. */
export function clip(text: string, max: number): { text: string; truncated: boolean } {
  const cs = chars(text);
  if (cs.length <= max) return { text, truncated: false };
  return { text: cs.slice(0, Math.max(0, max - 1)).join('') + '…', truncated: true };
}

function sentence(flag: SuspicionFlag, review: Pick<Review, 'orderId'>): string {
  const e = flag.evidence;
  switch (e.kind) {
    case 'text':
      return flag.code === 'coercion'
        ? `买家在评价中以“${clip(e.matches[0]?.text ?? '', 20).text}”相要挟，索要额外利益。`
        : `评价含站外联系方式“${clip(e.matches[0]?.text ?? '', 16).text}”，属广告引流。`;
    case 'no_order':
      return `评价对应订单${review.orderId ?? e.orderId}在本店同期订单中不存在，疑似非真实交易。`;
    case 'templated':
      return `与另外${e.groupKeys.length - 1}条评价文字雷同（相似度${Math.round(e.similarity * 100)}%），疑似批量刷评。`;
    case 'burst':
      return `该商品短时间内集中出现${e.count}条评价，远超平时，疑似集中刷评。`;
  }
}

export interface AppealOptions {
  /** Screenshot/image references chosen by the merchant, most important first. */
  images?: readonly string[];
  /** Override the platform's limits (e.g. after the console shows a different one). */
  limits?: Partial<AppealLimits>;
}

/** Build the appeal text for `review` from its flags (flags of other reviews are ignored). */
export function buildAppealPack(
  review: Pick<Review, 'key' | 'platform' | 'orderId' | 'text'>,
  flags: readonly SuspicionFlag[],
  opts: AppealOptions = {},
): AppealPack {
  const limits = { ...APPEAL_LIMITS[review.platform], ...opts.limits };
  const own = flags.filter((f) => f.reviewKey === review.key);
  const ordered = PRIORITY.flatMap(([code]) => own.filter((f) => f.code === code));
  const top = ordered[0];
  const reasonId = PRIORITY.find(([code]) => code === top?.code)?.[1] ?? 'other';
  const warnings: string[] = [];
  if (!top) warnings.push('没有可疑证据：申诉理由不足，平台可能驳回');
  // Distinct sentences in priority order, as many as fit.
  const sentences = [...new Set(ordered.map((f) => sentence(f, review)))];
  let description = '';
  for (const s of sentences) {
    if (chars(description + s).length > limits.descriptionMax) break;
    description += s;
  }
  let truncated = chars(description).length < chars(sentences.join('')).length;
  if (description === '') {
    // Even the first sentence is too long (a tiny override limit): cut it rather than send nothing.
    const cut = clip(sentences[0] ?? `申诉评价：“${review.text}”`, limits.descriptionMax);
    description = cut.text;
    truncated = cut.truncated;
  }
  const images = [...(opts.images ?? [])];
  const kept = images.slice(0, limits.imagesMax);
  const dropped = images.slice(limits.imagesMax);
  if (dropped.length) warnings.push(`图片最多 ${limits.imagesMax} 张，已舍去 ${dropped.length} 张`);
  if (limits.confidence === 'G') warnings.push('该平台的字数/图片上限为估计值，请以申诉页面为准');
  return {
    platform: review.platform,
    reviewKey: review.key,
    reason: { id: reasonId, label: APPEAL_REASON_LABEL[reasonId] },
    description,
    truncated,
    images: kept,
    droppedImages: dropped,
    evidence: ordered.map((f) => f.message),
    limits,
    warnings,
  };
}
