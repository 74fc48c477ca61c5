/**
 * Shapes of the score tables (db.ts v2) and of the snapshot the popup reads. Types only: the popup
 * imports these without pulling the score engine into its bundle.
 */
import type { DimensionId } from '../model';
import type { Alert } from '../scoring/alert-types';
import type { SeriesDeltas } from '../scoring/history';
import type { WeightSource } from '../scoring/estimate-types';
import type { Urgent } from '../scoring/urgent';

/** A record that costs points on `day` (its counting day): the diagnosis and forecast query these. */
export interface ScoreMark {
  /** `${ref}|${day}` */
  key: string;
  storeKey: string;
  /** YYYY-MM-DD (Asia/Shanghai). */
  day: string;
  /** Review/Order key. */
  ref: string;
  kind: 'review' | 'order';
  /**
   * A review's text categories as the aggregates counted them, so views never re-analyse its text (the
   * aggregate state key guarantees they come from the current classifier).
   */
  cats?: string[];
}

/**
 * Score marks as stored (db.ts v9): one row per store × counting day holding every record that costs
 * points on that day — a rebuild writes a few hundred rows per 100k records instead of one per mark.
 * Read through lib/score-queries.ts `marksIn`, which hands out ScoreMark rows as before.
 */
export interface ScoreMarkDay {
  /** `${storeKey}|${day}` */
  key: string;
  storeKey: string;
  day: string;
  /** The day's marks, one per record (`cats` as on ScoreMark). */
  m: MarkEntry[];
}

export interface MarkEntry {
  ref: string;
  kind: 'review' | 'order';
  cats?: string[];
}

/** One dimension as shown: value, weight and where the weight came from. */
export interface SnapDim {
  id: DimensionId;
  name: string;
  value: number | null;
  weight: number | null;
  weightSource?: WeightSource | 'console';
}

/**
 * How much of the platform's window we hold. `full` ≥ 95 % of the console's order count, `partial`
 * ≥ 60 %, `low` below that (or orders on under half the window's days), `unknown` without a console
 * count to compare with.
 */
export interface Coverage {
  level: 'full' | 'partial' | 'low' | 'unknown';
  /** Valid paid orders captured in the window. */
  orders: number;
  /** The console's own window order count (抖店 shop_order_latest_30_cnt). */
  officialOrders?: number;
  reviews: number;
  officialReviews?: number;
  /** orders / officialOrders. */
  ratio?: number;
  daysWithOrders: number;
  windowDays: number;
}

export interface SnapScore {
  value: number | null;
  fivePoint: number | null;
  dims: SnapDim[];
}

/** What the headline shows: the console's number when captured recently, else our estimate. */
export interface Headline extends SnapScore {
  source: 'official' | 'estimate';
  /** The data date of the number. */
  date: string;
  /** An estimate from too little data: shown greyed with the coverage, never as the shop's score. */
  lowCoverage: boolean;
  deltas: SeriesDeltas;
  /** Date of the value the Δ compares with (yesterday / 7 days back), for the label. */
  deltaDates: { yesterday: string; week: string };
  /** An official score older than the console's refresh cycle (shown with its age, the estimate beside it). */
  stale?: boolean;
}

/** Extras kept on the newest snapshot of a store only (what the popup shows first). */
export interface SnapshotHead {
  headline: Headline;
  urgent: Urgent;
  /** Active alerts not snoozed. */
  alerts: number;
  /** What in the estimate is guessed (zh). */
  guessed: string[];
  latestOfficial?: string;
  /** The console's latest score when it is too old to be the headline: still shown first, with its age. */
  official?: Headline;
}

/** Our computed score of one store on one day (the main profile of its platform). */
export interface ScoreSnapshot {
  /** `${storeKey}|${date}` */
  key: string;
  storeKey: string;
  profileId: string;
  /** 商家体验分 … */
  label: string;
  date: string;
  takenAt: number;
  scale: { min: number; max: number };
  estimate: SnapScore & {
    stage: 'growth' | 'formal' | 'insufficient';
    paidOrders: number;
    reviews: number;
  };
  /** The console's score of exactly this date, if captured. */
  official?: SnapScore & { windowOrders?: number };
  coverage: Coverage;
  /** estimate − official (same day). */
  error?: number;
  head?: SnapshotHead;
}

/**
 * What the headline card (components/score/ScoreCard.tsx) reads of a snapshot: all of it is kept in the
 * pages' stored headline too (lib/headline, issue #15), so the first paint draws the same card.
 */
export type CardSnapshot = Pick<ScoreSnapshot, 'label' | 'scale' | 'coverage' | 'head'> & {
  estimate: Pick<ScoreSnapshot['estimate'], 'value' | 'fivePoint' | 'paidOrders' | 'reviews'>;
};

/** A stored alert: the engine's Alert plus its life cycle. */
export interface AlertRow extends Alert {
  state: 'active' | 'resolved';
  /** First and last evaluation that found the condition. */
  firstAt: number;
  lastAt: number;
  notifiedAt?: number;
}
