/**
 * Waiting for the page to be idle before the content script works (issue #15). The isolated world runs on
 * the page's main thread: parsing a response the moment it arrives delayed the console's own rendering of
 * that response (下一页 on 100-row pages took ~50 % longer). Work waits for an idle period (or `timeout` ms
 * at most, so a busy page still gets its rows captured), and everything waiting runs at once as soon as
 * the page is about to be left (`beforeunload`: the navigation's request still has to travel, so the batch
 * has time to go out; `pagehide` as a last resort), so a page that navigates away does not lose its data.
 */
/** What an idle callback is given (the DOM's IdleDeadline). */
export interface IdlePeriod {
  timeRemaining(): number;
}

export interface IdleWin {
  requestIdleCallback?: (fn: (period?: IdlePeriod) => void, opts?: { timeout: number }) => number;
  setTimeout: (fn: () => void, ms: number) => unknown;
  addEventListener(type: 'beforeunload' | 'pagehide' | 'pageshow', fn: () => void): void;
}

/**
 * Waits released when the page is being left: `beforeunload` (the navigation's request still has to travel,
 * so a batch has time to go out), `pagehide` as a last resort; `pageshow` (back from the bfcache) waits again.
 */
function leaveRelease(win: IdleWin) {
  const waiting = new Set<() => void>();
  let leaving = false;
  const leave = () => {
    leaving = true;
    for (const go of [...waiting]) go();
  };
  win.addEventListener('beforeunload', leave);
  win.addEventListener('pagehide', leave);
  win.addEventListener('pageshow', () => (leaving = false));
  return {
    leaving: () => leaving,
    /** A promise and its release; the release runs once, whichever comes first (the wait or the page leaving). */
    wait(): { done: Promise<void>; go: () => void; live: () => boolean } {
      let go!: () => void;
      const done = new Promise<void>((resolve) => {
        go = () => {
          if (waiting.delete(go)) resolve();
        };
      });
      waiting.add(go);
      return { done, go, live: () => waiting.has(go) };
    },
  };
}

/**
 * Below this many ms left in an idle period, the next piece of work waits for another period. Chromium's
 * periods last at most 50 ms, so the callback's task stays near 25 ms plus one piece (a 100-row parse takes
 * a few ms): with 10 ms, the console benchmark's longest stretch of our work reached 43 ms, close to a long
 * task (50 ms).
 */
export const IDLE_LEFT_MS = 25;

export function pageIdle(win: IdleWin, timeout = 200): () => Promise<void> {
  const release = leaveRelease(win);
  /** The idle period the last callback ran in; forgotten when the task it ran in ends. */
  let period: IdlePeriod | undefined;
  return () => {
    if (release.leaving()) return Promise.resolve();
    // Work chained inside an idle callback (the next waiting response, after a quick walk) goes on in the
    // same idle period while it has time left, instead of one piece per period (Chromium's are ≤ 50 ms
    // apart: a 50-page walk took 5 s to store, two waits per response). A callback run by its timeout
    // (a busy page) has no time left, so nothing more runs in it.
    if (period && period.timeRemaining() > IDLE_LEFT_MS) return Promise.resolve();
    const { done, go } = release.wait();
    if (win.requestIdleCallback)
      win.requestIdleCallback(
        (p) => {
          period = p;
          win.setTimeout(() => (period = undefined), 0);
          go();
        },
        { timeout },
      );
    else win.setTimeout(go, 0);
    return done;
  };
}

/**
 * Waiting for the console to stop loading lists (issue #15). Call it when a response arrives, with its
 * size; the promise resolves once no other response has arrived for `quietMs`, or `maxMs` after this one
 * arrived, or at once when the page is being left. A merchant paging quickly (下一页 every few hundred ms)
 * gets the turns' rows stored after the paging pauses instead of during the next turns, where storing
 * them (the worker's ingest, IndexedDB's writes) competed with the console's render for the same cores.
 * `maxMs` bounds how late a row is stored during a long walk (each wait counts from its own arrival), and
 * `maxBytes` bounds the memory the waiting bodies hold: past it, the oldest waits are released first.
 */
export function arrivalQuiet(
  win: IdleWin,
  quietMs: number,
  maxMs: number,
  now: () => number = () => performance.now(),
  maxBytes = Infinity,
): (bytes?: number) => Promise<void> {
  const release = leaveRelease(win);
  let last = -Infinity;
  /** Waits not yet released, oldest first, with their sizes. */
  let held: { go: () => void; live: () => boolean; bytes: number }[] = [];
  /** Past `maxBytes` waiting, the oldest go first (a handful of entries: one per waiting response). */
  const trim = () => {
    held = held.filter((w) => w.live());
    let bytes = held.reduce((n, w) => n + w.bytes, 0);
    while (bytes > maxBytes && held.length) {
      const w = held.shift()!;
      bytes -= w.bytes;
      w.go();
    }
  };
  return (bytes = 0) => {
    const arrived = now();
    last = arrived;
    if (release.leaving()) return Promise.resolve();
    const { done, go, live } = release.wait();
    held.push({ go, live, bytes });
    trim();
    const check = () => {
      if (!live()) return;
      const t = now();
      const left = Math.min(last + quietMs - t, arrived + maxMs - t);
      if (left <= 0) go();
      else win.setTimeout(check, left);
    };
    win.setTimeout(check, quietMs);
    return done;
  };
}
