/**
 * Page side of an import: split the previewed drafts into messages (`toBatches`, ≤ 500 rows each) and send
 * them one by one to the background (`ui-bg/import`), with progress and cancel between batches. Each batch
 * is one ingest transaction; re-importing the same file is harmless (ingest is idempotent).
 */
import type { IngestResult } from '../capture/batch';
import { toBatches } from '../capture/batch';
import type { ImportRequest, ImportTarget } from './apply';
import type { ImportPreview } from './parse';

export interface ImportTotals extends IngestResult {
  batches: number;
}

export async function runImport(
  preview: ImportPreview,
  target: ImportTarget,
  send: (req: ImportRequest) => Promise<IngestResult>,
  o: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {},
): Promise<ImportTotals> {
  const batches = toBatches(preview.result, {
    platform: preview.platform,
    endpoint: `导入:${preview.label}`.slice(0, 100),
    page: `文件 ${preview.fileName}`.slice(0, 300),
    source: 'import',
    bytes: preview.bytes,
  });
  const total = preview.result.reviews.length + preview.result.orders.length;
  const sum: ImportTotals = { added: 0, updated: 0, unchanged: 0, rejected: 0, batches: 0 };
  let done = 0;
  o.onProgress?.(0, total);
  for (const batch of batches) {
    o.signal?.throwIfAborted();
    const r = await send({ batch, target });
    sum.storeKey = r.storeKey;
    sum.added += r.added;
    sum.updated += r.updated;
    sum.unchanged += r.unchanged;
    sum.rejected += r.rejected;
    sum.batches++;
    done += batch.reviews.length + batch.orders.length;
    o.onProgress?.(done, total);
  }
  return sum;
}
