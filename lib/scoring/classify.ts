/**
 * Small, deterministic classifications the aggregates need: after-sale reasons, review categories → causes,
 * and each platform's shipping/collection deadlines. Deterministic on purpose: recordDelta(prev, next)
 * must classify a record the same way each time, or add-then-remove would not cancel.
 */
import type { Order, PlatformId, Review } from '../model';
import { DAY_MS, SHANGHAI_OFFSET_MS } from '../model';

/** Cause categories a merchant reads (DESIGN.md): 物流延迟, 描述不符, 质量, 客服, 违规扣分. */
export const CAUSES = ['logistics', 'description', 'quality', 'service', 'violation'] as const;
export type CauseId = (typeof CAUSES)[number];
export const CAUSE_LABELS: Readonly<Record<CauseId, string>> = {
  logistics: '物流延迟',
  description: '描述不符',
  quality: '质量',
  service: '客服',
  violation: '违规扣分',
};

/** A review-text classifier supplied by the caller (lib/text); returns category ids or Chinese names. */
export type Categorize = (review: Review) => readonly string[];

const CAUSE_PATTERNS: ReadonlyArray<readonly [CauseId, RegExp]> = [
  ['logistics', /物流|快递|配送|发货|揽收|慢|丢件|漏发|错发|少件|破损|logistic|shipping|delivery|damage/i],
  ['description', /描述|不符|货不对板|色差|尺码|尺寸|材质|description|mismatch/i],
  ['quality', /质量|做工|瑕疵|起球|掉色|异味|quality|defect/i],
  ['service', /服务|客服|态度|推诿|退款难|service|attitude/i],
  ['violation', /违规|扣分|violation|penalty/i],
];
const DAMAGE = /破损|压坏|碎|漏液|变形|damage/i;

/** Causes named by one category string (several may match, e.g. 物流破损 → logistics). */
export function causesOfCategory(category: string): CauseId[] {
  return CAUSE_PATTERNS.filter(([, re]) => re.test(category)).map(([id]) => id);
}

/** Whether a category string names transport damage (破损). */
export const isDamageCategory = (category: string): boolean => DAMAGE.test(category);

/**
 * After-sale reason class by the buyer's first reason. A partition with a priority order, so a reason
 * counts once. Which reasons the platform counts as 商品品质 vs 物流品质 is not public [G]; the rule text
 * lists 物流品质 as 发货超时、错发/漏发、缺货/无货、物流轨迹超时/异常、欺诈发货.
 */
export type AfterSaleClass = 'logistics' | 'damage' | 'description' | 'quality' | 'other';
const AS_PATTERNS: ReadonlyArray<readonly [AfterSaleClass, RegExp]> = [
  ['logistics', /发货超时|超时发货|错发|漏发|少件|缺货|无货|物流|快递|轨迹|丢件|未收到|虚假发货|欺诈发货/],
  ['damage', DAMAGE],
  ['description', /描述不符|与描述|货不对板|色差|尺码|尺寸不符|材质不符|与图片不符/],
  ['quality', /质量|品质|做工|瑕疵|故障|坏|假货|过期|变质|异味|起球|掉色/],
];

export function afterSaleClass(order: Order): AfterSaleClass | undefined {
  const as = order.afterSale;
  // A buyer-cancelled application is treated as never made [G].
  if (!as || as.status === 'closed') return undefined;
  const text = `${as.reason ?? ''} ${as.text ?? ''}`;
  for (const [cls, re] of AS_PATTERNS) if (re.test(text)) return cls;
  return 'other';
}

/** Per-platform deadlines. Only the 抖店 揽收 rule and the 天猫 48 h rule are rule text; the rest are [G]. */
export interface Sla {
  /** Default ship-by when the order carries no 承诺发货 time. */
  shipHours: number;
  /** Collection deadline: `nextDayEnd` = 支付次日 23:59:59 (抖店 rule text) or hours after payment. */
  collect: 'nextDayEnd' | number;
  /** 抖店: an order paid 18:00–06:00 starts its collection clock at 06:00. */
  nightStart: boolean;
  /** Delivery target after collection, in hours (no public route table) [G]. */
  deliveryHours: number;
  guessed: readonly ('shipHours' | 'collect' | 'deliveryHours')[];
}

export const SLA: Readonly<Record<PlatformId, Sla>> = {
  douyin: { shipHours: 48, collect: 'nextDayEnd', nightStart: true, deliveryHours: 72, guessed: ['shipHours', 'deliveryHours'] },
  taobao: { shipHours: 48, collect: 48, nightStart: false, deliveryHours: 72, guessed: ['deliveryHours'] },
  pdd: { shipHours: 48, collect: 48, nightStart: false, deliveryHours: 72, guessed: ['shipHours', 'collect', 'deliveryHours'] },
  jd: { shipHours: 48, collect: 48, nightStart: false, deliveryHours: 72, guessed: ['shipHours', 'collect', 'deliveryHours'] },
  kuaishou: { shipHours: 48, collect: 48, nightStart: false, deliveryHours: 72, guessed: ['shipHours', 'collect', 'deliveryHours'] },
}; // prettier-ignore

const HOUR_MS = 3600 * 1000;
/** ms since Shanghai midnight. */
const timeOfDay = (ms: number): number => (((ms + SHANGHAI_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS;
const midnight = (ms: number): number => ms - timeOfDay(ms);

export function shipDeadline(order: Order, paidAt: number): number {
  return order.promisedShipAt ?? paidAt + SLA[order.platform].shipHours * HOUR_MS;
}

/** A 承诺发货 further than this after payment marks a 预售 order [G: 现货 promises are 24–48 h]. */
const PRESALE_MS = 72 * HOUR_MS;

/** 揽收 deadline: 现货 by the platform's rule; 预售 by its 承诺发货 time (抖店 rule text). */
export function collectDeadline(order: Order, paidAt: number): number {
  const sla = SLA[order.platform].collect;
  const base = sla === 'nextDayEnd' ? midnight(paidAt) + 2 * DAY_MS - 1000 : paidAt + sla * HOUR_MS;
  const promise = order.promisedShipAt;
  return promise !== undefined && promise - paidAt > PRESALE_MS ? Math.max(base, promise) : base;
}

/** When the collection clock starts (抖店: paid 18:00–06:00 → 06:00). */
export function collectClockStart(platform: PlatformId, paidAt: number): number {
  if (!SLA[platform].nightStart) return paidAt;
  const t = timeOfDay(paidAt);
  if (t >= 18 * HOUR_MS) return midnight(paidAt) + DAY_MS + 6 * HOUR_MS;
  if (t < 6 * HOUR_MS) return midnight(paidAt) + 6 * HOUR_MS;
  return paidAt;
}

/** Collection-duration bucket counter for `hours`. */
export function collectBucket(
  hours: number,
): 'colH12' | 'colH24' | 'colH36' | 'colH48' | 'colH72' | 'colHMore' {
  if (hours <= 12) return 'colH12';
  if (hours <= 24) return 'colH24';
  if (hours <= 36) return 'colH36';
  if (hours <= 48) return 'colH48';
  if (hours <= 72) return 'colH72';
  return 'colHMore';
}

export const HOURS = HOUR_MS;
