import { useState } from 'preact/hooks';
import { InitialHeadline } from '@/components/headline/context';
import { ProvisionalPrompts } from '@/components/ProvisionalPrompt';
import { StoreSwitcher } from '@/components/StoreSwitcher';
import { SwitcherSpace } from '@/components/SwitcherSpace';
import { useCurrentStore } from '@/components/useCurrentStore';
import { lazyComponent } from '@/components/lazy';
import { OverviewHead } from '@/components/panel/OverviewHead';
import { PanelFrame, tabFromUrl } from '@/components/panel/PanelFrame';
import { PANEL_TABS } from '@/components/panel/tabs';
import { ReviewsView } from '@/components/panel/ReviewsView';
import type { StoreHeadline } from '@/lib/headline/schema';

// The empty state lists every platform's start pages (the adapter registry): loaded only when shown.
const EmptyState = lazyComponent(() => import('@/components/EmptyState').then((m) => m.EmptyState));

/**
 * The full side panel. `initial`: the stored headline main.tsx painted first (issue #15); 概览 and 评价
 * keep showing it until the store list and their own queries answer.
 */
export function App(props: { initial?: StoreHeadline }) {
  const { stores, store, select, loading, error } = useCurrentStore();
  const [tab, setTab] = useState(() => tabFromUrl(location.search).id);
  const active = PANEL_TABS.find((t) => t.id === tab) ?? PANEL_TABS[0]!;
  const Body = active.component;
  // What the first paint drew for this tab (main.tsx), kept until the store list answers.
  const seed =
    active.id === 'overview' && props.initial?.card
      ? props.initial
      : active.id === 'reviews' && props.initial?.recent?.length
        ? props.initial
        : undefined;
  return (
    <InitialHeadline.Provider value={props.initial}>
      <PanelFrame
        active={active.id}
        onTab={setTab}
        notice={<ProvisionalPrompts stores={stores} onDone={select} />}
        switcher={
          stores ? (
            <StoreSwitcher stores={stores} value={store?.key} onChange={select} />
          ) : seed ? (
            <SwitcherSpace />
          ) : undefined
        }
      >
        {error ? (
          <div class="error">读取本地数据失败：{String(error)}</div>
        ) : loading ? (
          seed?.card && active.id === 'overview' ? (
            <div class="stack">
              <OverviewHead card={seed.card} counts={seed.counts} />
            </div>
          ) : seed?.recent ? (
            <ReviewsView filter="all" reviews={seed.recent} />
          ) : (
            <div class="muted">加载中…</div>
          )
        ) : !store && !active.storeless ? (
          <EmptyState />
        ) : (
          <Body store={store!} />
        )}
      </PanelFrame>
    </InitialHeadline.Provider>
  );
}
