/**
 * 拼多多 scores (platforms.md §3.3), from the world's one score simulation (common/score.ts):
 * - `getMallServeScoreV2`: 消费者服务体验分 (0–5, four decimals) and its five sub-scores, each with the
 *   change over a week (`…Ppr1w`) and a warning flag, 平台求助率 and the hot after-sale problems;
 * - `queryMallDsrVO`: 店铺评价分, the 3-month mean 描述相符 star (shown once there are ≥ 50 reviews).
 * The weights are this simulator's (拼多多 does not publish them).
 */
import type { ExperienceScore } from '../../generator/score';
import { addDays, dayKey, DAY_MS } from '../../generator/time';
import type { World } from '../../generator/types';
import { reviewsNewestFirst } from '../common/records';
import { fiveScale, nodeOf, scoreAt } from '../common/score';

const PARTS = [
  ['spLmScore', 0.3],
  ['fhLmScore', 0.15],
  ['wlLmScore', 0.2],
  ['attiLmScore', 0.15],
  ['jcfwLmScore', 0.2],
] as const;
type Part = (typeof PARTS)[number][0];

const mean = (xs: (number | null | undefined)[]): number => {
  const v = xs.filter((x): x is number => typeof x === 'number');
  return v.length ? v.reduce((a, b) => a + b, 0) / v.length : 80;
};

/** The five sub-scores (0–5) and the total of one score day. */
function serve(s: ExperienceScore): { total: number; parts: Record<Part, number> } {
  const tier = (node: number) => nodeOf(s, node)?.score;
  const parts: Record<Part, number> = {
    spLmScore: fiveScale(s.dimensions.goods.value),
    fhLmScore: fiveScale(mean([tier(201)])),
    wlLmScore: fiveScale(mean([tier(202), tier(203)])),
    attiLmScore: fiveScale(mean([tier(317), tier(322)])),
    jcfwLmScore: fiveScale(mean([tier(316)])),
  };
  const total = PARTS.reduce((sum, [k, w]) => sum + parts[k] * w, 0);
  return { total: Math.round(total * 10000) / 10000, parts };
}

const HOT: Partial<Record<string, [string, string]>> = {
  quality: ['商品质量问题', 'quality'],
  mismatch: ['商品与描述不符', 'not_as_described'],
  damage: ['商品破损', 'damaged'],
  missing: ['少件漏发', 'missing_parts'],
  wrong: ['发错货', 'wrong_goods'],
  logistics_slow: ['物流派送慢', 'slow_delivery'],
  lost: ['物流丢件', 'lost_parcel'],
};

/** After-sales of the 30 days before `t` by cause, most frequent first, as hot problems. */
function hotProblems(world: World, t: number, paid: number): Record<string, unknown>[] {
  const from = t - 30 * DAY_MS;
  const counts = new Map<string, number>();
  for (let i = world.orders.length - 1; i >= 0; i--) {
    const o = world.orders[i];
    if (!o || o.paidAt < from - 30 * DAY_MS) break;
    const as = o.afterSale;
    if (as && as.appliedAt > from && as.appliedAt <= t && HOT[as.cause])
      counts.set(as.cause, (counts.get(as.cause) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([cause, n]) => ({
      title: HOT[cause]![0],
      probName: HOT[cause]![1],
      clfyOrdrCnt: n,
      clfyOrdrCntRate: paid > 0 ? Math.round((n / paid) * 10000) / 10000 : 0,
      isNeg: 1,
    }));
}

/** `result` of getMallServeScoreV2 as of `t`. */
export function mallServeScore(world: World, t: number): Record<string, unknown> {
  const s = scoreAt(world, t);
  const now = serve(s);
  const weekAgo = serve(scoreAt(world, t - 7 * DAY_MS));
  const delta = (a: number, b: number) => Math.round((a - b) * 10000) / 10000;
  const out: Record<string, unknown> = {
    readyDate: s.dataDate,
    cstmrServScore: now.total,
    cstmrServRank: Math.round(Math.min(0.99, Math.max(0.01, (now.total - 3.5) / 1.5)) * 100) / 100,
    cstmrServScorePpr1w: delta(now.total, weekAgo.total),
    cstmrServScoreWarning: now.total < 4.2,
  };
  for (const [k] of PARTS) {
    out[k] = now.parts[k];
    out[`${k}Ppr1w`] = delta(now.parts[k], weekAgo.parts[k]);
    out[`${k}Warning`] = now.parts[k] < 4.2;
  }
  out.ptHelpRate1m = 0;
  out.hotProblems = hotProblems(world, t, s.windowOrders);
  return out;
}

/** `result` of queryMallDsrVO as of `t`: 3-month means of the buyer-written reviews' stars. */
export function mallDsr(world: World, t: number): Record<string, unknown> {
  const from = t - 90 * DAY_MS;
  const sums = { desc: 0, lgst: 0, serv: 0, n: 0 };
  for (const i of reviewsNewestFirst(world, t, (r) => r.createdAt > from && r.kind !== 'default')) {
    const r = world.reviews[i]!;
    sums.desc += r.stars.product;
    sums.lgst += r.stars.logistics;
    sums.serv += r.stars.service;
    sums.n += 1;
  }
  const avg = (x: number) => (sums.n >= 50 ? Math.round((x / sums.n) * 100) / 100 : null);
  const desc = avg(sums.desc);
  return {
    readyDate: addDays(dayKey(t), -1),
    descOver50RevScr3m: desc,
    // [G] the logistics and service twins of the one observed field.
    lgstOver50RevScr3m: avg(sums.lgst),
    servOver50RevScr3m: avg(sums.serv),
    mallUnfkUndfltRevCnt3m: sums.n,
    avgAntiMallDescRevScr3mRcatePct:
      desc === null ? null : Math.round(Math.min(0.99, Math.max(0.01, (desc - 4) / 1)) * 100) / 100,
  };
}
