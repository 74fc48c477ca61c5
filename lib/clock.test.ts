import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  clockReady,
  isPinned,
  now,
  onClockChange,
  parsePin,
  resetClockForTests,
  setPinForTests,
} from './clock';

const AT = Date.UTC(2026, 10, 22, 2);

beforeEach(() => {
  fakeBrowser.reset();
  resetClockForTests();
});

describe('parsePin: a stored pin is untrusted', () => {
  it.each([
    [null, null],
    ['2026-11-22', null],
    [{ at: Number.NaN }, null],
    [{ at: 12 }, null],
    [{ at: 9e15 }, null],
    [{ at: AT }, { at: AT, frozen: true, setAt: AT }],
    [
      { at: AT, frozen: false, setAt: AT + 5 },
      { at: AT, frozen: false, setAt: AT + 5 },
    ],
    [
      { at: AT, frozen: 'no', setAt: 'x' },
      { at: AT, frozen: true, setAt: AT },
    ],
  ])('%j → %j', (v, want) => {
    expect(parsePin(v)).toEqual(want);
  });
});

describe('now()', () => {
  it('is the machine clock when nothing is pinned', () => {
    const before = Date.now();
    const t = now();
    expect(t).toBeGreaterThanOrEqual(before);
    expect(t).toBeLessThanOrEqual(Date.now());
    expect(isPinned()).toBe(false);
  });

  it('stands still at a frozen pin', () => {
    setPinForTests({ at: AT, frozen: true, setAt: 0 });
    expect(now()).toBe(AT);
    expect(isPinned()).toBe(true);
  });

  it('runs on from a running pin', () => {
    const real = Date.now();
    setPinForTests({ at: AT, frozen: false, setAt: real - 5_000 });
    expect(now() - AT).toBeGreaterThanOrEqual(5_000);
    expect(now() - AT).toBeLessThan(60_000);
  });
});

describe('clockReady: every context follows the stored pin', () => {
  it('reads the pin written before it started', async () => {
    await fakeBrowser.storage.local.set({ clock: { at: AT, frozen: true, setAt: AT } });
    await clockReady();
    expect(now()).toBe(AT);
  });

  it('follows a pin written later, and an unpin, and tells its listeners', async () => {
    await clockReady();
    expect(isPinned()).toBe(false);
    const changed = vi.fn();
    const off = onClockChange(changed);
    await fakeBrowser.storage.local.set({ clock: { at: AT + 1, frozen: true, setAt: AT } });
    await vi.waitFor(() => expect(now()).toBe(AT + 1));
    expect(changed).toHaveBeenCalledTimes(1);
    await fakeBrowser.storage.local.remove('clock');
    await vi.waitFor(() => expect(isPinned()).toBe(false));
    off();
  });

  it('ignores a corrupt pin', async () => {
    await fakeBrowser.storage.local.set({ clock: { at: 'tomorrow' } });
    await clockReady();
    expect(isPinned()).toBe(false);
  });
});

describe('the clock matrix (scripts/test-all.mjs)', () => {
  const at = process.env.KOUBEI_TEST_NOW;
  it.runIf(at)('starts the machine clock at KOUBEI_TEST_NOW, so unpinned code sees that instant', () => {
    const want = /^\d+$/.test(at!) ? Number(at) : Date.parse(at!);
    expect(Math.abs(now() - want)).toBeLessThan(10 * 60_000);
  });
});
