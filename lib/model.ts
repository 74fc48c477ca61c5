/**
 * The normalized model: one set of zod schemas that every platform adapter produces, the background
 * re-validates, Dexie stores and the UI reads. `z.infer` types flow from here; never redeclare them.
 *
 * zod/mini keeps the content-script bundle small (≈6 kB gzip versus ≈90 kB for classic zod).
 *
 * Conventions
 * - All times are Unix **milliseconds** (adapters convert the console's own unit).
 * - Money is in 分 (integer cents).
 * - Keys are strings built by the helpers at the bottom (`storeKey`, `recordKey`) so a record's identity
 *   is stable across captures, tabs, imports and restores.
 * - Buyer personal data (收件人, 手机, 地址, unmasked nicknames) has no field here on purpose: adapters drop
 *   it at parse time and there is nowhere to put it.
 */
import * as z from 'zod/mini';
import { PROVINCES } from './provinces';

export const PLATFORM_IDS = ['douyin', 'taobao', 'pdd', 'jd', 'kuaishou'] as const;
export const PlatformId = z.enum(PLATFORM_IDS);
export type PlatformId = z.infer<typeof PlatformId>;

/** Upper bounds that keep one hostile record from bloating storage. */
export const LIMITS = {
  id: 64,
  name: 200,
  text: 5000,
  appends: 10,
  items: 50,
  indicators: 60,
} as const;

const id = z.string().check(z.minLength(1), z.maxLength(LIMITS.id));
const shortText = z.string().check(z.maxLength(LIMITS.name));
const longText = z.string().check(z.maxLength(LIMITS.text));
/** A plausible ms timestamp: 2000-01-01 … 2100-01-01. Catches seconds passed as ms and vice versa. */
export const Millis = z.number().check(z.int(), z.gte(946_684_800_000), z.lte(4_102_444_800_000));
const star = z.number().check(z.int(), z.gte(1), z.lte(5));

/** Where a record came from. */
export const Source = z.enum(['api', 'dom', 'import', 'backup']);
export type Source = z.infer<typeof Source>;

export const StoreIdentity = z.object({
  platform: PlatformId,
  shopId: id,
  name: z.optional(shortText),
  /** How the identity was learned: a score/user API, a URL parameter, the page header, or the merchant. */
  via: z.enum(['api', 'url', 'dom', 'manual', 'import']),
  /** Which signal exactly (e.g. `api:userInfo.mall_id`, `url:page.mallId`, `dom:header`; issue #12). */
  signal: z.optional(shortText),
});
export type StoreIdentity = z.infer<typeof StoreIdentity>;

export const Store = z.object({
  key: id,
  platform: PlatformId,
  shopId: id,
  name: z.optional(shortText),
  category: z.optional(shortText),
  firstSeen: Millis,
  lastSeen: Millis,
  // Issue #12 (lib/background/provisional.ts): a store no signal identified yet ("未识别的拼多多店铺"),
  // and the signal that identified a real one.
  provisional: z.optional(z.boolean()),
  identifiedBy: z.optional(shortText),
});
export type Store = z.infer<typeof Store>;

/** 好/中/差 as the platform labels it (stars, emotion code or label), not our text sentiment. */
export const Polarity = z.enum(['good', 'neutral', 'bad']);
export type Polarity = z.infer<typeof Polarity>;

export const ReviewAppend = z.object({
  text: longText,
  at: z.optional(Millis),
  images: z.optional(z.number().check(z.int(), z.gte(0))),
});
export type ReviewAppend = z.infer<typeof ReviewAppend>;

export const Review = z.object({
  /** `recordKey(storeKey, reviewId)` */
  key: id,
  storeKey: id,
  platform: PlatformId,
  reviewId: id,
  /** The (sub-)order the review belongs to, as the console reports it. */
  orderId: z.optional(id),
  parentOrderId: z.optional(id),
  productId: z.optional(id),
  productName: z.optional(shortText),
  skuId: z.optional(id),
  skuText: z.optional(shortText),
  createdAt: Millis,
  /** Overall star (1–5) where the platform has one. */
  star: z.optional(star),
  /** Per-dimension stars: 商品/描述相符, 物流, 服务/店铺. Absent where the platform hides them (千牛). */
  starProduct: z.optional(star),
  starLogistics: z.optional(star),
  starService: z.optional(star),
  polarity: z.optional(Polarity),
  text: longText,
  /** Masked nickname exactly as the console shows it (e.g. "a***"); dropped when unmasked. */
  buyerNick: z.optional(shortText),
  appends: z.array(ReviewAppend).check(z.maxLength(LIMITS.appends)),
  images: z.number().check(z.int(), z.gte(0)),
  videos: z.number().check(z.int(), z.gte(0)),
  replied: z.boolean(),
  replyText: z.optional(longText),
  replyAt: z.optional(Millis),
  /** Last moment a reply is still accepted by the platform, when known. */
  replyDeadline: z.optional(Millis),
  /** Free-form appeal/report state as the console words it (e.g. "未被举报"). */
  appealState: z.optional(shortText),
  /** Whether the platform counts it toward the score (抖店 count_ecology_score; TOP valid_score). */
  countsTowardScore: z.optional(z.boolean()),
  // --- issue #16 (差评挽回): what happened after the review; set by ingest, not by adapters. ---
  /** The star first captured, kept when a later capture shows another (the buyer modified the rating). */
  firstStar: z.optional(star),
  /** When a capture first showed the modified star. */
  starChangedAt: z.optional(Millis),
  /** A complete 采集全部 walk of the review list no longer showed it (deleted, hidden or appealed away). */
  goneAt: z.optional(Millis),
  /** A default/system review (no text written by the buyer). */
  isDefault: z.optional(z.boolean()),
  source: Source,
  capturedAt: Millis,
  updatedAt: Millis,
});
export type Review = z.infer<typeof Review>;

export const OrderStatus = z.enum(['unpaid', 'paid', 'shipped', 'completed', 'cancelled', 'unknown']);
export type OrderStatus = z.infer<typeof OrderStatus>;

export const AfterSale = z.object({
  type: z.optional(z.enum(['refund_only', 'return_refund', 'presale_refund', 'exchange', 'resend', 'other'])),
  status: z.optional(
    z.enum(['applied', 'in_progress', 'succeeded', 'rejected', 'failed', 'closed', 'other']),
  ),
  reason: z.optional(shortText),
  /** The console's own wording, e.g. "退款成功". */
  text: z.optional(shortText),
  appliedAt: z.optional(Millis),
});
export type AfterSale = z.infer<typeof AfterSale>;

export const OrderItem = z.object({
  itemOrderId: z.optional(id),
  productId: z.optional(id),
  productName: z.optional(shortText),
  skuId: z.optional(id),
  skuText: z.optional(shortText),
  quantity: z.optional(z.number().check(z.int(), z.gte(0))),
});
export type OrderItem = z.infer<typeof OrderItem>;

export const Order = z.object({
  key: id,
  storeKey: id,
  platform: PlatformId,
  orderId: id,
  status: OrderStatus,
  statusText: z.optional(shortText),
  createdAt: z.optional(Millis),
  paidAt: z.optional(Millis),
  /** 承诺发货 deadline. */
  promisedShipAt: z.optional(Millis),
  shippedAt: z.optional(Millis),
  /** 揽收: carrier picked the parcel up. */
  collectedAt: z.optional(Millis),
  /** 签收 / delivered. */
  deliveredAt: z.optional(Millis),
  finishedAt: z.optional(Millis),
  carrier: z.optional(shortText),
  /** Destination province only (issue #16); never city, district, address, name or phone. */
  province: z.optional(z.enum(PROVINCES)),
  amountFen: z.optional(z.number().check(z.int())),
  items: z.array(OrderItem).check(z.maxLength(LIMITS.items)),
  afterSale: z.optional(AfterSale),
  /** 0 未评, 1 已评, 2 追评 (抖店 is_comment). */
  reviewState: z.optional(z.number().check(z.int(), z.gte(0), z.lte(2))),
  source: Source,
  capturedAt: Millis,
  updatedAt: Millis,
});
export type Order = z.infer<typeof Order>;

/** Dimensions shared by every platform's score; `deduction` is 抖店 差行为扣分. */
export const DimensionId = z.enum(['product', 'logistics', 'service', 'deduction', 'overall', 'other']);
export type DimensionId = z.infer<typeof DimensionId>;

export const ScoreDimension = z.object({
  id: DimensionId,
  name: shortText,
  value: z.optional(z.number()),
  /** 0–1 as reported (抖店 `weight`). */
  weight: z.optional(z.number().check(z.gte(0), z.lte(1))),
  /** value × weight as reported (抖店 `score_weight`). */
  weightedValue: z.optional(z.number()),
  rating: z.optional(shortText),
});
export type ScoreDimension = z.infer<typeof ScoreDimension>;

export const ScoreIndicator = z.object({
  id: shortText,
  dimension: z.optional(DimensionId),
  name: shortText,
  /** null = the console reports "no data" (抖店 -9999). */
  value: z.nullable(z.number()),
  display: z.optional(shortText),
  unit: z.optional(shortText),
  score: z.optional(z.nullable(z.number())),
  weight: z.optional(z.number()),
  numerator: z.optional(z.number()),
  denominator: z.optional(z.number()),
});
export type ScoreIndicator = z.infer<typeof ScoreIndicator>;

/** What the console itself shows. One row per store × kind × day (latest capture of the day wins). */
export const OfficialScore = z.object({
  key: id,
  storeKey: id,
  platform: PlatformId,
  /** e.g. `douyin.experience`, `douyin.service_detail`, `taobao.real_experience`, `pdd.service`. */
  kind: shortText,
  /** YYYY-MM-DD in Asia/Shanghai. */
  date: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
  capturedAt: Millis,
  scaleMin: z.number(),
  scaleMax: z.number(),
  value: z.optional(z.nullable(z.number())),
  /** Consumer-facing 5-point value where the console reports one. */
  fivePoint: z.optional(z.nullable(z.number())),
  dimensions: z.array(ScoreDimension).check(z.maxLength(12)),
  indicators: z.array(ScoreIndicator).check(z.maxLength(LIMITS.indicators)),
  /** Orders in the window, as the console reports them (抖店 shop_order_latest_30_cnt). */
  windowOrders: z.optional(z.number()),
});
export type OfficialScore = z.infer<typeof OfficialScore>;

/** Why a row or a response was not kept. `code` is stable (tests and UI map it); `message` is Chinese. */
export const Rejection = z.object({
  code: z.enum([
    'invalid_json',
    'envelope_error',
    'not_json',
    'too_large',
    'schema',
    'missing_id',
    'duplicate_in_page',
    'bad_time',
    'no_store',
    'store_mismatch',
    /** Not a rejection: the page's own JSON now names another shop (a switch in the same tab). */
    'store_switch',
    'unknown_endpoint',
    'quota',
    'internal',
  ]),
  message: shortText,
  path: z.optional(shortText),
  /** Row index within the response, when the rejection is per row. */
  row: z.optional(z.number()),
});
export type Rejection = z.infer<typeof Rejection>;

/** One capture-health entry: one response (or import file, or DOM read) and what became of it. */
export const CaptureEvent = z.object({
  id: z.optional(z.number()),
  at: Millis,
  platform: PlatformId,
  storeKey: z.optional(id),
  endpoint: shortText,
  /** Page path where it was seen (no query string: it may carry tokens). */
  page: shortText,
  source: Source,
  outcome: z.enum(['ok', 'partial', 'rejected']),
  seen: z.number(),
  added: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  rejected: z.number(),
  bytes: z.number(),
  reasons: z.array(Rejection).check(z.maxLength(20)),
});
export type CaptureEvent = z.infer<typeof CaptureEvent>;

// Keys and time live in a zod-free module so content scripts can use them without the schemas.
export * from './keys';
