/**
 * The one clock (issue #13). Every "now" that means calendar time — today's date, score windows,
 * freshness, reply deadlines, timestamps stored with records — comes from `now()`, in the service worker,
 * the extension pages and the content scripts alike. Normally it is the machine's clock. The tests and the
 * demo pin it (key `clock` in chrome.storage.local, written by the test harness through the service worker)
 * to the same instant as the demo consoles' world, so that a test means the same thing on any day, at any
 * hour, in any machine time zone.
 *
 * Durations (time-outs, drawing slices, retry back-off) are not calendar time: they use
 * `performance.now()` or the real `Date.now()` and never this clock.
 *
 * Only extension contexts can write chrome.storage: a console page cannot move the clock.
 */
import { browser } from 'wxt/browser';

export interface ClockPin {
  /** The pinned instant (ms since epoch, UTC). */
  at: number;
  /** true: time stands still at `at`; false: it runs on from `at` since `setAt`. */
  frozen: boolean;
  /** Real ms since epoch when the pin was written (for a running pin). */
  setAt: number;
}

/** 2000-01-01 .. 2100-01-01: anything outside is a corrupt pin and is ignored. */
const MIN = 946_684_800_000;
const MAX = 4_102_444_800_000;

/**
 * The chrome.storage.local key of the pin. Read with the raw storage API (not a WXT storage item) so the
 * content scripts, which need the clock too, do not carry the storage helpers (≈ 9 kB).
 */
export const CLOCK_KEY = 'clock';

type Listener = () => void;
const listeners = new Set<Listener>();

/** Calls `fn` whenever the stored pin changes (after the new value is applied). */
export function onClockChange(fn: Listener): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** A valid pin or null (a stored value is untrusted like any other). */
export function parsePin(v: unknown): ClockPin | null {
  if (!v || typeof v !== 'object') return null;
  const p = v as Partial<ClockPin>;
  const ok = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= MIN && x <= MAX;
  if (!ok(p.at)) return null;
  const frozen = p.frozen !== false;
  const setAt = ok(p.setAt) ? p.setAt : p.at;
  return { at: p.at, frozen, setAt };
}

let pin: ClockPin | null = null;

/** Calendar "now" in ms since epoch: the pinned instant when the clock is pinned, else the machine's. */
export function now(): number {
  // eslint-disable-next-line no-restricted-properties -- the one place that reads the machine clock
  const real = Date.now();
  if (!pin) return real;
  return pin.frozen ? pin.at : pin.at + (real - pin.setAt);
}

/** Whether the clock is pinned (the UI says so, so a pinned clock is never mistaken for the real date). */
export function isPinned(): boolean {
  return pin !== null;
}

/** Sets the pin in this context only (unit tests; the stored pin is what other contexts follow). */
export function setPinForTests(p: ClockPin | null): void {
  pin = p;
}

let ready: Promise<void> | undefined;

/**
 * Loads the stored pin and follows its changes; resolves when the first value is known. Cheap after the
 * first call. Every context awaits it before it computes anything dated (see the entrypoints).
 */
export function clockReady(): Promise<void> {
  ready ??= (async () => {
    try {
      browser.storage.onChanged.addListener((changes, area) => {
        if (area !== 'local' || !(CLOCK_KEY in changes)) return;
        pin = parsePin(changes[CLOCK_KEY]?.newValue);
        for (const fn of listeners) fn();
      });
      const got = await browser.storage.local.get(CLOCK_KEY);
      pin = parsePin(got[CLOCK_KEY]);
    } catch {
      pin = null; // storage unavailable (a page being torn down): the machine clock
    }
  })();
  return ready;
}

/** Forgets the loaded state (unit tests that restart a context). */
export function resetClockForTests(): void {
  ready = undefined;
  pin = null;
}
