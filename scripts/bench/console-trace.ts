/**
 * Which of the console page's tasks become long with the extension (a profiling aid, not a figure):
 * pages through the demo 抖店 评价管理 page in a browser with the built extension and in one without,
 * each under the same Chromium trace (devtools.timeline), and prints for every main-thread task over
 * 50 ms what it spent its time on: the page's script, the extension's script (hook, content script,
 * overlay), style, layout, paint, GC — the direct children of the task, with script split by origin.
 *
 *   node --import tsx scripts/bench/console-trace.ts [rows=100] [pages=15] [runs=1]
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { routeDemo } from '../../demo/server';
import { launchWithExtension } from '../../e2e/browser';
import { consoleDemo, listUrl, nextPage, plainBrowser, ROW } from './console-page';

const rows = Number(process.argv[2] ?? 100);
const pages = Number(process.argv[3] ?? 15);
const runs = Number(process.argv[4] ?? 1);

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; type?: string; frame?: string; functionName?: string } };
}

const demo = consoleDemo();

/** CPU seconds so far of each Chromium process of one profile, by kind (browser, renderer, extension, gpu…). */
function cpuByKind(userDataDir: string): Map<string, number> {
  const out = new Map<string, number>();
  const tick = 100; // USER_HZ
  const pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  const ofProfile = new Set<string>();
  const cmd = new Map<string, string>();
  for (const pid of pids) {
    try {
      cmd.set(pid, readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' '));
    } catch {
      /* gone */
    }
  }
  for (const [pid, c] of cmd) if (c.includes(userDataDir)) ofProfile.add(pid);
  // Child processes (zygote-forked renderers) do not carry the profile dir: follow parent pids.
  const ppid = (pid: string) => {
    try {
      return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]!;
    } catch {
      return '';
    }
  };
  let grew = true;
  while (grew) {
    grew = false;
    for (const pid of cmd.keys())
      if (!ofProfile.has(pid) && ofProfile.has(ppid(pid))) {
        ofProfile.add(pid);
        grew = true;
      }
  }
  for (const pid of ofProfile) {
    const c = cmd.get(pid) ?? '';
    if (!c.includes('chrom')) continue;
    const kind = c.includes('--extension-process')
      ? 'extension'
      : (/--type=([\w-]+)/.exec(c)?.[1] ?? 'browser');
    try {
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      out.set(kind, (out.get(kind) ?? 0) + (Number(f[11]) + Number(f[12])) / tick);
    } catch {
      /* gone */
    }
  }
  return out;
}

const TRACE = !process.argv.includes('--cpu');

/** `--ext=dirA,dirB`: compare builds of the extension (each an arm, with the plain browser). */
const EXT_DIRS = process.argv
  .find((a) => a.startsWith('--ext='))
  ?.slice('--ext='.length)
  .split(',');

async function traced(ext: boolean | string): Promise<{
  latency: number[];
  net: number[];
  longtasks: number;
  events: TraceEvent[];
  cpu: Map<string, number>;
}> {
  const dir = mkdtempSync(join(tmpdir(), 'koubei-trace-'));
  const launched = ext
    ? await launchWithExtension({
        userDataDir: dir,
        ...(typeof ext === 'string' ? { extensionDir: ext } : {}),
      })
    : undefined;
  const context = launched?.context ?? (await plainBrowser(dir));
  try {
    await routeDemo(context, demo);
    await context.addInitScript(`window.__lt = 0; new PerformanceObserver((l) => { window.__lt += l.getEntries().length; }).observe({ type: 'longtask', buffered: true });`); // prettier-ignore
    const page = await context.newPage();
    await page.goto(listUrl(rows));
    await page.locator(ROW).first().waitFor();
    await page.waitForTimeout(800);
    const cdp = await context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
    const done = new Promise<void>((res) => cdp.once('Tracing.tracingComplete', () => res()));
    const before = cpuByKind(dir);
    const lt0 = await page.evaluate<number>('window.__lt');
    if (TRACE)
      await cdp.send('Tracing.start', {
        traceConfig: {
          includedCategories: [
            'devtools.timeline',
            'disabled-by-default-devtools.timeline',
            'v8',
            'blink',
            'IndexedDB',
            'toplevel',
            'ipc',
            'extensions',
            'mojom',
          ],
        },
        transferMode: 'ReportEvents',
      } as never);
    const latency: number[] = [];
    const net: number[] = [];
    for (let i = 1; i < pages; i++) {
      const turn = await nextPage(page);
      if (!turn) break;
      latency.push(Math.round(turn.ms));
      net.push(Math.round(turn.responseMs));
      await page.waitForTimeout(150);
    }
    await page.waitForTimeout(500);
    const after = cpuByKind(dir);
    const longtasks = (await page.evaluate<number>('window.__lt')) - lt0;
    const cpu = new Map([...after].map(([k, v]) => [k, v - (before.get(k) ?? 0)]));
    if (TRACE) {
      await cdp.send('Tracing.end');
      await done;
    }
    return { latency, net, longtasks, events, cpu };
  } finally {
    await context.close();
  }
}

/** Time in top-level complete events per process/thread, and each thread's largest event names. */
function threads(events: TraceEvent[]): string {
  const names = new Map<string, string>();
  for (const e of events)
    if (e.ph === 'M' && (e.name === 'process_name' || e.name === 'thread_name'))
      names.set(e.name === 'process_name' ? `p${e.pid}` : `t${e.pid}.${e.tid}`, e.args?.name ?? '?');
  const byThread = new Map<string, { total: number; by: Map<string, number>; end: number }>();
  for (const e of [...events].filter((x) => x.ph === 'X' && x.dur).sort((a, b) => a.ts - b.ts)) {
    const k = `${names.get(`p${e.pid}`) ?? e.pid}/${names.get(`t${e.pid}.${e.tid}`) ?? e.tid}`;
    const t = byThread.get(k) ?? { total: 0, by: new Map(), end: 0 };
    byThread.set(k, t);
    if (e.ts < t.end) {
      if (t.by.size < 400) t.by.set(e.name, (t.by.get(e.name) ?? 0) + e.dur! / 1000);
      continue; // nested: counted in its parent's total
    }
    t.end = e.ts + e.dur!;
    t.total += e.dur! / 1000;
  }
  return [...byThread]
    .sort((a, b) => b[1].total - a[1].total)
    .slice(0, 8)
    .map(([k, t]) => {
      const top = [...t.by].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([n, ms]) => `${n} ${ms.toFixed(0)}`).join(', '); // prettier-ignore
      return `     ${t.total.toFixed(0).padStart(6)} ms  ${k}: ${top}`;
    })
    .join('\n');
}

/** The page's main thread: the CrRendererMain thread with the most RunTask time. */
function mainThread(events: TraceEvent[]): TraceEvent {
  const mains = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const busy = (m: TraceEvent) =>
    events.reduce(
      (s, e) => (e.pid === m.pid && e.tid === m.tid && e.name === 'RunTask' ? s + (e.dur ?? 0) : s),
      0,
    );
  const main = mains.sort((a, b) => busy(b) - busy(a))[0];
  if (!main) throw new Error(`no renderer main thread in the trace (${events.length} events)`);
  return main;
}

/** The page's main thread's complete events, in order (parents before their children). */
function mainEvents(events: TraceEvent[]): TraceEvent[] {
  const main = mainThread(events);
  return events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
}

/**
 * Self time (duration minus children) of `own` events, by kind, in ms. Script is named by origin (the
 * page's or the extension's), and what it calls inherits that origin.
 */
function selfByKind(own: TraceEvent[]): Map<string, number> {
  const parts = new Map<string, number>();
  const stack: { end: number; kind: string; child: number; dur: number }[] = [];
  const close = (upTo: number) => {
    while (stack.length && stack[stack.length - 1]!.end <= upTo) {
      const top = stack.pop()!;
      parts.set(top.kind, (parts.get(top.kind) ?? 0) + (top.dur - top.child) / 1000);
    }
  };
  for (const e of own) {
    close(e.ts);
    const url = e.args?.data?.url ?? '';
    const up = stack[stack.length - 1]?.kind ?? '';
    const script = url.startsWith('chrome-extension://') ? 'ext' : url ? 'page' : up.startsWith('ext') ? 'ext' : up.startsWith('page') ? 'page' : ''; // prettier-ignore
    const base = e.name === 'EventDispatch' ? `event:${e.args?.data?.type}` : e.name;
    const kind = script ? `${script} ${base}` : base;
    if (stack.length) stack[stack.length - 1]!.child += e.dur!;
    stack.push({ end: e.ts + e.dur!, kind, child: 0, dur: e.dur! });
  }
  close(Infinity);
  return parts;
}

/** Self time on the page's main thread by kind, the largest first. */
const selfTimes = (events: TraceEvent[]): string =>
  [...selfByKind(mainEvents(events))]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 22)
    .map(([k, ms]) => `     ${ms.toFixed(0).padStart(6)} ms  ${k}`)
    .join('\n');

/** Each main-thread task over 50 ms, with the self time of what ran inside it, by kind. */
function longTasks(events: TraceEvent[]) {
  const own = mainEvents(events);
  const out: { start: number; dur: number; parts: Map<string, number> }[] = [];
  own.forEach((t, i) => {
    if (t.name !== 'RunTask' || t.dur! < 50_000) return;
    const end = t.ts + t.dur!;
    let j = i + 1;
    while (j < own.length && own[j]!.ts < end) j++;
    out.push({ start: t.ts, dur: t.dur! / 1000, parts: selfByKind(own.slice(i + 1, j)) });
  });
  return out;
}

const arms: (boolean | string)[] = EXT_DIRS ? [false, ...EXT_DIRS] : [true, false];
const summary = new Map<string, { latency: number[]; longtasks: number[] }>();
for (let r = 0; r < runs; r++) {
  for (const ext of r % 2 === 0 ? arms : [...arms].reverse()) {
    const { latency, net, longtasks, events, cpu } = await traced(ext);
    const name = ext === false ? 'without' : ext === true ? 'with' : ext;
    const sum = summary.get(name) ?? { latency: [], longtasks: [] };
    summary.set(name, sum);
    sum.latency.push([...latency].sort((a, b) => a - b)[latency.length >> 1]!);
    sum.longtasks.push(longtasks);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
    const med = `${median(latency)} (response arrived after ${median(net)})`;
    const cpuText = [...cpu].map(([k, v]) => `${k} ${(v * 1000).toFixed(0)} ms`).join(', ');
    console.log(
      `\n== ${name} (${longtasks} long tasks), ${rows}-row pages: latency median ${med}: ${latency.join(' ')}`,
    );
    console.log(`   CPU while paging: ${cpuText}`);
    if (!TRACE) continue;
    console.log(`   busiest threads (top-level trace events):\n${threads(events)}`);
    console.log(`   page main thread, self time by kind:\n${selfTimes(events)}`);
    const lt = longTasks(events);
    console.log(`   ${lt.length} long tasks, ${lt.reduce((s, t) => s + t.dur, 0).toFixed(0)} ms`);
    for (const t of lt) {
      const parts = [...t.parts]
        .filter(([, ms]) => ms >= 1)
        .sort((a, b) => b[1] - a[1])
        .map(([k, ms]) => `${k} ${ms.toFixed(1)}`)
        .join(' · ');
      console.log(`   ${t.dur.toFixed(0).padStart(4)} ms: ${parts}`);
    }
  }
}
// Per arm: the median latency of each run, and its long tasks (interleaved runs, same instrumentation).
for (const [name, x] of summary)
  console.log(
    `${name}: median latency per run ${x.latency.join(' ')} ms; long tasks per run ${x.longtasks.join(' ')}`,
  );
