/**
 * JSON backup, streamed. The file is one JSON object, laid out one record per line so that restore can
 * read it line by line (a million reviews is ≈ 1 GB of JSON, past V8's string limit for JSON.parse):
 *
 *   {"format":"koubei-backup","schemaVersion":1,"exportedAt":…,"app":"…","filter":{…},
 *   "stores":[
 *   {…},
 *   {…}
 *   ],
 *   "reviews":[
 *   …
 *   ],
 *   "counts":{"stores":2,"reviews":…}}
 *
 * `counts` comes last on purpose: it is written after the rows it counts, so a truncated download is
 * detected (no trailer, or a trailer that disagrees). Derived tables (aggregates) and capture-health
 * events are not backed up: restore rebuilds aggregates through the ingest hooks.
 */
import type { KoubeiDb } from '../db';
import type { ExportKind } from './kinds';
import { officialScoresKind, ordersKind, reviewsKind } from './kinds';
import type { ExportFilter } from './scan';
import { CHUNK_ROWS, countRows, prefetch, scanStore, selectStores, yieldToUi } from './scan';
import type { ExportProgress, ExportResult } from './run';
import { exportFileName } from './run';
import { BlobSink } from './sink';

export const BACKUP_FORMAT = 'koubei-backup';
export const BACKUP_SCHEMA_VERSION = 1;
/** Tables a backup holds, in the order they are written (stores first: records refer to them). */
export const BACKUP_TABLES = ['stores', 'reviews', 'orders', 'officialScores', 'textCorrections'] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

/** Tables read store by store through an export kind's scan. */
const SCANNED: Record<Exclude<BackupTable, 'stores'>, ExportKind<unknown>> = {
  reviews: reviewsKind as ExportKind<unknown>,
  orders: ordersKind as ExportKind<unknown>,
  officialScores: officialScoresKind as ExportKind<unknown>,
  // The merchant's tag corrections (issue #11): keys are review keys; all of a store's, whatever the days.
  textCorrections: {
    id: 'textCorrections',
    label: '分类修正',
    table: 'textCorrections',
    scan: { prefix: true, keep: () => true },
    columns: [],
  },
};

export interface BackupOptions {
  filter: ExportFilter;
  now: number;
  /** e.g. "口碑助手 0.1.0", recorded for support. */
  app?: string;
  signal?: AbortSignal;
  onProgress?: (p: ExportProgress) => void;
  chunk?: number;
}

export async function writeBackup(db: KoubeiDb, o: BackupOptions): Promise<ExportResult> {
  const stores = await selectStores(db, o.filter);
  const sink = new BlobSink();
  const counts: Record<string, number> = {};
  const header = {
    format: BACKUP_FORMAT,
    schemaVersion: BACKUP_SCHEMA_VERSION,
    exportedAt: o.now,
    app: o.app,
    filter: o.filter,
  };
  sink.push(JSON.stringify(header).slice(0, -1) + ',\n');
  // A table this database does not have (opened at an older schema, as the upgrade tests do) is empty.
  const tables = new Set(db.tables.map((t) => t.name));
  const scanned = (t: BackupTable): t is Exclude<BackupTable, 'stores'> =>
    t !== 'stores' && tables.has(SCANNED[t].table);
  let total = stores.length;
  for (const t of BACKUP_TABLES) if (scanned(t)) total += await countRows(db, SCANNED[t], stores, o.filter);
  let done = 0;
  const progress = () => o.onProgress?.({ label: '备份', done, total: Math.max(total, done) });
  progress();

  for (const table of BACKUP_TABLES) {
    let n = 0;
    sink.push(`"${table}":[\n`);
    const emit = (rows: readonly unknown[]) => {
      let text = '';
      for (const r of rows) text += (n++ ? ',\n' : '') + JSON.stringify(r);
      sink.push(text);
      done += rows.length;
      progress();
    };
    if (table === 'stores') emit(stores);
    else if (scanned(table))
      for (const s of stores) {
        for await (const rows of prefetch(
          scanStore(db, SCANNED[table], s.key, o.filter, o.chunk ?? CHUNK_ROWS),
        )) {
          o.signal?.throwIfAborted();
          emit(rows);
          await yieldToUi();
        }
      }
    sink.push(n ? '\n],\n' : '],\n');
    counts[table] = n;
  }
  o.signal?.throwIfAborted();
  sink.push(`"counts":${JSON.stringify(counts)}}\n`);
  return {
    blob: sink.finish('application/json'),
    fileName: exportFileName('备份', stores, o.filter, o.now, 'json'),
    rows: counts,
  };
}
