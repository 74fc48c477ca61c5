import { useEffect, useState } from 'preact/hooks';
import type { DimensionId } from '@/lib/model';
import { ProfileOverrides } from '@/lib/scoring/profiles';
import type { IndicatorDef, Profile } from '@/lib/scoring/profile-types';
import { scoreOverridesItem } from '@/lib/settings';
import { useStorageItem } from '../hooks';
import './score.css';

/** Rates are stored as fractions and typed as percentages. */
const toShown = (def: IndicatorDef, v: number) => (def.unit === '%' ? Math.round(v * 1e6) / 1e4 : v);
const toStored = (def: IndicatorDef, v: number) => (def.unit === '%' ? v / 100 : v);
const num = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s));

interface Draft {
  weights: Partial<Record<DimensionId, string>>;
  bench: Record<string, { industry: string; excellent: string }>;
  tiers: Record<string, string>;
  smallShop: string;
}

function draftOf(p: Profile, o: ProfileOverrides | undefined): Draft {
  const d: Draft = { weights: {}, bench: {}, tiers: {}, smallShop: o?.smallShopOrders?.toString() ?? '' };
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
export function overridesOf(p: Profile, d: Draft): { value?: ProfileOverrides; error?: string } {
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

/** Merchant overrides of one profile: dimension weights, benchmarks and tier thresholds, small-shop line. */
export function OverridesForm(props: { profile: Profile }) {
  const p = props.profile;
  const [all, setAll] = useStorageItem(scoreOverridesItem);
  const [draft, setDraft] = useState<Draft>(() => draftOf(p, undefined));
  const [msg, setMsg] = useState('');
  useEffect(() => {
    if (all) setDraft(draftOf(p, all[p.id]));
  }, [all === undefined, p.id]);
  const save = async () => {
    const r = overridesOf(p, draft);
    if (r.error) return setMsg(r.error);
    const next = { ...(all ?? {}) };
    if (r.value && Object.keys(r.value).length) next[p.id] = r.value;
    else delete next[p.id];
    await setAll(next);
    setMsg('已保存，评分已按新设置重新计算');
  };
  const reset = async () => {
    const next = { ...(all ?? {}) };
    delete next[p.id];
    await setAll(next);
    setDraft(draftOf(p, undefined));
    setMsg('已恢复默认');
  };
  const tiered = p.indicators.filter((d) => d.scoring.kind === 'tiers');
  return (
    <div class="stack" data-testid="overrides-form" data-profile={p.id}>
      <div>
        <b>维度权重（%）</b> <small class="muted">留空 = 使用后台报告的权重，无则用默认值</small>
        <div class="form-grid" style="margin-top:4px">
          {p.dimensions.map((d) => (
            <label key={d.id}>
              {d.name}（默认 {Math.round(d.weight.value * 100)}%{d.weight.guessed ? '，推测' : ''}）
              <input
                inputMode="decimal"
                value={draft.weights[d.id]}
                data-weight={d.id}
                onInput={(e) =>
                  setDraft({
                    ...draft,
                    weights: { ...draft.weights, [d.id]: (e.target as HTMLInputElement).value },
                  })
                }
              />
            </label>
          ))}
          {p.smallShop && (
            <label>
              小店保护门槛（单，默认 {p.smallShop.orders.value}）
              <input
                inputMode="numeric"
                value={draft.smallShop}
                onInput={(e) => setDraft({ ...draft, smallShop: (e.target as HTMLInputElement).value })}
              />
            </label>
          )}
        </div>
      </div>
      <div style="overflow-x:auto">
        <b>指标基准与档位</b> <small class="muted">比率按 % 填写；档位阈值从最好到最差</small>
        <table class="grid" style="margin-top:4px">
          <thead>
            <tr>
              <th>指标</th>
              <th>行业</th>
              <th>优秀</th>
              <th>
                档位阈值（
                {tiered[0]?.scoring.kind === 'tiers'
                  ? tiered[0].scoring.tiers.value.map((t) => t.score).join('/')
                  : ''}{' '}
                分）
              </th>
            </tr>
          </thead>
          <tbody>
            {tiered.map((d) => {
              const b = d.benchmark?.value;
              const t = d.scoring.kind === 'tiers' ? d.scoring.tiers.value : [];
              const set = (k: 'industry' | 'excellent', v: string) =>
                setDraft({ ...draft, bench: { ...draft.bench, [d.id]: { ...draft.bench[d.id]!, [k]: v } } });
              return (
                <tr key={d.id} data-indicator={d.id}>
                  <td>
                    {d.name}
                    {d.role !== 'scored' ? <small class="muted">（参考）</small> : null}
                  </td>
                  <td>
                    <input
                      style="width:70px"
                      placeholder={b ? String(toShown(d, b.industry)) : ''}
                      value={draft.bench[d.id]?.industry}
                      onInput={(e) => set('industry', (e.target as HTMLInputElement).value)}
                    />
                  </td>
                  <td>
                    <input
                      style="width:70px"
                      placeholder={b ? String(toShown(d, b.excellent)) : ''}
                      value={draft.bench[d.id]?.excellent}
                      onInput={(e) => set('excellent', (e.target as HTMLInputElement).value)}
                    />
                  </td>
                  <td>
                    <input
                      style="width:100%"
                      placeholder={t.map((x) => toShown(d, x.at)).join(', ')}
                      value={draft.tiers[d.id]}
                      onInput={(e) =>
                        setDraft({
                          ...draft,
                          tiers: { ...draft.tiers, [d.id]: (e.target as HTMLInputElement).value },
                        })
                      }
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div class="row">
        <button class="primary" onClick={() => void save()} data-testid="overrides-save">
          保存
        </button>
        <button onClick={() => void reset()}>恢复默认</button>
        <span class="muted" role="status">
          {msg}
        </span>
      </div>
    </div>
  );
}
