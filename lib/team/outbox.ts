/**
 * The outbox (Dexie `outbox`, schema v7): every robot message is a row before anything is sent, so a
 * killed worker, a closed browser or an offline hour loses nothing. One run claims due rows one at a time
 * (a lease in the row), respects each target's pace, sends, and records the outcome in one transaction.
 *
 * Delivery guarantee: no message is lost, and a message is sent again only when a worker died after
 * claiming it and before recording the answer (its lease expires). The robots offer no idempotency key,
 * so if that death falls after the platform accepted the request the group sees it twice — with the same
 * 编号 in the footer. docs/team.md explains the window.
 */
import type { KoubeiDb } from '../db';
import { buildRequest } from './builders';
import { classify, networkOutcome, type Outcome } from './classify';
import { RATE_LIMITS, backoffMs, nextSlot, pruneSends } from './pacing';
import { redactText } from './targets';
import type { DeliveryError, OutboxRow, StoredTarget, TeamMessage } from './types';

/** A claimed row not answered within this is considered abandoned by a dead worker. */
export const LEASE_MS = 60_000;
/** Retries before a message is given up (≈ 10 hours with the backoff cap): offline overnight still delivers. */
export const MAX_ATTEMPTS = 24;
export const REQUEST_TIMEOUT_MS = 15_000;
/** Delivered rows are kept this long (采集健康 counts, duplicate checks), then dropped. */
export const KEEP_DELIVERED_MS = 30 * 86_400_000;

const SENDS = (targetId: string) => `team:sends:${targetId}`;
const BLOCKED = 'team:blocked';

/** Targets that failed permanently, by id, with the revision that failed (re-saving the target clears it). */
export type BlockedMap = Record<string, { rev: number; at: number; error: DeliveryError }>;

export interface Source {
  /** Stable id of what is sent (alert key, `digest|store|date`, `test|…`): the idempotency key's tail. */
  source: string;
  storeKey: string;
  message: TeamMessage;
}

/** Rows for `src` to each enabled target of its store (pure: callers add them inside their own transaction). */
export function outboxRows(src: Source, targets: readonly StoredTarget[], now: number): OutboxRow[] {
  return targets
    .filter((t) => t.enabled && t.storeKey === src.storeKey)
    .map((t) => ({
      key: `${t.id}|${src.source}`,
      targetId: t.id,
      storeKey: src.storeKey,
      platform: t.platform,
      message: src.message,
      state: 'pending',
      attempts: 0,
      createdAt: now,
      nextAt: now,
    }));
}

/** Adds rows whose key is new (idempotent); must run inside a transaction that includes `db.outbox`. */
export async function addNew(db: KoubeiDb, rows: readonly OutboxRow[]): Promise<number> {
  if (!rows.length) return 0;
  const existing = await db.outbox.bulkGet(rows.map((r) => r.key));
  const fresh = rows.filter((_, i) => !existing[i]);
  if (fresh.length) await db.outbox.bulkAdd(fresh);
  return fresh.length;
}

/** Enqueues `sources` for their stores' targets in one transaction; returns how many rows were new. */
export function enqueue(
  db: KoubeiDb,
  sources: readonly Source[],
  targets: readonly StoredTarget[],
  now: number,
): Promise<number> {
  const rows = sources.flatMap((s) => outboxRows(s, targets, now));
  return rows.length ? db.transaction('rw', db.outbox, () => addNew(db, rows)) : Promise.resolve(0);
}

export interface RunDeps {
  now: () => number;
  fetch: typeof fetch;
  targets: () => Promise<StoredTarget[]>;
  /** [0, 1) — jitter. */
  random: () => number;
  timeoutMs?: number;
  /** Test hook: called at each step; throwing there simulates the worker dying at that point. */
  step?: (point: 'claimed' | 'answered', row: OutboxRow) => void;
  log?: (line: string) => void;
}

export interface RunResult {
  delivered: number;
  retried: number;
  failed: number;
  /** Earliest due time of what is still pending, if any (the caller schedules an alarm for it). */
  nextDueAt?: number;
}

const due = (db: KoubeiDb, state: OutboxRow['state'], t: number, limit = 50) =>
  db.outbox
    .where('[state+nextAt]')
    .between([state, -Infinity], [state, t], true, true)
    .limit(limit)
    .toArray();

/** Rows held for a blocked target go back to pending once the target was re-saved (its rev moved on). */
async function releaseHeld(db: KoubeiDb, targets: Map<string, StoredTarget>, blocked: BlockedMap, t: number) {
  const held = await db.outbox
    .where('[state+nextAt]')
    .between(['held', -Infinity], ['held', Infinity])
    .toArray();
  const release = held.filter((r) => {
    const target = targets.get(r.targetId);
    return target && blocked[r.targetId]?.rev !== target.rev;
  });
  if (release.length)
    await db.outbox.bulkUpdate(
      release.map((r) => ({ key: r.key, changes: { state: 'pending', nextAt: t } })),
    );
}

/** Claims the next sendable row (lease + attempt + send time recorded atomically), or undefined. */
async function claim(
  db: KoubeiDb,
  targets: Map<string, StoredTarget>,
  t: number,
): Promise<OutboxRow | undefined> {
  return db.transaction('rw', db.outbox, db.meta, async () => {
    const blocked = ((await db.meta.get(BLOCKED))?.value ?? {}) as BlockedMap;
    const rows = [...(await due(db, 'sending', t)), ...(await due(db, 'pending', t))];
    for (const row of rows) {
      const target = targets.get(row.targetId);
      if (!target || !target.enabled) {
        const error = { code: 'target', platformText: '', hint: '这个机器人已被删除或停用，消息未发送。' };
        await db.outbox.update(row.key, { state: 'failed', lastError: { ...error, at: t } });
        continue;
      }
      if (blocked[row.targetId]?.rev === target.rev) {
        await db.outbox.update(row.key, { state: 'held' });
        continue;
      }
      const windows = RATE_LIMITS[target.platform];
      const sends = pruneSends(((await db.meta.get(SENDS(target.id)))?.value ?? []) as number[], t, windows);
      const slot = nextSlot(sends, t, windows);
      if (slot > t) {
        await db.outbox.update(row.key, { state: 'pending', nextAt: slot });
        continue;
      }
      const claimed: OutboxRow = {
        ...row,
        state: 'sending',
        attempts: row.attempts + 1,
        nextAt: t + LEASE_MS,
      };
      await db.outbox.put(claimed);
      await db.meta.put({ key: SENDS(target.id), value: [...sends, t] });
      return claimed;
    }
    return undefined;
  });
}

async function send(row: OutboxRow, target: StoredTarget, deps: RunDeps, t: number): Promise<Outcome> {
  try {
    const req = await buildRequest(target, row.message, t);
    const res = await deps.fetch(req.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: req.body,
      signal: AbortSignal.timeout(deps.timeoutMs ?? REQUEST_TIMEOUT_MS),
      credentials: 'omit',
      cache: 'no-store',
    });
    return classify(target.platform, { status: res.status, body: await res.text(), headers: res.headers });
  } catch (e) {
    return networkOutcome(e);
  }
}

/** Records an answer, unless the row was reclaimed meanwhile (its attempt number moved on). */
async function record(
  db: KoubeiDb,
  row: OutboxRow,
  target: StoredTarget,
  o: Outcome,
  t: number,
  random: number,
) {
  return db.transaction('rw', db.outbox, db.meta, async () => {
    const cur = await db.outbox.get(row.key);
    if (!cur || cur.state !== 'sending' || cur.attempts !== row.attempts) return 'stale' as const;
    if (o.kind === 'ok') {
      await db.outbox.update(row.key, { state: 'delivered', deliveredAt: t, nextAt: t });
      return 'delivered' as const;
    }
    if (o.kind === 'retry') {
      if (cur.attempts >= MAX_ATTEMPTS) {
        const error = {
          code: 'retries',
          platformText: o.reason,
          hint: `已重试 ${cur.attempts} 次仍未送达：请检查网络或平台状态。`,
        };
        await db.outbox.update(row.key, { state: 'failed', lastError: { ...error, at: t } });
        return 'failed' as const;
      }
      const wait = Math.max(o.afterMs ?? 0, backoffMs(cur.attempts, random));
      await db.outbox.update(row.key, { state: 'pending', nextAt: t + wait, lastReason: o.reason });
      return 'retried' as const;
    }
    await db.outbox.update(row.key, { state: 'failed', lastError: { ...o.error, at: t } });
    if (o.blocksTarget) {
      const blocked = ((await db.meta.get(BLOCKED))?.value ?? {}) as BlockedMap;
      blocked[target.id] = { rev: target.rev, at: t, error: o.error };
      await db.meta.put({ key: BLOCKED, value: blocked });
      // Everything else queued for this robot waits for the merchant's fix instead of failing the same way.
      await db.outbox
        .where('targetId')
        .equals(target.id)
        .filter((r) => r.state === 'pending')
        .modify({ state: 'held' });
    }
    return 'failed' as const;
  });
}

/** Sends everything due now, one at a time; returns counts and the next due time. */
export async function runOutbox(db: KoubeiDb, deps: RunDeps): Promise<RunResult> {
  const out: RunResult = { delivered: 0, retried: 0, failed: 0 };
  const list = await deps.targets();
  const targets = new Map(list.map((x) => [x.id, x]));
  await releaseHeld(db, targets, await readBlocked(db), deps.now());
  for (;;) {
    const row = await claim(db, targets, deps.now());
    if (!row) break;
    deps.step?.('claimed', row);
    const target = targets.get(row.targetId)!;
    const o = await send(row, target, deps, deps.now());
    deps.step?.('answered', row);
    const r = await record(db, row, target, o, deps.now(), deps.random());
    if (r === 'stale') continue;
    out[r]++;
    if (o.kind !== 'ok')
      deps.log?.(
        redactText(
          `[koubei] team ${target.platform} ${row.key}: ${o.kind === 'retry' ? o.reason : o.error.platformText}`,
          list,
        ),
      );
  }
  // Delivered rows past their keeping time are dropped (`nextAt` is their delivery time).
  await db.outbox
    .where('[state+nextAt]')
    .between(['delivered', -Infinity], ['delivered', deps.now() - KEEP_DELIVERED_MS])
    .delete();
  const firsts = await Promise.all(
    (['pending', 'sending'] as const).map((s) =>
      db.outbox.where('[state+nextAt]').between([s, -Infinity], [s, Infinity]).first(),
    ),
  );
  const times = firsts.flatMap((r) => (r ? [r.nextAt] : []));
  if (times.length) out.nextDueAt = Math.min(...times);
  return out;
}

export async function readBlocked(db: KoubeiDb): Promise<BlockedMap> {
  return ((await db.meta.get(BLOCKED))?.value ?? {}) as BlockedMap;
}
