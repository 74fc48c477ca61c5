/**
 * Which reply templates win back most (issue #16, 差评挽回): each replied negative review is attributed to
 * the 话术 its captured reply text was written from — the template's fixed words in order, its slots
 * ({买家} {商品} {问题} {补救}) matching whatever was filled in — and each template gets replies sent,
 * won back (as lib/boards/winback.ts defines: 改评, 好的追评, 已从后台消失) and 挽回率.
 *
 * Matching the text the console shows (rather than remembering what the inbox offered) also counts
 * replies inserted on the console with 生成回复 and survives a reinstall; a reply the merchant rewrote
 * counts as 其他回复. Pure.
 */
import type { Review } from '../model';
import type { ReplyCategory, ReplyTemplate } from '../replies/types';
import { WON_BACK, isNegative, outcomeOf } from './winback';

const DAY_MS = 86_400_000;

/** Below this many counted replies a template's rate is shown with a "样本不足" note. */
export const MIN_TEMPLATE_SAMPLE = 10;

/** Longest text a slot may stand for (a product name, a remedy phrase). */
const SLOT_MAX = 120;
const SLOT = /\{(?:买家|商品|问题|补救)\}/;
const squash = (s: string) => s.replace(/\s+/g, '');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Compiled {
  template: ReplyTemplate;
  re: RegExp;
  /** Characters of fixed text: the more, the more specific (wins a tie between two matches). */
  fixed: number;
}

export type TemplateMatcher = (replyText: string) => ReplyTemplate | undefined;

/** A function naming the template a reply text was written from, or undefined. */
export function templateMatcher(templates: readonly ReplyTemplate[]): TemplateMatcher {
  const compiled: Compiled[] = templates.map((template) => {
    const parts = squash(template.text).split(SLOT);
    return {
      template,
      re: new RegExp(`^${parts.map(escape).join(`[\\s\\S]{0,${SLOT_MAX}}?`)}$`),
      fixed: parts.join('').length,
    };
  });
  compiled.sort((a, b) => b.fixed - a.fixed);
  return (replyText) => {
    const t = squash(replyText);
    if (!t) return undefined;
    return compiled.find((c) => c.re.test(t))?.template;
  };
}

export interface TemplateWinRow {
  /** The template's id, or `other` for replies written from none of the current templates. */
  id: string;
  template?: ReplyTemplate;
  /** Replies to negative reviews past the settling period. */
  sent: number;
  wonBack: number;
  rate?: number;
  /** Replies too recent to count yet (观察中). */
  settling: number;
  /** `sent` reaches MIN_TEMPLATE_SAMPLE. */
  enough: boolean;
}

export interface TemplateWinback {
  /** Templates with at least one reply, best rate first (enough samples before too few). */
  rows: TemplateWinRow[];
  byId: ReadonlyMap<string, TemplateWinRow>;
  /** Replies whose text matches no current template (rewritten, model-drafted, from before). */
  other: TemplateWinRow;
  /** Replied negative reviews whose reply text the console did not show. */
  withoutText: number;
}

const OTHER = 'other';

function row(id: string, template?: ReplyTemplate): TemplateWinRow {
  return { id, template, sent: 0, wonBack: 0, settling: 0, enough: false };
}

/** Per template over the store's reviews; reviews younger than `settleDays` are not counted yet. */
export function templateWinback(
  reviews: readonly Review[],
  templates: readonly ReplyTemplate[],
  now: number,
  kindAppend: (text: string) => boolean,
  settleDays = 3,
): TemplateWinback {
  const match = templateMatcher(templates);
  const byId = new Map<string, TemplateWinRow>();
  const other = row(OTHER);
  let withoutText = 0;
  for (const r of reviews) {
    if (!r.replied || !isNegative(r)) continue;
    if (!r.replyText?.trim()) {
      withoutText++;
      continue;
    }
    const t = match(r.replyText);
    let g = other;
    if (t) {
      g = byId.get(t.id) ?? row(t.id, t);
      byId.set(t.id, g);
    }
    if (now - r.createdAt < settleDays * DAY_MS) {
      g.settling++;
      continue;
    }
    g.sent++;
    if (WON_BACK.has(outcomeOf(r, kindAppend))) g.wonBack++;
  }
  for (const g of [...byId.values(), other]) {
    g.rate = g.sent ? g.wonBack / g.sent : undefined;
    g.enough = g.sent >= MIN_TEMPLATE_SAMPLE;
  }
  const rows = [...byId.values()].sort(
    (a, b) =>
      Number(b.enough) - Number(a.enough) ||
      (b.rate ?? -1) - (a.rate ?? -1) ||
      b.sent - a.sent ||
      a.id.localeCompare(b.id),
  );
  return { rows, byId, other, withoutText };
}

/** The best template of a category with enough samples, for the inbox's "同类挽回最多" hint. */
export function bestFor(stats: TemplateWinback, category: ReplyCategory): TemplateWinRow | undefined {
  return stats.rows.find((r) => r.enough && r.template?.category === category);
}
