/**
 * Shared pieces of the benchmarks (issue #7): the figure type every bench returns, statistics, the
 * machine's load, and bundling lib/ code for evaluation inside an extension page.
 */
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { build } from 'esbuild';

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
