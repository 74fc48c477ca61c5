/**
 * Benchmark: CSV and XLSX export of 100k and 1M reviews from the extension's own IndexedDB, in Chromium
 * with the built extension, against a plain single-pass `Papa.unparse` of the same rows in the same run.
 * Peak JS heap is sampled over CDP (`Runtime.getHeapUsage`) every 50 ms, after a forced GC.
 *
 * The export code is bundled from lib/export with esbuild and evaluated in an extension page (so it
 * reads the extension's database); strings are passed to `page.evaluate` (tsx would inject `__name`
 * into serialized functions).
 *
 * Run: npm run build && npx tsx scripts/bench/export.ts [--size=full|quick|smoke] [--xlsx-1m] [--profile=DIR [--noseed | --seed-only]]
 *   Rows: the database the ui benchmark shares (scripts/bench/seed-rows.ts `SHARED_SIZES`): full size a store
 *   of 100k reviews (the "100k" scope) and one of 900k, so "1M" is every review stored. `--small` = quick.
 *   `--profile=DIR --noseed`: a profile already seeded (npm run bench hands over the ui step's).
 *   --xlsx-1m: also time XLSX of 1M.
 * Targets: CSV 1M ≤ 15 s, heap growth ≤ 100 MB, ≥ 1.0× papaparse speed; XLSX 100k ≤ 15 s.
 * Last line: {"bench":"export",…}.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { launchWithExtension } from '../../e2e/browser';
import { settleIdle } from './common';
import { SHARED_SIZES, type SharedSize } from './seed-rows';

const args = new Set(process.argv.slice(2));
const SIZE = (process.argv.find((a) => a.startsWith('--size='))?.slice('--size='.length) ??
  (args.has('--small') ? 'quick' : 'full')) as SharedSize;
if (!(SIZE in SHARED_SIZES)) throw new Error(`--size=${SIZE}: full, quick or smoke`);
// Plan labels; the figures carry the row counts each run actually read.
const SMALL = SHARED_SIZES[SIZE].tenth;
const LARGE = SHARED_SIZES[SIZE].tenth + SHARED_SIZES[SIZE].reviews;
const root = resolve(import.meta.dirname, '../..');

/** Browser-side helpers, bundled into one IIFE exposing `KB`. */
const ENTRY = `
import Papa from 'papaparse';
import { openDb } from '${root}/lib/db';
import { exportData } from '${root}/lib/export/run';
import { reviewsKind } from '${root}/lib/export/kinds';
import { scanStore, selectStores } from '${root}/lib/export/scan';
import { seedShared, sharedStores } from '${root}/scripts/bench/seed-rows';

const small = sharedStores().tenth;
export async function seed(size) {
  const db = openDb();
  const c = (await seedShared(db, size, Date.now(), Math.random)).reviews;
  db.close();
  return c;
}
export async function runExport(format, scope) {
  const db = openDb();
  const t = performance.now();
  const res = await exportData(db, { format, kinds: ['reviews'], filter: scope === 'small' ? { storeKeys: [small.key] } : {}, now: Date.now() });
  const ms = performance.now() - t;
  db.close();
  return { ms, rows: res.rows.reviews, bytes: res.blob.size };
}
/** The export's own reads of the same rows (lib/export/scan), nothing done with them: the floor of the export. */
export async function readOnly(scope) {
  const db = openDb();
  const filter = scope === 'small' ? { storeKeys: [small.key] } : {};
  const t = performance.now();
  let rows = 0;
  for (const s of await selectStores(db, filter)) for await (const chunk of scanStore(db, reviewsKind, s.key, filter)) rows += chunk.length;
  const ms = performance.now() - t;
  db.close();
  return { ms, rows, bytes: 0 };
}
export async function runPapa(scope) {
  const db = openDb();
  const t = performance.now();
  try {
    const rows = scope === 'small' ? await db.reviews.where('[storeKey+createdAt]').between([small.key, -Infinity], [small.key, Infinity]).toArray() : await db.reviews.toArray();
    const stores = new Map((await db.stores.toArray()).map((s) => [s.key, s]));
    const data = rows.map((r) => reviewsKind.columns.map((c) => { const v = c.get(r, { stores }); return v === undefined ? '' : v; }));
    const text = Papa.unparse({ fields: reviewsKind.columns.map((c) => c.header), data }, { escapeFormulae: true });
    const blob = new Blob(['\\uFEFF', text]);
    return { ms: performance.now() - t, rows: rows.length, bytes: blob.size };
  } catch (e) {
    return { ms: performance.now() - t, rows: 0, bytes: 0, error: String(e) };
  } finally { db.close(); }
}
`;

async function bundle(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'koubei-bench-'));
  const entry = join(dir, 'entry.ts');
  writeFileSync(entry, ENTRY);
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    globalName: 'KB',
    platform: 'browser',
    target: 'chrome116',
    write: false,
    nodePaths: [join(root, 'node_modules')],
    logLevel: 'error',
  });
  return out.outputFiles[0]!.text;
}

interface Run {
  ms: number;
  rows: number;
  bytes: number;
  error?: string;
  heapMB?: number;
}

async function main() {
  const code = await bundle();
  // --profile=DIR reuses a Chromium profile (and its seeded database with --noseed) between runs.
  const profile = process.argv.find((a) => a.startsWith('--profile='))?.slice('--profile='.length);
  const { context, extensionId, userDataDir } = await launchWithExtension({ userDataDir: profile });
  try {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await page.evaluate(code);
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.enable');

    const t0 = Date.now();
    const seeded = args.has('--noseed') ? 0 : await page.evaluate(`KB.seed('${SIZE}')`);
    console.log(`seeded ${seeded} reviews in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    // --seed-only: seed the profile (--profile=DIR) for later runs with --noseed, then stop.
    if (args.has('--seed-only')) {
      console.log(JSON.stringify({ bench: 'export-seed', seeded, ms: Date.now() - t0 }));
      return;
    }

    async function measured(expr: string): Promise<Run> {
      await cdp.send('HeapProfiler.collectGarbage');
      const base = ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
      let peak = base;
      let sampling = true;
      const sampler = (async () => {
        while (sampling) {
          const u = ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
          peak = Math.max(peak, u);
          await new Promise((r) => setTimeout(r, 50));
        }
      })();
      const r = (await page.evaluate(expr)) as Run;
      sampling = false;
      await sampler;
      return { ...r, heapMB: Math.round((peak - base) / 1e6) };
    }

    const runs: Record<string, Run> = {};
    const plan: [string, string][] = [
      [`csv ${SMALL}`, `KB.runExport('csv','small')`],
      [`papaparse ${SMALL}`, `KB.runPapa('small')`],
      [`xlsx ${SMALL}`, `KB.runExport('xlsx','small')`],
      [`read ${LARGE}`, `KB.readOnly('all')`],
      [`csv ${LARGE}`, `KB.runExport('csv','all')`],
      // The floor again, after the export: the first read runs in a browser just opened on a database the
      // ui step has just seeded (LevelDB still compacting), and took longer than the CSV export itself in the
      // full run of 2026-12-07 (61.9 vs 38.3 s). The floor is the faster of the two reads.
      [`read ${LARGE} again`, `KB.readOnly('all')`],
      [`papaparse ${LARGE}`, `KB.runPapa('all')`],
    ];
    if (args.has('--xlsx-1m')) plan.push([`xlsx ${LARGE}`, `KB.runExport('xlsx','all')`]);
    let settled: { ms: number; idle: boolean } | undefined;
    for (const [name, expr] of plan) {
      // The large steps run on a database the ui step (or the seed above) has just written: LevelDB is
      // still compacting, which made the first read of 1M rows 1.7× slower than the same read after the
      // export (full run of 2026-12-07). Like the ui step's first paints, they start once the browser is idle.
      if (name === `read ${LARGE}`) {
        settled = await settleIdle(userDataDir, {
          maxMs: SIZE === 'full' ? 120_000 : SIZE === 'quick' ? 60_000 : 3_000,
        });
        console.log(
          `browser ${settled.idle ? 'idle' : 'still busy'} after ${(settled.ms / 1000).toFixed(0)} s`,
        );
      }
      runs[name] = await measured(expr);
      const r = runs[name]!;
      console.log(
        `${name.padEnd(18)} ${(r.ms / 1000).toFixed(2).padStart(7)} s  ${String(r.rows).padStart(8)} rows  ` +
          `${(r.bytes / 1e6).toFixed(1).padStart(7)} MB  heap +${r.heapMB} MB${r.error ? `  ERROR ${r.error}` : ''}`,
      );
    }
    const ratio = (n: number) => {
      const p = runs[`papaparse ${n}`];
      const c = runs[`csv ${n}`]!;
      return p && !p.error ? Number((p.ms / c.ms).toFixed(2)) : null;
    };
    const csvL = runs[`csv ${LARGE}`]!;
    const xlsxS = runs[`xlsx ${SMALL}`]!;
    const summary = {
      bench: 'export',
      small: runs[`csv ${SMALL}`]!.rows,
      large: csvL.rows,
      csvSmallMs: Math.round(runs[`csv ${SMALL}`]!.ms),
      csvLargeMs: Math.round(csvL.ms),
      csvLargeHeapMB: csvL.heapMB,
      readLargeMs: Math.round(Math.min(runs[`read ${LARGE}`]!.ms, runs[`read ${LARGE} again`]!.ms)),
      readLargeRunsMs: [runs[`read ${LARGE}`]!.ms, runs[`read ${LARGE} again`]!.ms].map(Math.round),
      settleMs: settled?.ms ?? null,
      settleIdle: settled?.idle ?? null,
      xlsxSmallMs: Math.round(xlsxS.ms),
      xlsxSmallHeapMB: xlsxS.heapMB,
      xlsxLargeMs: runs[`xlsx ${LARGE}`] ? Math.round(runs[`xlsx ${LARGE}`]!.ms) : null,
      papaSmallMs: Math.round(runs[`papaparse ${SMALL}`]!.ms),
      papaLargeMs: runs[`papaparse ${LARGE}`]!.error ? null : Math.round(runs[`papaparse ${LARGE}`]!.ms),
      papaLargeError: runs[`papaparse ${LARGE}`]!.error ?? null,
      speedVsPapaSmall: ratio(SMALL),
      speedVsPapaLarge: ratio(LARGE),
      targets: {
        csvLargeUnder15s: csvL.ms <= 15_000,
        heapUnder100MB: (csvL.heapMB ?? Infinity) <= 100,
        xlsxSmallUnder15s: xlsxS.ms <= 15_000,
      },
    };
    console.log(JSON.stringify(summary));
  } finally {
    await context.close();
  }
}

await main();
