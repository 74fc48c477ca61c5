/**
 * Where the service worker's time goes while a merchant pages through a console list (a profiling aid,
 * not a figure): pages through the demo 抖店 评价管理 page with the built extension and a CPU profile of
 * the extension's service worker (over a second CDP endpoint on loopback, since Playwright does not
 * profile workers), then prints the worker's functions by self and by inclusive time.
 * Build with `minify: false` (vite `build.minify` in wxt.config.ts, temporarily) to read the names.
 *
 *   node --experimental-websocket --import tsx scripts/bench/console-sw-profile.ts [rows=100] [pages=15]
 */
import { createDemoHandler, routeDemo } from '../../demo/server';
import { launchWithExtension } from '../../e2e/browser';

const HOST = 'https://fxg.jinritemai.com';
const ROW = 'tr[data-comment-id]';
const PORT = 9339;
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

interface Node {
  id: number;
  callFrame: { url: string; functionName: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

/** A minimal CDP client over the loopback WebSocket of one target. */
function cdp(url: string) {
  const ws = new WebSocket(url);
  let next = 1;
  const waiting = new Map<number, (r: unknown) => void>();
  ws.onmessage = (m) => {
    const msg = JSON.parse(String(m.data)) as { id?: number; result?: unknown; error?: unknown };
    if (msg.id !== undefined) waiting.get(msg.id)?.(msg.error ? Promise.reject(new Error(JSON.stringify(msg.error))) : msg.result); // prettier-ignore
  };
  const open = new Promise<void>((res) => (ws.onopen = () => res()));
  return {
    async send<T>(method: string, params: object = {}): Promise<T> {
      await open;
      const id = next++;
      ws.send(JSON.stringify({ id, method, params }));
      return new Promise<T>((res) => waiting.set(id, res as (r: unknown) => void));
    },
    close: () => ws.close(),
  };
}

const demo = createDemoHandler({ seed: 7, now: Date.UTC(2026, 10, 22, 2), days: 62, ordersPerDay: 300 });
const { context } = await launchWithExtension({ args: [`--remote-debugging-port=${PORT}`] });
await routeDemo(context, demo);
const page = await context.newPage();
await page.goto(`${HOST}/ffa/maftersale/comment?demo_page_size=${rows}`);
await page.locator(ROW).first().waitFor();
await page.waitForTimeout(1000);
const targets = (await (await fetch(`http://127.0.0.1:${PORT}/json/list`)).json()) as {
  type: string;
  url: string;
  webSocketDebuggerUrl: string;
}[];
const sw = targets.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
if (!sw) throw new Error(`no extension service worker among ${targets.map((t) => t.type).join(', ')}`);
const session = cdp(sw.webSocketDebuggerUrl);
await session.send('Profiler.enable');
await session.send('Profiler.setSamplingInterval', { interval: 200 });
await session.send('Profiler.start');
const lat: number[] = [];
for (let i = 1; i < pages; i++) {
  lat.push(Math.round(await page.evaluate<number>(NEXT)));
  await page.waitForTimeout(150);
}
await page.waitForTimeout(1500);
const { profile } = await session.send<{ profile: Profile }>('Profiler.stop');
session.close();
await context.close();

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const label = (id: number) => {
  const f = byId.get(id)!.callFrame;
  return `${f.functionName || '(anon)'} ${f.url.replace(/^.*\//, '')}:${f.lineNumber}`;
};
const self = new Map<string, number>();
const incl = new Map<string, number>();
let busy = 0;
for (let i = 0; i < profile.samples.length; i++) {
  const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
  let id: number | undefined = profile.samples[i]!;
  if (byId.get(id)!.callFrame.functionName === '(idle)') continue;
  busy += dt;
  self.set(label(id), (self.get(label(id)) ?? 0) + dt);
  const seen = new Set<string>();
  while (id !== undefined) {
    const l = label(id);
    if (!seen.has(l)) {
      incl.set(l, (incl.get(l) ?? 0) + dt);
      seen.add(l);
    }
    id = parent.get(id);
  }
}
const top = (m: Map<string, number>, n: number) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `  ${v.toFixed(1).padStart(8)} ms  ${k}`)
    .join('\n');
console.log(`rows ${rows}, ${lat.length} page turns; latency ms: ${lat.join(' ')}`);
console.log(`service worker busy ${busy.toFixed(0)} ms (${(busy / lat.length).toFixed(1)} ms per page turn)`);
// The project's own functions (not Dexie's internals, not native code): where to look first.
const ours = new Map([...incl].filter(([k]) => !/^\S+ (db-|:-1)/.test(k) && !k.startsWith('(')));
console.log(`self:\n${top(self, 30)}\ninclusive:\n${top(incl, 40)}`);
console.log(`inclusive, project code only:\n${top(ours, 70)}`);
