/**
 * Reading a kind's rows in chunks (default 2,000) without ever holding a table in memory, with keyset
 * paging so each chunk costs O(chunk) whatever the table size: `offset(n)` would re-walk n rows per page
 * (O(n²) for a million rows). Within one index value IndexedDB orders rows by primary key, so the cursor
 * is (last index value, rows already emitted at that value).
 */
import { cmp } from 'dexie';
import type { KoubeiDb } from '../db';
import type { PlatformId, Store } from '../model';
import type { ExportKind } from './kinds';

/** Rows per IndexedDB read: big enough to amortize each request, small enough to keep the heap flat. */
export const CHUNK_ROWS = 5000;

/** What to export. Days are YYYY-MM-DD in Asia/Shanghai, both inclusive. */
export interface ExportFilter {
  /** Only these stores (default: all). */
  storeKeys?: readonly string[];
  platform?: PlatformId;
  from?: string;
  to?: string;
}

/** The stores a filter selects, in key order. */
export async function selectStores(db: KoubeiDb, f: ExportFilter): Promise<Store[]> {
  const all = await db.stores.orderBy('key').toArray();
  return all.filter(
    (s) => (!f.storeKeys || f.storeKeys.includes(s.key)) && (!f.platform || s.platform === f.platform),
  );
}

/** Rows of one store, chunk by chunk. */
export async function* scanStore<T>(
  db: KoubeiDb,
  kind: ExportKind<T>,
  storeKey: string,
  f: ExportFilter,
  chunk = CHUNK_ROWS,
): AsyncGenerator<T[]> {
  const table = db.table<T, string>(kind.table);
  const scan = kind.scan;
  const byKey = 'prefix' in scan || (scan.byKeyWhenUnfiltered && !f.from && !f.to);
  if (byKey) {
    let after: string | undefined;
    const hi = `${storeKey}|\uffff`;
    for (;;) {
      const rows = await table
        .where(':id')
        .between(after ?? `${storeKey}|`, hi, after === undefined, false)
        .limit(chunk)
        .toArray();
      if (!rows.length) return;
      after = (rows[rows.length - 1] as { key: string }).key;
      const kept = 'prefix' in scan ? rows.filter((r) => scan.keep(r, f.from, f.to)) : rows;
      if (kept.length) yield kept;
      if (rows.length < chunk) return;
    }
  }
  if ('prefix' in scan) return;
  const [lo, hi] = scan.bounds(f.from, f.to);
  const pk = (r: T) => (r as Record<string, unknown>)[table.schema.primKey.keyPath as string];
  let at: unknown = lo;
  let skip = 0;
  let lastKey: unknown;
  for (;;) {
    // limit() without offset() lets Dexie use one IDBIndex.getAll(range, count), far cheaper than a
    // cursor walk. Rows already emitted at `at` are dropped by primary key, not by count: a row a capture
    // adds at `at` meanwhile would shift a count and emit a row twice (issue #8 concurrency test).
    const raw = await table
      .where(scan.index)
      .between([storeKey, at], [storeKey, hi], true, false)
      .limit(chunk + skip)
      .toArray();
    const rows =
      lastKey === undefined
        ? raw
        : raw.filter((r) => cmp(r[scan.field], at) !== 0 || cmp(pk(r), lastKey) > 0);
    if (rows.length) yield rows;
    if (raw.length < chunk + skip) return;
    if (!rows.length) {
      skip = raw.length; // only rows at `at` that were emitted or added before the cursor: read further
      continue;
    }
    const last = rows[rows.length - 1]![scan.field];
    lastKey = pk(rows[rows.length - 1]!);
    let same = 0;
    for (let i = rows.length - 1; i >= 0 && cmp(rows[i]![scan.field], last) === 0; i--) same++;
    skip = cmp(last, at) === 0 ? skip + same : same;
    at = last;
  }
}

/** Rows a kind would export for a filter (for the progress bar). Cheap: index counts only. */
export async function countRows<T>(db: KoubeiDb, kind: ExportKind<T>, stores: Store[], f: ExportFilter) {
  const table = db.table<T, string>(kind.table);
  let n = 0;
  for (const s of stores) {
    const scan = kind.scan;
    if ('prefix' in scan) {
      n += await table.where(':id').between(`${s.key}|`, `${s.key}|\uffff`).count();
    } else {
      const [lo, hi] = scan.bounds(f.from, f.to);
      n += await table.where(scan.index).between([s.key, lo], [s.key, hi], true, false).count();
    }
  }
  return n;
}

/**
 * Keeps one `next()` of `source` in flight while the consumer works on the current item, so the next
 * IndexedDB read (done off the main thread) overlaps formatting the current chunk.
 */
export async function* prefetch<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const it = source[Symbol.asyncIterator]();
  let next = it.next();
  try {
    for (;;) {
      const r = await next;
      if (r.done) return;
      next = it.next();
      yield r.value;
    }
  } finally {
    // Stop the source too when the consumer stops early (cancel), after the read in flight settles.
    await next.catch(() => undefined);
    await it.return?.();
  }
}

/** Lets the page paint between chunks. MessageChannel is not throttled in hidden pages (setTimeout is). */
export function yieldToUi(): Promise<void> {
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });
}
