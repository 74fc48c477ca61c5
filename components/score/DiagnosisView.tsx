import type { Order, Review } from '@/lib/model';
import type { RangeAnalysis } from '@/lib/score-view/analysis';
import { scoreText, signedText, weightText } from '@/lib/score-view/text';
import { RecordGroups } from './RecordGroups';
import './score.css';

const pts = (v: number) => (
  <span class={v < -0.005 ? 'lost' : v > 0.005 ? 'gain' : 'muted'}>{signedText(v, 2)}</span>
);

/**
 * Why the score moved between two dates: the sentence, Δ per dimension and indicator (the console's own
 * where both dates were captured), the causes with the records that entered or left the window.
 */
export function DiagnosisView(props: { analysis: RangeAnalysis; byKey: Map<string, Review | Order> }) {
  const { diagnosis: d, before, after, basis } = props.analysis;
  const moved = d.indicators
    .filter((x) => Math.abs(x.deltaPoints) >= 0.01 || x.scoreBefore !== x.scoreAfter)
    .sort((a, b) => a.deltaPoints - b.deltaPoints);
  const causes = d.causes.filter(
    (c) => c.entered.length > 0 || c.left.length > 0 || Math.abs(c.points) > 0.005,
  );
  return (
    <div class="stack" data-testid="diagnosis" data-main-cause={d.mainCause ?? ''}>
      <div class="card">
        <div class="spread">
          <span class="muted">
            {d.from} → {d.to}
          </span>
          <span class={`tag ${basis === 'official' ? 'good' : 'est'}`}>
            {basis === 'official' ? '官方分数变化 + 本地记录' : '本地估算'}
          </span>
        </div>
        <p class="summary" data-testid="diagnosis-summary" style="margin:6px 0">
          {d.summary}
        </p>
        <div class="row" style="flex-wrap:wrap">
          {basis === 'official' && (
            <span>
              官方 {props.analysis.officialBefore?.value} → <b>{props.analysis.officialAfter?.value}</b>（
              {d.delta === null ? '—' : signedText(d.delta, 2)}
              {d.deltaFivePoint !== null ? `，消费者评分 ${signedText(d.deltaFivePoint, 1)}` : ''}）
            </span>
          )}
          <span class="muted">
            估算 {scoreText(before.value)} → {scoreText(after.value)}
          </span>
        </div>
      </div>

      <div class="card">
        <h3 style="font-size:13px">
          维度与指标 <small class="en">Dimensions & indicators (weighted points)</small>
        </h3>
        <table class="grid" data-testid="diagnosis-dimensions">
          <thead>
            <tr>
              <th>维度</th>
              <th class="num">之前</th>
              <th class="num">之后</th>
              <th class="num">权重</th>
              <th class="num">对总分</th>
            </tr>
          </thead>
          <tbody>
            {d.dimensions.map((x) => (
              <tr key={x.id} data-dim={x.id}>
                <td>{x.name}</td>
                <td class="num">{scoreText(x.before)}</td>
                <td class="num">{scoreText(x.after)}</td>
                <td class="num">{weightText(x.weight)}</td>
                <td class="num">{pts(x.deltaPoints)}</td>
              </tr>
            ))}
            {moved.map((x) => (
              <tr key={`i-${x.id}`} class="info" data-indicator={x.id}>
                <td style="padding-left:16px">
                  {x.name}
                  {x.tiered && x.scoreBefore !== x.scoreAfter ? (
                    <small>
                      {' '}
                      档位 {x.scoreBefore ?? '—'} → {x.scoreAfter ?? '—'}
                    </small>
                  ) : null}
                </td>
                <td class="num">{x.before}</td>
                <td class="num">{x.after}</td>
                <td />
                <td class="num">{pts(x.deltaPoints)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div class="stack" data-testid="diagnosis-causes">
        {causes.length === 0 && <div class="card muted">这段时间没有新进入或移出窗口的扣分记录。</div>}
        {causes.map((c) => (
          <div
            key={c.cause}
            class={`card cause ${c.cause === d.mainCause ? 'main' : ''}`}
            data-cause={c.cause}
            data-testid={c.cause === d.mainCause ? 'main-cause' : undefined}
          >
            <div class="spread">
              <b>
                {c.cause === d.mainCause ? '主因：' : ''}
                {c.label}
              </b>
              <span>
                {pts(c.points)} 分 <small class="muted">（估算归因）</small>
              </span>
            </div>
            <div class="muted" style="font-size:12px">
              新进入窗口 {c.entered.length} 条（订单 {c.entered.filter((r) => r.kind === 'order').length}
              ，评价 {c.entered.filter((r) => r.kind === 'review').length}） · 移出窗口 {c.left.length} 条
            </div>
            {c.entered.length > 0 && <RecordGroups records={c.entered} byKey={props.byKey} />}
          </div>
        ))}
      </div>
    </div>
  );
}
