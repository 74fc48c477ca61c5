/**
 * The one protocol map. Names give direction: `cs-bg/*` content script → background (untrusted: the
 * background re-validates and requires `sender.tab` on a console host), `ui-bg/*` extension page →
 * background (accepted only from our own pages). One handler per type, all registered in the background.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { CaptureBatch, IngestResult } from './capture/batch';
import type { AggregateStatus } from './score-view/aggregate-state';

export interface ProtocolMap {
  /** A batch of captured records from a console page. */
  'cs-bg/capture'(data: CaptureBatch): IngestResult;
  /** The merchant looked at the popup: clear the "new records" badge. */
  'ui-bg/badge-seen'(): void;
  /** Silence an alert (its key) or a whole condition (its topic) for some hours. */
  'ui-bg/snooze-alert'(data: { key: string; hours: number }): void;
  /** Recompute snapshots and alerts now (after an options change, or the merchant asked). */
  'ui-bg/score-refresh'(data: { storeKey?: string }): void;
  /** Rebuild the daily aggregates from the stored records (resumable; returns the state it started). */
  'ui-bg/rebuild-aggregates'(): AggregateStatus;
}

const quiet = { debug() {}, log() {}, warn: console.warn, error: console.error };

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>({ logger: quiet });
