#!/usr/bin/env node
// `npm test`: unit tests (vitest), then a production build, then end-to-end tests (Playwright in
// Debian's Chromium with the built extension). Ends with one line: "N passed, N failed[, N skipped]".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const run = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;
const read = (f) => (existsSync(f) ? JSON.parse(readFileSync(f, 'utf8')) : undefined);

mkdirSync('test-results', { recursive: true });
for (const f of ['test-results/unit.json', 'test-results/e2e.json']) rmSync(f, { force: true });

let passed = 0;
let failed = 0;
let skipped = 0;

const unitStatus = run('npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=test-results/unit.json',
]);
const unit = read('test-results/unit.json');
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  skipped += unit.numPendingTests + unit.numTodoTests;
  // A suite that failed to load has no test counts: count it as a failure.
  failed += unit.testResults.filter((s) => s.status === 'failed' && s.assertionResults.length === 0).length;
} else if (unitStatus !== 0) failed += 1;

const buildStatus = run('npx', ['wxt', 'build']);
if (buildStatus !== 0) {
  failed += 1;
} else if (process.env.SKIP_E2E !== '1') {
  const e2eStatus = run('npx', ['playwright', 'test']);
  const e2e = read('test-results/e2e.json');
  if (e2e) {
    passed += e2e.stats.expected + (e2e.stats.flaky ?? 0);
    failed += e2e.stats.unexpected;
    skipped += e2e.stats.skipped;
    // Errors outside tests (config, global setup) have no test counts.
    failed += (e2e.errors ?? []).length;
  } else if (e2eStatus !== 0) failed += 1;
}

console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
