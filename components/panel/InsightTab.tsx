/** 洞察: negative keyword clusters per dimension, and suspicious reviews with their appeal packs. */
import { useState } from 'preact/hooks';
import type { Store } from '@/lib/model';
import { ClustersView } from '../inbox/ClustersView';
import { SuspiciousView } from '../inbox/SuspiciousView';
import { SegmentedTabs } from '../SegmentedTabs';

const VIEWS = [
  ['clusters', '差评聚类'],
  ['suspicious', '可疑评价'],
] as const;

export function InsightTab(props: { store: Store }) {
  const initial =
    new URLSearchParams(location.search).get('view') === 'suspicious' ? 'suspicious' : 'clusters';
  const [view, setView] = useState<'clusters' | 'suspicious'>(initial);
  return (
    <div class="stack">
      <SegmentedTabs items={VIEWS} value={view} onChange={setView} />
      {view === 'clusters' ? <ClustersView store={props.store} /> : <SuspiciousView store={props.store} />}
    </div>
  );
}
