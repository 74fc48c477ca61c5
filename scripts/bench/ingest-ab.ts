/**
 * Benchmark (Chromium): the worker's ingest path as an A/B of two versions of lib/, against the raw
 * IndexedDB put loop (issue #15 item 4). The same capture batches of the demo 抖店 评价管理 list (every
 * 1,000-row page, parsed in Node with the real adapter, as scripts/bench/ingest.ts makes them) go
 * through `ingestBatch` with the worker's hooks (daily aggregates + score marks + record counters) into a
 * fresh database of each arm's schema, in an extension page; then the rows that pass stored are put
 * into a fresh database with a raw put loop, 1,000 per transaction. Arms and the raw loop interleave.
 * Messaging is not included (scripts/bench/ingest.ts measures it).
 *
 *   npx wxt build && node --import tsx scripts/bench/ingest-ab.ts [--base=HEAD] [--days=60] [--runs=3]
 *
 * Last line: {"bench":"ingest-ab",…}.
 */
import { createDemoHandler } from '../../demo/server';
import { launchWithExtension } from '../../e2e/browser';
import { ROOT, browserCpuSeconds, bundle, load, median } from './common';
import { allBatches, listTotal } from './ingest';
import { ingestPageCode } from './ingest-page';
import { checkoutOf } from './lib-checkout';

const arg = (name: string, dflt: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? dflt;
const BASE = arg('base', 'HEAD');
const DAYS = Number(arg('days', '60'));
const RUNS = Number(arg('runs', '3'));
const NOW = Date.UTC(2026, 10, 22, 2, 0, 0);

const demo = createDemoHandler({ seed: 7, now: NOW, days: DAYS, ordersPerDay: 300 });
const total = listTotal(demo);
const batches = JSON.stringify(allBatches(demo, total));
const dirs = { A: checkoutOf(BASE), B: ROOT };
const { context, extensionId, userDataDir } = await launchWithExtension();
const out: Record<string, { first: number[]; again: number[]; cpu: number[]; load: number[] }> = {};
try {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  for (const a of ['A', 'B'] as const) {
    await page.evaluate(await bundle(ingestPageCode(dirs[a]), `KB${a}`));
    out[a] = { first: [], again: [], cpu: [], load: [] };
  }
  out.raw = { first: [], again: [], cpu: [], load: [] };
  for (let run = 0; run < RUNS; run++) {
    for (const a of run % 2 ? (['B', 'A'] as const) : (['A', 'B'] as const)) {
      const c0 = browserCpuSeconds(userDataDir);
      const r = await page.evaluate<{ first: number; again: number; stored: number }>(`KB${a}.pipeline(${batches}, 'douyin:bench')`); // prettier-ignore
      out[a]!.cpu.push(browserCpuSeconds(userDataDir) - c0);
      out[a]!.first.push(r.first);
      out[a]!.again.push(r.again);
      out[a]!.load.push(load());
      console.log(`run ${run + 1} arm ${a}: first ${Math.round(r.first)} ms, again ${Math.round(r.again)} ms, stored ${r.stored}, load ${load()}`); // prettier-ignore
      // The raw loop of the rows this arm stored, right after it.
      const c1 = browserCpuSeconds(userDataDir);
      const raw = await page.evaluate<number>(`KB${a}.rawPutLoop(1000)`);
      out.raw.cpu.push(browserCpuSeconds(userDataDir) - c1);
      out.raw.first.push(raw);
      out.raw.load.push(load());
      console.log(`run ${run + 1} raw put loop: ${Math.round(raw)} ms, load ${load()}`);
    }
  }
} finally {
  await context.close();
}
const raw = median(out.raw.first);
const summary = Object.fromEntries(
  (['A', 'B'] as const).map((a) => {
    const r = out[a]!;
    return [
      a,
      {
        lib: a === 'A' ? BASE : 'worktree',
        firstMs: Math.round(median(r.first)),
        againMs: Math.round(median(r.again)),
        vsRaw: +(raw / median(r.first)).toFixed(2),
        vsRawRuns: r.first.map((x) => +(raw / x).toFixed(2)),
        cpuS: +median(r.cpu).toFixed(2),
        load: r.load,
      },
    ];
  }),
);
// Paired per run (the arms of one run ran back to back, so load drifts hit both): B's time over A's.
const paired = out.A!.first.map((x, i) => +(out.B!.first[i]! / x).toFixed(2));
console.log(`B ÷ A per run: ${paired.join(' / ')} (median ${median(paired).toFixed(2)})`);
for (const [a, s] of Object.entries(summary))
  console.log(`arm ${a} (${s.lib}): ingest path ${s.firstMs} ms (again ${s.againMs} ms), raw/ours ${s.vsRaw}× (${s.vsRawRuns.join(' / ')}), CPU ${s.cpuS} s, load ${s.load.join(' / ')}`); // prettier-ignore
console.log(`raw put loop: ${Math.round(raw)} ms (${out.raw.first.map(Math.round).join(' / ')}), CPU ${median(out.raw.cpu).toFixed(2)} s, ${total} rows`); // prettier-ignore
console.log(JSON.stringify({ bench: 'ingest-ab', rows: total, rawMs: Math.round(raw), bOverA: paired, ...summary })); // prettier-ignore
