/** lib/ of another commit, for the A/B benchmarks (scripts/bench/rebuild.ts, ingest-ab.ts). */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './common';

/** lib/ of `rev` extracted under out/bench/ (node_modules linked so the bundler resolves Dexie). */
export function checkoutOf(rev: string): string {
  const sha = execFileSync('git', ['rev-parse', '--short', rev], { cwd: ROOT, encoding: 'utf8' }).trim();
  const dir = join(ROOT, 'out/bench', `lib-${sha}`);
  if (!existsSync(join(dir, 'lib/db.ts'))) {
    mkdirSync(dir, { recursive: true });
    const tar = execFileSync('git', ['archive', '--format=tar', sha, 'lib'], {
      cwd: ROOT,
      maxBuffer: 2 ** 30,
    });
    execFileSync('tar', ['-x', '-C', dir], { input: tar });
  }
  if (!existsSync(join(dir, 'node_modules')))
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}
