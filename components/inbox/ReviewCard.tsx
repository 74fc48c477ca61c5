/** One review in the inbox: stars, complaint tags, text sentiment, 可疑, countdown, the draft editor. */
import type { Review } from '@/lib/model';
import type { AnnotateContext } from '@/lib/replies/annotate';
import type { ReviewAnnotation } from '@/lib/replies/store';
import type { TemplateWinback } from '@/lib/boards/template-winback';
import type { TextAnalysis } from '@/lib/text/types';
import { shortTime } from '../format';
import { Stars } from '../Stars';
import { countdown } from './deadline';
import { DraftEditor } from './DraftEditor';
import { TagFixer } from './TagFixer';

const SENTIMENT: Record<ReviewAnnotation['sentiment'], [string, string]> = {
  negative: ['bad', '文字负面'],
  neutral: ['', '文字中性'],
  positive: ['good', '文字正面'],
};

export interface ReviewCardProps {
  review: Review;
  annotation: ReviewAnnotation;
  analysis: TextAnalysis;
  ctx: AnnotateContext;
  modelEnabled: boolean;
  winback?: TemplateWinback;
  /** The merchant corrected this review's tags (issue #11). */
  corrected?: boolean;
}

export function ReviewCard({
  review: r,
  annotation: a,
  analysis,
  ctx,
  modelEnabled,
  winback,
  corrected = false,
}: ReviewCardProps) {
  const clock = a.replied ? undefined : countdown(a.deadline, ctx.now);
  const [scls, slabel] = SENTIMENT[a.sentiment];
  return (
    <li data-review-key={r.key} data-testid="inbox-item">
      <div class="spread">
        <div class="row" style="flex-wrap:wrap;gap:4px">
          {a.negative && (
            <span class="tag bad">{r.polarity === 'neutral' || r.star === 3 ? '中评' : '差评'}</span>
          )}
          <Stars value={r.starProduct ?? r.star} label="商品" />
          <TagFixer reviewKey={r.key} categories={analysis.categories} corrected={corrected} />
          <span class={`tag ${scls}`} title="由评价文字判断，不只看星级">
            {slabel}
            {a.mismatch ? '·与星级不符' : ''}
          </span>
          {a.flags.length > 0 && (
            <span class="tag bad" title={a.flags.map((f) => f.message).join('\n')}>
              可疑
            </span>
          )}
        </div>
        <span class="muted" style="white-space:nowrap">
          {shortTime(r.createdAt)}
        </span>
      </div>
      {clock && (
        <div style="margin-top:4px">
          <span class={`tag ${clock[1]}`} data-testid="inbox-clock">
            {clock[0]}
          </span>
        </div>
      )}
      <div class="text" style="margin-top:6px">
        {r.text || <span class="muted">（未填写文字）</span>}
      </div>
      {r.appends.map((x, i) => (
        <div key={i} class="append text">
          追评：{x.text}
        </div>
      ))}
      <div class="muted" style="margin-top:4px;font-size:11px">
        {r.productName ?? r.productId ?? ''} · 订单 {r.orderId ?? '—'}
        {r.buyerNick ? ` · ${r.buyerNick}` : ''}
      </div>
      {a.flags.length > 0 && (
        <ul style="margin:4px 0 0;padding-left:18px;font-size:12px;color:var(--bad)">
          {a.flags.map((f) => (
            <li key={f.code}>{f.message}</li>
          ))}
        </ul>
      )}
      {a.draft && (
        <DraftEditor
          review={r}
          analysis={analysis}
          draft={a.draft}
          ctx={ctx}
          modelEnabled={modelEnabled}
          winback={winback}
        />
      )}
    </li>
  );
}
