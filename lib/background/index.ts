/**
 * Everything the service worker does, registered synchronously at start-up (MV3 drops events that
 * arrive before a listener exists). The entrypoint only calls `registerBackground()`.
 */
import { browser } from 'wxt/browser';
import { CaptureBatchSchema } from '../capture/schema';
import type { IngestResult } from '../capture/batch';
import { getDb } from '../db';
import { onMessage } from '../messaging';
import { tabStoresItem } from '../settings';
import { bumpBadge, clearBadge } from './badge';
import type { IngestHooks } from './ingest';
import { ingestBatch, recordFailure } from './ingest';
import { registerDataHandlers } from './data';
import { registerReviews } from './reviews';
import { registerScore } from './score';
import { registerWalker } from './walker';
import { requireConsoleTab, requireExtensionPage } from './senders';
import type { Bindings } from './stores';
import { resolveStore } from './stores';

/** chrome.storage.session-backed bindings, serialized so two tabs never overwrite each other's entry. */
function sessionBindings(): Bindings {
  let chain = Promise.resolve();
  return {
    get: async (d) => (await tabStoresItem.getValue())[d],
    set: (d, s) =>
      (chain = chain.then(async () => {
        const all = await tabStoresItem.getValue();
        all[d] = s;
        await tabStoresItem.setValue(all);
      })),
  };
}

export interface BackgroundOptions {
  hooks?: IngestHooks;
  now?: () => number;
}

export function registerBackground(opts: BackgroundOptions = {}): void {
  const db = getDb();
  const bindings = sessionBindings();
  const now = opts.now ?? Date.now;
  const extensionId = browser.runtime.id;
  const extensionOrigin = browser.runtime.getURL('/');
  // Aggregates, snapshots, alerts: alarms, UI commands and the ingest hook (lib/background/score.ts).
  const score = registerScore(db, { now, extensionOrigin });
  // Review annotations, 可疑 flags, saved drafts, model drafting (lib/background/reviews.ts).
  registerReviews(db, { bindings, extensionId, extensionOrigin, now });
  registerWalker(db, { extensionId, now });
  // 数据 tab: file import, backup restore, store deletion (lib/background/data.ts).
  registerDataHandlers(db, extensionOrigin, {
    hooks: opts.hooks ?? score.hooks,
    now,
    afterIngest: (k) => score.afterIngest(k),
  });

  onMessage('cs-bg/capture', async ({ data, sender }): Promise<IngestResult> => {
    // Reject before touching anything: wrong sender or malformed envelope.
    const parsed = CaptureBatchSchema.safeParse(data);
    if (!parsed.success) throw new Error('采集批次格式无效');
    const batch = parsed.data;
    const doc = requireConsoleTab(sender, batch.platform, extensionId);
    const res = await resolveStore(db, bindings, doc, batch.platform, batch.store);
    if ('rejection' in res) {
      await recordFailure(db, batch, res.rejection, now());
      await bumpBadge(0, 1);
      return { added: 0, updated: 0, unchanged: 0, rejected: batch.seen || 1 };
    }
    try {
      const r = await ingestBatch(db, batch, {
        storeKey: res.storeKey,
        identity: res.identity,
        now: now(),
        hooks: opts.hooks ?? score.hooks,
      });
      if (r.added + r.updated > 0) score.afterIngest(r.storeKey);
      await bumpBadge(r.added, r.rejected);
      return {
        storeKey: r.storeKey,
        added: r.added,
        updated: r.updated,
        unchanged: r.unchanged,
        rejected: r.rejected,
      };
    } catch (e) {
      const quota = e instanceof Error && /quota/i.test(`${e.name} ${e.message}`);
      const reason = quota
        ? {
            code: 'quota' as const,
            message: '浏览器存储空间已满：本批数据未写入（已有数据完好）。请导出备份后清理旧数据',
          }
        : {
            code: 'internal' as const,
            message: `写入失败：${e instanceof Error ? e.message : String(e)}`.slice(0, 200),
          };
      await recordFailure(db, batch, reason, now()).catch(() => undefined);
      await bumpBadge(0, 1);
      throw e;
    }
  });

  onMessage('ui-bg/badge-seen', async ({ sender }) => {
    requireExtensionPage(sender, extensionOrigin);
    await clearBadge();
    await score.repaintBadge();
  });

  void browser.sidePanel?.setPanelBehavior?.({ openPanelOnActionClick: false }).catch(() => undefined);
}
