import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { arrivalQuiet, IDLE_LEFT_MS, pageIdle, type IdlePeriod, type IdleWin } from './idle';

function fakeWin(withIdle: boolean) {
  const idle: { fn: (period?: IdlePeriod) => void; timeout?: number }[] = [];
  const timers: (() => void)[] = [];
  const on: Record<string, () => void> = {};
  const win: IdleWin = {
    setTimeout: (fn) => timers.push(fn),
    addEventListener: (type, fn) => (on[type] = fn),
    ...(withIdle
      ? {
          requestIdleCallback: (fn: (period?: IdlePeriod) => void, o?: { timeout: number }) =>
            idle.push({ fn, timeout: o?.timeout }),
        }
      : {}),
  };
  return { win, idle, timers, on };
}

const settled = async (p: Promise<void>) => {
  let done = false;
  void p.then(() => (done = true));
  await Promise.resolve();
  await Promise.resolve();
  return done;
};

describe('pageIdle', () => {
  it('waits for an idle callback, with a timeout so a busy page still gets its rows', async () => {
    const f = fakeWin(true);
    const wait = pageIdle(f.win, 300)();
    expect(await settled(wait)).toBe(false);
    expect(f.idle).toHaveLength(1);
    expect(f.idle[0]!.timeout).toBe(300);
    f.idle[0]!.fn();
    expect(await settled(wait)).toBe(true);
  });

  it('goes on in the same idle period while it has time left, until the task ends', async () => {
    const f = fakeWin(true);
    const idle = pageIdle(f.win);
    let left = 40;
    const first = idle();
    f.idle[0]!.fn({ timeRemaining: () => left });
    expect(await settled(first)).toBe(true);
    // The next response's work, chained in the same task: no new idle callback needed.
    expect(await settled(idle())).toBe(true);
    expect(f.idle).toHaveLength(1);
    // Too little time left: wait for another period.
    left = IDLE_LEFT_MS;
    const later = idle();
    expect(await settled(later)).toBe(false);
    expect(f.idle).toHaveLength(2);
    // Once the task that ran the callback has ended, its period no longer counts.
    f.idle[1]!.fn({ timeRemaining: () => 40 });
    expect(await settled(later)).toBe(true);
    for (const t of f.timers.splice(0)) t();
    const next = idle();
    expect(await settled(next)).toBe(false);
    expect(f.idle).toHaveLength(3);
  });

  it('a callback run by its timeout (busy page) starts nothing more', async () => {
    const f = fakeWin(true);
    const idle = pageIdle(f.win);
    const first = idle();
    f.idle[0]!.fn({ timeRemaining: () => 0 });
    expect(await settled(first)).toBe(true);
    expect(await settled(idle())).toBe(false);
    expect(f.idle).toHaveLength(2);
  });

  it('falls back to a task when the browser has no requestIdleCallback', async () => {
    const f = fakeWin(false);
    const wait = pageIdle(f.win)();
    expect(await settled(wait)).toBe(false);
    f.timers[0]!();
    expect(await settled(wait)).toBe(true);
  });

  it.each(['beforeunload', 'pagehide'])(
    'releases everything waiting on %s, and waits no more until the page is shown again',
    async (event) => {
      const f = fakeWin(true);
      const idle = pageIdle(f.win);
      const a = idle();
      const b = idle();
      f.on[event]!();
      expect(await settled(a)).toBe(true);
      expect(await settled(b)).toBe(true);
      f.idle[0]!.fn(); // a late idle callback for an already released wait is harmless
      expect(await settled(idle())).toBe(true);
      f.on.pageshow!();
      expect(await settled(idle())).toBe(false);
    },
  );
});

describe('arrivalQuiet', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());
  const timedWin = () => {
    const on: Record<string, () => void> = {};
    const win: IdleWin = {
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      addEventListener: (type, fn) => (on[type] = fn),
    };
    return { win, on };
  };
  /** Resolution times (fake ms since the start) of each wait. */
  const track = (p: Promise<void>, t0: number, out: number[], i: number) =>
    void p.then(() => (out[i] = Date.now() - t0));

  it('resolves once no other response arrived for the quiet time', async () => {
    const { win } = timedWin();
    const arrive = arrivalQuiet(win, 400, 2000, () => Date.now());
    const t0 = Date.now();
    const done: number[] = [];
    track(arrive(), t0, done, 0);
    await vi.advanceTimersByTimeAsync(300);
    track(arrive(), t0, done, 1); // a second page 300 ms later: both wait for the quiet after it
    await vi.advanceTimersByTimeAsync(399);
    expect(done).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toEqual([700, 700]);
  });

  it('waits at most maxMs after each arrival while responses keep coming (no growing backlog)', async () => {
    const { win } = timedWin();
    const arrive = arrivalQuiet(win, 400, 2000, () => Date.now());
    const t0 = Date.now();
    const done: number[] = [];
    // A page every 250 ms for 4 s: never quiet for 400 ms.
    for (let i = 0; i < 16; i++) {
      track(arrive(), t0, done, i);
      await vi.advanceTimersByTimeAsync(250);
    }
    await vi.advanceTimersByTimeAsync(2000);
    // Each resolved 2,000 ms after its own arrival (or earlier, once quiet at the end).
    done.forEach((t, i) => expect(t - i * 250).toBeLessThanOrEqual(2000));
    expect(done.slice(0, 8).map((t, i) => t - i * 250)).toEqual(Array(8).fill(2000));
    expect(done.at(-1)! - 15 * 250).toBe(400);
  });

  it('past maxBytes waiting, releases the oldest first and keeps the rest waiting', async () => {
    const { win } = timedWin();
    const arrive = arrivalQuiet(win, 400, 30_000, () => Date.now(), 250);
    const t0 = Date.now();
    const done: number[] = [];
    // Pages of 100 bytes every 100 ms: never quiet, far from maxMs; at most 250 bytes may wait.
    for (let i = 0; i < 5; i++) {
      track(arrive(100), t0, done, i);
      await vi.advanceTimersByTimeAsync(100);
    }
    // The third arrival (300 bytes) released the first, the fourth the second, the fifth the third.
    expect(done).toEqual([200, 300, 400]);
    await vi.advanceTimersByTimeAsync(299);
    expect(done.length).toBe(3);
    await vi.advanceTimersByTimeAsync(1);
    // The last two went together once quiet (400 ms after the fifth arrival).
    expect(done).toEqual([200, 300, 400, 800, 800]);
    // Released waits no longer count: after the quiet, two more pages fit again.
    track(arrive(100), t0, done, 5);
    track(arrive(100), t0, done, 6);
    await vi.advanceTimersByTimeAsync(0);
    expect(done.length).toBe(5);
    // One response larger than the bound goes at once, and the older waits before it (arrival order).
    track(arrive(1000), t0, done, 7);
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toEqual([200, 300, 400, 800, 800, 800, 800, 800]);
  });

  it.each(['beforeunload', 'pagehide'])(
    'releases every wait on %s, until the page is shown again',
    async (event) => {
      const { win, on } = timedWin();
      const arrive = arrivalQuiet(win, 400, 2000, () => Date.now());
      const a = arrive();
      on[event]!();
      expect(await settled(a)).toBe(true);
      expect(await settled(arrive())).toBe(true);
      on.pageshow!();
      expect(await settled(arrive())).toBe(false);
    },
  );
});
