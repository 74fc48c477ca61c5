import type { DimensionEstimate, Estimate, IndicatorEstimate } from '@/lib/scoring/estimate-types';
import { formatValue } from '@/lib/scoring/format';
import { scoreText, weightText } from '@/lib/score-view/text';
import './score.css';

function Bench(props: { x: IndicatorEstimate }) {
  const b = props.x.benchmark;
  if (!b) return <span class="muted">—</span>;
  return (
    <span title={b.guessed ? '基准为推测（种子数据），可在设置中修改' : '规则原文'}>
      {formatValue(props.x.unit, b.industry)} / {formatValue(props.x.unit, b.excellent)}
      {b.guessed ? '*' : ''}
    </span>
  );
}

function Row(props: { x: IndicatorEstimate }) {
  const x = props.x;
  const info = x.role !== 'scored' && x.weight === 0;
  return (
    <tr class={info ? 'info' : ''} data-indicator={x.id}>
      <td>
        {x.name}
        {info ? <small class="muted">（参考）</small> : null}
        {x.protected ? <span class="tag">小店保护</span> : null}
        {x.numerator !== undefined && x.denominator !== undefined && x.unit === '%' ? (
          <div class="muted" style="font-size:11px">
            {x.numerator} / {x.denominator}
          </div>
        ) : null}
      </td>
      <td class="num">
        {x.display}
        {x.source === 'official' ? (
          <div class="muted" style="font-size:11px">
            后台
          </div>
        ) : null}
      </td>
      <td class="num" data-col="tier">
        {scoreText(x.score)}
      </td>
      <td class="num">
        <Bench x={x} />
      </td>
      <td class="num">{info ? '—' : weightText(x.weight)}</td>
      <td class={`num ${x.lost > 0.005 ? 'lost' : ''}`} data-col="lost">
        {x.lost > 0.005 ? `−${x.lost.toFixed(2)}` : '0'}
      </td>
      <td class="num muted">
        {x.official
          ? `${x.official.value === null ? '无数据' : formatValue(x.unit, x.official.value)}${x.official.score != null ? ` · ${x.official.score}` : ''}`
          : '—'}
      </td>
    </tr>
  );
}

/**
 * Every indicator of the estimate by dimension: value, tier score, industry / excellent benchmark, its
 * share of the dimension and the points it costs the total; the console's own value where captured.
 */
export function IndicatorTable(props: { estimate: Estimate }) {
  const e = props.estimate;
  const head = (d: DimensionEstimate) => (
    <tr key={`h-${d.id}`}>
      <th colSpan={7} style="padding-top:10px;color:var(--fg)">
        {d.name} {scoreText(d.value)}{' '}
        <small class="muted">
          权重 {weightText(d.weight)} · 失分 −{d.lost.toFixed(2)}
        </small>
      </th>
    </tr>
  );
  return (
    <div class="card" style="overflow-x:auto">
      <h3 style="font-size:13px;margin-bottom:4px">
        指标明细{' '}
        <small class="en">
          Indicators · {e.window.from} 至 {e.window.to}
        </small>
      </h3>
      <div class="table-scroll">
        <table class="grid" data-testid="indicator-table">
          <thead>
            <tr>
              <th>指标</th>
              <th class="num">当前值</th>
              <th class="num">档位分</th>
              <th class="num">行业/优秀</th>
              <th class="num">占比</th>
              <th class="num">失分</th>
              <th class="num">后台值</th>
            </tr>
          </thead>
          <tbody>
            {e.dimensions.flatMap((d) => [
              head(d),
              ...e.indicators.filter((x) => x.dimension === d.id).map((x) => <Row key={x.id} x={x} />),
            ])}
          </tbody>
        </table>
      </div>
      <p class="score-note">
        * 基准为推测值（种子数据），可在设置页修改。失分 = (100 − 档位分) × 指标占比 × 维度权重。
      </p>
    </div>
  );
}
