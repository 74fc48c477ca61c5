import { useEffect, useMemo, useState } from 'preact/hooks';
import { DiagnosisView } from '@/components/score/DiagnosisView';
import { ForecastView } from '@/components/score/ForecastView';
import { today, useOverrides, useRangeData, useSnapshots } from '@/components/score/useScore';
import type { Store } from '@/lib/model';
import { addDays } from '@/lib/model';
import { analyzeRange, autoRange } from '@/lib/score-view/analysis';
import { trustworthy } from '@/lib/score-view/coverage';
import { fittedWeights, mainProfile } from '@/lib/score-view/inputs';
import { officialAsOf } from '@/lib/score-view/official';

type Range = { from: string; to: string };

/**
 * 诊断: why the score moved between two dates (default: the newest captured day against the best day of
 * the month before it), and when it recovers.
 */
export function DiagnosisTab(props: { store: Store }) {
  const profile = mainProfile(props.store.platform);
  const asOf = today();
  const snaps = useSnapshots(props.store.key, asOf, 61);
  const auto = useMemo((): Range | undefined => {
    if (!snaps.data) return undefined;
    const s = snaps.data;
    const official = s.some((x) => x.official?.value != null);
    const series = s.map((x) => ({
      date: x.date,
      value: official ? (x.official?.value ?? null) : trustworthy(x.coverage) ? x.estimate.value : null,
    }));
    return autoRange(series, asOf);
  }, [snaps.data, asOf]);
  const [picked, setPicked] = useState<Range | undefined>();
  // Nothing is read until the default range is known (no throw-away first load).
  const r = picked ?? auto;
  const data = useRangeData(props.store, profile, r);
  const overrides = useOverrides(profile);
  const analysis = useMemo(() => {
    const d = data.data;
    if (!d || !profile || !r) return undefined;
    const fitted = fittedWeights(profile, d.officials);
    const a = analyzeRange({
      profile,
      rows: d.rows,
      officials: d.officials,
      from: r.from,
      to: r.to,
      entered: d.entered,
      left: d.left,
      categorize: d.categorize,
      ...(overrides ? { overrides } : {}),
      ...(fitted ? { fitted } : {}),
    });
    return { a, fitted };
  }, [data.data, overrides, profile, r?.from, r?.to]);
  // The forecast (dozens of projected estimates) renders a moment after the diagnosis.
  const [showForecast, setShowForecast] = useState(false);
  useEffect(() => {
    setShowForecast(false);
    if (!analysis) return;
    const t = setTimeout(() => setShowForecast(true), 0);
    return () => clearTimeout(t);
  }, [analysis]);
  // The records behind a drop: those that entered under every cause that cost points.
  const d = analysis?.a.diagnosis;
  const dropKeys = useMemo(() => {
    const costing = d && d.delta !== null && d.delta < 0 ? d.causes.filter((c) => c.points < -0.005) : [];
    return costing.length ? new Set(costing.flatMap((c) => c.entered.map((x) => x.key))) : undefined;
  }, [d]);
  // Default target: the usual estimate before `from` (median of 14 days), not one noisy day's tier.
  const usual = useMemo(() => {
    if (!r) return undefined;
    const vals = (snaps.data ?? [])
      .filter((x) => x.date <= r.from && x.date > addDays(r.from, -14) && trustworthy(x.coverage))
      .map((x) => x.estimate.value)
      .filter((v): v is number => v !== null)
      .sort((a, b) => a - b);
    return vals.length ? vals[Math.floor(vals.length / 2)]! : undefined;
  }, [snaps.data, r?.from]);

  if (!profile) return <div class="muted">该平台暂无评分模型。</div>;
  if (!r || !auto) return <div class="muted">加载中…</div>;
  const quick: [string, Range][] = [
    ['自动', auto],
    ['较昨日', { from: addDays(r.to, -1), to: r.to }],
    ['较 7 天前', { from: addDays(r.to, -7), to: r.to }],
    ['较 30 天前', { from: addDays(r.to, -30), to: r.to }],
  ];
  const official = data.data ? officialAsOf(data.data.officials, r.to) : undefined;
  return (
    <div class="stack">
      <div class="card stack">
        <div class="row" style="flex-wrap:wrap">
          <label class="row">
            从{' '}
            <input
              type="date"
              value={r.from}
              max={r.to}
              onChange={(e) => setPicked({ ...r, from: (e.target as HTMLInputElement).value })}
              data-testid="diag-from"
            />
          </label>
          <label class="row">
            到{' '}
            <input
              type="date"
              value={r.to}
              min={r.from}
              max={asOf}
              onChange={(e) => setPicked({ ...r, to: (e.target as HTMLInputElement).value })}
              data-testid="diag-to"
            />
          </label>
        </div>
        <div class="row" style="flex-wrap:wrap">
          {quick.map(([label, q]) => (
            <button
              key={label}
              onClick={() => setPicked(q)}
              class={q.from === r.from && q.to === r.to ? 'primary' : ''}
            >
              {label}
            </button>
          ))}
        </div>
      </div>
      {data.error ? (
        <div class="error">读取失败：{String(data.error)}</div>
      ) : !analysis || !data.data ? (
        <div class="muted">分析中…</div>
      ) : (
        <>
          <DiagnosisView analysis={analysis.a} byKey={data.data.byKey} />
          {showForecast ? (
            <ForecastView
              key={`${r.from}|${r.to}`}
              profile={profile}
              rows={data.data.rows}
              negatives={data.data.current}
              asOf={r.to}
              categorize={data.data.categorize}
              target={usual ?? analysis.a.before.value ?? analysis.a.after.value ?? profile.scale.value.max}
              {...(official ? { official } : {})}
              {...(overrides ? { overrides } : {})}
              {...(analysis.fitted ? { fitted: analysis.fitted } : {})}
              {...(dropKeys ? { dropKeys } : {})}
            />
          ) : (
            <div class="card muted">预测计算中…</div>
          )}
        </>
      )}
    </div>
  );
}
