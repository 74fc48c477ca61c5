/**
 * Types shared by the suspicious-review detectors: every flag has a stable code, a Chinese explanation
 * and its evidence.
 */
import type { SignalMatch } from './signals';
import type { NearDuplicateOptions } from './near-duplicates';

export type SuspicionCode = 'templated' | 'burst' | 'no_order' | 'coercion' | 'contact_diversion';

export type SuspicionEvidence =
  | { kind: 'templated'; groupKeys: string[]; similarity: number; sample: string }
  | {
      kind: 'burst';
      productId: string;
      from: number;
      to: number;
      count: number;
      baselinePerWindow: number;
      reviewKeys: string[];
    }
  | { kind: 'no_order'; orderId: string; coveredFrom: number; coveredTo: number }
  | { kind: 'text'; matches: SignalMatch[]; part: number };

export interface SuspicionFlag {
  reviewKey: string;
  code: SuspicionCode;
  severity: 'low' | 'medium' | 'high';
  /** Chinese explanation for the merchant. */
  message: string;
  evidence: SuspicionEvidence;
}

/** A period during which the store's orders are known to be fully captured. */
export interface OrderCoverage {
  storeKey: string;
  from: number;
  to: number;
}

export interface SuspicionOptions {
  duplicates?: NearDuplicateOptions;
  /** Near-duplicate groups smaller than this are not flagged. Default 3. */
  minTemplateGroup?: number;
  /** Burst window (ms). Default 24 h. */
  burstWindowMs?: number;
  /** Baseline look-back before a window (ms). Default 30 days. */
  burstLookbackMs?: number;
  /** Minimum reviews in a window. Default 5. */
  burstMinCount?: number;
  /** Window count must reach this multiple of the baseline per window. Default 4. */
  burstFactor?: number;
  /** A product needs this much earlier history before a burst can be judged (ms). Default 7 days. */
  burstMinHistoryMs?: number;
  /** How long before its review an order may have been placed (ms). Default 30 days. */
  maxOrderAgeMs?: number;
}

/** What `findMissingOrders`/`findSuspicious` need besides the reviews. */
export interface SuspicionContext {
  /** Order ids (main and sub-order) captured for the stores: see `knownOrderIds`. */
  knownOrderIds: ReadonlySet<string>;
  coverage: readonly OrderCoverage[];
  options?: SuspicionOptions;
}

/** Every main and item order id of the given orders. */
