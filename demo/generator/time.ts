/** Time helpers in Asia/Shanghai (UTC+8, no DST), on top of lib/model's day helpers. */
import { addDays, dayKey, dayStart } from '../../lib/model';
import { picker, type Rng } from './prng';

export { addDays, dayKey, dayStart };
// Local constants: re-exported bindings become getters under tsx/vitest and cost time in hot loops.
export const HOUR_MS = 3600 * 1000;
export const DAY_MS = 24 * HOUR_MS;
const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;
export const MINUTE_MS = 60 * 1000;

/** Start (ms) of the Shanghai day containing `ms`; arithmetic, because Date parsing is slow in hot loops. */
export function startOfDay(ms: number): number {
  return Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS) * DAY_MS - SHANGHAI_OFFSET_MS;
}

/** Hour of day (0–23) in Shanghai. */
export function shanghaiHour(ms: number): number {
  return Math.floor(((ms + SHANGHAI_OFFSET_MS) % DAY_MS) / HOUR_MS);
}

/**
 * 抖店 shipping promise (《商家发货行为管理规则》): paid before 16:00 → same day 23:59:59, otherwise
 * next day 23:59:59.
 */
export function promisedShipBy(paidAt: number): number {
  const start = startOfDay(paidAt);
  const sameDay = paidAt - start < 16 * HOUR_MS;
  return start + (sameDay ? 1 : 2) * DAY_MS - 1000;
}

/** Order volume by hour: lunch and the evening live-stream peak. */
const HOUR_WEIGHTS = [3, 2, 1, 1, 1, 1, 2, 3, 5, 6, 7, 8, 10, 9, 7, 7, 7, 7, 8, 10, 13, 14, 12, 7];

const pickHour = picker(HOUR_WEIGHTS);

/** A payment moment within the day starting at `dayStartMs`. */
export function paymentTime(rng: Rng, dayStartMs: number): number {
  const hour = pickHour(rng);
  return dayStartMs + hour * HOUR_MS + Math.floor(rng.next() * HOUR_MS);
}

/** `YYYY-MM-DD HH:mm:ss` in Shanghai, the console's display format. */
export function formatDateTime(ms: number): string {
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** Whole days from `from` to `to` (YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayStart(to) - dayStart(from)) / DAY_MS);
}
