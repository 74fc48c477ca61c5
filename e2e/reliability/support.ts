/**
 * Shared pieces of the reliability end-to-end suites (issue #8): stopping the extension's service worker
 * through CDP and watching it come back, reading the extension's IndexedDB from an extension page (the
 * worker handle goes stale after a stop), a seeded PRNG, and checks for inert hostile text.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { allRows, countRows } from '../idb';
import { mulberry32 } from '../../lib/random';

export { allRows, countRows };
export const BASE = 'https://fxg.jinritemai.com';
export const COMMENTS = `${BASE}/ffa/maftersale/comment`;

export const prng = mulberry32;

interface VersionUpdate {
  versions: { scriptURL: string; runningStatus: string }[];
}

/**
 * Stops every service worker of the profile (as Chrome does after 30 s idle) from a CDP session on a
 * page of its own, and counts how often the extension's worker was seen stopped and running again.
 */
export async function workerStopper(context: BrowserContext, extensionId: string) {
  const control = await context.newPage();
  const cdp = await context.newCDPSession(control);
  const seen = { stopped: 0, running: 0 };
  let last = '';
  cdp.on('ServiceWorker.workerVersionUpdated', (e: VersionUpdate) => {
    for (const v of e.versions) {
      if (!v.scriptURL.startsWith(`chrome-extension://${extensionId}/`) || v.runningStatus === last) continue;
      last = v.runningStatus;
      if (last === 'stopped') seen.stopped++;
      if (last === 'running') seen.running++;
    }
  });
  await cdp.send('ServiceWorker.enable');
  const until = async (ok: () => boolean, ms: number) => {
    for (const end = Date.now() + ms; !ok() && Date.now() < end;) await control.waitForTimeout(50);
    return ok();
  };
  return {
    seen,
    /**
     * Stops the worker once it is running again (a stop of a stopped worker proves nothing); resolves
     * false if it did not come back within 15 s.
     */
    async stop(): Promise<boolean> {
      if (!(await until(() => last === 'running', 15_000))) return false;
      const n = seen.stopped;
      await cdp.send('ServiceWorker.stopAllWorkers');
      return until(() => seen.stopped > n, 5_000);
    },
    close: () => control.close(),
  };
}

/** An extension page to read IndexedDB from (works whether the worker runs or not). */
export async function reader(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  return page;
}

/** Fetches console API paths from the page's own script (through the main-world hook), one by one. */
export async function pageFetches(page: Page, paths: string[], gapMs: number): Promise<number[]> {
  return page.evaluate(
    async ([list, gap]) => {
      const statuses: number[] = [];
      for (const p of list as string[]) {
        statuses.push((await fetch(p)).status);
        await new Promise((r) => setTimeout(r, gap as number));
      }
      return statuses;
    },
    [paths, gapMs] as const,
  );
}

/** Collects dialogs (alert/confirm) from a page: hostile text that ran would open one. */
export function dialogsOf(page: Page): string[] {
  const seen: string[] = [];
  page.on('dialog', (d) => {
    seen.push(d.message());
    void d.dismiss();
  });
  return seen;
}

/**
 * Live markup under `selector` (and inside every open shadow root below it) that page-derived text could
 * have produced: img/script/iframe/object/embed elements and on* handler attributes. Must be empty.
 */
export async function liveMarkup(page: Page, selector = 'body'): Promise<string[]> {
  return page.evaluate((sel) => {
    const out: string[] = [];
    const visit = (root: ParentNode) => {
      for (const el of Array.from(root.querySelectorAll('*'))) {
        if (/^(IMG|SCRIPT|IFRAME|OBJECT|EMBED)$/.test(el.tagName)) out.push(el.tagName);
        for (const a of Array.from(el.attributes))
          if (/^on/i.test(a.name)) out.push(`${el.tagName}[${a.name}]`);
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    for (const r of Array.from(document.querySelectorAll(sel))) {
      visit(r);
      if (r.shadowRoot) visit(r.shadowRoot);
    }
    return out;
  }, selector);
}
