/**
 * `getOverviewByVersion` and `getSubScoreNew` (platforms.md §1.3), from the world's own 体验分
 * simulation as of the requested day. Weights come from the world and are reported in the response.
 */
import { DIMENSION_NODES, type DimKey } from '../../generator/score-config';
import { experienceScore, type IndicatorScore } from '../../generator/score';
import { addDays, dayKey } from '../../generator/time';
import type { World } from '../../generator/types';
import type { DemoRequest, DemoResponse } from '../http';
import { ok } from './envelope';

const NO_DATA = -9999;

/** The 体验分 overview the console shows at `t`. */
export function overview(world: World, t: number): DemoResponse {
  const s = experienceScore(world, dayKey(t));
  const dim = (k: DimKey): Record<string, unknown> => {
    const d = s.dimensions[k];
    return { value: d.value, rating: d.rating, weight: d.weight, score_weight: d.weighted };
  };
  return ok({
    shop_id: Number(world.shop.id),
    shop_name: world.shop.name,
    category: world.shop.category,
    has_data: true,
    // The data date (the day before the score is shown).
    update_time: `${s.dataDate} 00:00:00`,
    experience_score: { value: s.value, rating: s.rating },
    goods_score: dim('goods'),
    logistics_score: dim('logistics'),
    service_score: { ...dim('service'), score_preview: s.dimensions.service.value },
    bad_behavior_deduct_score: { value: s.deduct, rating: '' },
    score_five_info: {
      score: s.five,
      goods_score: s.dimensions.goods.five,
      logistics_score: s.dimensions.logistics.five,
      service_score: s.dimensions.service.five,
    },
  });
}

const UNIT: Record<IndicatorScore['valueType'], string> = { percent: '%', hour: '小时', second: '秒' };

function figure(i: IndicatorScore): number {
  if (i.value === null) return NO_DATA;
  return i.valueType === 'percent' ? Math.round(i.value * 10000) / 100 : Math.round(i.value * 100) / 100;
}

/** Indicator nodes of one dimension (`experience_node` 1 商品, 2 物流, 3 服务; default 3). */
export function subScore(world: World, req: DemoRequest, t: number): DemoResponse {
  const node = Number(req.url.searchParams.get('experience_node') ?? '3');
  const key =
    (Object.keys(DIMENSION_NODES) as DimKey[]).find((k) => DIMENSION_NODES[k] === node) ?? 'service';
  const day = dayKey(t);
  const s = experienceScore(world, day);
  const prev = experienceScore(world, addDays(day, -1));
  return ok({
    shop_id: Number(world.shop.id),
    shop_name: world.shop.name,
    begin_date: s.beginDate,
    current_date: s.dataDate,
    shop_order_latest_30_cnt: s.windowOrders,
    shop_analysis: s.dimensions[key].indicators.map((i) => {
      const before = prev.dimensions[key].indicators.find((p) => p.node === i.node);
      return {
        experience_node: i.node,
        title: i.title,
        value: { value_figure: figure(i), value_type: UNIT[i.valueType] },
        node_score_info: {
          node_score: i.score ?? NO_DATA,
          node_weight: i.weight,
          node_score_weight: i.score === null ? NO_DATA : Math.round(i.score * i.weight * 100) / 100,
        },
        compare_with_self: {
          rise_than_yesterday: i.score !== null && before?.score != null ? i.score - before.score : 0,
        },
        calculate_numerator: [
          { sub_title: i.numeratorTitle, value: i.value === null ? NO_DATA : i.numerator },
        ],
        calculate_denominator: {
          sub_title: i.denominatorTitle,
          value: i.value === null ? NO_DATA : i.denominator,
        },
      };
    }),
  });
}
