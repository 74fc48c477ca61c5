/**
 * Realistic-looking identifiers. 抖店 order and review ids are 19-digit, roughly time-ordered numbers
 * (snowflake-like), so they must stay strings: they exceed Number.MAX_SAFE_INTEGER.
 */
import { createRng, type Rng } from './prng';

const pad = (n: number, width: number): string => String(Math.floor(n)).padStart(width, '0');

/** Issues unique 19-digit ids with a fixed 2-digit prefix, embedding the event second. */
export interface IdIssuer {
  next(atMs: number): string;
}

/**
 * prefix(2) + unix seconds(10) + counter mod 1000 (3) + random(4). Two ids can only collide if 1000
 * ids were issued within the same second, which a demo shop never does.
 */
export function idIssuer(prefix: string, rng: Rng): IdIssuer {
  let counter = 0;
  return {
    next(atMs) {
      counter += 1;
      // 10 + 7 digits: seconds (10 digits from 2001 to 2286), then counter mod 1000 and 4 random
      // digits as one 7-digit number; adding 1e7 and dropping the leading 1 pads without padStart.
      const tail = 10_000_000 + (counter % 1000) * 10000 + rng.int(0, 9999);
      return `${prefix}${Math.floor(atMs / 1000) % 1e10}${String(tail).slice(1)}`;
    },
  };
}

/** A random digit string of `length` digits that does not start with 0. */
export function digits(rng: Rng, length: number): string {
  let out = String(rng.int(1, 9));
  while (out.length < length) out += pad(rng.int(0, 99999), 5);
  return out.slice(0, length);
}

/** Carriers with the share of parcels they take and how their tracking numbers look. */
export const CARRIERS = [
  { code: 'zhongtong', name: '中通快递', share: 30, prefix: '78', length: 14 },
  { code: 'yuantong', name: '圆通速递', share: 22, prefix: 'YT', length: 13 },
  { code: 'yunda', name: '韵达快递', share: 18, prefix: '43', length: 13 },
  { code: 'jtexpress', name: '极兔速递', share: 14, prefix: 'JT', length: 13 },
  { code: 'shentong', name: '申通快递', share: 9, prefix: '77', length: 13 },
  { code: 'shunfeng', name: '顺丰速运', share: 7, prefix: 'SF', length: 13 },
] as const;
export type Carrier = (typeof CARRIERS)[number];

/** A tracking number in the carrier's usual format. */
export function trackingNo(rng: Rng, carrier: Carrier): string {
  return carrier.prefix + digits(rng, carrier.length);
}

/** The order's tracking number, derived on demand from its PII seed (no string per order up front). */
export function trackingNoOf(order: { carrier?: string; piiSeed: number }): string | undefined {
  const carrier = CARRIERS.find((c) => c.code === order.carrier);
  return carrier ? trackingNo(createRng(order.piiSeed ^ 0x5bd1e995), carrier) : undefined;
}
