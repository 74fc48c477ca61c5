/**
 * The one protocol map. Names give direction: `cs-bg/*` content script → background (untrusted: the
 * background re-validates and requires `sender.tab` on a console host), `ui-bg/*` extension page →
 * background (accepted only from our own pages). One handler per type, all registered in the background.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import { clockReady } from './clock';
import type { CaptureBatch, IngestResult } from './capture/batch';
import type { IdentifyMessage } from './capture/content';
import type { ImportRequest } from './import/apply';
import type { TableTally } from './import/restore';
import type { RestoreRequest } from './import/restore-run';
import type { Rejection } from './model';
import type { WalkerState } from './capture/walker';
import type { AggregateStatus } from './score-view/aggregate-state';
import type {
  AnnotateRequest,
  AnnotateResult,
  CheckedDraft,
  ModelDraftReply,
  ModelDraftRequest,
  SaveDraftRequest,
} from './replies/store';

import type { BoardResult } from './team/board-sync';
import type { CorrectReviewRequest, CorrectRowRequest, TextCorrectionRow } from './text/corrections';
import type { ReviewAnnotation } from './replies/store';

export interface ProtocolMap {
  /** A batch of captured records from a console page. */
  'cs-bg/capture'(data: CaptureBatch): IngestResult;
  /**
   * Which store the page is (an API/URL/header signal): binds the tab and ingests parked batches; or that
   * no signal said so / two disagreed: files the page under the provisional store (issue #12).
   */
  'cs-bg/identify'(data: IdentifyMessage): void;
  /** "采集全部": persist a walk's state after every page (per tab and page path). */
  'cs-bg/walker-save'(data: WalkerState): void;
  /** "采集全部": the walk to resume on this tab and page, if one is recent. */
  'cs-bg/walker-load'(data: { platform: string; path: string }): WalkerState | null;
  /** The merchant looked at the popup: clear the "new records" badge. */
  'ui-bg/badge-seen'(): void;
  /** Silence an alert (its key) or a whole condition (its topic) for some hours. */
  'ui-bg/snooze-alert'(data: { key: string; hours: number }): void;
  /** Recompute snapshots and alerts now (after an options change, or the merchant asked). */
  'ui-bg/score-refresh'(data: { storeKey?: string }): void;
  /** Rebuild the daily aggregates from the stored records (resumable; returns the state it started). */
  'ui-bg/rebuild-aggregates'(): AggregateStatus;
  /** Tags, 可疑 flags, deadline and a checked draft for review ids a console page shows (its store only). */
  'cs-bg/annotate'(data: AnnotateRequest): AnnotateResult;
  /** Draft a reply with the merchant's model endpoint; the template draft on any failure. */
  'ui-bg/model-draft'(data: ModelDraftRequest): ModelDraftReply;
  /** Save the merchant's draft for a review (`text: null` = back to the template); returns its check. */
  'ui-bg/save-draft'(data: SaveDraftRequest): CheckedDraft | null;
  /** Recompute a store's suspicion flags if its reviews changed since the last run. */
  'ui-bg/refresh-flags'(data: { storeKey: string }): { flags: number; computedAt: number };
  /** 数据 tab: one batch of a platform export file, ingested with `source: 'import'`. */
  'ui-bg/import'(data: ImportRequest): IngestResult;
  /** 数据 tab: one chunk of a backup being restored (one transaction). */
  'ui-bg/restore'(data: RestoreRequest): TableTally & { rejects: Rejection[] };
  /** 数据 tab: delete a store and all its rows; `confirm` must be its shop id or name. */
  'ui-bg/delete-store'(data: { storeKey: string; confirm: string }): Record<string, number>;
  // --- Text learning (issue #11, lib/background/text-learning.ts) ---
  /** The merchant's categories for a stored review (side panel inbox). */
  'ui-bg/correct-review'(data: CorrectReviewRequest): TextCorrectionRow;
  /** The same from the console overlay, for a review row of the tab's store; returns its new annotation. */
  'cs-bg/correct-review'(data: CorrectRowRequest): ReviewAnnotation | null;
  // --- Team delivery (issue #14, lib/background/team.ts) ---
  /** Queues a test message to one robot target. */
  'ui-bg/team-test'(data: { targetId: string }): { queued: boolean };
  /** Puts a failed outbox message back in the queue (采集健康 → 重试). */
  'ui-bg/team-retry'(data: { key: string }): { requeued: number };
  /** Sends a store's 月度口碑报告 of `month` (YYYY-MM) to its robots; once per store and month. */
  'ui-bg/team-report'(data: { storeKey: string; month: string }): { queued: number; targets: number };
  /** Syncs the 飞书多维表格 board now; returns rows created/updated per table. */
  'ui-bg/board-sync'(): BoardResult;
  /** "这是哪个店铺？": move a provisional store into an existing store, or a new one by name (issue #12). */
  'ui-bg/confirm-store'(data: { provisionalKey: string; storeKey?: string; name?: string }): {
    storeKey: string;
  };
}

const quiet = { debug() {}, log() {}, warn: console.warn, error: console.error };

const messaging = defineExtensionMessaging<ProtocolMap>({ logger: quiet });

export const sendMessage = messaging.sendMessage;

/**
 * Registers a handler that runs once the extension's clock is known (lib/clock.ts): a worker woken by a
 * message must not date what it stores by the machine's clock when the clock is pinned.
 */
export const onMessage: typeof messaging.onMessage = (type, handler) =>
  messaging.onMessage(type, async (message) => {
    await clockReady();
    return (await handler(message))!;
  });
