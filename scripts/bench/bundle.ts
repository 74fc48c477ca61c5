/**
 * Bundle figures from the built extension (.output/chrome-mv3), read from the files themselves:
 * - a page's initial JS: the scripts its HTML loads plus everything they import statically (a dynamic
 *   `import()` loads after first paint and is not counted), gzip level 9;
 * - the content scripts a console tab gets: the main-world hook plus one platform's isolated script; the
 *   page UI (overlay, walker: page-ui.js) is imported later, only by pages that capture a list.
 * Used by the benchmarks and by e2e/score.spec.ts (the popup and side-panel budgets).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

/** Gzipped bytes of the JS `html` (relative to `dir`) loads before first paint, and the files counted. */
export function initialJs(dir: string, html: string): { bytes: number; files: string[] } {
  const seen = new Set<string>();
  const walk = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(
      /(?:^|[;}\s])(?:import|export)\s*(?:[^'"();]*?from\s*)?["'](\.{1,2}\/[^"']+)["']/g,
    ))
      walk(resolve(dirname(file), m[1]!));
  };
  for (const m of readFileSync(join(dir, html), 'utf8').matchAll(/<script[^>]*src="\/([^"]+)"/g))
    walk(join(dir, m[1]!));
  const files = [...seen];
  return { bytes: files.reduce((s, f) => s + gz(f), 0), files };
}

/** Gzipped bytes of the hook plus each platform's isolated content script (one tab gets one pair). */
export function contentScripts(dir: string): {
  hook: number;
  perPlatform: Record<string, number>;
  pageUi: number;
} {
  const cs = join(dir, 'content-scripts');
  const hook = gz(join(cs, 'hook.js'));
  const perPlatform: Record<string, number> = {};
  for (const f of readdirSync(cs).filter((x) => x.endsWith('.js') && x !== 'hook.js'))
    perPlatform[f.replace(/\.js$/, '')] = gz(join(cs, f));
  return { hook, perPlatform, pageUi: gz(join(dir, 'page-ui.js')) };
}
