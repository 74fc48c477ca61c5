/**
 * What a content script sends to the background: records *without* identity (no key/storeKey/capture
 * times — the background assigns those after it has resolved and checked the store), the rejections the
 * adapter already found, and counts for the capture-health view.
 *
 * Types only here (this file is bundled into content scripts, which must stay small); the zod schemas
 * that re-validate every batch live in ./schema.ts and run in the background.
 */
import type { OfficialScore, Order, PlatformId, Rejection, Review, Source, StoreIdentity } from '../model';

type Identity = 'key' | 'storeKey' | 'capturedAt' | 'updatedAt';
export type ReviewDraft = Omit<Review, Identity>;
export type OrderDraft = Omit<Order, Identity>;
export type ScoreDraft = Omit<OfficialScore, 'key' | 'storeKey' | 'capturedAt'>;

/** Rows per message: keeps each message well under 1 MB (a review draft is ≈0.5–1 kB). */
export const MAX_ROWS_PER_MESSAGE = 500;

export interface CaptureBatch {
  platform: PlatformId;
  endpoint: string;
  page: string;
  source: Source;
  store?: StoreIdentity;
  reviews: unknown[];
  orders: unknown[];
  scores: unknown[];
  rejects: Rejection[];
  /** Rows the response held (kept or not). */
  seen: number;
  bytes: number;
  /** Hashed hint of the console login (issue #12: the merchant's answer is remembered per login). */
  login?: string;
  /** Expected-but-missing and new fields of this response (issue #12, lib/capture/drift.ts). */
  drift?: DriftNote;
}

/** Field drift of one response, and a redacted sample when something failed (lib/capture/redact.ts). */
export interface DriftNote {
  /** Fields the public sources name that this response's rows lack. */
  missing: string[];
  /** Every field the rows carry (the background finds the new ones). */
  fields: string[];
  sample?: unknown;
}

export interface IngestResult {
  storeKey?: string;
  added: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Rows kept aside until the page shows which store it is (then ingested). */
  parked?: number;
}

/** A parsed response, before it is split into messages. */
export interface ParseResult {
  reviews: ReviewDraft[];
  orders: OrderDraft[];
  scores: ScoreDraft[];
  rejects: Rejection[];
  store?: StoreIdentity;
  seen: number;
}

export const emptyResult = (): ParseResult => ({ reviews: [], orders: [], scores: [], rejects: [], seen: 0 });

/** Splits a parse result into messages of at most MAX_ROWS_PER_MESSAGE rows of each kind. */
export function toBatches(
  r: ParseResult,
  meta: {
    platform: PlatformId;
    endpoint: string;
    page: string;
    source: Source;
    bytes: number;
    store?: StoreIdentity;
  },
): CaptureBatch[] {
  const n = Math.max(1, Math.ceil(Math.max(r.reviews.length, r.orders.length) / MAX_ROWS_PER_MESSAGE));
  const out: CaptureBatch[] = [];
  for (let i = 0; i < n; i++) {
    const s = i * MAX_ROWS_PER_MESSAGE;
    const e = s + MAX_ROWS_PER_MESSAGE;
    const first = i === 0;
    out.push({
      ...meta,
      store: meta.store ?? r.store,
      endpoint: n > 1 ? `${meta.endpoint} (${i + 1}/${n})` : meta.endpoint,
      reviews: r.reviews.slice(s, e),
      orders: r.orders.slice(s, e),
      scores: first ? r.scores : [],
      rejects: first ? r.rejects.slice(0, 200) : [],
      seen: first ? r.seen : 0,
      bytes: first ? meta.bytes : 0,
    });
  }
  return out;
}
