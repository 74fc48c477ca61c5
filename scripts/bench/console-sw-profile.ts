/**
 * Where the service worker's time goes while a merchant pages through a console list (a profiling aid,
 * not a figure): pages through the demo 抖店 评价管理 page with the built extension and a CPU profile of
 * the extension's service worker (over a second CDP endpoint on loopback, since Playwright does not
 * profile workers), then prints the worker's functions by self and by inclusive time.
 * Build with `minify: false` (vite `build.minify` in wxt.config.ts, temporarily) to read the names.
 *
 *   node --experimental-websocket --import tsx scripts/bench/console-sw-profile.ts [rows=100] [pages=15]
 */
import { routeDemo } from '../../demo/server';
import { launchWithExtension } from '../../e2e/browser';
import { byFunction, consoleDemo, listUrl, nextPage, ROW, topLines } from './console-page';
import type { CpuProfile } from './profile';

const PORT = 9339;
const rows = Number(process.argv[2] ?? 100);
const pages = Number(process.argv[3] ?? 15);

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

const { context } = await launchWithExtension({ args: [`--remote-debugging-port=${PORT}`] });
await routeDemo(context, consoleDemo());
const page = await context.newPage();
await page.goto(listUrl(rows));
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
  const turn = await nextPage(page);
  if (!turn) break;
  lat.push(Math.round(turn.ms));
  await page.waitForTimeout(150);
}
await page.waitForTimeout(1500);
const { profile } = await session.send<{ profile: CpuProfile }>('Profiler.stop');
session.close();
await context.close();

if (process.env.KOUBEI_PROFILE_OUT)
  (await import('node:fs')).writeFileSync(process.env.KOUBEI_PROFILE_OUT, JSON.stringify(profile));
const { self, inclusive, busyMs } = byFunction(profile);
console.log(`rows ${rows}, ${lat.length} page turns; latency ms: ${lat.join(' ')}`);
console.log(
  `service worker busy ${busyMs.toFixed(0)} ms (${(busyMs / lat.length).toFixed(1)} ms per page turn)`,
);
// The project's own functions (not Dexie's internals, not native code): where to look first.
const ours = new Map([...inclusive].filter(([k]) => !/^\S+ (db-|:-1)/.test(k) && !k.startsWith('(')));
console.log(`self:\n${topLines(self, 30)}\ninclusive:\n${topLines(inclusive, 40)}`);
console.log(`inclusive, project code only:\n${topLines(ours, 70)}`);
