import { describe, expect, it } from 'vitest';
import { timeText, yuan } from './format';
import { prefetch } from './scan';

/** The slow, obviously right version. */
const reference = (ms: number) => {
  const iso = new Date(ms + 8 * 3600_000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
};

describe('timeText', () => {
  it.each([
    [Date.UTC(2026, 10, 22, 2, 0, 0), '2026-11-22 10:00:00'],
    [Date.UTC(2026, 10, 21, 16, 0, 0), '2026-11-22 00:00:00'],
    [Date.UTC(2026, 10, 21, 15, 59, 59, 999), '2026-11-21 23:59:59'],
    [Date.UTC(2024, 1, 28, 16, 30, 5), '2024-02-29 00:30:05'],
  ])('%d → %s', (ms, want) => expect(timeText(ms)).toBe(want));

  it('agrees with toISOString over a year of random instants', () => {
    let s = 7;
    for (let i = 0; i < 5000; i++) {
      s = (s * 48271) % 2147483647;
      const ms = Date.UTC(2025, 0, 1) + Math.floor((s / 2147483647) * 366 * 86_400_000);
      expect(timeText(ms)).toBe(reference(ms));
    }
  });

  it('keeps undefined', () => expect(timeText(undefined)).toBeUndefined());
  it.each([
    [12345, 123.45],
    [undefined, undefined],
  ])('yuan(%s)', (fen, want) => expect(yuan(fen)).toBe(want));
});

describe('prefetch', () => {
  it('yields everything in order and reads one ahead', async () => {
    const pulled: number[] = [];
    async function* src() {
      for (let i = 0; i < 4; i++) {
        pulled.push(i);
        yield i;
      }
    }
    const seen: number[] = [];
    for await (const v of prefetch(src())) {
      seen.push(v);
      expect(pulled.length).toBe(Math.min(4, v + 2));
    }
    expect(seen).toEqual([0, 1, 2, 3]);
  });

  it('closes the source when the consumer stops', async () => {
    let closed = false;
    async function* src() {
      try {
        for (let i = 0; ; i++) yield i;
      } finally {
        closed = true;
      }
    }
    for await (const v of prefetch(src())) if (v === 2) break;
    expect(closed).toBe(true);
  });
});
