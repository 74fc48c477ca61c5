/**
 * Waiting for the page to be idle before the content script works (issue #15). The isolated world runs on
 * the page's main thread: parsing a response the moment it arrives delayed the console's own rendering of
 * that response (下一页 on 100-row pages took ~50 % longer). Work waits for an idle period (or `timeout` ms
 * at most, so a busy page still gets its rows captured), and everything waiting runs at once as soon as
 * the page is about to be left (`beforeunload`: the navigation's request still has to travel, so the batch
 * has time to go out; `pagehide` as a last resort), so a page that navigates away does not lose its data.
 */
export interface IdleWin {
  requestIdleCallback?: (fn: () => void, opts?: { timeout: number }) => number;
  setTimeout: (fn: () => void, ms: number) => unknown;
  addEventListener(type: 'beforeunload' | 'pagehide' | 'pageshow', fn: () => void): void;
}

export function pageIdle(win: IdleWin, timeout = 200): () => Promise<void> {
  const waiting = new Set<() => void>();
  let leaving = false;
  const leave = () => {
    leaving = true;
    for (const go of [...waiting]) go();
  };
  win.addEventListener('beforeunload', leave);
  win.addEventListener('pagehide', leave);
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
