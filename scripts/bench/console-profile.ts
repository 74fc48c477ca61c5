/**
 * Where the extension's main-thread time goes on the 抖店 console page (a profiling aid, not a figure):
 * pages through 100-row pages with the built extension under the CPU profiler and prints the extension's
 * functions by self time and by inclusive time, plus the page's long tasks.
 *
 *   node --import tsx scripts/bench/console-profile.ts [rows=100] [pages=15]
 */
import { createDemoHandler, routeDemo } from '../../demo/server';
import { launchWithExtension } from '../../e2e/browser';

const HOST = 'https://fxg.jinritemai.com';
const ROW = 'tr[data-comment-id]';
const rows = Number(process.argv[2] ?? 100);
const pages = Number(process.argv[3] ?? 15);
const NEXT = `(async () => {
  const first = document.querySelector(${JSON.stringify(ROW)})?.dataset.commentId;
  const btn = [...document.querySelectorAll('.pager_93c1 button')].find((b) => b.textContent === '下一页');
  if (!btn || btn.disabled) return -1;
  const t = performance.now();
  btn.click();
  await new Promise((res) => {
    const check = () => (document.querySelector(${JSON.stringify(ROW)})?.dataset.commentId !== first ? res() : requestAnimationFrame(check));
    requestAnimationFrame(check);
  });
  return performance.now() - t;
})()`;

const demo = createDemoHandler({ seed: 7, now: Date.UTC(2026, 10, 22, 2), days: 62, ordersPerDay: 300 });
const { context } = await launchWithExtension();
await routeDemo(context, demo);
await context.addInitScript(`window.__lt = [];
new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lt.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true });`);
const page = await context.newPage();
await page.goto(`${HOST}/ffa/maftersale/comment?demo_page_size=${rows}`);
await page.locator(ROW).first().waitFor();
await page.waitForTimeout(500);
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
const lat: number[] = [];
for (let i = 1; i < pages; i++) {
  lat.push(Math.round(await page.evaluate<number>(NEXT)));
  await page.waitForTimeout(150);
}
await page.waitForTimeout(500);
interface Node { id: number; callFrame: { url: string; functionName: string; lineNumber: number; columnNumber: number }; children?: number[] } // prettier-ignore
const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: { nodes: Node[]; samples: number[]; timeDeltas: number[] } }; // prettier-ignore
const lt = await page.evaluate<number[][]>('window.__lt');
await context.close();

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const label = (id: number) => {
  const f = byId.get(id)!.callFrame;
  return `${f.functionName || '(anon)'} ${f.url.replace(/^.*\//, '')}:${f.lineNumber}:${f.columnNumber}`;
};
const self = new Map<string, number>();
const incl = new Map<string, number>();
let ext = 0;
let total = 0;
for (let i = 0; i < profile.samples.length; i++) {
  const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
  let id: number | undefined = profile.samples[i]!;
  const leaf = byId.get(id)!;
  if (leaf.callFrame.functionName !== '(idle)') total += dt;
  const seen = new Set<string>();
  let isExt = false;
  const chain: number[] = [];
  while (id !== undefined) {
    chain.push(id);
    if (byId.get(id)!.callFrame.url.startsWith('chrome-extension://')) isExt = true;
    id = parent.get(id);
  }
  if (!isExt) continue;
  ext += dt;
  self.set(label(chain[0]!), (self.get(label(chain[0]!)) ?? 0) + dt);
  for (const c of chain) {
    const l = label(c);
    if (seen.has(l)) continue;
    seen.add(l);
    incl.set(l, (incl.get(l) ?? 0) + dt);
  }
}
const top = (m: Map<string, number>, n: number) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `  ${v.toFixed(1).padStart(8)} ms  ${k}`)
    .join('\n');
console.log(`rows ${rows}, pages ${pages}; latency ms: ${lat.join(' ')}`);
console.log(`busy ${total.toFixed(0)} ms, extension ${ext.toFixed(0)} ms; long tasks: ${JSON.stringify(lt)}`);
console.log(`self:\n${top(self, 25)}\ninclusive:\n${top(incl, 40)}`);
