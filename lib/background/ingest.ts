/**
 * Idempotent ingest: validate every row again (the sender is a content script on a page we do not
 * control), assign identity, merge with what is stored, and write everything — records, store, the
 * capture-health event and whatever the change hooks derive (daily aggregates) — in ONE transaction, so a
 * worker killed mid-write leaves either all of a batch or none of it.
 */
import type { Table } from 'dexie';
import type { KoubeiDb } from '../db';
import type { CaptureEvent, OfficialScore, Order, Rejection, Review, StoreIdentity } from '../model';
import { recordKey } from '../model';
import { withPolarity } from '../keys';
import type { CaptureBatch, IngestResult } from '../capture/batch';
import { OrderDraftSchema, ReviewDraftSchema, ScoreDraftSchema } from '../capture/schema';
import { keepStronger } from '../platforms/identity';
import { zodReason } from '../platforms/parse-utils';

export type RecordChange =
  { table: 'reviews'; prev?: Review; next: Review } | { table: 'orders'; prev?: Order; next: Order };

export interface IngestHooks {
  /** Runs inside the ingest transaction with every added/updated record (e.g. daily aggregates). */
  onChanges?(db: KoubeiDb, changes: RecordChange[]): Promise<void>;
  /** Tables the hook writes, so they join the transaction. */
  tables?: readonly string[];
}

const IGNORED = new Set(['capturedAt', 'updatedAt']);

/** Equal content, ignoring capture times and key order. */
export function sameContent(a: object, b: object): boolean {
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const k of keys) {
    if (IGNORED.has(k)) continue;
    const x = ra[k];
    const y = rb[k];
    if (x === y) continue;
    if (typeof x !== 'object' || typeof y !== 'object' || JSON.stringify(x) !== JSON.stringify(y))
      return false;
  }
  return true;
}

const blank = (k: string, v: unknown): boolean =>
  v === '' || (Array.isArray(v) && v.length === 0) || ((k === 'images' || k === 'videos') && v === 0);

/**
 * A newer capture wins field by field, but never erases what an earlier capture knew (a DOM read lacks
 * fields the API had; an export file lacks stars). Appends only grow.
 */
/** How exact a source's values are: a DOM table shows whole seconds where the API had milliseconds. */
const FIDELITY: Record<Review['source'], number> = { api: 3, backup: 3, import: 2, dom: 1 };
/** Times: a less exact source may fill them in, never overwrite them. */
const isTimeField = (k: string) => k.endsWith('At') && k !== 'updatedAt';

export function merge<T extends Review | Order>(prev: T, next: T): T {
  const out: Record<string, unknown> = { ...prev };
  const was = prev as Record<string, unknown>;
  const coarser = FIDELITY[next.source] < FIDELITY[prev.source];
  for (const [k, v] of Object.entries(next)) {
    if (v === undefined) continue;
    if (coarser && isTimeField(k) && was[k] !== undefined) continue;
    // What a source writes for a field it cannot see ('' text, [] items, 0 images from a DOM read or a
    // renamed API field) must not replace what an earlier capture knew (issue #8 fuzz).
    if (blank(k, v) && was[k] !== undefined && !blank(k, was[k])) continue;
    out[k] = v;
  }
  // `isDefault` is derived from the text: when the known text was kept, so is its flag.
  if ('text' in next && blank('text', next.text) && out.text !== next.text) out.isDefault = was.isDefault;
  if ('appends' in prev && 'appends' in next && prev.appends.length > next.appends.length)
    out.appends = prev.appends;
  if (prev.source === 'api' && next.source !== 'api') out.source = 'api';
  if ('reviewId' in prev && 'reviewId' in next) reviewOutcome(prev, next, out);
  out.capturedAt = prev.capturedAt;
  return out as T;
}

/**
 * 差评挽回 (issue #16): a star that differs from the stored one is a modified rating — the first star is
 * kept with the moment the change was first seen; a review seen again is no longer gone.
 */
function reviewOutcome(prev: Review, next: Review, out: Record<string, unknown>): void {
  if (next.source === 'backup') return;
  if (prev.star !== undefined && next.star !== undefined && next.star !== prev.star) {
    out.firstStar = prev.firstStar ?? prev.star;
    out.starChangedAt = prev.starChangedAt ?? next.capturedAt;
  }
  if (prev.goneAt !== undefined && (next.source === 'api' || next.source === 'dom')) delete out.goneAt;
}

interface Validated {
  reviews: Review[];
  orders: Order[];
  scores: OfficialScore[];
  rejects: Rejection[];
}

/** Re-validates the untrusted arrays row by row and assigns keys. */
export function validateBatch(batch: CaptureBatch, storeKey: string, now: number): Validated {
  const out: Validated = { reviews: [], orders: [], scores: [], rejects: [...batch.rejects] };
  const wrongPlatform = (p: unknown, i: number) => {
    out.rejects.push({
      code: 'store_mismatch',
      message: `第 ${i + 1} 行的平台 ${String(p)} 与批次不符`,
      row: i,
    });
  };
  // zod's output is a fresh object of ours: stamped in place (one copy less per row, issue #15).
  const stamp = { storeKey, capturedAt: now, updatedAt: now };
  batch.reviews.forEach((row, i) => {
    const r = ReviewDraftSchema.safeParse(row);
    if (!r.success) return void out.rejects.push(zodReason(r.error, i));
    if (r.data.platform !== batch.platform) return wrongPlatform(r.data.platform, i);
    out.reviews.push(Object.assign(withPolarity(r.data), stamp, { key: recordKey(storeKey, r.data.reviewId) })); // prettier-ignore
  });
  batch.orders.forEach((row, i) => {
    const r = OrderDraftSchema.safeParse(row);
    if (!r.success) return void out.rejects.push(zodReason(r.error, i));
    if (r.data.platform !== batch.platform) return wrongPlatform(r.data.platform, i);
    out.orders.push(Object.assign(r.data, stamp, { key: recordKey(storeKey, r.data.orderId) }));
  });
  batch.scores.forEach((row, i) => {
    const r = ScoreDraftSchema.safeParse(row);
    if (!r.success) return void out.rejects.push(zodReason(r.error, i));
    if (r.data.platform !== batch.platform) return wrongPlatform(r.data.platform, i);
    out.scores.push({
      ...r.data,
      storeKey,
      capturedAt: now,
      key: `${storeKey}|${r.data.kind}|${r.data.date}`,
    });
  });
  return out;
}

/** Last one wins within a batch (two copies of a row in one message are one row). */
function dedupe<T extends { key: string }>(rows: T[]): T[] {
  const m = new Map<string, T>();
  for (const r of rows) m.set(r.key, r);
  return [...m.values()];
}

export async function ingestBatch(
  db: KoubeiDb,
  batch: CaptureBatch,
  ctx: { storeKey: string; identity?: StoreIdentity; now: number; hooks?: IngestHooks },
): Promise<IngestResult & { event: CaptureEvent }> {
  const { storeKey, now } = ctx;
  const v = validateBatch(batch, storeKey, now);
  const reviews = dedupe(v.reviews);
  const orders = dedupe(v.orders);
  const scores = dedupe(v.scores);
  const counts = { added: 0, updated: 0, unchanged: 0 };
  const changes: RecordChange[] = [];

  const tables = [
    'reviews',
    'orders',
    'officialScores',
    'stores',
    'captureEvents',
    ...(ctx.hooks?.tables ?? []),
  ];
  const event = await db.transaction('rw', tables, async () => {
    // Requests go out together and are awaited once (issue #15): the reads first, then every write,
    // with the hooks' own work done while IndexedDB processes the record puts.
    const rt = db.table<Review, string>('reviews');
    const ot = db.table<Order, string>('orders');
    const prevStoreP = db.stores.get(storeKey);
    const [storedReviews, storedOrders, storedScores] = await Promise.all([
      storedRows(
        rt,
        reviews.map((r) => r.key),
      ),
      storedRows(
        ot,
        orders.map((r) => r.key),
      ),
      scores.length ? db.officialScores.bulkGet(scores.map((s) => s.key)) : [],
    ]);
    const upsert = <T extends Review | Order>(
      table: 'reviews' | 'orders',
      rows: T[],
      existing: (T | undefined)[],
    ): T[] => {
      const write: T[] = [];
      rows.forEach((next, i) => {
        const prev = existing[i];
        if (!prev) {
          counts.added++;
          write.push(next);
          changes.push({ table, next } as RecordChange);
          return;
        }
        const merged = merge(prev, next);
        if (sameContent(prev, merged)) return void counts.unchanged++;
        merged.updatedAt = now;
        counts.updated++;
        write.push(merged);
        changes.push({ table, prev, next: merged } as RecordChange);
      });
      return write;
    };
    const writes: Promise<unknown>[] = [];
    const put = <T>(t: Table<T, string>, rows: T[]) => {
      if (rows.length) writes.push(t.bulkPut(rows));
    };
    put(rt, upsert('reviews', reviews, storedReviews));
    put(ot, upsert('orders', orders, storedOrders));
    const scoreWrite: OfficialScore[] = [];
    scores.forEach((s, i) => {
      const prev = storedScores[i];
      if (prev && sameContent(prev, s)) return void counts.unchanged++;
      if (prev) counts.updated++;
      else counts.added++;
      scoreWrite.push(s);
    });
    put(db.table<OfficialScore, string>('officialScores'), scoreWrite);
    if (changes.length && ctx.hooks?.onChanges) writes.push(ctx.hooks.onChanges(db, changes));

    const prevStore = await prevStoreP;
    const [platform, shopId] = [batch.platform, storeKey.slice(storeKey.indexOf(':') + 1)];
    writes.push(
      db.stores.put({
        ...prevStore,
        key: storeKey,
        platform,
        shopId,
        ...keepStronger(prevStore, ctx.identity ?? {}),
        category: prevStore?.category,
        firstSeen: prevStore?.firstSeen ?? now,
        lastSeen: now,
      }),
    );

    const rejected = v.rejects.length;
    const kept = counts.added + counts.updated + counts.unchanged;
    const ev: CaptureEvent = {
      at: now,
      platform,
      storeKey,
      endpoint: batch.endpoint,
      page: batch.page,
      source: batch.source,
      outcome: rejected === 0 ? 'ok' : kept > 0 ? 'partial' : 'rejected',
      seen: batch.seen,
      ...counts,
      rejected,
      bytes: batch.bytes,
      reasons: v.rejects.slice(0, 20),
    };
    const [id] = await Promise.all([db.captureEvents.add(ev), ...writes]);
    ev.id = id;
    return ev;
  });
  return { storeKey, ...counts, rejected: v.rejects.length, event };
}

/**
 * The stored rows for `keys` (undefined where none), in order. A page of a console list has ids close
 * together, so one key-range read of the batch's span usually shows which few (if any) are stored, and
 * only those are fetched: a first capture costs one read instead of one get per row. When the span holds
 * many other rows, a plain bulkGet.
 */
export async function storedRows<T>(
  t: Table<T, string>,
  keys: readonly string[],
): Promise<(T | undefined)[]> {
  if (keys.length === 0) return [];
  let lo = keys[0]!;
  let hi = lo;
  for (const k of keys) {
    if (k < lo) lo = k;
    if (k > hi) hi = k;
  }
  const cap = keys.length * 2;
  const inSpan = await t
    .where(':id')
    .between(lo, hi, true, true)
    .limit(cap + 1)
    .primaryKeys();
  if (inSpan.length > cap) return t.bulkGet([...keys]);
  const present = new Set(inSpan);
  const want = keys.filter((k) => present.has(k));
  if (want.length === 0) return keys.map(() => undefined);
  const got = await t.bulkGet(want);
  const byKey = new Map(want.map((k, i) => [k, got[i]]));
  return keys.map((k) => byKey.get(k));
}

/** What a sender hears back about an ingested batch (counts only, no records). */
export const ingestResultOf = (r: Awaited<ReturnType<typeof ingestBatch>>): IngestResult => ({
  storeKey: r.storeKey,
  added: r.added,
  updated: r.updated,
  unchanged: r.unchanged,
  rejected: r.rejected,
});

/** A capture-health entry for a batch that could not be ingested at all (no store, quota, …). */
export async function recordFailure(
  db: KoubeiDb,
  batch: CaptureBatch,
  reason: Rejection,
  now: number,
): Promise<CaptureEvent> {
  const ev: CaptureEvent = {
    at: now,
    platform: batch.platform,
    endpoint: batch.endpoint,
    page: batch.page,
    source: batch.source,
    outcome: 'rejected',
    seen: batch.seen,
    added: 0,
    updated: 0,
    unchanged: 0,
    rejected: batch.reviews.length + batch.orders.length + batch.scores.length + batch.rejects.length,
    bytes: batch.bytes,
    reasons: [reason, ...batch.rejects].slice(0, 20),
  };
  ev.id = await db.captureEvents.add(ev);
  return ev;
}
