/**
 * 物流异常订单地图 (issue #16): per destination province and per courier, how many orders shipped late,
 * were collected late, arrived late or broken, graded against the guides' standards. Pure.
 *
 * Definitions (one order counts once per flag):
 * - 发货及时: shipped (or collected) by the promised ship time (承诺发货; the platform's default otherwise);
 * - 揽收延误: collected after the platform's collection deadline (lib/scoring/classify.ts collectDeadline);
 * - 配送超时: signed more than the platform's delivery target after collection (72 h, [G]);
 * - 破损: an after-sale whose reason names damage (破损/压坏/漏液 …).
 * An order counts toward a rate only when its denominator event happened (shipped, collected, signed).
 */
import type { Order } from '../model';
import { SLA, afterSaleClass, collectDeadline, shipDeadline } from '../scoring/classify';
import { LOGISTICS_STANDARDS, grade, type Grade } from './standards';

const HOUR_MS = 3_600_000;

export type Abnormality = 'lateShip' | 'lateCollect' | 'lateDelivery' | 'damage';
export const ABNORMALITY_LABEL: Readonly<Record<Abnormality, string>> = {
  lateShip: '发货超时',
  lateCollect: '揽收延误',
  lateDelivery: '配送超时',
  damage: '破损',
};

/** An order's abnormalities as of `now` (an unshipped order past its promise is already late). */
export function abnormalities(o: Order, now: number): Abnormality[] {
  const out: Abnormality[] = [];
  const paidAt = o.paidAt ?? o.createdAt;
  if (paidAt === undefined || o.status === 'cancelled') return out;
  const shipped = o.shippedAt ?? o.collectedAt;
  const promise = shipDeadline(o, paidAt);
  if (shipped !== undefined ? shipped > promise : now > promise && o.status === 'paid') out.push('lateShip');
  if (o.collectedAt !== undefined && o.collectedAt > collectDeadline(o, paidAt)) out.push('lateCollect');
  if (
    o.collectedAt !== undefined &&
    o.deliveredAt !== undefined &&
    o.deliveredAt - o.collectedAt > SLA[o.platform].deliveryHours * HOUR_MS
  )
    out.push('lateDelivery');
  if (afterSaleClass(o) === 'damage') out.push('damage');
  return out;
}

export interface LogisticsGroup {
  /** Province or courier name; '未知' when the console did not show it. */
  name: string;
  orders: number;
  /** Orders whose ship time is known or already past. */
  shipDue: number;
  collected: number;
  delivered: number;
  lateShip: number;
  lateCollect: number;
  lateDelivery: number;
  damage: number;
  /** Orders with at least one abnormality. */
  abnormal: number;
  onTimeShipRate?: number;
  collectDelayRate?: number;
  lateDeliveryRate?: number;
  damageRate?: number;
  grades: { onTimeShip?: Grade; collectDelay?: Grade; damage?: Grade };
}

export interface LogisticsBoard {
  total: LogisticsGroup;
  provinces: LogisticsGroup[];
  couriers: LogisticsGroup[];
  /** Orders without a province (platforms whose list does not show it). */
  withoutProvince: number;
}

const UNKNOWN = '未知';

function empty(name: string): LogisticsGroup {
  return {
    name,
    orders: 0,
    shipDue: 0,
    collected: 0,
    delivered: 0,
    lateShip: 0,
    lateCollect: 0,
    lateDelivery: 0,
    damage: 0,
    abnormal: 0,
    grades: {},
  };
}

function add(g: LogisticsGroup, o: Order, flags: readonly Abnormality[], now: number): void {
  g.orders++;
  const paidAt = o.paidAt ?? o.createdAt ?? now;
  if (o.shippedAt !== undefined || o.collectedAt !== undefined || now > shipDeadline(o, paidAt)) g.shipDue++;
  if (o.collectedAt !== undefined) g.collected++;
  if (o.deliveredAt !== undefined) g.delivered++;
  for (const f of flags) g[f]++;
  if (flags.length) g.abnormal++;
}

const ratio = (n: number, d: number): number | undefined => (d > 0 ? n / d : undefined);

function finish(g: LogisticsGroup): LogisticsGroup {
  g.onTimeShipRate = ratio(g.shipDue - g.lateShip, g.shipDue);
  g.collectDelayRate = ratio(g.lateCollect, g.collected);
  g.lateDeliveryRate = ratio(g.lateDelivery, g.delivered);
  g.damageRate = ratio(g.damage, g.delivered || g.collected);
  const S = LOGISTICS_STANDARDS;
  g.grades = {
    onTimeShip: g.onTimeShipRate === undefined ? undefined : grade(g.onTimeShipRate, S.onTimeShip),
    collectDelay: g.collectDelayRate === undefined ? undefined : grade(g.collectDelayRate, S.collectDelay),
    damage: g.damageRate === undefined ? undefined : grade(g.damageRate, S.damage),
  };
  return g;
}

/** The board over `orders` (the caller picks the window), as of `now`. */
export function logisticsBoard(orders: readonly Order[], now: number): LogisticsBoard {
  const total = empty('全部');
  const byProvince = new Map<string, LogisticsGroup>();
  const byCourier = new Map<string, LogisticsGroup>();
  let withoutProvince = 0;
  for (const o of orders) {
    if (o.status === 'cancelled' || o.status === 'unpaid') continue;
    const flags = abnormalities(o, now);
    add(total, o, flags, now);
    const p = o.province ?? UNKNOWN;
    if (!o.province) withoutProvince++;
    const pg = byProvince.get(p) ?? empty(p);
    byProvince.set(p, pg);
    add(pg, o, flags, now);
    if (o.shippedAt !== undefined || o.collectedAt !== undefined) {
      const c = o.carrier ?? UNKNOWN;
      const cg = byCourier.get(c) ?? empty(c);
      byCourier.set(c, cg);
      add(cg, o, flags, now);
    }
  }
  const sorted = (m: Map<string, LogisticsGroup>) =>
    [...m.values()].map(finish).sort((a, b) => b.abnormal - a.abnormal || b.orders - a.orders);
  return {
    total: finish(total),
    provinces: sorted(byProvince),
    couriers: sorted(byCourier),
    withoutProvince,
  };
}

export interface AbnormalOrder {
  order: Order;
  flags: Abnormality[];
}

/** A province's abnormal orders, newest first ('未知' = orders without a province). */
export function abnormalOrders(
  orders: readonly Order[],
  province: string,
  now: number,
  limit = 200,
): AbnormalOrder[] {
  const out: AbnormalOrder[] = [];
  for (const o of orders) {
    if ((o.province ?? UNKNOWN) !== province) continue;
    const flags = abnormalities(o, now);
    if (flags.length) out.push({ order: o, flags });
  }
  return out.sort((a, b) => (b.order.paidAt ?? 0) - (a.order.paidAt ?? 0)).slice(0, limit);
}
