/**
 * Capture batches travel packed (issue #15, messaging): the rows of a kind as one column list and one
 * value array per row, so each field name goes over the wire once per message instead of once per row.
 * A 500-review message is about half the JSON (246 → 129 kB on the demo 抖店 list) and its round trip
 * about half the time (docs/perf-ingest.md, "Messaging").
 *
 * Pure and tiny: packing runs in every content script; unpacking in the worker, before the rows are
 * validated one by one as before (lib/background/ingest.ts). Absent fields travel as null, and null comes
 * back as an absent field: parsed rows never carry null (adapters leave a field out), and a row that did
 * is re-validated by the same schemas either way.
 */
import type { CaptureBatch } from './batch';

export interface PackedRows {
  /** Field names, in order of first appearance. */
  cols: string[];
  /** One array per row, values in `cols` order, null where the row has no such field. */
  rows: unknown[][];
}

/** What `cs-bg/capture` carries: a capture batch with its record arrays packed or, as before, plain. */
export type WireBatch = Omit<CaptureBatch, 'reviews' | 'orders'> & {
  reviews: readonly unknown[] | PackedRows;
  orders: readonly unknown[] | PackedRows;
};

/** Field names a packed message may use: plain identifiers, never a prototype key. */
export const COLUMN_NAME = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
export const isColumnName = (c: string): boolean => COLUMN_NAME.test(c) && !FORBIDDEN.has(c);

const isRow = (r: unknown): r is object => typeof r === 'object' && r !== null && !Array.isArray(r);

export function packRows(rows: readonly object[]): PackedRows {
  const cols: string[] = [];
  const at = new Map<string, number>();
  for (const r of rows)
    for (const k of Object.keys(r))
      if (!at.has(k) && (r as Record<string, unknown>)[k] !== undefined) {
        at.set(k, cols.length);
        cols.push(k);
      }
  const out: unknown[][] = [];
  for (const r of rows) {
    const a: unknown[] = new Array<unknown>(cols.length).fill(null);
    for (const k of Object.keys(r)) {
      const v = (r as Record<string, unknown>)[k];
      if (v !== undefined) a[at.get(k)!] = v;
    }
    out.push(a);
  }
  return { cols, rows: out };
}

/**
 * Plain row objects again. Throws on a malformed pack (a column name that is not a plain identifier or
 * repeats, a row longer than the columns): the whole message is refused, as for a malformed envelope.
 */
export function unpackRows(p: PackedRows): Record<string, unknown>[] {
  const { cols } = p;
  if (new Set(cols).size !== cols.length || !cols.every(isColumnName))
    throw new Error('采集批次的字段名无效');
  return p.rows.map((a) => {
    if (a.length > cols.length) throw new Error('采集批次的行比字段多');
    const o: Record<string, unknown> = {};
    for (let i = 0; i < a.length; i++) if (a[i] !== null && a[i] !== undefined) o[cols[i]!] = a[i];
    return o;
  });
}

/** The batch as it is sent: reviews and orders packed (a kind with a row that is not an object, plain). */
export function packBatch(b: CaptureBatch): WireBatch {
  const pack = (rows: unknown[]) => (rows.length && rows.every(isRow) ? packRows(rows) : rows);
  return { ...b, reviews: pack(b.reviews), orders: pack(b.orders) };
}

const isPacked = (x: readonly unknown[] | PackedRows): x is PackedRows => !Array.isArray(x);

/** The batch with plain record arrays (a batch sent plain passes through unchanged). */
export function unpackBatch(b: WireBatch): CaptureBatch {
  return {
    ...b,
    reviews: (isPacked(b.reviews) ? unpackRows(b.reviews) : b.reviews) as CaptureBatch['reviews'],
    orders: (isPacked(b.orders) ? unpackRows(b.orders) : b.orders) as CaptureBatch['orders'],
  };
}
