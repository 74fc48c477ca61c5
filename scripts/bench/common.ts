/**
 * Shared pieces of the benchmarks (issue #7): the figure type every bench returns, statistics, the
 * machine's load, and bundling lib/ code for evaluation inside an extension page.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import type { Worker } from '@playwright/test';
import { build } from 'esbuild';
import { DB_NAME } from '../../lib/db';

export const ROOT = resolve(import.meta.dirname, '../..');

/** full: the sizes; quick: smaller sizes for iteration; smoke: only checks the harness works. */
export type Mode = 'full' | 'quick' | 'smoke';

/** One line of the results table. */
export interface Figure {
  /** Group in the table: ingest, messaging, score, content script, … */
  group: string;
  what: string;
  /** Median (or the single value). */
  value: number;
  unit: string;
  min?: number;
  max?: number;
  /** Human-readable target, e.g. "≥ 0.9×". */
  target: string;
  /** null: informative only (no target of its own). */
  pass: boolean | null;
  /** Where it was measured. */
  where: 'chromium' | 'node' | 'build';
  note?: string;
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  if (!n) return NaN;
  return n % 2 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
};

/** A figure from several runs: median, min and max. */
export function stat(
  xs: readonly number[],
  f: Omit<Figure, 'value' | 'min' | 'max' | 'pass'> & { pass: (median: number) => boolean | null },
): Figure {
  const value = median(xs);
  return { ...f, value, min: Math.min(...xs), max: Math.max(...xs), pass: f.pass(value) };
}

/** 1-minute load average, rounded (other engineers share the machine). */
export const load = (): number => Math.round(loadavg()[0]! * 100) / 100;

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Reviews stored by the extension, counted in its service worker (raw IndexedDB, no Dexie needed). */
export async function storedReviews(sw: Worker): Promise<number> {
  return sw.evaluate(`(async () => {
    const req = (r) => new Promise((res, rej) => { r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
    const db = await req(indexedDB.open(${JSON.stringify(DB_NAME)}));
    const n = await req(db.transaction('reviews').objectStore('reviews').count());
    db.close();
    return n;
  })()`);
}

/**
 * Bundles `source` (an ES module that may import lib/ and components/ by absolute path or `@/`) into an
 * IIFE exposing its exports as `globalThis[name]`, for `page.evaluate(text)` in an extension page. A
 * string, not a function: tsx injects `__name` helpers into serialized functions.
 */
export async function bundle(source: string, name = 'KB'): Promise<string> {
  const out = await build({
    stdin: { contents: source, resolveDir: ROOT, loader: 'tsx' },
    bundle: true,
    format: 'iife',
    globalName: name,
    platform: 'browser',
    target: 'chrome116',
    write: false,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    alias: { '@': ROOT },
    loader: { '.css': 'empty' },
    logLevel: 'error',
  });
  return out.outputFiles[0]!.text;
}

/** Polls `fn` until it returns a truthy value (or throws after `timeoutMs`). */
export async function until<T>(
  fn: () => Promise<T | undefined | false | null>,
  timeoutMs: number,
  everyMs = 100,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms`);
    await sleep(everyMs);
  }
}

/**
 * CPU seconds used so far by the browser launched on `userDataDir` and every process under it (Linux
 * /proc: utime + stime of the tree, 100 ticks per second). Unlike wall time, this barely depends on how
 * busy the other agents keep the machine's two cores; the IndexedDB work in the browser process counts.
 */
export function browserCpuSeconds(userDataDir: string): number {
  const procs = new Map<number, { ppid: number; ticks: number; cmd: string }>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmd = readFileSync(`/proc/${d}/cmdline`, 'utf8');
      procs.set(Number(d), { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]), cmd });
    } catch {
      // exited meanwhile
    }
  }
  const roots = [...procs]
    .filter(([, p]) => p.cmd.includes(`--user-data-dir=${userDataDir}`))
    .map(([id]) => id);
  const tree = new Set(roots);
  for (let grew = true; grew;) {
    grew = false;
    for (const [id, p] of procs)
      if (!tree.has(id) && tree.has(p.ppid)) {
        tree.add(id);
        grew = true;
      }
  }
  let ticks = 0;
  for (const id of tree) ticks += procs.get(id)!.ticks;
  return ticks / 100;
}

/**
 * Waits until the browser on `userDataDir` is idle: `quiet` consecutive windows of `windowMs` in which its
 * whole process tree used less than `share` of one core (idle with an extension page open: ≈ 5–15 %), at
 * least `minMs` and at most `maxMs` in all. Returns the wait in ms and whether the browser went quiet.
 * A fixed wait after a large rebuild measured beside a busy browser (docs/perf-first-paint.md).
 */
export async function settleIdle(
  userDataDir: string,
  { minMs = 2_000, maxMs = 120_000, windowMs = 2_000, quiet = 2, share = 0.2 } = {},
): Promise<{ ms: number; idle: boolean }> {
  const t0 = Date.now();
  let calm = 0;
  for (;;) {
    const c0 = browserCpuSeconds(userDataDir);
    await sleep(windowMs);
    const used = browserCpuSeconds(userDataDir) - c0;
    calm = used < (share * windowMs) / 1000 ? calm + 1 : 0;
    const ms = Date.now() - t0;
    if (calm >= quiet && ms >= minMs) return { ms, idle: true };
    if (ms >= maxMs) return { ms, idle: false };
  }
}
