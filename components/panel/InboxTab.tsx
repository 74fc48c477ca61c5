/** 回复: the review inbox — unreplied 中差评 first, tags, sentiment, countdown and a checked draft each. */
import { useEffect, useState } from 'preact/hooks';
import { sendMessage } from '@/lib/messaging';
import type { Store } from '@/lib/model';
import { ReviewCard } from '../inbox/ReviewCard';
import { useInbox } from '../inbox/useInbox';
import { useModelEnabled, useReplyContext } from '../inbox/useReplyContext';
import { useTemplateWinback } from '../inbox/useTemplateWinback';

const FILTERS: [boolean, string][] = [
  [true, '待回复中差评'],
  [false, '全部未回复'],
];

export function InboxTab(props: { store: Store }) {
  const [negativeOnly, setNegativeOnly] = useState(true);
  const [limit, setLimit] = useState(30);
  const ctx = useReplyContext();
  const modelEnabled = useModelEnabled();
  const inbox = useInbox(props.store.key, negativeOnly, limit, ctx);
  const winback = useTemplateWinback(props.store.key, ctx?.templates, ctx?.now ?? 0);
  // 可疑 flags are recomputed in the background when the store's reviews changed.
  useEffect(() => {
    void sendMessage('ui-bg/refresh-flags', { storeKey: props.store.key }).catch(() => undefined);
  }, [props.store.key]);
  const overdue = inbox.rows?.filter((r) => r.annotation.deadline.status === 'overdue').length ?? 0;
  return (
    <div class="stack" data-testid="inbox">
      <div class="row">
        {FILTERS.map(([neg, label]) => (
          <button
            key={label}
            class={neg === negativeOnly ? 'primary' : ''}
            onClick={() => (setNegativeOnly(neg), setLimit(30))}
          >
            {label}
          </button>
        ))}
      </div>
      {inbox.rows && inbox.rows.length > 0 && (
        <div class="muted" data-testid="inbox-summary">
          {inbox.rows.length}
          {inbox.more ? '+' : ''} 条待回复
          {overdue > 0 && <span style="color:var(--bad)">，{overdue} 条已超过店铺响应时限</span>}
        </div>
      )}
      {inbox.error ? (
        <div class="error">读取失败：{String(inbox.error)}</div>
      ) : !inbox.rows || !ctx ? (
        <div class="muted">加载中…</div>
      ) : inbox.rows.length === 0 ? (
        <div class="empty">没有待回复的评价。浏览控制台的评价管理页面，新评价会自动出现在这里。</div>
      ) : (
        <>
          <ul class="list">
            {inbox.rows.map((row) => (
              <ReviewCard
                key={row.review.key}
                {...row}
                ctx={ctx}
                modelEnabled={modelEnabled}
                winback={winback}
              />
            ))}
          </ul>
          {inbox.more && <button onClick={() => setLimit(limit + 30)}>加载更多</button>}
        </>
      )}
    </div>
  );
}
