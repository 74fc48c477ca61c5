/**
 * Benchmark (Chromium, issue #15 item 5): the aggregate rebuild — daily aggregates and score marks
 * recounted from every stored record, one cursor pass (lib/background/aggregates.ts `runRebuild`) — as an
 * A/B of two versions of lib/ in the same browser, the same rows and the same instrumentation.
 *
 * Arm B is this checkout's lib/. Arm A is lib/ at another commit (`--base=<rev>`, default HEAD), taken
 * with `git archive` into out/bench/ and bundled the same way. Each arm has its own IndexedDB database
 * (its own schema version, lib/db.ts `declareSchema`) seeded with the same rows as the UI benchmark's
 * quick size (30% reviews, 70% orders over three years, lib/export/testing). The rebuilds are forced
 * (tables cleared first, as after a classifier change) and interleaved A B, B A, … so load drifts hit
 * both arms alike. Each figure comes with the 1-minute load average when it finished.
 *
 *   npm run build && node --import tsx scripts/bench/rebuild.ts [--rows=100000] [--runs=3] [--base=HEAD]
 *   … [--only=b]   time only this checkout (no A/B)
 *   … [--profile=40] then profile one more (untimed) rebuild of this checkout: top 40 functions
 *   … [--alloc=30] then a sampling heap profile of one more (untimed) rebuild: top 30 allocation sites
 *   … [--profile-out=FILE] the profile as a .cpuprofile (DevTools' Performance panel reads it)
 *   … [--reviews=0.9] share of reviews among the rows (default 0.3)
 *   … [--order=random] record ids unrelated to dates (default `time`: ids grow with dates, as the consoles';
 *       scripts/bench/seed-rows.ts `SeedOrder`)
 *
 * Last line is one JSON summary: {"bench":"rebuild",…}.
 */
import { writeFileSync } from 'node:fs';
import { launchWithExtension } from '../../e2e/browser';
import { ROOT, browserCpuSeconds, bundle, load, median } from './common';
import { checkoutOf } from './lib-checkout';
import { selfTimes, type CpuProfile } from './profile';

const arg = (name: string, dflt: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? dflt;
const ROWS = Number(arg('rows', '100000'));
const RUNS = Number(arg('runs', '3'));
const BASE = arg('base', 'HEAD');
const ONLY = arg('only', '');
/** After the timed runs, one more rebuild of arm B under the CPU profiler (not timed): top N functions. */
const PROFILE = Number(arg('profile', '0'));
/** After the timed runs, one more rebuild of arm B under the sampling heap profiler: top N allocation sites. */
const ALLOC = Number(arg('alloc', '0'));

interface AllocNode {
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  selfSize: number;
  children: AllocNode[];
}
interface AllocProfile {
  head: AllocNode;
}
/** Bytes allocated per function (self) and per function with its caller, top n, from a sampling profile. */
function allocSites(p: AllocProfile, n: number): string {
  const self = new Map<string, number>();
  let total = 0;
  const name = (f: AllocNode['callFrame']) => `${f.functionName || '(anonymous)'}:${f.lineNumber}`;
  const walk = (node: AllocNode, parent: string) => {
    const k = `${name(node.callFrame)} < ${parent}`;
    total += node.selfSize;
    if (node.selfSize) self.set(k, (self.get(k) ?? 0) + node.selfSize);
    for (const c of node.children) walk(c, name(node.callFrame));
  };
  walk(p.head, '');
  const rows = [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(
      ([k, v]) =>
        `${(v / 1e6).toFixed(1).padStart(8)} MB ${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`,
    );
  return `allocated (sampled) ${(total / 1e6).toFixed(0)} MB\n${rows.join('\n')}`;
}
/** Share of reviews among the rows (0.3 as the UI benchmark's quick size; the full run's shared store is 0.9). */
const REVIEW_SHARE = Number(arg('reviews', '0.3'));
/** Record ids in date order, as the consoles' (`time`), or not (`random`: the seed before 2026-12-07). */
const ORDER = arg('order', 'time');
if (ORDER !== 'time' && ORDER !== 'random') throw new Error(`--order=${ORDER}: time or random`);

/** Page code of one arm: `lib` is the lib/ under test; the seeding code is always this checkout's. */
const pageCode = (lib: string) => `
import { openDb } from '${lib}/lib/db';
import { runRebuild } from '${lib}/lib/background/aggregates';
import { makeStore } from '${ROOT}/lib/export/testing';
import { seedRows } from '${ROOT}/scripts/bench/seed-rows';
import { mulberry32 } from '${ROOT}/lib/random';

const store = makeStore('1000000', '三年老店');
/** As scripts/bench/ui.ts seeds its large store (scripts/bench/seed-rows.ts), with a seeded generator. */
export async function seed(name, nReviews, nOrders, now, order) {
  const db = openDb(name);
  // Deterministic (mulberry32), so both arms hold the very same rows.
  const out = await seedRows(db, store, nReviews, nOrders, now, mulberry32(7), order);
  db.close();
  return out;
}
/** Opens another arm's database with this arm's schema (its upgrade runs); ms and the rows after. */
export async function upgrade(name) {
  const t = performance.now();
  const db = openDb(name);
  await db.open();
  const ms = performance.now() - t;
  const out = { ms, verno: db.verno, markRows: await db.scoreMarks.count(), aggregates: await db.aggregates.count() };
  db.close();
  return out;
}
/** A forced rebuild (tables cleared, every record recounted); ms and the derived rows it left. */
export async function rebuild(name) {
  const db = openDb(name);
  await db.open();
  const t = performance.now();
  const state = await runRebuild(db, () => Date.now(), true);
  const ms = performance.now() - t;
  const out = { ms, status: state && state.status, done: state && state.done, aggregates: await db.aggregates.count(), markRows: await db.scoreMarks.count() };
  db.close();
  return out;
}
`;

interface Run {
  ms: number;
  cpu: number;
  status: string;
  done: number;
  aggregates: number;
  markRows: number;
}

const reviews = Math.round(ROWS * REVIEW_SHARE);
const orders = ROWS - reviews;
const arms = ONLY === 'b' ? (['B'] as const) : (['A', 'B'] as const);
const dirs = { A: ONLY === 'b' ? ROOT : checkoutOf(BASE), B: ROOT };
const { context, extensionId, userDataDir } = await launchWithExtension();
const results: Record<string, { ms: number[]; cpu: number[]; load: number[]; last?: Run }> = {};
let upgrade: Record<string, number> | undefined;
try {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  for (const a of arms) {
    await page.evaluate(await bundle(pageCode(dirs[a]), `KB${a}`));
    const t = Date.now();
    const n = await page.evaluate(
      `KB${a}.seed('bench-rebuild-${a}', ${reviews}, ${orders}, ${Date.now()}, '${ORDER}')`,
    );
    console.log(`arm ${a}: seeded ${JSON.stringify(n)} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    results[a] = { ms: [], cpu: [], load: [] };
  }
  for (let run = 0; run < RUNS; run++) {
    const order = run % 2 ? [...arms].reverse() : arms;
    for (const a of order) {
      const cpu0 = browserCpuSeconds(userDataDir);
      const r = await page.evaluate<Run>(`KB${a}.rebuild('bench-rebuild-${a}')`);
      r.cpu = browserCpuSeconds(userDataDir) - cpu0;
      const res = results[a]!;
      res.ms.push(r.ms);
      res.cpu.push(r.cpu);
      res.load.push(load());
      res.last = r;
      console.log(`run ${run + 1} arm ${a}: ${(r.ms / 1000).toFixed(2)} s, CPU ${r.cpu.toFixed(2)} s, ${JSON.stringify({ ...r, ms: undefined, cpu: undefined })}, load ${load()}`); // prettier-ignore
    }
  }
  if (arms.length === 2) {
    // Arm A's database (its schema, its marks as its last rebuild left them) opened by arm B's code.
    const before = results.A!.last!.markRows;
    const up = await page.evaluate<{ ms: number; verno: number; markRows: number }>(
      `KBB.upgrade('bench-rebuild-A')`,
    );
    upgrade = { ...up, markRowsBefore: before, load: load() };
    console.log(`arm A's database opened by arm B: ${JSON.stringify(upgrade)}`);
  }
  if (ALLOC) {
    // Where the rebuild allocates (sampling heap profiler, one more untimed rebuild of arm B): GC is about a
    // third of its main-thread time.
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.startSampling', {
      samplingInterval: 1 << 16,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    });
    await page.evaluate(`KBB.rebuild('bench-rebuild-B')`);
    const { profile } = (await cdp.send('HeapProfiler.stopSampling')) as unknown as { profile: AllocProfile };
    console.log(allocSites(profile, ALLOC));
  }
  if (PROFILE) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
    const r = await page.evaluate<Run>(`KBB.rebuild('bench-rebuild-B')`);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    console.log(`profiled rebuild (arm B, not timed): ${(r.ms / 1000).toFixed(2)} s, load ${load()}`);
    console.log(selfTimes(profile, PROFILE));
    const out = arg('profile-out', '');
    if (out) writeFileSync(out, JSON.stringify(profile));
  }
} finally {
  await context.close();
}
const per100k = (ms: number) => +((ms / 1000) * (100_000 / ROWS)).toFixed(2);
const summary = Object.fromEntries(
  Object.entries(results).map(([a, r]) => [
    a,
    {
      lib: a === 'A' ? BASE : 'worktree',
      secondsPer100k: per100k(median(r.ms)),
      min: per100k(Math.min(...r.ms)),
      max: per100k(Math.max(...r.ms)),
      runs: r.ms.map(per100k),
      cpuSecondsPer100k: +(median(r.cpu) * (100_000 / ROWS)).toFixed(2),
      cpuRuns: r.cpu.map((c) => +(c * (100_000 / ROWS)).toFixed(2)),
      load: r.load,
      aggregates: r.last?.aggregates,
      markRows: r.last?.markRows,
    },
  ]),
);
for (const [a, s] of Object.entries(summary))
  console.log(`arm ${a} (${s.lib}): ${s.secondsPer100k} s per 100k rows (${s.min}–${s.max}), runs ${s.runs.join(' / ')}; browser CPU ${s.cpuSecondsPer100k} s per 100k (${s.cpuRuns.join(' / ')}); load ${s.load.join(' / ')}`); // prettier-ignore
console.log(
  JSON.stringify({
    bench: 'rebuild',
    rows: ROWS,
    reviews,
    orders,
    order: ORDER,
    runs: RUNS,
    ...summary,
    upgrade,
  }),
);
