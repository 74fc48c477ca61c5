import type { CardSnapshot, SnapDim } from '@/lib/score-view/types';
import { COVERAGE_LABEL, coverageText, scoreText, signedText, weightText } from '@/lib/score-view/text';
import { now } from '@/lib/clock';
import { DAY_MS, dayKey, dayStart } from '@/lib/keys';
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
      {/* At 320–360 px the line wraps between the weight and its source, never inside either. */}
      <div class="muted" style="font-size:11px">
        <span class="nowrap">权重 {weightText(props.d.weight)}</span>
        {guessed && <span class="nowrap">{guessed}</span>}
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

const ageDays = (date: string, today: string): number =>
  Math.round((dayStart(today) - dayStart(date)) / DAY_MS);

/** "今天" / "昨天" / "13 天前": how old the console's data date is on `today`. */
export function ageText(date: string, today: string): string {
  const days = ageDays(date, today);
  return days <= 0 ? '今天' : days === 1 ? '昨天' : `${days} 天前`;
}

/**
 * The headline score. What the merchant saw leads: the console's latest captured score always shows
 * first, labelled 官方 with its date and age ("官方 · 11-22 更新，13 天前"); when it is older than the
 * console's refresh cycle our estimate shows beside it, never instead of it. Without any official score
 * the estimate heads (labelled 估算, greyed with its coverage when it stands on too little data), and an
 * estimate with no records in its window shows no number at all.
 */
export function ScoreCard(props: { snapshot: CardSnapshot; today?: string }) {
  const s = props.snapshot;
  const computed = s.head?.headline;
  if (!computed) return null;
  const today = props.today ?? dayKey(now());
  const h = computed.source === 'official' ? computed : (s.head?.official ?? computed);
  const official = h.source === 'official';
  const stale = official && h !== computed;
  const est = s.estimate;
  const empty = est.paidOrders + est.reviews === 0;
  const low = !official && h.lowCoverage;
  const muted = low || (!official && empty);
  return (
    <div class="card" data-testid={official ? 'official-score' : 'estimate-score'} data-source={h.source}>
      <div class="spread">
        <div class="muted">
          {s.label}{' '}
          {official ? (
            <span
              class={`tag ${stale ? 'warn' : 'good'}`}
              data-testid="official-date"
              data-date={h.date}
              data-stale={stale ? 'true' : 'false'}
            >
              官方 · {h.date.slice(5)} 更新，{ageText(h.date, today)}
            </span>
          ) : (
            <span class={`tag ${muted ? 'warn' : 'est'}`} data-testid="estimate-label">
              估算 · {h.date}
              {low && !empty ? ' · 低覆盖' : ''}
            </span>
          )}
        </div>
        <div class="score-five">
          <div class="muted" style="font-size:11px">
            消费者评分
          </div>
          <b data-testid="five-point" class={muted ? 'score-muted-value' : ''}>
            {h.fivePoint === null || (!official && empty) ? '—' : h.fivePoint.toFixed(1)}
          </b>
        </div>
      </div>
      <div class="score-head" style="margin:4px 0 6px">
        {!official && empty ? (
          <span class="score-empty" data-testid="estimate-empty">
            还没有足够的记录
          </span>
        ) : (
          <>
            <span class={`big ${muted ? 'score-muted-value' : ''}`} data-testid="score-value">
              {official ? (h.value ?? '—') : scoreText(h.value)}
            </span>
            <span class="muted">/ {s.scale.max}</span>
          </>
        )}
      </div>
      {!official && empty ? null : (
        <>
          <div class="score-deltas" data-testid="score-deltas">
            <Delta label="较昨日" v={h.deltas.vsYesterday} date={h.deltaDates.yesterday} />
            <Delta label="较 7 天前" v={h.deltas.vs7Days} date={h.deltaDates.week} />
          </div>
          <div class="dims" style="margin-top:8px">
            {h.dims.map((d) => (
              <Dim key={d.id} d={d} official={official} />
            ))}
          </div>
        </>
      )}
      {stale ? (
        <div class="score-note warn-note" style="margin-top:8px" data-testid="stale-official">
          官方分数已 {ageDays(h.date, today)} 天未更新（体验分页面每天更新）。打开体验分页面即可刷新。
        </div>
      ) : null}
      <div class="score-note" style="margin-top:8px" data-testid="coverage" data-level={s.coverage.level}>
        {official ? (
          <span data-testid="estimate-beside">
            本地估算{' '}
            {empty ? (
              '还没有足够的记录'
            ) : (
              <>
                <b>{scoreText(est.value)}</b>
                {est.fivePoint !== null ? `（${est.fivePoint.toFixed(1)}）` : ''}
              </>
            )}{' '}
            ·{' '}
          </span>
        ) : null}
        <span
          class={`tag ${s.coverage.level === 'low' ? 'warn' : s.coverage.level === 'full' ? 'good' : ''}`}
        >
          {COVERAGE_LABEL[s.coverage.level]}
        </span>{' '}
        {coverageText(s.coverage)}
        {!official && empty ? (
          <div>浏览订单管理和评价管理页面后会自动估算；打开体验分页面可直接获取官方分数。</div>
        ) : low && !official ? (
          <div>采集的订单只覆盖窗口的一小部分，估算不代表店铺分数。打开体验分页面可获取官方分数。</div>
        ) : null}
      </div>
    </div>
  );
}
