/**
 * The demo 抖店 评价管理 page as the console benchmarks and profiling aids page through it: its address,
 * the demo world they share, a browser without the extension launched like the one with it, turning a
 * page (timed in the page), and a CPU profile read by function.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { chromium } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDemoHandler, type DemoHandler } from '../../demo/server';
import { BROWSER_ARGS, chromiumPath } from '../../e2e/browser';
import type { CpuProfile } from './profile';

export const NOW = Date.UTC(2026, 10, 22, 2, 0, 0);
export const HOST = 'https://fxg.jinritemai.com';
export const ROW = 'tr[data-comment-id]';

/** The 评价管理 list at `rows` rows a page. */
export const listUrl = (rows: number) => `${HOST}/ffa/maftersale/comment?demo_page_size=${rows}`;

/** The demo world every console benchmark pages through (62 days, 300 orders a day). */
export const consoleDemo = (): DemoHandler =>
  createDemoHandler({ seed: 7, now: NOW, days: 62, ordersPerDay: 300 });

/** The same Chromium as `launchWithExtension`, without the extension (the A/B's other arm). */
export function plainBrowser(dir = mkdtempSync(join(tmpdir(), 'koubei-plain-'))): Promise<BrowserContext> {
  return chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath(),
    headless: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1280, height: 860 },
    args: [...BROWSER_ARGS],
  });
}

/**
 * Clicks 下一页 in the page; resolves with the ms until the first row changed and a frame was painted,
 * and the ms until this turn's list response had arrived (-1 if not seen); null without a next page.
 */
const NEXT = `(async () => {
  const first = document.querySelector(${JSON.stringify(ROW)})?.dataset.commentId;
  const btn = [...document.querySelectorAll('.pager_93c1 button')].find((b) => b.textContent === '下一页');
  if (!btn || btn.disabled) return null;
  const t = performance.now();
  btn.click();
  await new Promise((res) => {
    const check = () => (document.querySelector(${JSON.stringify(ROW)})?.dataset.commentId !== first ? res() : requestAnimationFrame(check));
    requestAnimationFrame(check);
  });
  const done = performance.now();
  const res = performance.getEntriesByType('resource').filter((e) => e.name.includes('commentList') && e.startTime >= t).pop();
  return [done - t, res ? res.responseEnd - t : -1];
})()`;

export async function nextPage(page: Page): Promise<{ ms: number; responseMs: number } | undefined> {
  const r = await page.evaluate<[number, number] | null>(NEXT);
  return r ? { ms: r[0], responseMs: r[1] } : undefined;
}

/**
 * Self and inclusive time per function (name, file, line) of the samples `keep` accepts (given the
 * sample's stack, leaf first), plus the non-idle time of all samples and of the kept ones (ms).
 */
export function byFunction(
  profile: CpuProfile,
  keep: (urls: string[]) => boolean = () => true,
): { self: Map<string, number>; inclusive: Map<string, number>; busyMs: number; keptMs: number } {
  type Frame = { url: string; functionName: string; lineNumber?: number };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (id: number) => {
    const f = byId.get(id)!.callFrame as Frame;
    return `${f.functionName || '(anon)'} ${f.url.replace(/^.*\//, '')}:${f.lineNumber ?? ''}`;
  };
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let busyMs = 0;
  let keptMs = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const chain: number[] = [];
    for (let id: number | undefined = profile.samples[i]!; id !== undefined; id = parent.get(id))
      chain.push(id);
    if (byId.get(chain[0]!)!.callFrame.functionName === '(idle)') continue;
    busyMs += dt;
    if (!keep(chain.map((id) => byId.get(id)!.callFrame.url))) continue;
    keptMs += dt;
    self.set(label(chain[0]!), (self.get(label(chain[0]!)) ?? 0) + dt);
    for (const l of new Set(chain.map(label))) inclusive.set(l, (inclusive.get(l) ?? 0) + dt);
  }
  return { self, inclusive, busyMs, keptMs };
}

/** The `n` largest entries of a ms map, one per line. */
export const topLines = (m: Map<string, number>, n: number): string =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `  ${v.toFixed(1).padStart(8)} ms  ${k}`)
    .join('\n');
