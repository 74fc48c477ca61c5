import { describe, expect, it } from 'vitest';
import { BACKOFF, RATE_LIMITS, backoffMs, nextSlot, pruneSends } from './pacing';

const T0 = Date.UTC(2026, 10, 22, 2);

describe('nextSlot', () => {
  it('sends at once while under the limit', () => {
    expect(nextSlot([], T0, RATE_LIMITS.wecom)).toBe(T0);
    expect(
      nextSlot(
        Array.from({ length: 19 }, (_, i) => T0 - i * 1000),
        T0,
        RATE_LIMITS.wecom,
      ),
    ).toBe(T0);
  });

  it('钉钉/企业微信: the 21st message in a minute waits until the oldest leaves the window', () => {
    const sent = Array.from({ length: 20 }, (_, i) => T0 - 30_000 + i * 100);
    expect(nextSlot(sent, T0, RATE_LIMITS.dingtalk)).toBe(T0 - 30_000 + 60_000);
  });

  it('飞书: 5 per second and 100 per minute both hold', () => {
    const burst = [T0 - 500, T0 - 400, T0 - 300, T0 - 200, T0 - 100];
    expect(nextSlot(burst, T0, RATE_LIMITS.feishu)).toBe(T0 - 500 + 1000);
    const minute = Array.from({ length: 100 }, (_, i) => T0 - 59_000 + i * 300);
    expect(nextSlot(minute, T0, RATE_LIMITS.feishu)).toBe(T0 - 59_000 + 60_000);
  });

  it('a simulated 10-minute stream never exceeds any window', () => {
    for (const windows of Object.values(RATE_LIMITS)) {
      const sent: number[] = [];
      let t = T0;
      while (t < T0 + 600_000) {
        t = nextSlot(sent, t, windows);
        sent.push(t);
        t += 1; // the next message is ready right away
      }
      for (const w of windows)
        for (const s of sent)
          expect(sent.filter((x) => x > s - w.ms && x <= s).length).toBeLessThanOrEqual(w.max);
      expect(pruneSends(sent, t, windows).every((x) => x > t - 60_000)).toBe(true);
    }
  });
});

describe('backoffMs', () => {
  it('doubles per attempt within [step/2, step], capped', () => {
    expect(backoffMs(1, 0)).toBe(BACKOFF.baseMs / 2);
    expect(backoffMs(1, 0.999)).toBeLessThanOrEqual(BACKOFF.baseMs);
    expect(backoffMs(3, 0)).toBe((BACKOFF.baseMs * 4) / 2);
    expect(backoffMs(40, 0.5)).toBeLessThanOrEqual(BACKOFF.capMs);
    expect(backoffMs(40, 0)).toBe(BACKOFF.capMs / 2);
  });
});
