/**
 * Everything the service worker does, registered synchronously at start-up (MV3 drops events that
 * arrive before a listener exists). The entrypoint only calls `registerBackground()`.
 */
import { browser } from 'wxt/browser';
import { getDb } from '../db';
import { onMessage } from '../messaging';
import { tabStoresItem } from '../settings';
import { clearBadge } from './badge';
import { combineHooks, countHooks, ensureCounts } from './counts';
import { registerCapture } from './capture';
import type { IngestHooks } from './ingest';
import { registerDataHandlers } from './data';
import { annotateIds, registerReviews, replyContext } from './reviews';
import { registerTextLearning } from './text-learning';
import { loadTextModel } from '../text/model/load';
import { registerScore } from './score';
import { registerTeam } from './team';
import { registerWalker } from './walker';
import { requireExtensionPage } from './senders';
import type { Bindings } from './stores';
import { clockReady, now as clockNow } from '../clock';

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
  // The stored clock pin (tests, demo) is read at once; handlers wait for it (lib/messaging.ts).
  void clockReady();
  const db = getDb();
  const bindings = sessionBindings();
  const now = opts.now ?? clockNow;
  const extensionId = browser.runtime.id;
  const extensionOrigin = browser.runtime.getURL('/');
  // Aggregates, snapshots, alerts: alarms, UI commands and the ingest hook (lib/background/score.ts).
  const score = registerScore(db, { now, extensionOrigin });
  // Every insert also bumps its store's record counter (lib/background/counts.ts).
  const hooks = opts.hooks ?? combineHooks(score.hooks, countHooks());
  // The learned text model (issue #11) loads now, off the start-up path; until then analysis is lexical.
  void loadTextModel();
  // Review annotations, 可疑 flags, saved drafts, model drafting (lib/background/reviews.ts).
  registerReviews(db, { bindings, extensionId, extensionOrigin, now });
  // The shop's own language (issue #11): per-store adapters fed after ingest, the merchant's corrections.
  const text = registerTextLearning(db, {
    bindings,
    extensionId,
    extensionOrigin,
    now,
    annotate: async (storeKey, id) => (await annotateIds(db, storeKey, [id], await replyContext(now())))[0],
  });
  const afterIngest = (k: string) => {
    score.afterIngest(k);
    text.afterIngest(k);
  };
  registerWalker(db, { extensionId, now });
  // 数据 tab: file import, backup restore, store deletion (lib/background/data.ts).
  registerDataHandlers(db, extensionOrigin, {
    hooks,
    now,
    afterIngest,
    afterRestore: (keys) => text.afterRestore(keys),
  });

  // Console pages → records: validate, resolve the store, ingest or park (lib/background/capture.ts).
  registerCapture(db, {
    bindings,
    extensionId,
    extensionOrigin,
    hooks,
    afterIngest,
    now,
  });

  // Group robots: outbox delivery, daily digest, test button (lib/background/team.ts, issue #14).
  registerTeam(db, { now, extensionOrigin });

  // Stores without a record counter (older database) are counted once.
  void ensureCounts(db).catch((e: unknown) => console.warn('[koubei] counts', e));

  onMessage('ui-bg/badge-seen', async ({ sender }) => {
    requireExtensionPage(sender, extensionOrigin);
    await clearBadge();
    await score.repaintBadge();
  });

  void browser.sidePanel?.setPanelBehavior?.({ openPanelOnActionClick: false }).catch(() => undefined);
}
