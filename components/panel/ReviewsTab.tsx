import { useState } from 'preact/hooks';
import { getDb } from '@/lib/db';
import type { Store } from '@/lib/model';
import type { ReviewFilter } from '@/lib/queries';
import { listReviews } from '@/lib/queries';
import { ReviewItem } from '../ReviewItem';
import { useLive } from '../hooks';

const FILTERS: [string, string, ReviewFilter][] = [
  ['all', '全部', {}],
  ['negative', '中差评', { negativeOnly: true }],
  ['unreplied', '未回复中差评', { negativeOnly: true, unrepliedOnly: true }],
];

/** Newest-first captured reviews, 50 at a time. */
export function ReviewsTab(props: { store: Store }) {
  const [filter, setFilter] = useState('all');
  const [limit, setLimit] = useState(50);
  const f = FILTERS.find((x) => x[0] === filter)![2];
  const list = useLive(
    () => listReviews(getDb(), props.store.key, { ...f, limit }),
    [props.store.key, filter, limit],
  );
  return (
    <div class="stack">
      <div class="row">
        {FILTERS.map(([id, label]) => (
          <button
            key={id}
            class={id === filter ? 'primary' : ''}
            onClick={() => (setFilter(id), setLimit(50))}
          >
            {label}
          </button>
        ))}
      </div>
      {list.error ? (
        <div class="error">读取失败：{String(list.error)}</div>
      ) : !list.data ? (
        <div class="muted">加载中…</div>
      ) : list.data.length === 0 ? (
        <div class="empty">没有符合条件的评价。浏览控制台的评价管理页面，新评价会自动出现在这里。</div>
      ) : (
        <>
          <ul class="list" data-testid="review-list">
            {list.data.map((r) => (
              <ReviewItem key={r.key} r={r} />
            ))}
          </ul>
          {list.data.length >= limit && <button onClick={() => setLimit(limit + 50)}>加载更多</button>}
        </>
      )}
    </div>
  );
}
