/**
 * Benchmark: 飞书多维表格 board sync of 10,000 差评 rows (issue #14 target ≤ 60 s), against the local mock of
 * the 飞书 open platform (lib/team/testing/mock-bitable.ts) on loopback, within the documented batch
 * maxima (records search 500 per page, batch_create / batch_update 500 per call here).
 *
 * Two syncs per run, as a merchant's board sees them: the first creates every row (and the fields), the
 * second finds every key and updates in place. Each is timed with no added latency (our side's cost) and
 * with `--latency` ms added to every API answer (a stand-in for the real service's round trip; default
 * 300 ms, a slow answer for 飞书's API from a merchant's line). Median and min–max of `--runs` runs.
 *
 * Run: npx tsx scripts/bench/board.ts [rows] [--runs=3] [--latency=300]
 * Last line is one JSON summary: {"bench":"board",…}.
 */
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { openDb } from '../../lib/db';
import { makeReviews, makeStore } from '../../lib/export/testing';
import { syncBoard } from '../../lib/team/board-sync';
import { MockBitable } from '../../lib/team/testing/mock-bitable';
import type { BoardSettings } from '../../lib/team/types';

const args = process.argv.slice(2);
const ROWS = Number(args.find((a) => /^\d+$/.test(a)) ?? 10_000);
const opt = (name: string, dflt: number) =>
  Number(args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? dflt);
const RUNS = opt('runs', 3);
const LATENCY = opt('latency', 300);
const NOW = Date.UTC(2026, 10, 22, 2);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const db = openDb('bench-board');
  await db.open();
  const store = makeStore();
  await db.stores.put(store);
  // Every row a 差评: star 1–2 of the generator's reviews, re-keyed until there are ROWS of them.
  const bad = makeReviews(store, ROWS * 3, 7)
    .filter((r) => r.polarity === 'bad')
    .slice(0, ROWS);
  if (bad.length < ROWS) throw new Error(`only ${bad.length} 差评 generated`);
  await db.reviews.bulkPut(bad);

  const s: BoardSettings = {
    ...{ enabled: true, appId: 'cli_bench', appSecret: 's', appToken: 'bascnBench' },
    tables: { snapshots: '', reviews: 'tblR', alerts: '' },
  };
  const times: Record<'create' | 'update', Record<'loopback' | 'latency', number[]>> = {
    create: { loopback: [], latency: [] },
    update: { loopback: [], latency: [] },
  };
  let calls: Record<string, number> = {};
  // Interleaved: loopback, latency, loopback, latency… each run on a fresh mock (empty table).
  for (let run = 0; run < RUNS; run++) {
    for (const arm of ['loopback', 'latency'] as const) {
      const mock = new MockBitable({ id: 'cli_bench', secret: 's' }, () => NOW);
      mock.latencyMs = arm === 'latency' ? LATENCY : 0;
      await mock.start();
      mock.addTable('bascnBench', 'tblR');
      const deps = {
        fetchFn: (u: RequestInfo | URL, i?: RequestInit) => fetch(u, i),
        now: () => NOW,
        baseUrl: mock.origin,
      };
      let t = performance.now();
      const first = await syncBoard(db, s, deps);
      times.create[arm].push((performance.now() - t) / 1000);
      t = performance.now();
      const second = await syncBoard(db, s, deps);
      times.update[arm].push((performance.now() - t) / 1000);
      const recs = mock.tables.get('bascnBench/tblR')!.records;
      if (first.reviews?.created !== ROWS || second.reviews?.updated !== ROWS || recs.length !== ROWS)
        throw new Error(
          `sync wrong: created ${first.reviews?.created}, updated ${second.reviews?.updated}, rows ${recs.length}`,
        );
      calls = Object.fromEntries(mock.calls);
      await mock.stop();
    }
  }
  await db.delete();
  const fig = (xs: number[]) => ({
    s: Math.round(median(xs) * 100) / 100,
    min: Math.round(Math.min(...xs) * 100) / 100,
    max: Math.round(Math.max(...xs) * 100) / 100,
  });
  const out = {
    bench: 'board',
    rows: ROWS,
    runs: RUNS,
    latencyMs: LATENCY,
    calls,
    create: { loopback: fig(times.create.loopback), latency: fig(times.create.latency) },
    update: { loopback: fig(times.update.loopback), latency: fig(times.update.latency) },
  };
  console.log(
    `board sync of ${ROWS} 差评 rows, median of ${RUNS} (min–max):\n` +
      `  first sync (create): ${out.create.loopback.s} s loopback (${out.create.loopback.min}–${out.create.loopback.max}), ` +
      `${out.create.latency.s} s at ${LATENCY} ms per call (${out.create.latency.min}–${out.create.latency.max})\n` +
      `  second sync (update): ${out.update.loopback.s} s loopback (${out.update.loopback.min}–${out.update.loopback.max}), ` +
      `${out.update.latency.s} s at ${LATENCY} ms per call (${out.update.latency.min}–${out.update.latency.max})\n` +
      `  API calls of the last sync pair: ${JSON.stringify(calls)}`,
  );
  console.log(JSON.stringify(out));
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
