import type { RecentReview } from '@/lib/headline/schema';
import { ReviewItem } from '../ReviewItem';

/** The 评价 tab's filters (ids and labels; lib/queries.ts filters in ReviewsTab). */
export const REVIEW_FILTERS: readonly (readonly [string, string])[] = [
  ['all', '全部'],
  ['negative', '中差评'],
  ['unreplied', '未回复中差评'],
];

/**
 * The 评价 tab's markup: filter buttons and the review list. No Dexie here: the side panel's first paint
 * (entrypoints/sidepanel/main.tsx) draws it from the stored headline's newest reviews, and ReviewsTab
 * from its live query, so the hand-over keeps the same rows in the same places.
 */
export function ReviewsView(props: {
  filter: string;
  onFilter?: (id: string) => void;
  /** undefined while loading. */
  reviews: readonly RecentReview[] | undefined;
  error?: unknown;
  /** Shown as 加载更多 when set. */
  onMore?: () => void;
}) {
  const { reviews } = props;
  return (
    <div class="stack">
      <div class="row">
        {REVIEW_FILTERS.map(([id, label]) => (
          <button key={id} class={id === props.filter ? 'primary' : ''} onClick={() => props.onFilter?.(id)}>
            {label}
          </button>
        ))}
      </div>
      {props.error ? (
        <div class="error">读取失败：{String(props.error)}</div>
      ) : !reviews ? (
        <div class="muted">加载中…</div>
      ) : reviews.length === 0 ? (
        <div class="empty">没有符合条件的评价。浏览控制台的评价管理页面，新评价会自动出现在这里。</div>
      ) : (
        <>
          <ul class="list" data-testid="review-list">
            {reviews.map((r) => (
              <ReviewItem key={r.key} r={r} />
            ))}
          </ul>
          {props.onMore && <button onClick={props.onMore}>加载更多</button>}
        </>
      )}
    </div>
  );
}
