/** The list of guessed constants behind one estimate, in Chinese, for "never guess silently". */
import { SLA } from './classify';
import type { Estimate } from './estimate';
import type { Profile } from './profile-types';

export function guessesOf(profile: Profile, est: Estimate, localOrders: boolean): string[] {
  const out: string[] = [];
  if (profile.window.guessed) out.push(`统计窗口 ${profile.window.value} 天（推测）`);
  if (profile.scale.guessed)
    out.push(`分值范围 ${profile.scale.value.min}–${profile.scale.value.max}（推测）`);
  const fallback = est.dimensions.filter((d) => d.weightSource === 'fallback');
  if (fallback.length > 0 && profile.dimensions.some((d) => d.weight.guessed))
    out.push(
      `维度权重为默认值：${fallback.map((d) => `${d.name} ${Math.round(d.weight * 100)}%`).join('、')}`,
    );
  if (est.dimensions.some((d) => d.weightSource === 'fitted')) out.push('维度权重由历史官方分拟合');
  for (const d of est.dimensions.filter((x) => x.noData))
    out.push(
      `${d.name}无可计算指标，按${d.official !== undefined ? '后台维度分' : ` ${profile.noDataScore.value} 分`}估`,
    );
  const defs = new Map(profile.indicators.map((d) => [d.id, d]));
  let logistics = false;
  for (const x of est.indicators) {
    const def = defs.get(x.id);
    // Only indicators that moved the number: info indicators (weight 0) are shown but not scored.
    if (!def || x.score === null || x.weight === 0) continue;
    const parts: string[] = [];
    if (def.scoring.kind === 'tiers' && def.scoring.tiers.guessed && !x.protected && x.source !== 'official')
      parts.push('档位阈值');
    if (def.benchmark?.guessed) parts.push('基准');
    if (def.measure.kind === 'buckets' && def.measure.buckets.guessed) parts.push('单量时长分值表');
    if (x.weight > 0 && x.weight < 1 && def.weight.guessed) parts.push('指标权重');
    if (parts.length > 0) out.push(`${x.name}：${parts.join('、')}为推测`);
    if (x.source === 'local' && x.dimension === 'logistics') logistics = true;
  }
  if (logistics) {
    const g = SLA[profile.platform].guessed;
    if (g.includes('shipHours')) out.push('无承诺发货时间的订单按支付后 48 小时计');
    if (g.includes('collect')) out.push('揽收时限按支付后 48 小时计（推测）');
    if (g.includes('deliveryHours')) out.push('配送时效目标按揽收后 72 小时计（线路时效未公开）');
  }
  if (profile.smallShop?.orders.guessed && est.indicators.some((x) => x.protected))
    out.push(`小店保护门槛按 ${profile.smallShop.orders.value} 单计`);
  if (profile.stage && localOrders) out.push('有效支付订单数按本地采集计，可能少于后台');
  if (profile.minReviews?.guessed) out.push(`满 ${profile.minReviews.value} 条评价才出分（推测）`);
  out.push(...profile.assumptions);
  return [...new Set(out)];
}
