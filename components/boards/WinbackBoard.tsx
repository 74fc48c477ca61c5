/** 差评挽回: per negative review its reply time and outcome; 挽回率 by category and reply speed vs the guides. */
import { useMemo } from 'preact/hooks';
import { OUTCOME_LABEL, SPEED_LABEL, winbackBoard, type RateRow } from '@/lib/boards/winback';
import type { Review } from '@/lib/model';
import { analyzeReview, analyzeText } from '@/lib/text/analyze';
import { CATEGORY_LABEL } from '@/lib/text/types';
import { shortTime } from '../format';
import { pct } from './useBoardData';

const deps = {
  categorize: (r: Review) => analyzeReview(r).categories,
  kindAppend: (t: string) => {
    const a = analyzeText(t);
    return a.sentiment.score > 0 && a.categories.length === 0;
  },
};

function hours(ms: number | undefined): string {
  if (ms === undefined) return '未回复';
  const h = ms / 3_600_000;
  return h < 1 ? `${Math.max(1, Math.round(h * 60))} 分钟` : `${h.toFixed(1)} 小时`;
}

function RateTable<K extends string>(props: {
  title: string;
  rows: RateRow<K>[];
  label: (k: K) => string;
  testid: string;
}) {
  return (
    <table class="grid" data-testid={props.testid}>
      <thead>
        <tr>
          <th>{props.title}</th>
          <th class="num">差评</th>
          <th class="num">挽回</th>
          <th class="num">挽回率</th>
          <th class="num">指南</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr key={r.key} data-key={r.key} data-rate={r.rate ?? ''}>
            <td>{props.label(r.key)}</td>
            <td class="num">{r.reviews}</td>
            <td class="num">{r.wonBack}</td>
            <td
              class={`num ${r.guide !== undefined && r.rate !== undefined ? (r.rate >= r.guide ? 'grade-excellent' : 'grade-below') : ''}`}
            >
              {pct(r.rate, 0)}
            </td>
            <td class="num muted">{r.guide === undefined ? '' : pct(r.guide, 0)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function WinbackBoardView(props: { reviews: readonly Review[]; now: number }) {
  const board = useMemo(() => winbackBoard(props.reviews, props.now, deps), [props.reviews, props.now]);
  if (!board.rows.length) return <div class="card muted">这段时间没有差评。</div>;
  return (
    <div class="stack" data-testid="winback-board">
      <div class="card kpis">
        <span>
          差评 <b>{board.total.reviews}</b>
        </span>
        <span>
          已挽回 <b data-testid="winback-total">{board.total.wonBack}</b>
        </span>
        <span>
          挽回率 <b>{pct(board.total.rate, 0)}</b>
        </span>
        <span>
          申诉 成功 {board.appeals.accepted} / 驳回 {board.appeals.rejected} / 审核中 {board.appeals.pending}
        </span>
      </div>
      <RateTable
        title="差评类别"
        rows={board.byCategory}
        label={(k) => CATEGORY_LABEL[k]}
        testid="winback-by-category"
      />
      <RateTable
        title="回复速度"
        rows={board.bySpeed}
        label={(k) => SPEED_LABEL[k]}
        testid="winback-by-speed"
      />
      <div class="muted note">
        挽回 = 买家改评、追加好的追评，或评价已从后台消失；近 3
        天的差评还在观察期，不计入比率。改评与消失需要您再次打开评价列表（或“采集全部”）才能看到。
      </div>
      <table class="grid" data-testid="winback-rows">
        <thead>
          <tr>
            <th>时间</th>
            <th>商品</th>
            <th>类别</th>
            <th>回复用时</th>
            <th>结果</th>
          </tr>
        </thead>
        <tbody>
          {board.rows.slice(0, 100).map((r) => (
            <tr key={r.review.key} data-key={r.review.key} data-outcome={r.outcome}>
              <td>{shortTime(r.review.createdAt)}</td>
              <td>{r.review.productName ?? r.review.productId ?? '—'}</td>
              <td>{CATEGORY_LABEL[r.category]}</td>
              <td>{hours(r.replyDelayMs)}</td>
              <td class={r.wonBack ? 'grade-excellent' : ''}>
                {OUTCOME_LABEL[r.outcome]}
                {r.settling ? '（观察中）' : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
