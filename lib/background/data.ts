/**
 * Background handlers of the 数据 tab: platform-file import (through the one ingest path), backup restore
 * chunks, and deleting a store. Accepted only from the extension's own pages; every payload is
 * re-validated (lib/import/apply.ts, lib/import/restore.ts). A write that hits the quota is rolled back
 * whole and answered with a plain Chinese message.
 */
import type { IngestResult } from '../capture/batch';
import type { KoubeiDb } from '../db';
import { BACKUP_TABLES } from '../export/backup';
import type { BackupTable } from '../export/backup';
import { QUOTA_MESSAGE, deleteStore, isQuotaError } from '../export/storage';
import type { Rejection } from '../model';
import { onMessage } from '../messaging';
import type { ImportRequest } from '../import/apply';
import { importBatch } from '../import/apply';
import type { TableTally } from '../import/restore';
import { restoreChunk } from '../import/restore';
import type { RestoreRequest } from '../import/restore-run';
import type { IngestHooks } from './ingest';
import { recordFailure } from './ingest';
import { forgetStoreAdapter } from './text-learning';
import { requireExtensionPage } from './senders';
import { now as clockNow } from '../clock';
import { writeHeadlines } from './headline';

export interface DataHandlerOptions {
  hooks?: IngestHooks;
  now?: () => number;
  /** Called with each store whose records changed (e.g. to refresh its score snapshot). */
  afterIngest?: (storeKey: string) => void;
  /** Called with the stores a restore chunk of reviews or corrections belongs to (text learning). */
  afterRestore?: (storeKeys: string[]) => void;
}

/** Most rows one restore message may carry (the page sends 1,000). */
const MAX_RESTORE_ROWS = 2000;

/** Rethrows quota errors as the message the merchant should read. */
function plain(e: unknown): never {
  if (isQuotaError(e)) throw new Error(QUOTA_MESSAGE);
  throw e;
}

export async function handleImport(
  db: KoubeiDb,
  req: ImportRequest,
  o: DataHandlerOptions,
): Promise<IngestResult> {
  const now = (o.now ?? clockNow)();
  try {
    const r = await importBatch(db, req, { now, hooks: o.hooks });
    if (r.storeKey && r.added + r.updated > 0) o.afterIngest?.(r.storeKey);
    return r;
  } catch (e) {
    const reason: Rejection = isQuotaError(e)
      ? { code: 'quota', message: QUOTA_MESSAGE.slice(0, 200) }
      : {
          code: 'internal',
          message: `导入失败：${e instanceof Error ? e.message : String(e)}`.slice(0, 200),
        };
    if (req?.batch?.platform) await recordFailure(db, req.batch, reason, now).catch(() => undefined);
    return plain(e);
  }
}

export async function handleRestore(
  db: KoubeiDb,
  req: RestoreRequest,
  o: DataHandlerOptions,
): Promise<TableTally & { rejects: Rejection[] }> {
  if (!BACKUP_TABLES.includes(req?.table as BackupTable)) throw new Error('未知的数据表');
  if (!Array.isArray(req.rows) || req.rows.length > MAX_RESTORE_ROWS) throw new Error('恢复批次无效');
  const offset = Number.isInteger(req.offset) && req.offset >= 0 ? req.offset : 0;
  const r = await restoreChunk(db, req.table, req.rows, {
    now: (o.now ?? clockNow)(),
    hooks: o.hooks,
    offset,
  }).catch(plain);
  if ((req.table === 'reviews' || req.table === 'textCorrections') && r.add + r.update > 0)
    o.afterRestore?.(
      req.rows.flatMap((x) => {
        const k = (x as { storeKey?: unknown } | null)?.storeKey;
        return typeof k === 'string' && k.length <= 100 ? [k] : [];
      }),
    );
  return r;
}

/**
 * Registers `ui-bg/import`, `ui-bg/restore` and `ui-bg/delete-store`. Call once from registerBackground:
 * `registerDataHandlers(db, extensionOrigin, { hooks: opts.hooks ?? score.hooks, now, afterIngest: (k) => score.afterIngest(k) })`.
 */
export function registerDataHandlers(
  db: KoubeiDb,
  extensionOrigin: string,
  o: DataHandlerOptions = {},
): void {
  onMessage('ui-bg/import', async ({ data, sender }) => {
    requireExtensionPage(sender, extensionOrigin);
    return handleImport(db, data, o);
  });
  onMessage('ui-bg/restore', async ({ data, sender }) => {
    requireExtensionPage(sender, extensionOrigin);
    return handleRestore(db, data, o);
  });
  onMessage('ui-bg/delete-store', async ({ data, sender }) => {
    requireExtensionPage(sender, extensionOrigin);
    const removed = await deleteStore(db, String(data?.storeKey), String(data?.confirm ?? ''));
    forgetStoreAdapter(String(data?.storeKey)); // its adapter row went with it (issue #11)
    // The pages' first-paint headline (chrome.storage.local) held its card and newest reviews: rewritten
    // without it now, not at the next score refresh.
    await writeHeadlines(db, (o.now ?? clockNow)()).catch((e: unknown) =>
      console.warn('[koubei] headlines', e),
    );
    return removed;
  });
}
