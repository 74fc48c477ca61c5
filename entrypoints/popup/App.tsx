import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CaptureSummary } from '@/components/CaptureSummary';
import { ProvisionalPrompts } from '@/components/ProvisionalPrompt';
import { num } from '@/components/format';
import { useLive } from '@/components/hooks';
import { ScoreCard } from '@/components/score/ScoreCard';
import { UrgentCard } from '@/components/score/UrgentCard';
import { useCurrentStore } from '@/components/useCurrentStore';
import { getDb } from '@/lib/db';
import type { Store } from '@/lib/model';
import { sendMessage } from '@/lib/messaging';
import { storeCounts } from '@/lib/queries';
import { latestSnapshot } from '@/lib/score-queries';

/**
 * Chromium-based browsers merchants use (360安全浏览器, QQ浏览器, older Edge) may lack `chrome.sidePanel`:
 * there the same panel opens as an extension tab.
 */
const hasSidePanel = (): boolean => typeof browser.sidePanel?.open === 'function';

async function openSidePanel(tab?: string) {
  const query = tab ? `?tab=${tab}` : '';
  const path = `sidepanel.html${query}`;
  let opened = false;
  if (hasSidePanel()) {
    try {
      const win = await browser.windows.getCurrent();
      if (win.id !== undefined) {
        if (tab) await browser.sidePanel.setOptions({ path });
        await browser.sidePanel.open({ windowId: win.id });
        opened = true;
      }
    } catch {
      opened = false; // a browser that has the API but refuses it: the tab below
    }
  }
  if (!opened) await browser.tabs.create({ url: browser.runtime.getURL(`/sidepanel.html${query}`) });
  window.close();
}

/**
 * A component loaded after first paint. The store switcher and the empty state need the platform
 * registry (every adapter and zod), which would push the popup past its 60 kB initial budget.
 */
function useLater<P>(load: () => Promise<FunctionComponent<P>>): FunctionComponent<P> | undefined {
  const [C, setC] = useState<FunctionComponent<P>>();
  useEffect(() => {
    void load().then((c) => setC(() => c));
  }, []);
  return C;
}

export function App() {
  const { stores, store, select, loading, error } = useCurrentStore();
  const key = store?.key ?? '';
  const counts = useLive(() => (key ? storeCounts(getDb(), key) : Promise.resolve(undefined)), [key]);
  const snapshot = useLive(() => (key ? latestSnapshot(getDb(), key) : Promise.resolve(undefined)), [key]);
  const Switcher = useLater<{ stores: Store[]; value?: string; onChange: (k: string) => void }>(() =>
    import('@/components/StoreSwitcher').then((m) => m.StoreSwitcher),
  );
  const Empty = useLater<object>(() => import('@/components/EmptyState').then((m) => m.EmptyState));

  useEffect(() => {
    void sendMessage('ui-bg/badge-seen').catch(() => undefined);
  }, []);

  const snooze = (alertKey: string) =>
    void sendMessage('ui-bg/snooze-alert', { key: alertKey, hours: 24 }).catch(() => undefined);
  const head = snapshot.data?.head;

  return (
    <main style="width:380px;padding:12px" class="stack">
      <header class="spread">
        <h1 style="font-size:15px">
          口碑助手 <small class="en">Koubei</small>
        </h1>
        {stores && Switcher && <Switcher stores={stores} value={key} onChange={select} />}
      </header>
      <ProvisionalPrompts stores={stores} onDone={select} />
      {error ? (
        <div class="error">
          读取本地数据失败：{String(error)}。请重新打开弹窗；若持续出现，请在设置页导出备份。
        </div>
      ) : loading ? (
        <div class="muted">加载中…</div>
      ) : !store ? (
        Empty ? (
          <Empty />
        ) : null
      ) : (
        <>
          {snapshot.data && head ? (
            <>
              <ScoreCard snapshot={snapshot.data} />
              <UrgentCard
                urgent={head.urgent}
                onSnooze={snooze}
                onOpen={() => void openSidePanel('diagnosis')}
              />
            </>
          ) : (
            <div class="card muted" data-testid="score-pending">
              正在计算评分…（首次采集后几秒内完成）
            </div>
          )}
          <div class="card kpis" data-testid="counts">
            <div>
              评价 <b data-testid="count-reviews">{counts.data ? num(counts.data.reviews) : '…'}</b>
            </div>
            <div>
              订单 <b data-testid="count-orders">{counts.data ? num(counts.data.orders) : '…'}</b>
            </div>
            {head && head.alerts > 0 && (
              <div>
                预警 <b data-testid="count-alerts">{head.alerts}</b>
              </div>
            )}
          </div>
          <CaptureSummary />
          <div class="row">
            {hasSidePanel() ? (
              <button class="primary" data-testid="open-panel" onClick={() => void openSidePanel()}>
                打开侧边栏 <small>Side panel</small>
              </button>
            ) : (
              <button
                class="primary"
                data-testid="open-panel"
                title="此浏览器不支持侧边栏，面板在新标签页中打开"
                onClick={() => void openSidePanel()}
              >
                在新标签页打开面板 <small>Panel</small>
              </button>
            )}
            <a class="btn" href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
              设置
            </a>
          </div>
        </>
      )}
    </main>
  );
}
