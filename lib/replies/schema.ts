/**
 * The merchant's own reply settings (edited in options, stored by the caller): user templates, which
 * defaults are switched off, and the compensation ladder. zod/mini schemas validate whatever comes back
 * from storage or an import; `mergeTemplates` combines defaults with the merchant's own.
 */
import * as z from 'zod/mini';
import { checkCompliance, type ComplianceIssue } from './compliance';
import { DEFAULT_LADDER } from './compensation';
import { DEFAULT_TEMPLATES } from './templates';
import { REPLY_CATEGORIES, SLOT_NAMES, type CompensationStep, type ReplyTemplate } from './types';

export const UserTemplate = z.object({
  /** Same id as a default template = replaces that default. */
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  category: z.enum(REPLY_CATEGORIES),
  severity: z.enum(['mild', 'moderate', 'severe', 'any']),
  text: z.string().check(z.minLength(1), z.maxLength(500)),
  /** false = keep it but do not use it. */
  enabled: z.optional(z.boolean()),
});
export type UserTemplate = z.infer<typeof UserTemplate>;

export const CompensationStepSchema = z.object({
  maxStars: z.number().check(z.int(), z.gte(1), z.lte(5)),
  text: z.string().check(z.minLength(1), z.maxLength(100)),
});

export const ReplySettings = z.object({
  templates: z.array(UserTemplate).check(z.maxLength(300)),
  /** Ids of default templates the merchant switched off. */
  disabledDefaults: z.array(z.string().check(z.maxLength(64))).check(z.maxLength(300)),
  /** Absent = the default ladder. */
  ladder: z.optional(z.array(CompensationStepSchema).check(z.maxLength(5))),
});
export type ReplySettings = z.infer<typeof ReplySettings>;

export const DEFAULT_REPLY_SETTINGS: ReplySettings = { templates: [], disabledDefaults: [] };

/** Defaults minus the disabled ones, with user templates replacing same-id defaults and added after. */
export function mergeTemplates(
  settings: ReplySettings,
  defaults: readonly ReplyTemplate[] = DEFAULT_TEMPLATES,
): ReplyTemplate[] {
  const user = new Map(settings.templates.map((t) => [t.id, t]));
  const disabled = new Set(settings.disabledDefaults);
  const out: ReplyTemplate[] = [];
  for (const d of defaults) {
    const mine = user.get(d.id);
    if (mine) {
      if (mine.enabled !== false)
        out.push({
          id: mine.id,
          category: mine.category,
          severity: mine.severity,
          text: mine.text,
          source: 'user',
        });
      user.delete(d.id);
    } else if (!disabled.has(d.id)) out.push(d);
  }
  for (const t of user.values())
    if (t.enabled !== false)
      out.push({ id: t.id, category: t.category, severity: t.severity, text: t.text, source: 'user' });
  return out;
}

/** The ladder in effect. */
export function effectiveLadder(settings: ReplySettings): readonly CompensationStep[] {
  return settings.ladder ?? DEFAULT_LADDER;
}

export interface TemplateProblem {
  kind: 'unknown_slot' | 'compliance';
  message: string;
  issue?: ComplianceIssue;
}

/** Sample slot values used to check a template before it is saved. */
const SAMPLE = { 买家: '亲', 商品: '这款商品', 问题: '商品质量问题', 补救: '为您免费补发同款' };

/** Problems in a template the merchant is about to save: unknown {slots} and compliance issues. */
export function validateTemplate(text: string): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  for (const m of text.matchAll(/\{([^{}]{1,12})\}/g))
    if (!(SLOT_NAMES as readonly string[]).includes(m[1] ?? ''))
      problems.push({
        kind: 'unknown_slot',
        message: `未知占位符 {${m[1]}}，可用：${SLOT_NAMES.map((s) => `{${s}}`).join(' ')}`,
      });
  const filled = text.replace(/\{(买家|商品|问题|补救)\}/g, (_, s: keyof typeof SAMPLE) => SAMPLE[s]);
  for (const issue of checkCompliance(filled).issues)
    if (issue.rule !== 'placeholder') problems.push({ kind: 'compliance', message: issue.message, issue });
  return problems;
}
