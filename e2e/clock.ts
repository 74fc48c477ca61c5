/**
 * The tests' one clock (issue #13). The demo consoles' world and the extension (service worker, pages,
 * content scripts: lib/clock.ts) run on the same pinned instant, so a test means the same on any day, at
 * any hour, in any machine time zone. `KOUBEI_TEST_NOW` (ISO 8601 or ms) moves the instant: the clock
 * matrix in scripts/test-all.mjs runs the date-sensitive suites at Asia/Shanghai midnight, month end,
 * 29 February, year end and the day after 双11.
 */
import type { Worker } from '@playwright/test';

/** The default instant: 2026-11-22 10:00 Asia/Shanghai. */
export const DEFAULT_NOW = Date.UTC(2026, 10, 22, 2, 0, 0);

export function parseInstant(v: string | undefined): number | undefined {
  if (!v) return undefined;
  const t = /^\d+$/.test(v) ? Number(v) : Date.parse(v);
  if (!Number.isFinite(t)) throw new Error(`KOUBEI_TEST_NOW is not an instant: ${v}`);
  return t;
}

/** "Now" for the demo world and the extension in every test. */
export const TEST_NOW = parseInstant(process.env.KOUBEI_TEST_NOW) ?? DEFAULT_NOW;

/** YYYY-MM-DD in Asia/Shanghai, like the extension's day keys. */
export const shanghaiDay = (ms: number): string => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * Pins the extension's clock (chrome.storage.local `clock`, read by lib/clock.ts in every context).
 * `frozen`: time stands still (tests); otherwise it runs on from `at` (the demo).
 */
export async function pinExtensionClock(sw: Worker, at: number, frozen = true): Promise<void> {
  const pin = { at, frozen, setAt: Date.now() };
  await sw.evaluate(async (p) => {
    await chrome.storage.local.set({ clock: p });
    // storage.onChanged reaches the worker's own listener asynchronously: let it apply the pin.
    await new Promise((r) => setTimeout(r, 50));
  }, pin);
}
