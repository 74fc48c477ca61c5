/**
 * 真实体验分 (platforms.md §2.1, §2.4): the card (`mtop.alibaba.tmall.front.store.index`, `nps` and the
 * three dimensions as strings on the 3–5 scale) and its indicators (`mtop.sdx.nps.home.indexsummary`,
 * `mainIndexInfoList[].subIndexInfoList[]` with value, showValue, unit, score; "--" = no data). Values
 * come from the world's one score simulation (common/score.ts), under 淘宝's indicator names.
 */
import { DIMENSION_WEIGHTS, type DimKey } from '../../generator/score-config';
import type { ExperienceScore } from '../../generator/score';
import type { World } from '../../generator/types';
import { chatFigures, fiveScale, nodeOf, percent, round2, scoreAt } from '../common/score';

const DIMS: readonly [DimKey, string, string][] = [
  ['goods', 'newGoods', '宝贝质量'],
  ['logistics', 'newLogistics', '物流速度'],
  ['service', 'newServices', '服务保障'],
];

const fixed = (x: number): string => x.toFixed(2);
const statDate = (s: ExperienceScore): string => s.dataDate.replaceAll('-', '');

/** The total on the 3–5 scale: the dimensions' weighted mean (weights per category, here the world's). */
export function realExperience(s: ExperienceScore): { total: number; dims: Record<DimKey, number> } {
  const dims = {
    goods: fiveScale(s.dimensions.goods.value),
    logistics: fiveScale(s.dimensions.logistics.value),
    service: fiveScale(s.dimensions.service.value),
  };
  const total = DIMS.reduce((sum, [k]) => sum + dims[k] * DIMENSION_WEIGHTS[k], 0);
  return { total: Math.round(total * 100) / 100, dims };
}

/** `data` of store.index as of `t`. */
export function storeIndex(world: World, t: number): Record<string, unknown> {
  const s = scoreAt(world, t);
  const { total, dims } = realExperience(s);
  return {
    dataSource: {
      statDate: statDate(s),
      list: [
        { code: 'nps', name: '真实体验分', score: fixed(total) },
        ...DIMS.map(([k, code, name]) => ({ code, name, score: fixed(dims[k]) })),
      ],
    },
  };
}

interface Sub {
  name: string;
  value: number | null;
  unit: '%' | '小时';
  /** The tier score (50–100) it is scored by, or null. */
  tier: number | null;
}

const sub = ({ name, value, unit, tier }: Sub): Record<string, string> => {
  const v = value === null ? '--' : unit === '%' ? value.toFixed(2) : value.toFixed(1);
  return {
    name,
    value: v,
    showValue: value === null ? '--' : `${v}${unit}`,
    unit,
    score: tier === null ? '--' : fiveScale(tier).toFixed(1),
  };
};

/** `data` of indexsummary as of `t`. */
export function indexSummary(world: World, t: number): Record<string, unknown> {
  const s = scoreAt(world, t);
  const { dims } = realExperience(s);
  const n = (node: number) => nodeOf(s, node);
  const chat = chatFigures(world, s);
  // 3-minute response share from the mean response time (the world keeps means only) [G].
  const within3m = chat.meanResponseSec === null ? null : Math.max(0, 100 - chat.meanResponseSec / 4);
  const subs: Record<DimKey, Sub[]> = {
    goods: [
      { name: '商品负反馈率', value: percent(n(101)?.value), unit: '%', tier: n(101)?.score ?? null },
      {
        name: '商品品质退货率',
        value: percent(n(102)?.value),
        unit: '%',
        tier: n(102)?.score ?? null,
      },
    ],
    logistics: [
      { name: '48小时揽收及时率', value: percent(n(201)?.value), unit: '%', tier: n(201)?.score ?? null },
      { name: '物流到货及时率', value: percent(n(202)?.value), unit: '%', tier: n(202)?.score ?? null },
      { name: '物流差评率', value: percent(n(203)?.value), unit: '%', tier: n(203)?.score ?? null },
    ],
    service: [
      { name: '旺旺3分钟人工响应率', value: round2(within3m), unit: '%', tier: n(322)?.score ?? null },
      {
        name: '旺旺满意度',
        value: chat.unsatisfiedRate === null ? null : percent(1 - chat.unsatisfiedRate),
        unit: '%',
        tier: n(317)?.score ?? null,
      },
      { name: '退款处理时长', value: round2(n(316)?.value), unit: '小时', tier: n(316)?.score ?? null },
      { name: '平台求助率', value: null, unit: '%', tier: null },
    ],
  };
  return {
    data: {
      statDate: s.dataDate,
      mainIndexInfoList: DIMS.map(([k, , name]) => ({
        name,
        score: fixed(dims[k]),
        subIndexInfoList: subs[k].map(sub),
      })),
    },
  };
}
