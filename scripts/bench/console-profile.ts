/**
 * Where the extension's main-thread time goes on the 抖店 console page (a profiling aid, not a figure):
 * pages through 100-row pages with the built extension under the CPU profiler and prints the extension's
 * functions by self time and by inclusive time, plus the page's long tasks.
 *
 *   node --import tsx scripts/bench/console-profile.ts [rows=100] [pages=15]
 */
import { routeDemo } from '../../demo/server';
import { launchWithExtension } from '../../e2e/browser';
import { byFunction, consoleDemo, listUrl, nextPage, ROW, topLines } from './console-page';
import type { CpuProfile } from './profile';

const rows = Number(process.argv[2] ?? 100);
const pages = Number(process.argv[3] ?? 15);

const { context } = await launchWithExtension();
await routeDemo(context, consoleDemo());
await context.addInitScript(`window.__lt = [];
new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lt.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true });`);
const page = await context.newPage();
await page.goto(listUrl(rows));
await page.locator(ROW).first().waitFor();
await page.waitForTimeout(500);
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
const lat: number[] = [];
for (let i = 1; i < pages; i++) {
  const turn = await nextPage(page);
  if (!turn) break;
  lat.push(Math.round(turn.ms));
  await page.waitForTimeout(150);
}
await page.waitForTimeout(500);
const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
const lt = await page.evaluate<number[][]>('window.__lt');
await context.close();

// Samples with an extension frame anywhere on the stack (hook, content script, overlay).
const f = byFunction(profile, (urls) => urls.some((u) => u.startsWith('chrome-extension://')));
console.log(`rows ${rows}, pages ${pages}; latency ms: ${lat.join(' ')}`);
console.log(
  `busy ${f.busyMs.toFixed(0)} ms, extension ${f.keptMs.toFixed(0)} ms; long tasks: ${JSON.stringify(lt)}`,
);
console.log(`self:\n${topLines(f.self, 25)}\ninclusive:\n${topLines(f.inclusive, 40)}`);
