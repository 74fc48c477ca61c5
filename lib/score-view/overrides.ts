/**
 * The options page's override form as data: typed text ↔ validated ProfileOverrides. Rates are stored
 * as fractions and typed as percentages; tier thresholds are typed best first, one per tier score.
 */
import type { DimensionId } from '../model';
import { ProfileOverrides } from '../scoring/profiles';
import type { IndicatorDef, Profile } from '../scoring/profile-types';

/** Rates are stored as fractions and typed as percentages. */
export const toShown = (def: IndicatorDef, v: number) => (def.unit === '%' ? Math.round(v * 1e6) / 1e4 : v);
export const toStored = (def: IndicatorDef, v: number) => (def.unit === '%' ? v / 100 : v);
const num = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s));

/** The form's text fields (what the merchant typed). */
export interface OverridesDraft {
  weights: Partial<Record<DimensionId, string>>;
  bench: Record<string, { industry: string; excellent: string }>;
  tiers: Record<string, string>;
  smallShop: string;
}

/** The form's fields for stored overrides (empty = not overridden). */
export function draftOf(p: Profile, o: ProfileOverrides | undefined): OverridesDraft {
  const d: OverridesDraft = {
    weights: {},
    bench: {},
    tiers: {},
    smallShop: o?.smallShopOrders?.toString() ?? '',
  };
  for (const dim of p.dimensions) {
    const w = o?.weights?.[dim.id];
    d.weights[dim.id] = w === undefined ? '' : String(Math.round(w * 1000) / 10);
  }
  for (const def of p.indicators) {
    const io = o?.indicators?.[def.id];
    d.bench[def.id] = {
      industry: io?.benchmark ? String(toShown(def, io.benchmark.industry)) : '',
      excellent: io?.benchmark ? String(toShown(def, io.benchmark.excellent)) : '',
    };
    d.tiers[def.id] = io?.tiers ? io.tiers.map((t) => toShown(def, t.at)).join(', ') : '';
  }
  return d;
}

/** The draft as overrides; an error message (zh) when a field is not a number or out of range. */
export function overridesOf(p: Profile, d: OverridesDraft): { value?: ProfileOverrides; error?: string } {
  const out: ProfileOverrides = {};
  for (const dim of p.dimensions) {
    const v = num(d.weights[dim.id] ?? '');
    if (v !== undefined) (out.weights ??= {})[dim.id] = v / 100;
  }
  for (const def of p.indicators) {
    if (def.scoring.kind !== 'tiers') continue;
    const b = d.bench[def.id];
    const i = num(b?.industry ?? '');
    const e = num(b?.excellent ?? '');
    const entry: NonNullable<ProfileOverrides['indicators']>[string] = {};
    if (i !== undefined || e !== undefined) {
      if (i === undefined || e === undefined) return { error: `${def.name}：行业与优秀基准需同时填写` };
      entry.benchmark = { industry: toStored(def, i), excellent: toStored(def, e) };
    }
    const raw = (d.tiers[def.id] ?? '').trim();
    if (raw) {
      const ats = raw
        .split(/[,，\s]+/)
        .filter(Boolean)
        .map(Number);
      const scores = def.scoring.tiers.value.map((t) => t.score);
      if (ats.length !== scores.length || ats.some((x) => !Number.isFinite(x)))
        return { error: `${def.name}：档位阈值需填 ${scores.length} 个数（对应 ${scores.join('/')} 分）` };
      entry.tiers = ats.map((at, k) => ({ at: toStored(def, at), score: scores[k]! }));
    }
    if (entry.benchmark || entry.tiers) (out.indicators ??= {})[def.id] = entry;
  }
  const ss = num(d.smallShop);
  if (ss !== undefined) out.smallShopOrders = ss;
  const r = ProfileOverrides.safeParse(out);
  if (!r.success)
    return {
      error: `输入无效：${r.error.issues[0]?.path.join('.') ?? ''} ${r.error.issues[0]?.message ?? ''}`,
    };
  return { value: r.data };
}
