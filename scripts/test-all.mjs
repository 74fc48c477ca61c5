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

/**
 * The clock matrix (issue #13): the date-sensitive unit suites and e2e/clock.spec.ts again at instants
 * where dates break — Asia/Shanghai midnight from both sides, month end, 29 February, year end, the day
 * after 双11 — with the machine in UTC, Asia/Shanghai and America/Los_Angeles. The tests' one clock
 * (KOUBEI_TEST_NOW: vitest.clock.ts, e2e/clock.ts) pins the demo world and the extension to the instant.
 */
const MATRIX = [
  ['2026-11-22T15:59:00Z', 'UTC'], // 23:59 in Asia/Shanghai
  ['2026-11-22T16:01:00Z', 'America/Los_Angeles'], // 00:01 the next day in Asia/Shanghai
  ['2026-11-30T23:30:00+08:00', 'Asia/Shanghai'], // month end
  ['2028-02-29T12:00:00+08:00', 'America/Los_Angeles'], // leap day
  ['2026-12-31T23:50:00+08:00', 'UTC'], // year end
  ['2026-11-12T10:00:00+08:00', 'Asia/Shanghai'], // the day after 双11
];
const DATE_SUITES = [
  'lib/clock.test.ts',
  'lib/scoring',
  'lib/score-view',
  'lib/replies',
  'lib/background',
  'lib/export',
  'components',
  'demo/generator',
];
if (process.env.SKIP_CLOCK_MATRIX !== '1') {
  MATRIX.forEach(([at, tz], i) => {
    const env = { KOUBEI_TEST_NOW: at, TZ: tz };
    console.log(`\n[clock matrix ${i + 1}/${MATRIX.length}] now=${at} TZ=${tz}`);
    const unitOut = `test-results/clock-unit-${i}.json`;
    rmSync(unitOut, { force: true });
    const st = run(
      'npx',
      ['vitest', 'run', ...DATE_SUITES, '--reporter=dot', '--reporter=json', `--outputFile.json=${unitOut}`],
      env,
    );
    const u = read(unitOut);
    if (u) {
      passed += u.numPassedTests;
      failed += u.numFailedTests;
      failed += u.testResults.filter((s) => s.status === 'failed' && s.assertionResults.length === 0).length;
    } else if (st !== 0) failed += 1;
    if (buildStatus !== 0 || process.env.SKIP_E2E === '1') return;
    const e2eOut = `test-results/clock-e2e-${i}.json`;
    rmSync(e2eOut, { force: true });
    const es = run('npx', ['playwright', 'test', 'e2e/clock.spec.ts'], { ...env, KOUBEI_E2E_JSON: e2eOut });
    const e = read(e2eOut);
    if (e) {
      passed += e.stats.expected + (e.stats.flaky ?? 0);
      failed += e.stats.unexpected + (e.errors ?? []).length;
      skipped += e.stats.skipped;
    } else if (es !== 0) failed += 1;
  });
}

console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
