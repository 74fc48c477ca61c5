/**
 * The browsers merchants use (issue #13): Chrome/Edge have `chrome.sidePanel`; some 360安全浏览器 and
 * QQ浏览器 builds do not. The popup feature-detects it: with it the panel opens beside the page, without
 * it the same panel opens as an extension tab, and the button says so.
 */
import type { BrowserContext, Worker } from '@playwright/test';
import { expect, test } from './fixtures';

/** A store captured from the demo console, then the popup (optionally in a browser without the API). */
async function openPopup(context: BrowserContext, extensionId: string, noSidePanel: boolean) {
  const console = await context.newPage();
  await console.goto('https://fxg.jinritemai.com/ffa/maftersale/comment');
  await expect(console.locator('tr[data-comment-id]').first()).toBeVisible();
  const page = await context.newPage();
  if (noSidePanel)
    await page.addInitScript(() => {
      // What a browser without the API looks like to the popup (Chromium has `browser` as well as `chrome`).
      const g = globalThis as unknown as Record<string, object | undefined>;
      for (const ns of [g.chrome, g.browser])
        if (ns) Object.defineProperty(ns, 'sidePanel', { value: undefined, configurable: true });
    });
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  return { p: page, button: page.getByTestId('open-panel') };
}

test('with chrome.sidePanel the popup opens the side panel beside the page', async ({
  context,
  demo,
  extensionId,
  sw,
}) => {
  void demo;
  const { p, button } = await openPopup(context, extensionId, false);
  await expect(button).toContainText('打开侧边栏');
  // Record the call the popup makes (and let it through to the real API).
  await p.evaluate(() => {
    const g = globalThis as unknown as { browser?: typeof chrome };
    for (const ns of new Set([chrome, g.browser ?? chrome])) {
      const real = ns.sidePanel.open.bind(ns.sidePanel);
      Object.defineProperty(ns.sidePanel, 'open', {
        configurable: true,
        value: async (o: chrome.sidePanel.OpenOptions) => {
          await chrome.storage.local.set({ probeSidePanelOpen: o });
          return real(o);
        },
      });
    }
  });
  const worker = (await sw()) as Worker;
  const tabUrls = () => worker.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.url ?? ''));
  const before = (await tabUrls()).length;
  const closed = p.waitForEvent('close');
  await button.click();
  // The popup closes itself once the panel is open (or once the fallback tab is created).
  await closed;
  const call = await worker.evaluate(
    async () => (await chrome.storage.local.get('probeSidePanelOpen')).probeSidePanelOpen,
  );
  expect(call).toMatchObject({ windowId: expect.any(Number) });
  // The side panel opened for the window: no extension tab was created as a fallback.
  const after = await tabUrls();
  expect(after.filter((u) => u.includes('sidepanel.html'))).toEqual([]);
  expect(after.length).toBeLessThanOrEqual(before);
});

test('without chrome.sidePanel (360/QQ) the same panel opens in a tab and the button says so', async ({
  context,
  demo,
  extensionId,
  sw,
}) => {
  void demo;
  const { button } = await openPopup(context, extensionId, true);
  await expect(button).toContainText('在新标签页打开面板');
  const opened = context.waitForEvent('page');
  await button.click();
  const panel = await opened;
  await expect(panel).toHaveURL(/sidepanel\.html/);
  await expect(panel.getByRole('tab').first()).toBeVisible();
  const worker = await sw();
  const tabs = await (worker as Worker).evaluate(async () =>
    (await chrome.tabs.query({})).map((t) => t.url ?? ''),
  );
  expect(tabs.some((u) => u.includes('sidepanel.html'))).toBe(true);
  await panel.setViewportSize({ width: 1280, height: 800 });
  await panel.screenshot({ path: 'test-results/panel-as-tab.png' });
});
