/**
 * 淘宝/天猫: 《淘宝平台店铺真实体验分规范》 (ruleId 20009524, curated summary [M]) and the classic DSR.
 * 真实体验分: 3–5, 30 days, shown from 30 paid orders, weights and tiers per 主营类目 (console only) → the
 * captured score's weights, else equal thirds [G]; tier scores on the 3–5 scale are [G].
 * DSR: no rule text; 180 days and excluding default reviews are common belief [G].
 */
import type { G, Profile } from './profile-types';
import { guess, rule } from './profile-types';
import { dsrIndicator, official, stars, tiered } from './profile-helpers';

const FIVE = { scores: [5, 4.6, 4.2, 3.8, 3.4], floor: 3 } as const;
const THIRD = (): G<number> => guess(1 / 3, '类目权重仅在千牛展示，未采集时按三等分');
const P_ALL = ['sp1', 'sp2', 'sp3', 'sp4', 'sp5'] as const;
const L_ALL = ['sl1', 'sl2', 'sl3', 'sl4', 'sl5'] as const;

export const TAOBAO_REAL: Profile = {
  id: 'taobao.real_experience',
  platform: 'taobao',
  name: '店铺真实体验分',
  officialKinds: ['taobao.real_experience'],
  source: '《淘宝平台店铺真实体验分规范》 rulechannel ruleId 20009524',
  window: rule(30, '部分类目 90 天'),
  scale: rule({ min: 3, max: 5 }),
  indicatorMax: 5,
  stage: { minOrders: rule(30), growthScore: null, misconductScore: null },
  fivePoint: 'identity',
  noDataScore: guess(4.2),
  dimensions: [
    { id: 'product', name: '宝贝质量', weight: THIRD() },
    { id: 'logistics', name: '物流速度', weight: THIRD() },
    { id: 'service', name: '服务保障', weight: THIRD() },
  ],
  indicators: [
    {
      id: 'neg_feedback',
      name: '商品负反馈率',
      dimension: 'product',
      direction: 'lower',
      unit: '%',
      role: 'scored',
      weight: guess(0.5),
      measure: {
        kind: 'ratio',
        bad: ['asQuality', 'asDescription', 'asDamage', 'sp1', 'sp2'],
        den: ['signed'],
      },
      ...tiered({ industry: 0.03, excellent: 0.01 }, FIVE),
      counts: '品质退款或描述相符 1–2 星的订单 / 签收订单',
      officialNames: ['商品负反馈率'],
    },
    {
      id: 'good_rate',
      name: '商品好评率',
      dimension: 'product',
      direction: 'higher',
      unit: '%',
      role: 'scored',
      weight: guess(0.5),
      measure: { kind: 'ratio', bad: ['sp1', 'sp2', 'sp3'], den: P_ALL, invert: true },
      ...tiered({ industry: 0.9, excellent: 0.97 }, FIVE),
      counts: '描述相符 4–5 星 / 描述相符评价数',
      officialNames: ['商品好评率'],
    },
    {
      id: 'collect_48h',
      name: '48小时揽收及时率',
      dimension: 'logistics',
      direction: 'higher',
      unit: '%',
      role: 'scored',
      weight: guess(1 / 3),
      measure: { kind: 'ratio', bad: ['colLate', 'colPending'], den: ['colDue'], invert: true },
      ...tiered({ industry: 0.9, excellent: 0.98 }, FIVE),
      counts: '支付后 48 小时内揽收的订单 / 应揽收订单（天猫物流时效规范）',
      officialNames: ['48小时揽收及时率'],
    },
    {
      id: 'arrival_hours',
      name: '物流到货时长',
      dimension: 'logistics',
      direction: 'lower',
      unit: '小时',
      role: 'scored',
      weight: guess(1 / 3),
      measure: { kind: 'mean', sum: 'delHours', n: 'delTotal', blame: ['delLate'] },
      ...tiered({ industry: 72, excellent: 48 }, FIVE),
      counts: '揽收到签收的平均小时数',
      officialNames: ['物流到货时长'],
    },
    {
      id: 'logistics_bad_rate',
      name: '物流差评率',
      dimension: 'logistics',
      direction: 'lower',
      unit: '%',
      role: 'scored',
      weight: guess(1 / 3),
      measure: { kind: 'ratio', bad: ['sl1', 'sl2'], den: L_ALL },
      ...tiered({ industry: 0.02, excellent: 0.005 }, FIVE),
      counts: '物流服务 1–2 星 / 物流服务评价数',
      officialNames: ['物流差评率'],
    },
    official(
      {
        id: 'ww_3min',
        name: '旺旺3分钟人工响应率',
        dimension: 'service',
        direction: 'higher',
        unit: '%',
        weight: guess(0.25),
        names: ['旺旺3分钟人工响应率'],
        benchmark: { industry: 0.8, excellent: 0.95 },
        counts: '仅千牛提供',
      },
      FIVE,
    ),
    official(
      {
        id: 'ww_satisfaction',
        name: '旺旺满意度',
        dimension: 'service',
        direction: 'higher',
        unit: '%',
        weight: guess(0.25),
        names: ['旺旺满意度'],
        benchmark: { industry: 0.8, excellent: 0.95 },
        counts: '仅千牛提供',
      },
      FIVE,
    ),
    official(
      {
        id: 'refund_hours',
        name: '退款处理时长',
        dimension: 'service',
        direction: 'lower',
        unit: '小时',
        weight: guess(0.25),
        names: ['退款处理时长'],
        benchmark: { industry: 24, excellent: 6 },
        counts: '仅千牛提供',
      },
      FIVE,
    ),
    official(
      {
        id: 'help_rate',
        name: '平台求助率',
        dimension: 'service',
        direction: 'lower',
        unit: '%',
        weight: guess(0.25),
        names: ['平台求助率'],
        benchmark: { industry: 0.01, excellent: 0.002 },
        counts: '仅千牛提供',
      },
      FIVE,
    ),
    {
      id: 'service_rating',
      name: '服务评分（替代）',
      dimension: 'service',
      direction: 'higher',
      unit: '星',
      role: 'fallback',
      weight: guess(1),
      measure: stars('s'),
      ...tiered({ industry: 4.6, excellent: 4.9 }, FIVE),
      counts: '评价中的服务态度星级平均（千牛指标未采集时）',
    },
  ],
  assumptions: ['附加分未计入', '千牛评价列表不含分项星级：星级类指标仅在采集到星级时有值'],
};

export const TAOBAO_DSR: Profile = {
  id: 'taobao.dsr',
  platform: 'taobao',
  name: '店铺动态评分 DSR',
  officialKinds: ['taobao.dsr'],
  source: '无规则原文（常见认知）',
  window: guess(180, '常见认知：滚动 180 天；TOP 接口只可查 180 天'),
  scale: rule({ min: 1, max: 5 }),
  indicatorMax: 5,
  fivePoint: 'identity',
  noDataScore: guess(5),
  dimensions: [
    { id: 'product', name: '描述相符', weight: guess(1 / 3) },
    { id: 'service', name: '服务态度', weight: guess(1 / 3) },
    { id: 'logistics', name: '物流服务', weight: guess(1 / 3) },
  ],
  indicators: [
    dsrIndicator('dsr_desc', '描述相符', 'product', 'p', true, '近180天描述相符星级平均（不含默认评价）'),
    dsrIndicator('dsr_service', '服务态度', 'service', 's', true, '近180天服务态度星级平均（不含默认评价）'),
    dsrIndicator(
      'dsr_logistics',
      '物流服务',
      'logistics',
      'l',
      true,
      '近180天物流服务星级平均（不含默认评价）',
    ),
  ],
  assumptions: ['不含默认评价 [推测]', '每位买家每月最多计 3 次的限制无法在本地复现'],
};
