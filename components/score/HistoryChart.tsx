import { useMemo, useState } from 'preact/hooks';
import type { DimensionId } from '@/lib/model';
import { dayStart } from '@/lib/model';
import { trustworthy } from '@/lib/score-view/coverage';
import type { ScoreSnapshot } from '@/lib/score-view/types';
import type { Series } from './LineChart';
import { LineChart } from './LineChart';

const VIEWS: readonly [string, string][] = [
  ['total', '总分'],
  ['product', '商品'],
  ['logistics', '物流'],
  ['service', '服务'],
];
const DAY_CHOICES = [30, 90, 180] as const;

const mmdd = (x: number) => new Date(x + 8 * 3_600_000).toISOString().slice(5, 10);

/**
 * Dated history of the console's score (dots: the days it was captured) and of our estimate (solid where
 * the captured data covers the window, dashed grey where it does not), in total or per dimension.
 */
export function HistoryChart(props: {
  snapshots: readonly ScoreSnapshot[];
  days: number;
  onDays: (d: number) => void;
}) {
  const [view, setView] = useState('total');
  const series = useMemo((): Series[] => {
    const s = props.snapshots;
    const xs = s.map((x) => dayStart(x.date));
    const dim = (dims: { id: DimensionId; value: number | null }[] | undefined) =>
      dims?.find((d) => d.id === view)?.value ?? null;
    const official = s.map((x) => (view === 'total' ? (x.official?.value ?? null) : dim(x.official?.dims)));
    // A fixed stage score (成长期 70) from a handful of captured records is not a history point.
    const est = s.map((x) =>
      x.estimate.stage !== 'formal' ? null : view === 'total' ? x.estimate.value : dim(x.estimate.dims),
    );
    const good = est.map((v, i) => (trustworthy(s[i]!.coverage) ? v : null));
    const low = est.map((v, i) => (trustworthy(s[i]!.coverage) ? null : v));
    return [
      { id: 'official', label: '官方（采集日）', color: '#1a7f37', xs, ys: official, dots: true },
      { id: 'estimate', label: '本地估算', color: '#1456f0', xs, ys: good },
      { id: 'estimate-low', label: '估算（低覆盖）', color: '#8c959f', xs, ys: low, dashed: true },
    ];
  }, [props.snapshots, view]);
  return (
    <div class="card stack" data-testid="history-chart">
      <h3 style="font-size:13px">
        分数走势 <small class="en">History</small>
      </h3>
      <div class="spread" style="flex-wrap:wrap">
        <span class="seg" role="group" aria-label="维度">
          {VIEWS.map(([id, label]) => (
            <button key={id} aria-pressed={view === id} onClick={() => setView(id)} data-view={id}>
              {label}
            </button>
          ))}
        </span>
        <span class="seg" role="group" aria-label="天数">
          {DAY_CHOICES.map((d) => (
            <button key={d} aria-pressed={props.days === d} onClick={() => props.onDays(d)}>
              {d}天
            </button>
          ))}
        </span>
      </div>
      {props.snapshots.length === 0 ? (
        <div class="muted">还没有历史快照：采集后每天自动生成。</div>
      ) : (
        <LineChart series={series} xLabel={mmdd} height={170} title="官方与估算分数走势" />
      )}
    </div>
  );
}
