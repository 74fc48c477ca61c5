/**
 * Export orchestration: filter → stores → chunked rows → CSV text or XLSX sheets in a BlobSink, with
 * progress, cancel (AbortSignal, checked between chunks) and a yield to the UI after every chunk.
 * Runs in an extension page (it needs Blob/object URLs); reads Dexie only, never writes.
 */
import type { KoubeiDb } from '../db';
import type { Store } from '../model';
import { dayKey } from '../keys';
import { PLATFORM_NAMES } from '../platforms/index';
import { BOM, csvCell, csvLine } from './csv';
import type { Cell, ExportKind, RowContext } from './kinds';
import { kindById } from './kinds';
import type { ExportFilter } from './scan';
import { CHUNK_ROWS, countRows, prefetch, scanStore, selectStores, yieldToUi } from './scan';
import { BlobSink } from './sink';

export type ExportFormat = 'csv' | 'xlsx';

export interface ExportProgress {
  /** Kind being written (its Chinese label). */
  label: string;
  done: number;
  total: number;
}

export interface ExportOptions {
  format: ExportFormat;
  /** Kind ids (lib/export/kinds.ts). CSV takes exactly one. */
  kinds: readonly string[];
  filter: ExportFilter;
  now: number;
  signal?: AbortSignal;
  onProgress?: (p: ExportProgress) => void;
  chunk?: number;
}

export interface ExportResult {
  blob: Blob;
  fileName: string;
  /** Rows written per kind id. */
  rows: Record<string, number>;
}

/** Rows of a kind as cell arrays, chunk by chunk, across the selected stores. */
export async function* kindCells<T>(
  db: KoubeiDb,
  kind: ExportKind<T>,
  stores: Store[],
  o: Pick<ExportOptions, 'filter' | 'signal' | 'chunk'>,
  onRows: (n: number) => void,
): AsyncGenerator<Cell[][]> {
  const ctx: RowContext = { stores: new Map(stores.map((s) => [s.key, s])) };
  const cols = kind.columns;
  for (const s of stores) {
    for await (const rows of prefetch(scanStore(db, kind, s.key, o.filter, o.chunk ?? CHUNK_ROWS))) {
      o.signal?.throwIfAborted();
      yield rows.map((r) => cols.map((c) => c.get(r, ctx)));
      onRows(rows.length);
      await yieldToUi();
    }
  }
  o.signal?.throwIfAborted();
}

/** "口碑助手_评价_抖店-某某旗舰店_2026-11-22.csv" (characters Windows forbids in names replaced). */
export function exportFileName(what: string, stores: Store[], f: ExportFilter, now: number, ext: string) {
  const who =
    stores.length === 1
      ? `${PLATFORM_NAMES[stores[0]!.platform]}-${stores[0]!.name ?? stores[0]!.shopId}`
      : f.platform
        ? `${PLATFORM_NAMES[f.platform]}-全部店铺`
        : '全部店铺';
  const range = f.from || f.to ? `_${f.from ?? '最早'}至${f.to ?? '今天'}` : '';
  const name = `口碑助手_${what}_${who}${range}_${dayKey(now)}.${ext}`;
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');
}

/** Streams the selected kinds into a CSV (one kind) or an XLSX (one sheet per kind). */
export async function exportData(db: KoubeiDb, o: ExportOptions): Promise<ExportResult> {
  const kinds = o.kinds.map((id) => {
    const k = kindById(id);
    if (!k) throw new Error(`未知的导出类型 ${id}`);
    return k as ExportKind<unknown>;
  });
  if (!kinds.length) throw new Error('请至少选择一种数据');
  if (o.format === 'csv' && kinds.length !== 1) throw new Error('CSV 一次只能导出一种数据');
  const stores = await selectStores(db, o.filter);
  const sink = new BlobSink();
  const rows: Record<string, number> = {};
  const label = kinds.map((k) => k.label).join('+');

  if (o.format === 'csv') {
    const kind = kinds[0]!;
    const total = await countRows(db, kind, stores, o.filter);
    let done = 0;
    o.onProgress?.({ label: kind.label, done, total });
    sink.push(BOM + csvLine(kind.columns.map((c) => csvCell(c.header, 'text'))));
    const types = kind.columns.map((c) => c.type);
    for await (const chunk of kindCells(db, kind, stores, o, (n) => {
      done += n;
      o.onProgress?.({ label: kind.label, done, total: Math.max(total, done) });
    })) {
      let text = '';
      for (const cells of chunk) text += csvLine(cells.map((v, i) => csvCell(v, types[i]!)));
      sink.push(text);
    }
    rows[kind.id] = done;
    return {
      blob: sink.finish('text/csv;charset=utf-8'),
      fileName: exportFileName(label, stores, o.filter, o.now, 'csv'),
      rows,
    };
  }

  // XLSX: the writer is imported on demand so the side panel's first load stays small.
  const { XlsxWriter } = await import('./xlsx');
  const xlsx = new XlsxWriter(sink);
  for (const kind of kinds) {
    const total = await countRows(db, kind, stores, o.filter);
    let done = 0;
    o.onProgress?.({ label: kind.label, done, total });
    rows[kind.id] = await xlsx.addSheets(
      kind.label,
      kind.columns,
      kindCells(db, kind, stores, o, (n) => {
        done += n;
        o.onProgress?.({ label: kind.label, done, total: Math.max(total, done) });
      }),
    );
  }
  await xlsx.finish();
  return {
    blob: sink.finish('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
    fileName: exportFileName(label, stores, o.filter, o.now, 'xlsx'),
    rows,
  };
}

/** Saves a Blob through `<a download>` and an object URL (no `downloads` permission needed). */
export function downloadBlob(blob: Blob, fileName: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  doc.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel a large download that has not started reading yet.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
