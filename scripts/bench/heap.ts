/**
 * JS heap figures for the benchmarks (issue #15 item 6), in MB (10^6 bytes) of V8's used heap after a
 * forced garbage collection (CDP HeapProfiler.collectGarbage + Runtime.getHeapUsage):
 * - a page's heap (the console page's isolate holds the page's scripts and our content scripts alike);
 * - the extension service worker's heap. Playwright opens CDP sessions on pages only, so the worker is
 *   reached through a page's session with the Target domain (attach without flattening, messages
 *   wrapped in Target.sendMessageToTarget).
 */
import type { BrowserContext, CDPSession, Page } from '@playwright/test';

const mb = (bytes: number) => Math.round(bytes / 1e4) / 100;

/** The page's used JS heap after a GC (MB). */
export async function pageHeapMb(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    return mb((await cdp.send('Runtime.getHeapUsage')).usedSize);
  } finally {
    await cdp.detach();
  }
}

/** Sends one CDP command to an attached (non-flat) target session and waits for its answer. */
function callTarget<T>(cdp: CDPSession, sessionId: string, id: number, method: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const on = (e: { sessionId: string; message: string }) => {
      if (e.sessionId !== sessionId) return;
      const m = JSON.parse(e.message) as { id?: number; result?: T; error?: unknown };
      if (m.id !== id) return;
      cdp.off('Target.receivedMessageFromTarget', on);
      if (m.error) reject(new Error(`${method}: ${JSON.stringify(m.error)}`));
      else resolve(m.result as T);
    };
    cdp.on('Target.receivedMessageFromTarget', on);
    cdp
      .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params: {} }) })
      .catch(reject);
  });
}

/** The extension service worker's used JS heap after a GC (MB), through `page`'s CDP session. */
export async function workerHeapMb(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page);
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const sw = targetInfos.find(
      (t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'),
    );
    if (!sw) throw new Error('no extension service worker is running');
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: sw.targetId, flatten: false });
    try {
      await callTarget(cdp, sessionId, 1, 'HeapProfiler.collectGarbage');
      return mb((await callTarget<{ usedSize: number }>(cdp, sessionId, 2, 'Runtime.getHeapUsage')).usedSize);
    } finally {
      await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    }
  } finally {
    await cdp.detach();
  }
}
