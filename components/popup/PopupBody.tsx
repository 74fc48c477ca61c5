/**
 * The popup's markup, shared by its first paint from the stored headline (entrypoints/popup/main.tsx,
 * issue #15) and the full UI (entrypoints/popup/App.tsx), so the hand-over changes no layout. In the first
 * bundle: no Dexie, no messaging, no platform registry here.
 */
import type { ComponentChildren } from 'preact';
import { browser } from 'wxt/browser';
import type { CardSnapshot } from '@/lib/score-view/types';
import { num } from '../format';
import { ScoreCard } from '../score/ScoreCard';
import { snoozeAlert } from '../score/snooze';
import { UrgentCard } from '../score/UrgentCard';

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

/** The frame: title, the store switcher once loaded, and the body. */
export function PopupFrame(props: { switcher?: ComponentChildren; children: ComponentChildren }) {
  return (
    <main style="width:380px;padding:12px" class="stack">
      <header class="spread">
        <h1 style="font-size:15px">
          口碑助手 <small class="en">Koubei</small>
        </h1>
        {props.switcher}
      </header>
      {props.children}
    </main>
  );
}

/**
 * One store: its score card and most urgent item (or "计算中"), its record counts, the capture line and
 * the buttons. `card`/`counts` undefined: not known yet.
 */
export function PopupStore(props: {
  card?: CardSnapshot;
  counts?: { reviews: number; orders: number };
  captureSummary?: ComponentChildren;
}) {
  const { card, counts } = props;
  const head = card?.head;
  return (
    <>
      {card && head ? (
        <>
          <ScoreCard snapshot={card} />
          <UrgentCard
            urgent={head.urgent}
            onSnooze={snoozeAlert}
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
          评价 <b data-testid="count-reviews">{counts ? num(counts.reviews) : '…'}</b>
        </div>
        <div>
          订单 <b data-testid="count-orders">{counts ? num(counts.orders) : '…'}</b>
        </div>
        {head && head.alerts > 0 && (
          <div>
            预警 <b data-testid="count-alerts">{head.alerts}</b>
          </div>
        )}
      </div>
      {props.captureSummary}
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
  );
}
