/**
 * `createWorld`: the deterministic demo world (shop, catalogue, orders, reviews, chat figures and the
 * 双11 story with its ground truth). Pure: the same options always give the same world.
 */
import { clipOrder, clipReview } from './clip';
import type { GenContext } from './context';
import { idIssuer } from './ids';
import { buildProducts } from './products';
import { coercionAndDiversion, makeHostile, templateBursts } from './oddities';
import { makeOrder } from './orders';
import { drawOutcome } from './outcomes';
import { createRng, picker } from './prng';
import { makeReview } from './reviews';
import { chooseIndices, lateHours, oneStarPlans, planScenario } from './scenario';
import { buildTruth, chatDays } from './truth';
import { addDays, dayKey, dayStart, paymentTime } from './time';
import type { DemoOrder, DemoReview, World, WorldOptions } from './types';

/** 2025-11-28 12:00 Asia/Shanghai: 17 days after 双11, in the middle of the trough. */
export const DEFAULT_NOW = Date.parse('2025-11-28T12:00:00+08:00');
export const DEFAULT_SHOP = { id: '69153428', name: '暖阳优品生活馆', category: '服饰内衣' } as const;

/** Builds the world. */
export function createWorld(opts: WorldOptions = {}): World {
  const options = {
    seed: opts.seed ?? 20251111,
    now: opts.now ?? DEFAULT_NOW,
    days: Math.max(1, Math.round(opts.days ?? 400)),
    ordersPerDay: Math.max(0, opts.ordersPerDay ?? 300),
    scenario: opts.scenario ?? 'double11',
    hostile: opts.hostile ?? false,
  };
  const { now, days } = options;
  const root = createRng(options.seed);
  const catalogue = buildProducts(root.fork(1));
  const popRng = root.fork(2);
  const popularity = catalogue.map((_, i) => 1 / Math.pow(1 + ((i * 7 + popRng.int(0, 41)) % 42), 0.8));
  const ids = root.fork(3);
  const ctx: GenContext = {
    rng: root.fork(4),
    products: catalogue,
    pickProduct: picker(popularity),
    orderIds: idIssuer('69', ids),
    subOrderIds: idIssuer('69', ids.fork(1)),
    afterSaleIds: idIssuer('71', ids.fork(2)),
    reviewIds: idIssuer('73', ids.fork(3)),
    inBacklog: () => false,
  };
  const plan = planScenario(options.scenario, now);
  if (plan) ctx.inBacklog = (ms) => ms >= plan.backlogFrom && ms < plan.backlogTo;
  const lastDay = dayKey(now);
  const firstDay = addDays(lastDay, -(days - 1));
  const scenarioRng = root.fork(5);

  // Daily volume first, so the late orders can be chosen among the spike's orders up front.
  const volRng = root.fork(6);
  const counts: number[] = [];
  let spikeTotal = 0;
  for (let d = 0; d < days; d++) {
    const day = addDays(firstDay, d);
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    const spike = plan ? plan.spikeDays.indexOf(day) : -1;
    const mult =
      (weekday === 0 || weekday === 6 ? 1.15 : 1) * (spike >= 0 ? (plan?.multipliers[spike] ?? 1) : 1);
    const n = Math.max(
      0,
      Math.round(options.ordersPerDay * mult * Math.min(1.2, Math.max(0.8, volRng.normal(1, 0.06)))),
    );
    counts.push(n);
    if (spike >= 0) spikeTotal += n;
  }
  const lateSet = plan
    ? chooseIndices(scenarioRng, spikeTotal, Math.min(plan.lateTarget, Math.floor(spikeTotal * 0.5)))
    : new Set<number>();
  // Orders are bucketed per pay day and sorted within the day (cheaper than one sort of 120k).
  const buckets: DemoOrder[][] = Array.from({ length: days }, () => []);
  const late: DemoOrder[] = [];
  const NORMAL = { spike: false };
  const SPIKE = { spike: true };
  let spikeIndex = 0;
  for (let d = 0; d < days; d++) {
    const day = addDays(firstDay, d);
    const start = dayStart(day);
    const spike = plan?.spikeDays.includes(day) ?? false;
    const bucket = buckets[d] ?? [];
    for (let i = 0; i < (counts[d] ?? 0); i++) {
      const paidAt = paymentTime(ctx.rng, start);
      const isLate = spike && lateSet.has(spikeIndex++);
      if (paidAt > now) continue;
      const order = makeOrder(
        ctx,
        paidAt,
        isLate ? { spike, lateHours: lateHours(scenarioRng) } : spike ? SPIKE : NORMAL,
      );
      bucket.push(order);
      if (isLate) late.push(order);
    }
  }
  const oddRng = root.fork(7);
  const bursts = templateBursts({ ...ctx, rng: oddRng }, firstDay, lastDay);
  const origin = dayStart(firstDay);
  for (const o of bursts.orders) {
    const d = Math.floor((o.paidAt - origin) / 86_400_000);
    if (o.paidAt <= now && d >= 0) buckets[d]?.push(o);
  }
  const orders: DemoOrder[] = [];
  for (const bucket of buckets) {
    bucket.sort((x, y) => x.paidAt - y.paidAt);
    for (const o of bucket) orders.push(o);
  }
  const plans = bursts.plans;
  for (const [o, p] of oneStarPlans(scenarioRng, late, plan?.oneStarTarget ?? 0)) plans.set(o, p);
  coercionAndDiversion(oddRng, orders, plans, firstDay, days);

  const reviewCtx = { ...ctx, rng: root.fork(8) };
  let reviews: DemoReview[] = [];
  orders.forEach((o, i) => {
    const r = makeReview(reviewCtx, o, i, plans.get(o));
    if (r && r.createdAt <= now) {
      drawOutcome(r);
      reviews.push(r);
    }
  });
  for (const o of orders) clipOrder(o, now);
  for (const r of reviews) clipReview(r, now);
  reviews = reviews.sort((x, y) => x.createdAt - y.createdAt);
  reviews.forEach((r, i) => {
    const o = orders[r.order];
    if (o) o.review = i;
  });

  const world: World = {
    options,
    now,
    firstDay,
    shop: { ...DEFAULT_SHOP, ...opts.shop },
    products: catalogue,
    orders,
    reviews,
    chat: chatDays(root.fork(9), options.ordersPerDay, firstDay, days, plan),
    scenario: buildTruth(plan, late, reviews),
    truth: { templateBursts: [], coercion: [], diversion: [], hostile: [] },
    submittedReplies: [],
  };
  world.truth.hostile = options.hostile ? makeHostile(root.fork(10), reviews, now) : [];
  const burstGroups = new Map<string, string[]>();
  for (const r of reviews) {
    if (r.kind === 'coercion') world.truth.coercion.push(r.id);
    if (r.kind === 'diversion') world.truth.diversion.push(r.id);
    if (r.kind === 'template') {
      const key = dayKey(r.createdAt);
      burstGroups.set(key, [...(burstGroups.get(key) ?? []), r.id]);
    }
  }
  world.truth.templateBursts = [...burstGroups.values()];
  return world;
}
