/**
 * Wiring of the score features into the service worker: the aggregate hook for ingest, a debounced
 * per-store refresh after captures, the periodic alarm (daily snapshots, alerts, resuming a rebuild),
 * UI commands and notification clicks. All listeners are added synchronously by `registerScore`.
 */
import { browser } from 'wxt/browser';
import type { KoubeiDb } from '../db';
import { onMessage } from '../messaging';
import { dayKey } from '../model';
import { latestSnapshot } from '../score-queries';
import type { AggregateStatus } from '../score-view/aggregate-state';
import { alertSettingsItem, alertSnoozesItem, scoreOverridesItem } from '../settings';
import { aggregateHooks, readStatus, runRebuild } from './aggregates';
import { ensureCounts } from './counts';
import { paintAlertBadge, snooze } from './alert-signals';
import type { IngestHooks } from './ingest';
import { requireExtensionPage } from './senders';
import { refreshStore } from './snapshots';
import { writeHeadlines } from './headline';
import { clockReady, onClockChange } from '../clock';

export const SCORE_ALARM = 'koubei-score';
/** Snapshots and alerts every half hour while the browser runs (and at start-up). */
export const SCORE_PERIOD_MINUTES = 30;
/** Captures come in bursts (one page = one batch): refresh once the burst settles for this long. */
export const REFRESH_DELAY_MS = 1000;
/**
 * A burst that does not settle (a merchant paging through a long list, a walk) still refreshes at
 * least this often. Refreshing every second while pages are being turned took about a fifth of the
 * worker's time per page turn, on a machine whose two cores the console page also needs (issue #15).
 */
export const REFRESH_MAX_WAIT_MS = 5000;

export interface ScoreService {
  hooks: IngestHooks;
  /** A batch for `storeKey` was ingested (records or official scores): refresh it soon. */
  afterIngest(storeKey: string | undefined): void;
  /** Refreshes every store now (after pending work); resolves when done. */
  refreshAll(): Promise<void>;
  repaintBadge(): Promise<void>;
  /** Resolves when no refresh is queued or running (tests, the demo). */
  idle(): Promise<void>;
}

export function registerScore(
  db: KoubeiDb,
  opts: { now: () => number; extensionOrigin: string },
): ScoreService {
  const { now } = opts;
  const pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** When the first batch of the burst not yet refreshed came (performance.now()). */
  let burstStart: number | undefined;
  let chain: Promise<void> = Promise.resolve();
  /** Longest wait within a burst: at least REFRESH_MAX_WAIT_MS, three times the last refresh (big shops refresh less often). */
  let delay = REFRESH_MAX_WAIT_MS;

  const ready = async (): Promise<boolean> => (await readStatus(db))?.status === 'ready';
  /** Is the newest snapshot of `storeKey` from today and younger than one alarm period? */
  const fresh = async (storeKey: string): Promise<boolean> => {
    const s = await latestSnapshot(db, storeKey);
    const t = now();
    return !!s?.head && s.date === dayKey(t) && t - s.takenAt < SCORE_PERIOD_MINUTES * 60_000;
  };
  /** Refreshes the given stores, every store, or (worker start-up) those whose snapshot is stale. */
  const run = (keys: readonly string[] | 'all' | 'stale'): Promise<void> =>
    (chain = chain
      .then(async () => {
        // Half-rebuilt aggregates would give wrong numbers: the rebuild refreshes everything when done.
        if (!(await ready())) return;
        let stores =
          keys === 'all' || keys === 'stale'
            ? await db.stores.toArray()
            : (await db.stores.bulkGet([...keys])).filter((s) => !!s);
        // A worker wakes up often (every capture after 30 s idle): recompute only what is out of date.
        if (keys === 'stale') {
          const stale = await Promise.all(stores.map(async (s) => !(await fresh(s.key))));
          stores = stores.filter((_, i) => stale[i]);
        }
        const t0 = performance.now();
        for (const s of stores)
          await refreshStore(db, s, now()).catch((e: unknown) => console.warn('[koubei] score', s.key, e));
        delay = Math.max(REFRESH_MAX_WAIT_MS, 3 * (performance.now() - t0));
        await paintAlertBadge(db, now()).catch((e: unknown) => console.warn('[koubei] alert badge', e));
        // The pages' first paint (issue #15): every store's headline, after any refresh.
        await writeHeadlines(db, now()).catch((e: unknown) => console.warn('[koubei] headlines', e));
        // A failed run must not reject the queue: every later refresh would be skipped (issue #8).
      })
      .catch((e: unknown) => console.warn('[koubei] score refresh', e)));
  const flush = (): Promise<void> => {
    timer = undefined;
    burstStart = undefined;
    const keys = [...pending];
    pending.clear();
    return run(keys);
  };
  /** Finishes (or starts) a rebuild, then refreshes: everything after a rebuild, else `after`. */
  const rebuildNow = async (
    force = false,
    after: 'all' | 'stale' = 'all',
  ): Promise<AggregateStatus | undefined> => {
    const was = await readStatus(db);
    const s = await runRebuild(db, now, force);
    // A rebuild is also the repair path for the record counters (all of them when forced).
    await ensureCounts(db, force);
    const rebuilt = force || was?.status !== 'ready' || was.key !== s?.key;
    await run(rebuilt ? 'all' : after);
    return s;
  };

  /** Rebuilds in flight (start-up, alarm, UI), so `idle` can wait for the refresh they end with. */
  const rebuilds = new Set<Promise<unknown>>();
  const rebuild = (force = false, after: 'all' | 'stale' = 'all'): Promise<AggregateStatus | undefined> => {
    const p = clockReady().then(() => rebuildNow(force, after));
    const tracked = p.catch(() => undefined).finally(() => rebuilds.delete(tracked));
    rebuilds.add(tracked);
    return p;
  };
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SCORE_ALARM)
      void rebuild().catch((e: unknown) => console.warn('[koubei] score alarm', e));
  });
  browser.notifications?.onClicked.addListener((id) => {
    void browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html?tab=alerts') });
    void browser.notifications.clear(id);
  });
  onMessage('ui-bg/snooze-alert', async ({ data, sender }) => {
    requireExtensionPage(sender, opts.extensionOrigin);
    if (
      typeof data?.key !== 'string' ||
      data.key.length > 400 ||
      !Number.isFinite(data.hours) ||
      data.hours <= 0
    )
      throw new Error('暂停提醒的参数无效');
    // The snoozes item's watcher below recomputes the headline and repaints the badge.
    await snooze(data.key, data.hours, now());
  });
  onMessage('ui-bg/score-refresh', async ({ data, sender }) => {
    requireExtensionPage(sender, opts.extensionOrigin);
    await run(typeof data?.storeKey === 'string' ? [data.storeKey] : 'all');
  });
  onMessage('ui-bg/rebuild-aggregates', async ({ sender }) => {
    requireExtensionPage(sender, opts.extensionOrigin);
    const started = rebuild(true);
    // Answer with the state the rebuild started from; the options page follows progress in `meta`.
    await new Promise((r) => setTimeout(r, 50));
    void started.catch((e: unknown) => console.warn('[koubei] rebuild', e));
    return (await readStatus(db)) ?? { status: 'stale', key: '', done: 0 };
  });
  // Settings changed in the options page: recompute with them.
  for (const item of [scoreOverridesItem, alertSettingsItem, alertSnoozesItem] as const)
    item.watch(() => void run('all'));
  // The clock was pinned or unpinned (tests, the demo): "today" moved, so every snapshot is recomputed.
  onClockChange(() => void run('all'));

  void (async () => {
    if (!(await browser.alarms.get(SCORE_ALARM)))
      await browser.alarms.create(SCORE_ALARM, { periodInMinutes: SCORE_PERIOD_MINUTES, delayInMinutes: 1 });
  })().catch((e: unknown) => console.warn('[koubei] alarm', e));
  // Start-up: finish (or start) a rebuild, then bring stale snapshots up to today.
  void rebuild(false, 'stale').catch((e: unknown) => console.warn('[koubei] score start-up', e));

  return {
    hooks: aggregateHooks((s) => pending.add(s)),
    afterIngest(storeKey) {
      if (!storeKey) return;
      pending.add(storeKey);
      // Debounced until the burst settles, but never later than `delay` after its first batch: a long
      // walk through many pages still refreshes along the way.
      const t = performance.now();
      burstStart ??= t;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => void flush(), Math.min(REFRESH_DELAY_MS, Math.max(0, burstStart + delay - t)));
    },
    refreshAll: () => run('all'),
    repaintBadge: () => paintAlertBadge(db, now()).then(() => undefined),
    idle: async () => {
      while (rebuilds.size) await Promise.all([...rebuilds]);
      while (timer !== undefined) await new Promise((r) => setTimeout(r, REFRESH_DELAY_MS));
      let seen: Promise<void>;
      do {
        seen = chain;
        await seen;
      } while (seen !== chain);
    },
  };
}
