import { describe, expect, it } from 'vitest';
import { pageIdle, type IdleWin } from './idle';

function fakeWin(withIdle: boolean) {
  const idle: { fn: () => void; timeout?: number }[] = [];
  const timers: (() => void)[] = [];
  const on: Record<string, () => void> = {};
  const win: IdleWin = {
    setTimeout: (fn) => timers.push(fn),
    addEventListener: (type, fn) => (on[type] = fn),
    ...(withIdle
      ? {
          requestIdleCallback: (fn: () => void, o?: { timeout: number }) =>
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
