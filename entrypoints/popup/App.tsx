import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { CaptureSummary } from '@/components/CaptureSummary';
import { ProvisionalPrompts } from '@/components/ProvisionalPrompt';
import { useLive } from '@/components/hooks';
import { PopupFrame, PopupStore } from '@/components/popup/PopupBody';
import { SwitcherSpace } from '@/components/SwitcherSpace';
import { useCurrentStore } from '@/components/useCurrentStore';
import { getDb } from '@/lib/db';
import type { StoreHeadline } from '@/lib/headline/schema';
import type { Store } from '@/lib/model';
import { sendMessage } from '@/lib/messaging';
import { storeCounts } from '@/lib/queries';
import { latestSnapshot } from '@/lib/score-queries';

/**
 * A component loaded after first paint. The store switcher and the empty state need the platform
 * registry (every adapter and zod), which would make this chunk, and so the hand-over, slower.
 */
function useLater<P>(load: () => Promise<FunctionComponent<P>>): FunctionComponent<P> | undefined {
  const [C, setC] = useState<FunctionComponent<P>>();
  useEffect(() => {
    void load().then((c) => setC(() => c));
  }, []);
  return C;
}

/**
 * The full popup (live Dexie queries). `initial`: the stored headline main.tsx painted first (issue #15);
 * its values stay on screen until the live queries answer, so the hand-over does not flash "加载中".
 */
export function App(props: { initial?: StoreHeadline }) {
  const { stores, store, select, loading, error } = useCurrentStore();
  const initial = props.initial;
  // Before the store list is read, the headline's store (the one the list will pick) is queried already.
  const key = store?.key ?? (loading ? (initial?.storeKey ?? '') : '');
  // The popup paints a headline with a score card only (main.tsx); one with only reviews is not used here.
  const seed = initial?.card && initial.storeKey === key ? initial : undefined;
  const counts = useLive(() => (key ? storeCounts(getDb(), key) : Promise.resolve(undefined)), [key]);
  const snapshot = useLive(() => (key ? latestSnapshot(getDb(), key) : Promise.resolve(undefined)), [key]);
  const Switcher = useLater<{ stores: Store[]; value?: string; onChange: (k: string) => void }>(() =>
    import('@/components/StoreSwitcher').then((m) => m.StoreSwitcher),
  );
  const Empty = useLater<object>(() => import('@/components/EmptyState').then((m) => m.EmptyState));

  useEffect(() => {
    void sendMessage('ui-bg/badge-seen').catch(() => undefined);
  }, []);

  const card = snapshot.data ?? (snapshot.loading ? seed?.card : undefined);
  const shown = counts.data ?? (counts.loading ? seed?.counts : undefined);

  return (
    <PopupFrame
      switcher={
        stores && Switcher ? (
          <Switcher stores={stores} value={key} onChange={select} />
        ) : seed || (stores && stores.length > 0) ? (
          <SwitcherSpace />
        ) : undefined
      }
    >
      <ProvisionalPrompts stores={stores} onDone={select} />
      {error ? (
        <div class="error">
          读取本地数据失败：{String(error)}。请重新打开弹窗；若持续出现，请在设置页导出备份。
        </div>
      ) : loading && !seed ? (
        <div class="muted">加载中…</div>
      ) : !store && !loading ? (
        Empty ? (
          <Empty />
        ) : null
      ) : (
        <PopupStore card={card} counts={shown} captureSummary={<CaptureSummary />} />
      )}
    </PopupFrame>
  );
}
