/**
 * Pacing per target: each platform's documented send limits (docs/team.md) as sliding windows over the
 * times we sent, and retry backoff with jitter. Pure: the send history and the random source come from
 * the caller (the outbox keeps the history in Dexie so a restarted worker still respects it).
 */
import type { RobotPlatform } from './types';

export interface Window {
  ms: number;
  max: number;
}

/** 钉钉 and 企业微信: 20 messages a minute per robot; 飞书: 100 a minute and 5 a second per bot. */
export const RATE_LIMITS: Record<RobotPlatform, readonly Window[]> = {
  dingtalk: [{ ms: 60_000, max: 20 }],
  wecom: [{ ms: 60_000, max: 20 }],
  feishu: [
    { ms: 60_000, max: 100 },
    { ms: 1_000, max: 5 },
  ],
};

/**
 * The earliest time ≥ now at which one more send keeps every window under its maximum, given the times
 * of earlier sends (any order).
 */
export function nextSlot(sent: readonly number[], now: number, windows: readonly Window[]): number {
  const times = [...sent].sort((a, b) => a - b);
  let t = now;
  for (let guard = 0; guard < 10; guard++) {
    let moved = false;
    for (const w of windows) {
      const inWindow = times.filter((x) => x > t - w.ms && x <= t);
      if (inWindow.length >= w.max) {
        // Wait until the oldest send that keeps us at the maximum leaves the window.
        const leave = inWindow[inWindow.length - w.max]! + w.ms;
        if (leave > t) {
          t = leave;
          moved = true;
        }
      }
    }
    if (!moved) return t;
  }
  return t;
}

/** Drops send times no window can still see. */
export const pruneSends = (sent: readonly number[], now: number, windows: readonly Window[]): number[] => {
  const span = Math.max(...windows.map((w) => w.ms));
  return sent.filter((x) => x > now - span);
};

export const BACKOFF = { baseMs: 5_000, capMs: 30 * 60_000 } as const;

/**
 * Exponential backoff with "equal jitter": half the step fixed, half random, so many targets failing
 * together (offline) do not come back in lockstep. `attempt` counts from 1; `random` is in [0, 1).
 */
export function backoffMs(
  attempt: number,
  random: number,
  o: { baseMs: number; capMs: number } = BACKOFF,
): number {
  const step = Math.min(o.capMs, o.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + (step / 2) * random);
}
