import type { ScoreSnapshot, SnapDim } from '@/lib/score-view/types';
import { COVERAGE_LABEL, coverageText, scoreText, signedText, weightText } from '@/lib/score-view/text';
import './score.css';

function Dim(props: { d: SnapDim; official: boolean }) {
  const v = props.d.value;
  const src = props.d.weightSource;
  const guessed =
    src === 'fallback' ? '（默认）' : src === 'fitted' ? '（拟合）' : src === 'override' ? '（自定义）' : '';
  return (
    <div class="dim" data-dim={props.d.id}>
      <div class="muted">{props.d.name}</div>
      <div class="v">{props.official ? (v ?? '—') : scoreText(v)}</div>
      <div class="muted" style="font-size:11px">
        权重 {weightText(props.d.weight)}
        {guessed}
      </div>
      <div class="bar">
        <i style={{ width: `${v === null ? 0 : Math.max(0, Math.min(100, ((v - 50) / 50) * 100))}%` }} />
      </div>
    </div>
  );
}

function Delta(props: { label: string; v: number | null; date: string }) {
  if (props.v === null) return <span class="muted">{props.label} —</span>;
  const cls = props.v > 0 ? 'delta up' : props.v < 0 ? 'delta down' : 'muted';
  return (
    <span class={cls} title={`与 ${props.date} 相比`}>
      {props.label} {props.v > 0 ? '▲' : props.v < 0 ? '▼' : ''}
      {signedText(props.v, 2)}
    </span>
  );
}

/**
 * The headline score: the console's number where captured recently (labelled 官方), else our estimate
 * (labelled 估算, greyed with its coverage when it stands on too little data); consumer 5-point value,
 * Δ vs yesterday and 7 days ago, the three dimensions with their weights.
 */
export function ScoreCard(props: { snapshot: ScoreSnapshot }) {
  const s = props.snapshot;
  const h = s.head?.headline;
  if (!h) return null;
  const official = h.source === 'official';
  const est = s.estimate;
  const low = h.lowCoverage;
  return (
    <div class="card" data-testid={official ? 'official-score' : 'estimate-score'} data-source={h.source}>
      <div class="spread">
        <div class="muted">
          {s.label}{' '}
          {official ? (
            <span class="tag good">官方 · {h.date}</span>
          ) : (
            <span class={`tag ${low ? 'warn' : 'est'}`} data-testid="estimate-label">
              估算 · {h.date}
              {low ? ' · 低覆盖' : ''}
            </span>
          )}
        </div>
        <div class="score-five">
          <div class="muted" style="font-size:11px">
            消费者评分
          </div>
          <b data-testid="five-point" class={low ? 'score-muted-value' : ''}>
            {h.fivePoint === null ? '—' : h.fivePoint.toFixed(1)}
          </b>
        </div>
      </div>
      <div class="score-head" style="margin:4px 0 6px">
        <span class={`big ${low ? 'score-muted-value' : ''}`} data-testid="score-value">
          {official ? (h.value ?? '—') : scoreText(h.value)}
        </span>
        <span class="muted">/ {s.scale.max}</span>
      </div>
      <div class="score-deltas" data-testid="score-deltas">
        <Delta label="较昨日" v={h.deltas.vsYesterday} date={h.deltaDates.yesterday} />
        <Delta label="较 7 天前" v={h.deltas.vs7Days} date={h.deltaDates.week} />
      </div>
      <div class="dims" style="margin-top:8px">
        {h.dims.map((d) => (
          <Dim key={d.id} d={d} official={official} />
        ))}
      </div>
      <div class="score-note" style="margin-top:8px" data-testid="coverage" data-level={s.coverage.level}>
        {official ? (
          <>
            本地估算 <b>{scoreText(est.value)}</b>
            {est.fivePoint !== null ? `（${est.fivePoint.toFixed(1)}）` : ''} ·{' '}
          </>
        ) : null}
        <span
          class={`tag ${s.coverage.level === 'low' ? 'warn' : s.coverage.level === 'full' ? 'good' : ''}`}
        >
          {COVERAGE_LABEL[s.coverage.level]}
        </span>{' '}
        {coverageText(s.coverage)}
        {low && !official ? (
          <div>采集的订单只覆盖窗口的一小部分，估算不代表店铺分数。打开体验分页面可获取官方分数。</div>
        ) : null}
      </div>
    </div>
  );
}
