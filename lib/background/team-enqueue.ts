/**
 * The alert pipeline's door to the robot outbox (issue #14): evaluateStore reads the store's targets
 * before its transaction (chrome.storage cannot be awaited inside a Dexie transaction) and `persist`
 * adds the outbox rows for its fresh alerts inside the same transaction — an alert is never stored
 * without its messages, nor messages without the alert. `queued()` then wakes the delivery loop.
 */
import type { KoubeiDb } from '../db';
import type { AlertRow } from '../score-view/types';
import type { Snooze } from '../scoring/alert-types';
import { isSnoozed } from '../scoring/alerts';
import { teamSettingsItem } from '../settings';
import { startPagesOf } from '../platforms';
import { alertSource } from '../team/messages';
import { addNew, outboxRows } from '../team/outbox';

export interface TeamEnqueue {
  add(db: KoubeiDb, fresh: readonly AlertRow[]): Promise<void>;
  queued(): void;
}

let wake: () => void = () => undefined;
/** Registered by lib/background/team.ts: runs the delivery loop soon. */
export function onOutboxQueued(fn: () => void): void {
  wake = fn;
}

/** The store's enabled targets as an enqueuer, or undefined when it has none (nothing to do). */
export async function teamOutbox(
  storeKey: string,
  snoozes: readonly Snooze[],
  now: number,
): Promise<TeamEnqueue | undefined> {
  const targets = (await teamSettingsItem.getValue()).targets.filter(
    (t) => t.enabled && t.storeKey === storeKey,
  );
  if (!targets.length) return undefined;
  const offset = -new Date(now).getTimezoneOffset();
  return {
    async add(db, fresh) {
      const store = await db.stores.get(storeKey);
      const label = { key: storeKey, name: store?.name ?? storeKey };
      // The console page to act on (a button / ActionCard in the group).
      const pages = store ? startPagesOf(store.platform) : [];
      const rows = fresh
        .filter((a) => !isSnoozed(a.key, snoozes, now))
        .flatMap((a) => outboxRows(alertSource(a, label, offset, pages), targets, now));
      await addNew(db, rows);
    },
    queued: () => wake(),
  };
}
