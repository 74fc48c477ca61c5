/**
 * The popup's and side panel's headline per store (issue #15): a small copy of what their first screen
 * shows — the score card (our estimate and the console's official score with its date, Δ, coverage), the
 * most urgent item and the record counts — kept by the worker in chrome.storage.local, so a page paints
 * it from one storage read with a tiny first bundle, before Dexie and the full UI load.
 *
 * zod/mini and no model imports: this file is in the pages' first bundle. A stored value is untrusted
 * (an older build's shape, a half-written entry): anything that does not parse is ignored and the page
 * takes its normal path.
 */
import * as z from 'zod/mini';
import type { CardSnapshot } from '../score-view/types';

/** chrome.storage.local key of the headlines (one entry for every store). */
export const HEADLINES_KEY = 'headlines';
/** Bumped when the shape changes: an entry of another version is ignored (the worker rewrites it). */
export const HEADLINES_VERSION = 1;

const num = z.number();
const nullableNum = z.nullable(z.number());
const text = z.string().check(z.maxLength(2000));
const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

const Dim = z.object({
  id: z.enum(['product', 'logistics', 'service', 'deduction', 'overall', 'other']),
  name: text,
  value: nullableNum,
  weight: nullableNum,
  weightSource: z.optional(z.enum(['official', 'fallback', 'override', 'fitted', 'console'])),
});

const Headline = z.object({
  value: nullableNum,
  fivePoint: nullableNum,
  dims: z.array(Dim).check(z.maxLength(20)),
  source: z.enum(['official', 'estimate']),
  date: day,
  lowCoverage: z.boolean(),
  deltas: z.object({ vsYesterday: nullableNum, vs7Days: nullableNum }),
  deltaDates: z.object({ yesterday: z.string(), week: z.string() }),
  stale: z.optional(z.boolean()),
});

const Urgent = z.object({
  kind: z.enum(['alert', 'drop', 'improve', 'ok']),
  severity: z.enum(['info', 'warn', 'critical']),
  title: text,
  detail: text,
  alertKey: z.optional(text),
  refs: z.optional(z.array(text).check(z.maxLength(100))),
});

const Coverage = z.object({
  level: z.enum(['full', 'partial', 'low', 'unknown']),
  orders: num,
  officialOrders: z.optional(num),
  reviews: num,
  officialReviews: z.optional(num),
  ratio: z.optional(num),
  daysWithOrders: num,
  windowDays: num,
});

/** The part of the newest snapshot the score card reads (components/score/ScoreCard.tsx). */
const Card = z.object({
  label: text,
  scale: z.object({ min: num, max: num }),
  estimate: z.object({ value: nullableNum, fivePoint: nullableNum, paidOrders: num, reviews: num }),
  coverage: Coverage,
  head: z.object({
    headline: Headline,
    urgent: Urgent,
    alerts: num,
    guessed: z.array(text).check(z.maxLength(100)),
    latestOfficial: z.optional(z.string()),
    official: z.optional(Headline),
  }),
});

/** Newest reviews kept per store for the side panel's 评价 first paint (the default 全部 list's top). */
export const RECENT_REVIEWS = 10;
// The same bounds as lib/model.ts LIMITS (not imported: that module is not in the pages' first bundle;
// lib/headline/compute.test.ts checks they agree).
export const REVIEW_BOUNDS = { id: 64, name: 200, text: 5000, appends: 10 } as const;
const rid = z.string().check(z.minLength(1), z.maxLength(REVIEW_BOUNDS.id));
const rname = z.string().check(z.maxLength(REVIEW_BOUNDS.name));
const rtext = z.string().check(z.maxLength(REVIEW_BOUNDS.text));
const rstar = z.number().check(z.int(), z.gte(1), z.lte(5));
const count = z.number().check(z.int(), z.gte(0));

/** What components/ReviewItem.tsx draws of a review, and nothing else (no ids beyond the order's). */
export const RecentReview = z.object({
  key: rid,
  orderId: z.optional(rid),
  productId: z.optional(rid),
  productName: z.optional(rname),
  skuText: z.optional(rname),
  createdAt: num,
  star: z.optional(rstar),
  starProduct: z.optional(rstar),
  starLogistics: z.optional(rstar),
  starService: z.optional(rstar),
  polarity: z.optional(z.enum(['good', 'neutral', 'bad'])),
  text: rtext,
  buyerNick: z.optional(rname),
  appends: z.array(z.object({ text: rtext, at: z.optional(num) })).check(z.maxLength(REVIEW_BOUNDS.appends)),
  images: count,
  videos: count,
  replied: z.boolean(),
  replyText: z.optional(rtext),
  isDefault: z.optional(z.boolean()),
});
export type RecentReview = z.infer<typeof RecentReview>;

/**
 * One store. Every store has an entry, so the pages pick the same store as the full UI does
 * (lib/queries.ts pickStore); `card` is missing until the store has a score snapshot.
 */
export const StoreHeadline = z.object({
  storeKey: text,
  /** The store's lastSeen: with nothing selected the pages show the most recently captured store. */
  lastSeen: num,
  /** The newest snapshot's card and its date. */
  card: z.optional(Card),
  date: z.optional(day),
  counts: z.object({ reviews: num, orders: num }),
  /** The newest reviews, newest first: what 评价 lists first (lib/queries.ts listReviews, no filter). */
  recent: z.optional(z.array(RecentReview).check(z.maxLength(RECENT_REVIEWS))),
});
export type StoreHeadline = z.infer<typeof StoreHeadline>;

export const Headlines = z.object({
  v: z.literal(HEADLINES_VERSION),
  /** When the worker wrote them (the clock's ms). */
  at: num,
  /** Newest-captured store first, like lib/queries.ts listStores. */
  stores: z.array(StoreHeadline).check(z.maxLength(1000)),
});
export type Headlines = z.infer<typeof Headlines>;

// The stored card must stay drawable by ScoreCard: a compile error here means the schema fell behind.
export const asCard = (c: NonNullable<StoreHeadline['card']>): CardSnapshot => c;
