/** 差评挽回: per negative review its reply time and outcome; 挽回率 by category and reply speed vs the guides. */
import { useMemo } from 'preact/hooks';
import { OUTCOME_LABEL, SPEED_LABEL, winbackBoard, type RateRow } from '@/lib/boards/winback';
import type { Review } from '@/lib/model';
import { analyzeReview } from '@/lib/text/analyze';
import { CATEGORY_LABEL } from '@/lib/text/types';
import { MIN_TEMPLATE_SAMPLE, templateWinback, type TemplateWinRow } from '@/lib/boards/template-winback';
import type { ReplyTemplate } from '@/lib/replies/types';
import { shortTime } from '../format';
import { useReplyContext } from '../inbox/useReplyContext';
import { kindAppend, templateName } from '../inbox/useTemplateWinback';
import { pct } from './useBoardData';

const deps = {
  categorize: (r: Review) => analyzeReview(r).categories,
  kindAppend,
};

/** Which reply templates win back most: replies sent, won back and 挽回率 per 话术 the reply came from. */
function TemplateTable(props: {
  reviews: readonly Review[];
  templates: readonly ReplyTemplate[];
  now: number;
}) {
  const s = useMemo(
    () => templateWinback(props.reviews, props.templates, props.now, kindAppend),
    [props.reviews, props.templates, props.now],
  );
  const line = (r: TemplateWinRow, name: string, title?: string) => (
    <tr key={r.id} data-template={r.id} data-sent={r.sent} data-won={r.wonBack} data-enough={r.enough}>
      <td title={title}>{name}</td>
      <td class="num">
        {r.sent}
        {r.settling ? <span class="muted">（+{r.settling} 观察中）</span> : null}
      </td>
      <td class="num">{r.wonBack}</td>
      <td class={`num ${r.enough ? '' : 'muted'}`}>
        {pct(r.rate, 0)}
        {r.sent > 0 && !r.enough ? ' *' : ''}
      </td>
    </tr>
  );
  if (!s.rows.length && !s.other.sent && !s.other.settling)
    return <div class="muted note">还没有采集到带回复内容的差评，无法按话术统计。</div>;
  return (
    <div class="stack">
      <b>哪些回复话术挽回最多</b>
      <table class="grid" data-testid="winback-by-template">
        <thead>
          <tr>
            <th>话术</th>
            <th class="num">已回复</th>
            <th class="num">挽回</th>
            <th class="num">挽回率</th>
          </tr>
        </thead>
        <tbody>
          {s.rows.map((r) => line(r, templateName(r.template!), r.template!.text))}
          {(s.other.sent > 0 || s.other.settling > 0) && line(s.other, '其他回复（改写过或非模板）')}
        </tbody>
      </table>
      <div class="muted note">
        按后台显示的回复内容归到话术（称呼、商品、问题、补救可不同）。* 样本少于 {MIN_TEMPLATE_SAMPLE}{' '}
        条，仅供参考，排在后面。
        {s.withoutText > 0 ? ` ${s.withoutText} 条已回复差评的回复内容没有采集到，未计入。` : ''}
      </div>
    </div>
  );
}

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
  const ctx = useReplyContext();
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
      {ctx && <TemplateTable reviews={props.reviews} templates={ctx.templates} now={props.now} />}
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
