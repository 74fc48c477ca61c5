/**
 * The capture endpoint of the background: `cs-bg/capture` (a batch of records from a console page) and
 * `cs-bg/identify` (the page has rendered which store it is). Each batch is re-validated, its store
 * resolved and bound to the sending document, then ingested; batches from a page that has not said which
 * store it is yet are parked until it does (lib/background/pending.ts).
 */
import type { CaptureBatch, IngestResult } from '../capture/batch';
import { CaptureBatchSchema } from '../capture/schema';
import type { KoubeiDb } from '../db';
import { isQuotaError } from '../export/storage';
import { onMessage } from '../messaging';
import { PlatformId, StoreIdentity } from '../model';
import * as z from 'zod/mini';
import { bumpBadge } from './badge';
import type { IngestHooks } from './ingest';
import { ingestBatch, ingestResultOf, recordFailure } from './ingest';
import { park, takeExpired, takeParked } from './pending';
import { requireConsoleTab } from './senders';
import { recordWalkSeen } from './walk-seen';
import type { Bindings } from './stores';
import { noStore, resolveStore } from './stores';

export interface CaptureEnv {
  bindings: Bindings;
  extensionId: string;
  hooks?: IngestHooks;
  afterIngest: (storeKey: string) => void;
  now: () => number;
}

const IdentifyMessage = z.object({ platform: PlatformId, store: StoreIdentity });
const none = (rejected = 0): IngestResult => ({ added: 0, updated: 0, unchanged: 0, rejected });

export function registerCapture(db: KoubeiDb, env: CaptureEnv): void {
  const ingest = async (
    batch: CaptureBatch,
    storeKey: string,
    identity?: StoreIdentity,
  ): Promise<IngestResult> => {
    try {
      const r = await ingestBatch(db, batch, { storeKey, identity, now: env.now(), hooks: env.hooks });
      if (r.added + r.updated > 0) env.afterIngest(storeKey);
      await bumpBadge(r.added, r.rejected);
      return ingestResultOf(r);
    } catch (e) {
      const quota = isQuotaError(e);
      const reason = quota
        ? {
            code: 'quota' as const,
            message: '浏览器存储空间已满：本批数据未写入（已有数据完好）。请导出备份后清理旧数据',
          }
        : {
            code: 'internal' as const,
            message: `写入失败：${e instanceof Error ? e.message : String(e)}`.slice(0, 200),
          };
      await recordFailure(db, batch, reason, env.now()).catch(() => undefined);
      await bumpBadge(0, 1);
      throw e;
    }
  };

  /** Ingests what a document parked, now that its store is known. */
  const flush = async (doc: string, storeKey: string, identity?: StoreIdentity) => {
    for (const b of await takeParked(db, doc)) await ingest(b, storeKey, identity);
  };

  /** Parked batches nobody claimed become visible failures. */
  const expire = async () => {
    for (const b of await takeExpired(db, env.now()))
      await recordFailure(db, b, noStore(b.platform), env.now());
  };

  onMessage('cs-bg/capture', async ({ data, sender }): Promise<IngestResult> => {
    // Reject before touching anything: wrong sender or malformed envelope.
    const parsed = CaptureBatchSchema.safeParse(data);
    if (!parsed.success) throw new Error('采集批次格式无效');
    const batch = parsed.data;
    const doc = requireConsoleTab(sender, batch.platform, env.extensionId);
    await expire().catch(() => undefined);
    const res = await resolveStore(db, env.bindings, doc, batch.platform, batch.store);
    if ('park' in res) {
      if (await park(db, doc, batch, env.now()))
        return { ...none(), parked: batch.reviews.length + batch.orders.length + batch.scores.length };
      await recordFailure(db, batch, noStore(batch.platform), env.now());
      await bumpBadge(0, 1);
      return none(batch.seen || 1);
    }
    if ('rejection' in res) {
      await recordFailure(db, batch, res.rejection, env.now());
      await bumpBadge(0, 1);
      return none(batch.seen || 1);
    }
    const r = await ingest(batch, res.storeKey, res.identity);
    await flush(doc, res.storeKey, res.identity);
    // issue #16: what a running full walk has shown (never fails the capture).
    await recordWalkSeen(db, sender.tab!.id!, batch, res.storeKey, env.now()).catch(() => undefined);
    return r;
  });

  onMessage('cs-bg/identify', async ({ data, sender }) => {
    const m = IdentifyMessage.parse(data);
    const doc = requireConsoleTab(sender, m.platform, env.extensionId);
    const res = await resolveStore(db, env.bindings, doc, m.platform, m.store);
    if ('storeKey' in res) await flush(doc, res.storeKey, res.identity);
  });
}
