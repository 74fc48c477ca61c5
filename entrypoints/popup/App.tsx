import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CaptureSummary } from '@/components/CaptureSummary';
import { EmptyState } from '@/components/EmptyState';
import { OfficialScoreCard } from '@/components/OfficialScoreCard';
import { StoreSwitcher } from '@/components/StoreSwitcher';
import { num } from '@/components/format';
import { useLive } from '@/components/hooks';
import { useCurrentStore } from '@/components/useCurrentStore';
import { getDb } from '@/lib/db';
import { sendMessage } from '@/lib/messaging';
import { MAIN_SCORE } from '@/lib/platforms/index';
import { latestOfficial, storeCounts } from '@/lib/queries';

async function openSidePanel() {
  const win = await browser.windows.getCurrent();
  if (win.id !== undefined) await browser.sidePanel.open({ windowId: win.id });
  window.close();
}

export function App() {
  const { stores, store, select, loading, error } = useCurrentStore();
  const key = store?.key ?? '';
  const counts = useLive(() => (key ? storeCounts(getDb(), key) : Promise.resolve(undefined)), [key]);
  const main = store ? MAIN_SCORE[store.platform] : undefined;
  const official = useLive(
    () => (key && main ? latestOfficial(getDb(), key, main.kind) : Promise.resolve([])),
    [key],
  );

  useEffect(() => {
    void sendMessage('ui-bg/badge-seen').catch(() => undefined);
  }, []);

  return (
    <main style="width:380px;padding:12px" class="stack">
      <header class="spread">
        <h1 style="font-size:15px">
          口碑助手 <small class="en">Koubei</small>
        </h1>
        {stores && <StoreSwitcher stores={stores} value={key} onChange={select} />}
      </header>
      {error ? (
        <div class="error">
          读取本地数据失败：{String(error)}。请重新打开弹窗；若持续出现，请在设置页导出备份。
        </div>
      ) : loading ? (
        <div class="muted">加载中…</div>
      ) : !store ? (
        <EmptyState />
      ) : (
        <>
          <OfficialScoreCard label={main!.label} latest={official.data?.[0]} previous={official.data?.[1]} />
          <div class="card kpis" data-testid="counts">
            <div>
              评价 <b data-testid="count-reviews">{counts.data ? num(counts.data.reviews) : '…'}</b>
            </div>
            <div>
              订单 <b data-testid="count-orders">{counts.data ? num(counts.data.orders) : '…'}</b>
            </div>
          </div>
          <CaptureSummary />
          <div class="row">
            <button class="primary" onClick={() => void openSidePanel()}>
              打开侧边栏 <small>Side panel</small>
            </button>
            <a class="btn" href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
              设置
            </a>
          </div>
        </>
      )}
    </main>
  );
}
