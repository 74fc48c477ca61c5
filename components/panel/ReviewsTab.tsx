import { useContext, useState } from 'preact/hooks';
import { InitialHeadline } from '@/components/headline/context';
import { getDb } from '@/lib/db';
import type { Store } from '@/lib/model';
import type { ReviewFilter } from '@/lib/queries';
import { listReviews } from '@/lib/queries';
import { useLive } from '../hooks';
import { ReviewsView } from './ReviewsView';

const FILTERS: Record<string, ReviewFilter> = {
  all: {},
  negative: { negativeOnly: true },
  unreplied: { negativeOnly: true, unrepliedOnly: true },
};

/**
 * Newest-first captured reviews, 50 at a time. Until the first query answers, the 全部 list shows the
 * newest reviews of the stored headline the page painted first (issue #15), so nothing blinks.
 */
export function ReviewsTab(props: { store: Store }) {
  const [filter, setFilter] = useState('all');
  const [limit, setLimit] = useState(50);
  const list = useLive(
    () => listReviews(getDb(), props.store.key, { ...FILTERS[filter], limit }),
    [props.store.key, filter, limit],
  );
  const initial = useContext(InitialHeadline);
  const seed =
    filter === 'all' && initial?.storeKey === props.store.key && list.loading && !list.data
      ? initial.recent
      : undefined;
  const reviews = list.data ?? seed;
  return (
    <ReviewsView
      filter={filter}
      onFilter={(id) => (setFilter(id), setLimit(50))}
      reviews={reviews}
      error={list.error}
      onMore={list.data && list.data.length >= limit ? () => setLimit(limit + 50) : undefined}
    />
  );
}
