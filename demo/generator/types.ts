/**
 * The canonical, platform-neutral demo world. These are generator types (richer than the normalized
 * model in lib/model.ts: they hold buyer personal data and ground truth), not the extension's model.
 * All times are Unix milliseconds; money is in 分.
 */
import type { AfterSale, PlatformId } from '../../lib/model';
import type { Category } from './catalog';
import type { ReviewAppeal, ReviewOutcome } from './outcomes';
import type { Cause, Stars } from './text';

export type { Cause, Stars } from './text';
export type { Category } from './catalog';
export type { Receiver } from './people';

/** Options of `createWorld`. Same options → identical world. */
export interface WorldOptions {
  seed?: number;
  /** The world's "now" (ms). Nothing in the world happens after it. */
  now?: number;
  /** Days of history, default 400. */
  days?: number;
  /** Mean paid orders per ordinary day, default 300. */
  ordersPerDay?: number;
  /** Default 'double11'. */
  scenario?: 'double11' | 'none';
  /** Adds reviews with hostile text (HTML/script, RTL override, zero-width) for robustness tests. */
  hostile?: boolean;
  shop?: Partial<DemoShop>;
}

export interface DemoShop {
  id: string;
  name: string;
  category: string;
}

export interface DemoSku {
  id: string;
  /** 商家编码 */
  code: string;
  spec: { name: string; value: string }[];
  /** "颜色:黑色;尺码:XL" as the review row shows it. */
  text: string;
  priceFen: number;
}

export interface DemoProduct {
  id: string;
  name: string;
  short: string;
  category: Category;
  priceFen: number;
  skus: DemoSku[];
  risk: { quality: number; mismatch: number; damage: number };
}

export interface DemoOrderItem {
  /** Sub-order (SKU order) id; equals the parent id for single-item orders. */
  subOrderId: string;
  product: number;
  sku: number;
  quantity: number;
  priceFen: number;
}

export interface DemoAfterSale {
  id: string;
  item: number;
  type: NonNullable<AfterSale['type']>;
  /** Buyer's reason as the console words it (e.g. "质量问题", "商品破损"). */
  reason: string;
  cause: Cause;
  appliedAt: number;
  /** 商家审核 time (absent while still pending at `world.now`). */
  handledAt?: number;
  resolvedAt?: number;
  outcome: 'succeeded' | 'rejected';
}

export interface DemoOrder {
  id: string;
  createdAt: number;
  paidAt: number;
  /** 承诺发货: paid before 16:00 → same day 23:59:59, else next day 23:59:59. */
  promisedShipAt: number;
  shippedAt?: number;
  /** 揽收 */
  collectedAt?: number;
  /** 签收 */
  deliveredAt?: number;
  /** 确认收货 / 完成 */
  finishedAt?: number;
  cancelledAt?: number;
  cancelReason?: string;
  carrier?: string;
  carrierName?: string;
  amountFen: number;
  postFen: number;
  discountFen: number;
  items: DemoOrderItem[];
  afterSale?: DemoAfterSale;
  /** Index into the receiver regions (people.ts); REMOTE_REGION ships slower. */
  region: number;
  /** Seed of the buyer's personal data; `receiverOf(order)` builds 收件人/手机/地址 from it. */
  piiSeed: number;
  buyerNick: string;
  /** What went wrong (drives review stars and text). */
  cause: Cause;
  /** Collected after the promised time. */
  late: boolean;
  /** Index into `world.reviews`, if reviewed. */
  review?: number;
}

export type ReviewKind =
  'normal' | 'default' | 'scenario' | 'template' | 'coercion' | 'diversion' | 'hostile';

export interface DemoReview {
  id: string;
  order: number;
  item: number;
  createdAt: number;
  stars: Stars;
  /** Empty for 系统默认好评. */
  text: string;
  kind: ReviewKind;
  cause: Cause;
  nick: string;
  photos: number;
  videos: number;
  appends: { text: string; at: number; photos: number }[];
  reply?: { text: string; at: number };
  /** 差评挽回 (issue #16, outcomes.ts): the buyer's later change of heart. */
  outcome?: ReviewOutcome;
  /** The shop's appeal (申诉) and the platform's result. */
  appeal?: ReviewAppeal;
}

/** Ground truth of the 双11 story, for tests of the diagnosis. */
export interface ScenarioTruth {
  kind: 'double11' | 'none';
  /** First spike day (YYYY-MM-DD, Asia/Shanghai); '' when kind is 'none'. */
  start: string;
  spikeDays: string[];
  lateOrderIds: string[];
  oneStarReviewIds: string[];
  /** First and last day the 1★ reviews were written. */
  reviewDays: [string, string] | [];
  /** First day the score shows the whole bad period, and the day it has left the 30-day window. */
  troughFrom: string;
  recoveredOn: string;
}

/** Other ground truth: suspicious and hostile reviews by id. */
export interface WorldTruth {
  templateBursts: string[][];
  coercion: string[];
  diversion: string[];
  hostile: string[];
}

/** A reply submitted through the simulated console's own 提交 button. */
export interface SubmittedReply {
  /** The console it was posted on; absent for 抖店 (the first console, which predates the field). */
  platform?: PlatformId;
  /** The review id as that console names it. */
  commentId: string;
  content: string;
  /** World time of the submission (the simulated `demo_now`, not the test machine's clock). */
  at: number;
  raw: string;
}

/** Per-day chat (飞鸽) figures; the world has no chat transcripts. */
export interface ChatDay {
  sessions: number;
  responseSecSum: number;
  unsatisfied: number;
}

export interface World {
  options: Required<Omit<WorldOptions, 'shop'>>;
  now: number;
  /** First day of history (YYYY-MM-DD). */
  firstDay: string;
  shop: DemoShop;
  products: DemoProduct[];
  /** Sorted by paidAt ascending. */
  orders: DemoOrder[];
  /** Sorted by createdAt ascending. */
  reviews: DemoReview[];
  /** One entry per day from firstDay. */
  chat: ChatDay[];
  scenario: ScenarioTruth;
  truth: WorldTruth;
  /** Mutable: replies posted through the demo console (tests assert the extension never posts). */
  submittedReplies: SubmittedReply[];
}
