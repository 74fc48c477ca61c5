import type { RecentReview } from '@/lib/headline/schema';
import { Stars } from './Stars';
import { shortTime } from './format';

/** One captured review. All page-derived text is rendered as text (JSX escapes; no HTML sinks). */
export function ReviewItem(props: { r: RecentReview }) {
  const r = props.r;
  const pol =
    r.polarity === 'bad'
      ? ['bad', '差评']
      : r.polarity === 'neutral'
        ? ['warn', '中评']
        : r.polarity === 'good'
          ? ['good', '好评']
          : undefined;
  return (
    <li data-review-key={r.key}>
      <div class="spread">
        <div class="row" style="flex-wrap:wrap">
          {pol && <span class={`tag ${pol[0]}`}>{pol[1]}</span>}
          <span title="商品">
            商品 <Stars value={r.starProduct ?? r.star} />
          </span>
          {r.starLogistics !== undefined && (
            <span>
              物流 <Stars value={r.starLogistics} />
            </span>
          )}
          {r.starService !== undefined && (
            <span>
              服务 <Stars value={r.starService} />
            </span>
          )}
        </div>
        <span class="muted">{shortTime(r.createdAt)}</span>
      </div>
      <div class="text" style="margin-top:6px">
        {r.isDefault && !r.text ? <span class="muted">（默认评价，无文字）</span> : r.text}
      </div>
      {r.appends.map((a, i) => (
        <div key={i} class="append text">
          追评{a.at ? ` · ${shortTime(a.at)}` : ''}：{a.text}
        </div>
      ))}
      {r.replied ? (
        <div class="reply text">
          <span class="tag good">已回复</span> {r.replyText}
        </div>
      ) : (
        <div style="margin-top:6px">
          <span class="tag warn">未回复</span>
        </div>
      )}
      <div class="muted" style="margin-top:6px;font-size:11px">
        {r.productName ?? r.productId ?? ''}
        {r.skuText ? ` · ${r.skuText}` : ''} · 订单 {r.orderId ?? '—'}
        {r.buyerNick ? ` · ${r.buyerNick}` : ''}
        {r.images ? ` · ${r.images} 图` : ''}
        {r.videos ? ` · ${r.videos} 视频` : ''}
      </div>
    </li>
  );
}
