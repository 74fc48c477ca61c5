/**
 * Restoring a backup: validate every row with the model's schemas, decide per row whether it adds,
 * updates or leaves a stored record unchanged (the same rules as ingest's `merge`: the newer copy wins
 * field by field, nothing known is erased), and write chunk by chunk.
 *
 * Atomicity: each chunk (≤ 1,000 rows of one table) is one IndexedDB transaction together with the
 * aggregate hooks, so a failure (quota, a killed worker) leaves every chunk either fully written or not
 * at all. Because the merge is idempotent, running the same restore again is the resume: chunks already
 * written come back as "unchanged" and the rest are written.
 */
import type * as z from 'zod/mini';
import type { KoubeiDb } from '../db';
import type { BackupTable } from '../export/backup';
import type { Rejection } from '../model';
import { withPolarity } from '../keys';
import { OfficialScore, Order, Review, Store, recordKey, storeKey } from '../model';
import type { IngestHooks, RecordChange } from '../background/ingest';
import { merge, sameContent } from '../background/ingest';
import { zodReason } from '../platforms/parse-utils';
import { TextCorrectionRow } from '../text/corrections';

type Row = Store | Review | Order | OfficialScore | TextCorrectionRow;
type Verdict = 'add' | 'update' | 'same';

const SCHEMAS: Record<BackupTable, z.ZodMiniType<Row>> = {
  stores: Store as z.ZodMiniType<Row>,
  reviews: Review as z.ZodMiniType<Row>,
  orders: Order as z.ZodMiniType<Row>,
  officialScores: OfficialScore as z.ZodMiniType<Row>,
  textCorrections: TextCorrectionRow as z.ZodMiniType<Row>,
};

export interface TableTally {
  add: number;
  update: number;
  same: number;
  invalid: number;
}

export const emptyTally = (): TableTally => ({ add: 0, update: 0, same: 0, invalid: 0 });

/** The key a row must have, given its content (a backup edited by hand must not plant mismatches). */
function expectedKey(table: BackupTable, r: Row): string {
  switch (table) {
    case 'stores':
      return storeKey((r as Store).platform, (r as Store).shopId);
    case 'reviews':
      return recordKey((r as Review).storeKey, (r as Review).reviewId);
    case 'orders':
      return recordKey((r as Order).storeKey, (r as Order).orderId);
    case 'officialScores': {
      const s = r as OfficialScore;
      return `${s.storeKey}|${s.kind}|${s.date}`;
    }
    case 'textCorrections':
      return recordKey((r as TextCorrectionRow).storeKey, (r as TextCorrectionRow).reviewId);
  }
}

/** Valid rows (last copy of a key wins) and per-row rejections; `offset` numbers rows in the file. */
export function validateRows(table: BackupTable, rows: readonly unknown[], offset = 0) {
  const valid = new Map<string, Row>();
  const rejects: Rejection[] = [];
  rows.forEach((raw, i) => {
    const r = SCHEMAS[table].safeParse(raw);
    if (!r.success) return void rejects.push({ ...zodReason(r.error, offset + i), path: table });
    if (r.data.key !== expectedKey(table, r.data))
      return void rejects.push({
        code: 'schema',
        message: `键 ${r.data.key} 与记录内容不一致`,
        row: offset + i,
      });
    // Older backups may hold reviews without a polarity: stored rows always have one (the inbox index).
    valid.set(r.data.key, table === 'reviews' ? withPolarity(r.data as Review) : r.data);
  });
  return { valid: [...valid.values()], rejects };
}

/** What restoring `next` does to the stored `prev`. Pure; `now` stamps updated records. */
export function planRow<T extends Row>(table: BackupTable, prev: T | undefined, next: T, now: number) {
  if (!prev) return { verdict: 'add' as Verdict, row: next };
  let out: Row;
  if (table === 'stores') {
    const p = prev as Store;
    const n = next as Store;
    out = {
      ...p,
      name: p.name ?? n.name,
      category: p.category ?? n.category,
      firstSeen: Math.min(p.firstSeen, n.firstSeen),
      lastSeen: Math.max(p.lastSeen, n.lastSeen),
    };
    return JSON.stringify(out) === JSON.stringify(p)
      ? { verdict: 'same' as Verdict }
      : { verdict: 'update' as Verdict, row: out as T };
  }
  if (table === 'officialScores') {
    // One row per store × kind × day: the later capture of the day wins.
    const newer = (next as OfficialScore).capturedAt > (prev as OfficialScore).capturedAt;
    return newer && !sameContent(prev, next)
      ? { verdict: 'update' as Verdict, row: next }
      : { verdict: 'same' as Verdict };
  }
  if (table === 'textCorrections') {
    // One per review: the merchant's later click wins.
    const newer = (next as TextCorrectionRow).at > (prev as TextCorrectionRow).at;
    return newer && !sameContent(prev, next)
      ? { verdict: 'update' as Verdict, row: next }
      : { verdict: 'same' as Verdict };
  }
  const p = prev as Review | Order;
  const n = next as Review | Order;
  const merged = n.updatedAt >= p.updatedAt ? merge(p, n) : merge(n, p);
  merged.capturedAt = Math.min(p.capturedAt, n.capturedAt);
  if (sameContent(p, merged)) return { verdict: 'same' as Verdict };
  merged.updatedAt = now;
  return { verdict: 'update' as Verdict, row: merged as T };
}

/** Classifies a chunk against the database without writing (the preview). */
export async function classifyChunk(db: KoubeiDb, table: BackupTable, rows: readonly Row[], now: number) {
  const tally = emptyTally();
  const existing = await db.table<Row, string>(table).bulkGet(rows.map((r) => r.key));
  rows.forEach((r, i) => tally[planRow(table, existing[i], r, now).verdict]++);
  return tally;
}

/**
 * Validates and writes one chunk in one transaction (with the ingest hooks for reviews/orders, so daily
 * aggregates follow). Runs in the background.
 */
export async function restoreChunk(
  db: KoubeiDb,
  table: BackupTable,
  raw: readonly unknown[],
  ctx: { now: number; hooks?: IngestHooks; offset?: number },
): Promise<TableTally & { rejects: Rejection[] }> {
  const { valid, rejects } = validateRows(table, raw, ctx.offset);
  const tally = { ...emptyTally(), invalid: rejects.length, rejects: rejects.slice(0, 20) };
  const tables = [...new Set([table, ...(ctx.hooks?.tables ?? [])])];
  await db.transaction('rw', tables, async () => {
    const t = db.table<Row, string>(table);
    const existing = await t.bulkGet(valid.map((r) => r.key));
    const write: Row[] = [];
    const changes: RecordChange[] = [];
    valid.forEach((next, i) => {
      const prev = existing[i];
      const plan = planRow(table, prev, next, ctx.now);
      tally[plan.verdict]++;
      if (!plan.row) return;
      write.push(plan.row);
      if (table === 'reviews' || table === 'orders')
        changes.push({ table, prev, next: plan.row } as RecordChange);
    });
    if (write.length) await t.bulkPut(write);
    if (changes.length && ctx.hooks?.onChanges) await ctx.hooks.onChanges(db, changes);
  });
  return tally;
}
