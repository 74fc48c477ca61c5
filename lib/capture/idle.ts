/**
 * Waiting for the page to be idle before the content script works (issue #15). The isolated world runs on
 * the page's main thread: parsing a response the moment it arrives delayed the console's own rendering of
 * that response (下一页 on 100-row pages took ~50 % longer). Work waits for an idle period (or `timeout` ms
 * at most, so a busy page still gets its rows captured), and everything waiting runs at once when the page
 * is being left (`pagehide`), so a page that navigates away does not lose its data.
 */
export interface IdleWin {
  requestIdleCallback?: (fn: () => void, opts?: { timeout: number }) => number;
  setTimeout: (fn: () => void, ms: number) => unknown;
  addEventListener(type: 'pagehide' | 'pageshow', fn: () => void): void;
}

export function pageIdle(win: IdleWin, timeout = 500): () => Promise<void> {
  const waiting = new Set<() => void>();
  let leaving = false;
  win.addEventListener('pagehide', () => {
    leaving = true;
    for (const go of [...waiting]) go();
  });
  win.addEventListener('pageshow', () => (leaving = false));
  return () =>
    leaving
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          const go = () => {
            if (!waiting.delete(go)) return;
            resolve();
          };
          waiting.add(go);
          if (win.requestIdleCallback) win.requestIdleCallback(go, { timeout });
          else win.setTimeout(go, 0);
        });
}
