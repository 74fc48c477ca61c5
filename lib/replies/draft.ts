/**
 * Template drafting: pick the templates for the review's category × severity, fill the slots, and
 * rotate variants so two consecutive drafts are never identical (the caller passes the previous draft;
 * the state is theirs). Every draft carries its compliance result.
 */
import type { PlatformId, Polarity } from '../model';
import type { TextAnalysis } from '../text/types';
import { DEFAULT_LADDER, remedyFor } from './compensation';
import { checkCompliance, type ComplianceContext, type ComplianceResult } from './compliance';
import { classifyForReply } from './severity';
import type { CompensationStep, ReplyCategory, ReplyTemplate, Severity, SlotValues } from './types';

/** Readable problem names for cluster topics. */
const TOPIC_PHRASE: Readonly<Record<string, string>> = {
  态度差: '客服态度不好',
  不回复: '客服回复不及时',
  回复慢: '客服回复慢',
  推诿: '售后处理不到位',
  退款难: '退款处理慢',
  售后差: '售后不到位',
  发票问题: '发票没有开好',
  服务差: '服务不到位',
  物流慢: '物流太慢',
  物流差: '物流体验不好',
  物流停滞: '物流信息停滞',
  破损: '包裹破损',
  漏发: '漏发商品',
  错发: '发错商品',
  丢件: '包裹未收到',
  派送问题: '派送不到位',
  包装简陋: '包装不到位',
  质量差: '商品质量问题',
  做工差: '做工瑕疵',
  损坏: '商品损坏',
  不耐用: '商品不耐用',
  不舒适: '穿用不舒适',
  变质: '商品不新鲜',
  尺码不符: '尺码不合适',
  与描述不符: '商品与描述不符',
  货不对板: '商品与描述不符',
  假货: '商品真伪的疑虑',
  二手: '商品像旧货',
  分量不足: '分量不足',
  价格贵: '价格偏高',
  降价: '降价差价',
};

const CATEGORY_PROBLEM: Readonly<Record<ReplyCategory, string>> = {
  quality: '商品质量问题',
  mismatch: '商品与描述不符',
  logistics: '物流配送问题',
  service: '服务不到位',
  price: '价格方面的困扰',
  other: '这次的购物体验',
  positive: '',
};

/** When no ladder rung applies (a 4–5★ review with a complaint): an offer of after-sale help. */
export const DEFAULT_REMEDY = '会为您优先安排售后处理';

export interface DraftInput {
  analysis: Pick<TextAnalysis, 'categories' | 'hits' | 'sentiment'>;
  stars?: number;
  polarity?: Polarity;
  /** Merged templates (see mergeTemplates). */
  templates: readonly ReplyTemplate[];
  ladder?: readonly CompensationStep[];
  /** Override slot values ({买家} defaults to 亲, {商品} to 这款商品). */
  slots?: Partial<SlotValues>;
  /** The previous draft for this review: the new one will differ from it. */
  previous?: string;
  /** Spreads variants across reviews (e.g. a hash of the review key). */
  seed?: number;
  platform?: PlatformId;
  compliance?: Omit<ComplianceContext, 'platform'>;
  /** Force a category/severity (e.g. the merchant picked another scenario). */
  category?: ReplyCategory;
  severity?: Severity;
}

export interface DraftResult {
  text: string;
  templateId: string;
  category: ReplyCategory;
  severity?: Severity;
  slots: SlotValues;
  compliance: ComplianceResult;
  /** True only if every candidate rendered the same as `previous` (a one-template pool). */
  repeated: boolean;
}

export function fillSlots(template: string, slots: SlotValues): string {
  return template.replace(/\{(买家|商品|问题|补救)\}/g, (_, name: keyof SlotValues) => slots[name]);
}

export function problemPhrase(analysis: Pick<TextAnalysis, 'hits'>, category: ReplyCategory): string {
  const hit = analysis.hits.find((h) => h.category === category) ?? analysis.hits[0];
  const topic = hit?.topics[0];
  return (topic && TOPIC_PHRASE[topic]) ?? topic ?? CATEGORY_PROBLEM[category];
}

/** Candidate templates: exact severity and `any`, then `other`, then anything negative as a last resort. */
function pools(
  templates: readonly ReplyTemplate[],
  category: ReplyCategory,
  severity?: Severity,
): ReplyTemplate[][] {
  const fits = (t: ReplyTemplate, c: ReplyCategory) =>
    t.category === c && (category === 'positive' || t.severity === severity || t.severity === 'any');
  const own = templates.filter((t) => fits(t, category));
  if (category === 'positive') return [own];
  return [
    own,
    templates.filter((t) => fits(t, 'other')),
    templates.filter((t) => t.category !== 'positive' && t.category !== category),
  ];
}

export function draftReply(input: DraftInput): DraftResult {
  const cls = classifyForReply(input.analysis, input.stars, input.polarity);
  const category = input.category ?? cls.category;
  const severity = category === 'positive' ? undefined : (input.severity ?? cls.severity ?? 'mild');
  const rung = severity ? remedyFor(input.ladder ?? DEFAULT_LADDER, input.stars, severity) : undefined;
  const slots: SlotValues = {
    买家: input.slots?.买家 ?? '亲',
    商品: input.slots?.商品 ?? '这款商品',
    问题: input.slots?.问题 ?? problemPhrase(input.analysis, category),
    补救: input.slots?.补救 ?? rung?.text ?? DEFAULT_REMEDY,
  };
  const ctx: ComplianceContext = {
    ...input.compliance,
    ...(input.platform ? { platform: input.platform } : {}),
  };
  let fallback: DraftResult | undefined;
  for (const pool of pools(input.templates, category, severity)) {
    const start = Math.abs(input.seed ?? 0) % Math.max(1, pool.length);
    for (let k = 0; k < pool.length; k++) {
      const t = pool[(start + k) % pool.length];
      if (!t) continue;
      const text = fillSlots(t.text, slots);
      const compliance = checkCompliance(text, ctx);
      const result: DraftResult = {
        text,
        templateId: t.id,
        category,
        slots,
        compliance,
        repeated: false,
        ...(severity ? { severity } : {}),
      };
      if (text !== input.previous && compliance.verdict !== 'block') return result;
      fallback ??= { ...result, repeated: text === input.previous };
    }
  }
  if (fallback) return fallback;
  const text =
    category === 'positive'
      ? `谢谢${slots.买家}的支持！`
      : `${slots.买家}您好，很抱歉给您带来不好的体验，我们${slots.补救}。`;
  return {
    text,
    templateId: 'builtin',
    category,
    slots,
    compliance: checkCompliance(text, ctx),
    repeated: text === input.previous,
    ...(severity ? { severity } : {}),
  };
}
