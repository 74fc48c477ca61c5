/**
 * Like-for-like A/B of the popup's and side panel's first data paint (issue #15): two builds of the
 * extension loaded side by side in ONE Chromium, each with its own copy of the same stored rows, opened
 * alternately (A B A B …) with the same instrumentation as scripts/bench/ui.ts (first data paint polled
 * every animation frame from navigation start; JS heap after 2 s and a forced GC). Machine load then
 * weighs on both arms alike.
 *
 *   node --import tsx scripts/bench/paint-ab.ts <dir A> <dir B> [reviews] [orders] [opens]
 *
 * Each dir is a built extension (…/.output/chrome-mv3). Prints a JSON line {"bench":"paint-ab",…}.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { chromiumPath } from '../../e2e/browser';
import { bundle, load, median } from './common';
import { PAGE_CODE, READY, firstDataPaint, heapMb } from './ui';

/** Chromium's id of an unpacked extension: SHA-256 of its absolute path, hex digits mapped to a–p. */
const idOf = (dir: string) =>
  [...createHash('sha256').update(dir).digest('hex').slice(0, 32)]
    .map((c) => String.fromCharCode(97 + parseInt(c, 16)))
    .join('');

const [dirA, dirB] = [resolve(process.argv[2]!), resolve(process.argv[3]!)];
const reviews = Number(process.argv[4] ?? 30_000);
const orders = Number(process.argv[5] ?? 70_000);
const opens = Number(process.argv[6] ?? 9);
/**
 * `floor`: the same measurement with a condition that is true at once — how long until an opened page
 * can run any script at all (navigation, process, parsing). No page can paint data sooner.
 */
READY.floor = 'true';
const VIEWS: [string, string][] = [
  ['floor', 'popup.html'],
  ['popup', 'popup.html'],
  ['overview', 'sidepanel.html?tab=overview'],
];

const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'koubei-ab-')), {
  executablePath: chromiumPath(),
  headless: true,
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
  viewport: { width: 1280, height: 860 },
  args: [
    `--disable-extensions-except=${dirA},${dirB}`,
    `--load-extension=${dirA},${dirB}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--lang=zh-CN',
  ],
});
try {
  const arms = { A: idOf(dirA), B: idOf(dirB) };
  const code = await bundle(PAGE_CODE);
  const pages: Record<string, Page> = {};
  // Seed and rebuild both arms at once (each in its own extension's IndexedDB and worker).
  await Promise.all(
    Object.entries(arms).map(async ([arm, id]) => {
      const p = (pages[arm] = await context.newPage());
      await p.goto(`chrome-extension://${id}/options.html`);
      await p.evaluate(code);
      await p.evaluate(`KB.seed('large', ${reviews}, ${orders})`);
      const ms = await p.evaluate<number>(`KB.rebuild('large')`);
      await p.evaluate(`KB.select('large')`);
      console.error(`  ${arm}: seeded ${reviews + orders} rows, rebuilt in ${(ms / 1000).toFixed(0)} s`);
    }),
  );
  await pages.A!.waitForTimeout(15_000); // the workers' follow-up refreshes settle
  const paint: Record<string, number[]> = {};
  const heap: Record<string, number[]> = {};
  for (let i = 0; i < opens; i++)
    for (const [view, file] of VIEWS)
      for (const [arm, id] of i % 2 ? Object.entries(arms).reverse() : Object.entries(arms)) {
        // One warm-up open each (dropped inside firstDataPaint), then one measured open.
        const [ms] = await firstDataPaint(context, `chrome-extension://${id}`, view, file, 1);
        (paint[`${arm} ${view}`] ??= []).push(Math.round(ms!));
      }
  for (const [view, file] of VIEWS.slice(1))
    for (const [arm, id] of Object.entries(arms))
      heap[`${arm} ${view}`] = await heapMb(context, `chrome-extension://${id}`, view, file, 3);
  const summary = (xs: number[]) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length }); // prettier-ignore
  const out = {
    bench: 'paint-ab',
    rows: reviews + orders,
    load: load(),
    paint: Object.fromEntries(Object.entries(paint).map(([k, xs]) => [k, { ...summary(xs), xs }])),
    heapMb: Object.fromEntries(Object.entries(heap).map(([k, xs]) => [k, summary(xs)])),
  };
  console.log(JSON.stringify(out));
} finally {
  await context.close();
}
