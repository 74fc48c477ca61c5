/**
 * The restore flow as the 数据 tab runs it: a preview pass that reads the whole file and compares it with
 * what is stored (nothing written), then an apply pass that sends the same chunks to the background,
 * which validates again and writes each chunk in one transaction (lib/import/restore.ts).
 */
import type { KoubeiDb } from '../db';
import { BACKUP_TABLES } from '../export/backup';
import type { BackupTable } from '../export/backup';
import type { Rejection } from '../model';
import type { BackupHeader } from './backup-read';
import { readBackup } from './backup-read';
import type { TableTally } from './restore';
import { classifyChunk, emptyTally, validateRows } from './restore';

export type RestoreTally = Record<BackupTable, TableTally>;

export interface RestorePreview {
  header: BackupHeader;
  tally: RestoreTally;
  /** First rejected rows, with reasons. */
  rejects: Rejection[];
  /** Rows per table the file says it holds (its trailer) and rows actually read. */
  expected: Record<string, number>;
  seen: Record<string, number>;
}

export interface RestoreRequest {
  table: BackupTable;
  rows: unknown[];
  /** Index of the chunk's first row within its table (for row numbers in reasons). */
  offset: number;
}

export type SendChunk = (req: RestoreRequest) => Promise<TableTally & { rejects: Rejection[] }>;

const tallies = (): RestoreTally =>
  Object.fromEntries(BACKUP_TABLES.map((t) => [t, emptyTally()])) as RestoreTally;

/** Reads the file once and reports what a restore would add / update / leave unchanged. */
export async function previewRestore(
  db: KoubeiDb,
  file: Blob,
  o: { now: number; signal?: AbortSignal; onProgress?: (rows: number) => void },
): Promise<RestorePreview> {
  const tally = tallies();
  const rejects: Rejection[] = [];
  const seen: Record<string, number> = Object.fromEntries(BACKUP_TABLES.map((t) => [t, 0]));
  let header: BackupHeader | undefined;
  let expected: Record<string, number> = {};
  let read = 0;
  for await (const ev of readBackup(file)) {
    o.signal?.throwIfAborted();
    if (ev.type === 'header') header = ev.header;
    else if (ev.type === 'end') expected = ev.counts;
    else {
      const { valid, rejects: bad } = validateRows(ev.table, ev.rows, seen[ev.table]);
      seen[ev.table]! += ev.rows.length;
      const t = await classifyChunk(db, ev.table, valid, o.now);
      const sum = tally[ev.table];
      sum.add += t.add;
      sum.update += t.update;
      sum.same += t.same;
      sum.invalid += bad.length;
      rejects.push(...bad.slice(0, Math.max(0, 20 - rejects.length)));
      read += ev.rows.length;
      o.onProgress?.(read);
    }
  }
  if (!header) throw new Error('备份文件为空');
  for (const t of BACKUP_TABLES)
    if (expected[t] !== undefined && expected[t] !== seen[t])
      throw new Error(`备份文件不完整：${t} 应有 ${expected[t]} 条，实际读到 ${seen[t]} 条`);
  return { header, tally, rejects, expected, seen };
}

export interface RestoreReport {
  tally: RestoreTally;
  chunks: number;
}

/**
 * Sends the file's chunks to the background in order. On failure the error says how far it got; chunks
 * sent before it are written completely, and running the restore again finishes the rest.
 */
export async function applyRestore(
  file: Blob,
  send: SendChunk,
  o: { signal?: AbortSignal; onProgress?: (rows: number) => void },
): Promise<RestoreReport> {
  const tally = tallies();
  const offsets: Record<string, number> = {};
  let chunks = 0;
  let rows = 0;
  for await (const ev of readBackup(file)) {
    o.signal?.throwIfAborted();
    if (ev.type !== 'rows') continue;
    const offset = offsets[ev.table] ?? 0;
    offsets[ev.table] = offset + ev.rows.length;
    let r: Awaited<ReturnType<SendChunk>>;
    try {
      r = await send({ table: ev.table, rows: ev.rows, offset });
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      throw new Error(
        `恢复在第 ${chunks + 1} 批中断（已完整写入 ${rows} 条，本批未写入）：${why}。已写入的数据完好，处理后重新恢复即可从中断处继续。`,
        { cause: e },
      );
    }
    const sum = tally[ev.table];
    sum.add += r.add;
    sum.update += r.update;
    sum.same += r.same;
    sum.invalid += r.invalid;
    chunks++;
    rows += ev.rows.length;
    o.onProgress?.(rows);
  }
  return { tally, chunks };
}
