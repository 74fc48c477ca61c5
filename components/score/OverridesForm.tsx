import { useEffect, useState } from 'preact/hooks';
import type { OverridesDraft as Draft } from '@/lib/score-view/overrides';
import { draftOf, overridesOf, toShown } from '@/lib/score-view/overrides';
import type { Profile } from '@/lib/scoring/profile-types';
import { scoreOverridesItem } from '@/lib/settings';
import { useStorageItem } from '../hooks';
import './score.css';

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
        <div class="table-scroll">
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
                  setDraft({
                    ...draft,
                    bench: { ...draft.bench, [d.id]: { ...draft.bench[d.id]!, [k]: v } },
                  });
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
