/**
 * Record identity and Asia/Shanghai day arithmetic. Zod-free (bundled into content scripts).
 */
import type { PlatformId } from './model';

export const storeKey = (platform: PlatformId, shopId: string): string => `${platform}:${shopId}`;
export const recordKey = (store: string, id: string): string => `${store}|${id}`;

/** China has no DST: Asia/Shanghai is UTC+8 all year. */
export const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;
export const DAY_MS = 24 * 3600 * 1000;

/** YYYY-MM-DD of `ms` in Asia/Shanghai. */
export function dayKey(ms: number): string {
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Start (ms) of the Asia/Shanghai day `YYYY-MM-DD`. */
export function dayStart(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) - SHANGHAI_OFFSET_MS;
}

/** Day key `n` days after `day` (negative for before). */
export function addDays(day: string, n: number): string {
  return dayKey(dayStart(day) + n * DAY_MS);
}

/**
 * Every review with stars gets a 好/中/差 polarity (the platform's own label wins when it gave one): the
 * inbox and the negatives read reviews through the `[storeKey+polarity+createdAt]` index.
 */
export function withPolarity<
  T extends { polarity?: 'good' | 'neutral' | 'bad'; star?: number; starProduct?: number },
>(r: T): T {
  if (r.polarity) return r;
  const s = r.star ?? r.starProduct;
  return s === undefined ? r : { ...r, polarity: s >= 4 ? 'good' : s === 3 ? 'neutral' : 'bad' };
}
