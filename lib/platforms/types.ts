/**
 * The contract every platform adapter implements (one file per platform in lib/platforms/<id>.ts,
 * registered in lib/platforms/index.ts). Adapters are pure: they take parsed JSON or a Document and
 * return drafts; they never touch the network, storage or `browser.*`.
 */
import type { ParseResult } from '../capture/batch';
import type { PlatformId, StoreIdentity } from '../model';
import type { EndpointSpec } from './endpoints';

export interface ParseContext {
  /** The request URL the response answered. */
  url: URL;
  /** The page the merchant is on. */
  pageUrl: URL;
  /** When the response was seen (ms). */
  now: number;
}

export interface PlatformAdapter {
  id: PlatformId;
  /** Chinese product name shown to merchants, e.g. 抖店. */
  name: string;
  /** Content-script match patterns (same as lib/platforms/hosts.ts). */
  hosts: readonly string[];
  /** The console's timestamp unit, converted to ms by the adapter. */
  timeUnit: 's' | 'ms' | 'date-string';
  /** Whitelisted endpoints (shared with the main-world hook). */
  endpoints: readonly EndpointSpec[];
  /** Real console URLs this adapter handles; the registry test checks each matches exactly one adapter. */
  sampleUrls: readonly string[];
  /** Page the merchant should open to start capturing, with its Chinese label. */
  startPages: readonly { label: string; url: string }[];
  /** Parses one whitelisted JSON response. Must not throw: problems become `rejects`. */
  parse(endpointId: string, body: unknown, ctx: ParseContext): ParseResult;
  /** Reads the shop identity the page shows (header), when the JSON did not carry it. */
  identifyFromDom?(doc: Document): StoreIdentity | undefined;
  /** DOM fallback: reads the review/order tables the page shows (by header text), records marked `dom`. */
  readDom?(doc: Document, url: URL): ParseResult;
  /** Finds review rows and their reply boxes (overlay + "生成回复"; lib/platforms/reply-fill.ts). */
  replyBox?: ReplyBox;
}

/**
 * Where a review's row and reply box are on the console page. The filler only opens the console's own
 * editor and types into it; it never presses the console's submit button.
 */
export interface ReplyBox {
  /**
   * Review rows the page shows, each with the review id it belongs to (same id the adapter parses) and,
   * when known while listing, where the overlay goes (as `anchor(row)` would say, without asking again).
   */
  rows(doc: Document): { reviewId: string; row: HTMLElement; anchor?: HTMLElement }[];
  /** Where the overlay goes inside a row. */
  anchor(row: HTMLElement): HTMLElement;
  /** The console's control that opens this row's reply editor (its 回复 button), if any. */
  opener(row: HTMLElement): HTMLElement | null;
  /** The reply input of this review's open editor (inline in the row, or the dialog opened for it). */
  input(row: HTMLElement, doc: Document, reviewId: string): HTMLTextAreaElement | HTMLInputElement | null;
}
