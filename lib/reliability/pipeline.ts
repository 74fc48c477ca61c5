/**
 * The capture pipeline as the extension runs it, minus the browser: a hook message → parseHookMessage
 * (content script) → toBatches → CaptureBatchSchema (background envelope check) → ingestBatch (one
 * transaction). Plus a baseline database to run bad input against and the checks every case shares.
 */
import type { CaptureBatch, ParseResult } from '../capture/batch';
import { toBatches } from '../capture/batch';
import type { HookMessage } from '../capture/channel';
import { parseHookMessage } from '../capture/content';
import { CaptureBatchSchema } from '../capture/schema';
import { ingestBatch } from '../background/ingest';
import type { KoubeiDb } from '../db';
import type { CaptureEvent, Rejection } from '../model';
import { OfficialScore, Order, Review, storeKey } from '../model';
import { makeReviews, makeStore } from '../export/testing';
import { adapterById } from '../platforms/index';
import type { ConsoleRequest } from './consoles';

export const NOW = Date.UTC(2026, 10, 22, 4);
export const LATER = NOW + 3_600_000;
export const RECORD_TABLES = ['stores', 'reviews', 'orders', 'officialScores'] as const;
type Table = (typeof RECORD_TABLES)[number];
export type Snapshot = Record<Table, Map<string, Record<string, unknown>>>;

/** Another merchant's store that no console response may ever touch. */
export const OTHER = makeStore('55550000', '隔壁店');
export const storeOf = (req: ConsoleRequest) => storeKey(req.platform, '90001');

export async function snapshot(db: KoubeiDb): Promise<Snapshot> {
  const out = {} as Snapshot;
  for (const t of RECORD_TABLES) {
    const rows = (await db.table(t).toArray()) as Record<string, unknown>[];
    out[t] = new Map(rows.map((r) => [r.key as string, r]));
  }
  return out;
}

export async function restore(db: KoubeiDb, s: Snapshot): Promise<void> {
  await db.transaction('rw', [...RECORD_TABLES, 'captureEvents'], async () => {
    for (const t of RECORD_TABLES) {
      await db.table(t).clear();
      await db.table(t).bulkPut([...s[t].values()]);
    }
    await db.captureEvents.clear();
  });
}

export interface Outcome {
  parsed: ParseResult;
  batches: CaptureBatch[];
  events: CaptureEvent[];
  /** Batches the background would refuse outright (no capture-health entry): must stay empty. */
  refused: string[];
  rejects: Rejection[];
}

/** Runs one hook message through the whole pipeline into `db`. Throws only if the pipeline does. */
export async function capture(
  db: KoubeiDb,
  req: ConsoleRequest,
  m: HookMessage,
  now = LATER,
): Promise<Outcome> {
  const adapter = adapterById(req.platform)!;
  const { endpoint, result } = parseHookMessage(adapter, m, req.pageUrl, now);
  const batches = toBatches(result, {
    platform: req.platform,
    endpoint,
    page: req.pageUrl.pathname,
    source: 'api',
    bytes: m.bytes,
  });
  const events: CaptureEvent[] = [];
  const refused: string[] = [];
  for (const b of batches) {
    const env = CaptureBatchSchema.safeParse(b);
    if (!env.success) {
      refused.push(env.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      continue;
    }
    events.push((await ingestBatch(db, env.data as CaptureBatch, { storeKey: storeOf(req), now })).event);
  }
  return { parsed: result, batches, events, refused, rejects: events.flatMap((e) => e.reasons) };
}

/** Stored baseline: the clean fixture of `req` under its store, plus another store's reviews. */
export async function baseline(db: KoubeiDb, req: ConsoleRequest, m: HookMessage): Promise<Snapshot> {
  await restore(db, { stores: new Map(), reviews: new Map(), orders: new Map(), officialScores: new Map() });
  await db.stores.put(OTHER);
  await db.reviews.bulkPut(makeReviews(OTHER, 30, 3));
  const o = await capture(db, req, m, NOW);
  if (o.rejects.length || o.refused.length)
    throw new Error(
      `clean fixture of ${req.platform}/${req.endpoint} is not clean: ${JSON.stringify(o.rejects)}`,
    );
  return snapshot(db);
}

const SCHEMA = { reviews: Review, orders: Order, officialScores: OfficialScore } as const;

/** Rows that break the model (must be none: ingest re-validates everything). */
export function invalidRows(s: Snapshot): string[] {
  const out: string[] = [];
  for (const t of ['reviews', 'orders', 'officialScores'] as const)
    for (const [k, r] of s[t]) if (!SCHEMA[t].safeParse(r).success) out.push(`${t}/${k}`);
  return out;
}

const VOLATILE = new Set(['capturedAt', 'updatedAt', 'lastSeen']);

/** Fields of `a` and `b` that differ, ignoring capture times. */
export function diff(a: Record<string, unknown>, b: Record<string, unknown> | undefined): string[] {
  if (!b) return ['(deleted)'];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => !VOLATILE.has(k) && JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}

/** A value that says "unknown": absent, empty text, empty list, or no images/videos. */
const blank = (k: string, v: unknown) =>
  v === undefined ||
  v === '' ||
  (Array.isArray(v) && v.length === 0) ||
  (/^(images|videos)$/.test(k) && v === 0);

/** Fields `before` knew that `after` lost or blanked (merge must never erase). */
export function erased(
  before: Record<string, unknown>,
  after: Record<string, unknown> | undefined,
): string[] {
  if (!after) return ['(deleted)'];
  return Object.keys(before).filter((k) => !blank(k, before[k]) && blank(k, after[k]));
}
