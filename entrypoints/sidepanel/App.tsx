import { useState } from 'preact/hooks';
import { ProvisionalPrompts } from '@/components/ProvisionalPrompt';
import { StoreSwitcher } from '@/components/StoreSwitcher';
import { useCurrentStore } from '@/components/useCurrentStore';
import { lazyComponent } from '@/components/lazy';
import { PANEL_TABS } from '@/components/panel/tabs';

// The empty state lists every platform's start pages (the adapter registry): loaded only when shown.
const EmptyState = lazyComponent(() => import('@/components/EmptyState').then((m) => m.EmptyState));

export function App() {
  const { stores, store, select, loading, error } = useCurrentStore();
  const initial = new URLSearchParams(location.search).get('tab') ?? PANEL_TABS[0]!.id;
  const [tab, setTab] = useState(initial);
  const active = PANEL_TABS.find((t) => t.id === tab) ?? PANEL_TABS[0]!;
  const Body = active.component;
  return (
    <div class="panel-root">
      <header class="spread" style="padding:10px 12px 6px">
        <h1 style="font-size:15px">
          口碑助手 <small class="en">Koubei</small>
        </h1>
        {stores && <StoreSwitcher stores={stores} value={store?.key} onChange={select} />}
      </header>
      <div style="padding:0 12px">
        <ProvisionalPrompts stores={stores} onDone={select} />
      </div>
      <nav class="tabs" role="tablist">
        {PANEL_TABS.map((t) => (
          <button
            key={t.id}
            role="tab"
            aria-selected={t.id === active.id}
            onClick={() => setTab(t.id)}
            data-tab={t.id}
          >
            {t.label}
          </button>
        ))}
      </nav>
      <section style="padding:12px" role="tabpanel">
        {error ? (
          <div class="error">读取本地数据失败：{String(error)}</div>
        ) : loading ? (
          <div class="muted">加载中…</div>
        ) : !store && !active.storeless ? (
          <EmptyState />
        ) : (
          <Body store={store!} />
        )}
      </section>
    </div>
  );
}
