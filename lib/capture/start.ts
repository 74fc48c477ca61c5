/** Wires capture into a content-script context: channel from the hook → parse → typed message. */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendMessage } from '../messaging';
import type { PlatformAdapter } from '../platforms/types';
import { contentChannel } from './channel';
import { createCapture, withRetry } from './content';
import { arrivalQuiet, pageIdle } from './idle';
import { watchDom } from './dom';
import { PAGE_UI_KEY, pageUiLoader } from './page-ui-loader';
import type { StartPageUi } from './page-ui';
import { clockReady, now as clockNow } from '../clock';

/** Rows are parsed and sent once no list response arrived for this long (ms) … */
export const CAPTURE_QUIET_MS = 400;
/**
 * … or this long after they arrived (ms) — a merchant flicking through pages does not look at our numbers
 * meanwhile, and leaving the page sends everything at once …
 */
export const CAPTURE_MAX_WAIT_MS = 30_000;
/**
 * … or once the waiting bodies hold more than this (oldest first): ≈ 170 of the demo 抖店's 100-row pages
 * (≈ 94 kB each).
 */
export const CAPTURE_MAX_WAITING_BYTES = 16 * 1024 * 1024;

export function startCapture(ctx: ContentScriptContext, adapter: PlatformAdapter): void {
  const pause = arrivalQuiet(
    window,
    CAPTURE_QUIET_MS,
    CAPTURE_MAX_WAIT_MS,
    () => performance.now(),
    CAPTURE_MAX_WAITING_BYTES,
  );
  // 自动翻页采集 clicks only after a page's rows were stored: no waiting for a pause during a walk.
  let walking = false;
  const handle = createCapture({
    adapter,
    doc: document,
    pageUrl: () => new URL(location.href),
    now: clockNow,
    send: (batch) => sendMessage('cs-bg/capture', batch),
    salt: [...crypto.getRandomValues(new Uint8Array(8))].map((b) => b.toString(16)).join(''),
    identify: (m) => withRetry(() => sendMessage('cs-bg/identify', m)),
    // Parse and send when the page is idle (≤ 200 ms), off the console's click path (issue #15); a page
    // being left releases everything at once, and the sends no longer wait for the worker's answers, so
    // nothing is lost on unload (lib/capture/idle.ts, lib/background/doc-queue.ts).
    whenIdle: pageIdle(window),
    // While the merchant pages quickly, rows are stored when the paging pauses (≤ 30 s late, ≤ 16 MB
    // waiting), not during the next pages' render (issue #15).
    quiet: (bytes) => (walking ? Promise.resolve() : pause(bytes)),
  });
  // Parsing dates ("3天前", a year-less date) needs the extension's clock: each response waits for it
  // (one storage read, once); the shared promise keeps arrival order.
  void clockReady();
  contentChannel(window, (m) => {
    if (ctx.isValid) void clockReady().then(() => (ctx.isValid ? handle(m) : undefined));
  });
  // Tags, 可疑, countdown and "生成回复" next to review rows, and the walker (自动翻页采集): loaded the first
  // time this page captures a list, not with every console tab (lib/capture/page-ui-loader.ts).
  const ui = pageUiLoader({
    adapter,
    capture: handle,
    load: loadPageUi,
    deps: {
      adapter,
      doc: document,
      pageUrl: () => new URL(location.href),
      now: clockNow,
      annotate: (ids) => sendMessage('cs-bg/annotate', { platform: adapter.id, reviewIds: ids }),
      correct: (reviewId, categories) =>
        sendMessage('cs-bg/correct-review', { platform: adapter.id, reviewId, categories }),
      copy: (text) => navigator.clipboard.writeText(text),
      // Retried like captures: a worker stopped mid-save must not end the walk (issue #8).
      persist: {
        save: (s) => withRetry(() => sendMessage('cs-bg/walker-save', s)),
        load: (platform, path) => withRetry(() => sendMessage('cs-bg/walker-load', { platform, path })),
      },
      sleep: (ms) => new Promise((r) => ctx.setTimeout(r, ms)),
      random: Math.random,
      walking: (on) => void (walking = on),
    },
    onError: (e) => console.warn('[koubei] page UI not loaded', e),
  });
  ctx.onInvalidated(ui.stop);
  watchDom({
    adapter,
    doc: document,
    pageUrl: () => new URL(location.href),
    // A list read from the page's table (no JSON captured) shows the overlay and walker as well.
    send: (batch) => (ui.need(), sendMessage('cs-bg/capture', batch)),
    lastApiAt: handle.lastApiAt,
    now: clockNow,
    setTimeout: (fn, ms) => ctx.setTimeout(fn, ms),
    clearTimeout: (id) => clearTimeout(id as number),
  });
}

/** Imports page-ui.js (web-accessible to the console hosts only) and returns the entry point it registered. */
async function loadPageUi(): Promise<StartPageUi> {
  await import(/* @vite-ignore */ browser.runtime.getURL('/page-ui.js'));
  const start = (globalThis as Record<symbol, unknown>)[PAGE_UI_KEY];
  if (typeof start !== 'function') throw new Error('page-ui.js did not register its entry point');
  return start as StartPageUi;
}
