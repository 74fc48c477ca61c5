import type { OfficialScore, ScoreDimension } from '@/lib/model';
import { pct } from './format';

const DIM_ORDER = ['product', 'logistics', 'service'] as const;

function Dim(props: { d?: ScoreDimension; name: string }) {
  const v = props.d?.value;
  return (
    <div class="dim" data-dim={props.d?.id}>
      <div class="muted">{props.name}</div>
      <div class="v">{v ?? '—'}</div>
      <div class="muted" style="font-size:11px">
        权重 {pct(props.d?.weight)}
      </div>
      <div class="bar">
        <i style={{ width: `${v === undefined ? 0 : Math.max(0, Math.min(100, ((v - 50) / 50) * 100))}%` }} />
      </div>
    </div>
  );
}

/** The score exactly as the console reported it, with its date and the previous capture for Δ. */
export function OfficialScoreCard(props: {
  label: string;
  latest?: OfficialScore;
  previous?: OfficialScore;
}) {
  const s = props.latest;
  if (!s) {
    return (
      <div class="card">
        <div class="muted">{props.label} · 尚未采集</div>
        <p style="margin:6px 0 0">打开控制台的体验分页面，口碑助手会保存当天的官方分数。</p>
      </div>
    );
  }
  const delta =
    s.value != null && props.previous?.value != null
      ? Math.round((s.value - props.previous.value) * 100) / 100
      : undefined;
  const names: Record<string, string> = { product: '商品体验', logistics: '物流体验', service: '服务体验' };
  const deduction = s.dimensions.find((d) => d.id === 'deduction');
  return (
    <div class="card" data-testid="official-score">
      <div class="spread">
        <div class="muted">
          {props.label} <span class="tag">官方 · {s.date}</span>
        </div>
        {s.fivePoint != null && (
          <div>
            消费者评分 <b data-testid="five-point">{s.fivePoint.toFixed(1)}</b>
          </div>
        )}
      </div>
      <div class="row" style="margin:8px 0">
        <span class="big" data-testid="score-value">
          {s.value ?? '—'}
        </span>
        <span class="muted">/ {s.scaleMax}</span>
        {delta !== undefined && delta !== 0 && (
          <span class={`delta ${delta > 0 ? 'up' : 'down'}`}>
            {delta > 0 ? '▲' : '▼'} {Math.abs(delta)}（较 {props.previous!.date}）
          </span>
        )}
      </div>
      <div class="dims">
        {DIM_ORDER.map((id) => (
          <Dim key={id} name={names[id]!} d={s.dimensions.find((d) => d.id === id)} />
        ))}
      </div>
      {deduction?.value ? (
        <div class="tag bad" style="margin-top:8px">
          差行为扣分 −{deduction.value}
        </div>
      ) : null}
    </div>
  );
}
