/**
 * Clock matrix (issue #13, scripts/test-all.mjs): with KOUBEI_TEST_NOW set, every unit test file runs
 * with the machine clock (Date only; timers stay real) starting at that instant, so code that reads the
 * real clock — lib/clock.ts when nothing is pinned — sees Asia/Shanghai midnight, month end, 29 February…
 */
import { vi } from 'vitest';

const v = process.env.KOUBEI_TEST_NOW;
if (v) {
  const at = /^\d+$/.test(v) ? Number(v) : Date.parse(v);
  if (!Number.isFinite(at)) throw new Error(`KOUBEI_TEST_NOW is not an instant: ${v}`);
  vi.useFakeTimers({ now: at, toFake: ['Date'], shouldAdvanceTime: true });
}
