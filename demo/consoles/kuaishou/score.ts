/**
 * 店铺体验分 (`GET /rest/app/tts/apollo/shopexp/getDetail`; its shape is not public [G]): the shop, a
 * 5-point total with two decimals, and three dimensions with their indicators, from the world's one score
 * simulation (common/score.ts) under 快手's names. "--" = no data.
 */
import { DIMENSION_WEIGHTS, type DimKey } from '../../generator/score-config';
import type { World } from '../../generator/types';
import { consoleShop } from '../common/shop';
import { chatFigures, fiveScale, nodeOf, percent, round2, scoreAt } from '../common/score';

const NAMES: Record<DimKey, string> = { goods: '商品质量', logistics: '物流体验', service: '售后服务' };

/** `data` of getDetail as of `t`. */
export function shopExpDetail(world: World, t: number): Record<string, unknown> {
  const s = scoreAt(world, t);
  const shop = consoleShop(world, 'kuaishou');
  const n = (node: number) => nodeOf(s, node);
  const chat = chatFigures(world, s);
  const ind = (name: string, value: number | null, unit: string, tier: number | null | undefined) => ({
    name,
    value: value === null ? '--' : String(value),
    unit,
    score: tier === null || tier === undefined ? '--' : fiveScale(tier),
  });
  const indicators: Record<DimKey, Record<string, unknown>[]> = {
    goods: [
      ind('商品差评率', percent(n(101)?.value), '%', n(101)?.score),
      ind('品质退货率', percent(n(102)?.value), '%', n(102)?.score),
    ],
    logistics: [
      ind('揽收及时率', percent(n(201)?.value), '%', n(201)?.score),
      ind('配送时效达成率', percent(n(202)?.value), '%', n(202)?.score),
      ind('物流差评率', percent(n(203)?.value), '%', n(203)?.score),
    ],
    service: [
      ind(
        '客服3分钟回复率',
        chat.meanResponseSec === null ? null : round2(Math.max(0, 100 - chat.meanResponseSec / 4)),
        '%',
        n(322)?.score,
      ),
      ind('售后处理时长', round2(n(316)?.value), '小时', n(316)?.score),
      ind('纠纷率', null, '%', null),
    ],
  };
  const dims = (Object.keys(NAMES) as DimKey[]).map((k) => ({
    key: k,
    name: NAMES[k],
    score: fiveScale(s.dimensions[k].value),
    indicators: indicators[k],
  }));
  const total = dims.reduce((sum, d) => sum + d.score * DIMENSION_WEIGHTS[d.key], 0);
  return {
    shopId: shop.id,
    shopName: shop.name,
    totalScore: Math.round(total * 100) / 100,
    updateTime: `${s.dataDate} 23:59:59`,
    scoreItems: dims.map(({ key: _key, ...d }) => d),
  };
}
