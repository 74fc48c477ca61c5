/**
 * 拼多多, 京东, 快手: no public rule text (platforms.md §3.5, §4, §5), so every constant here is [G]:
 * DSR-style star averages over a guessed window, equal weights until a captured score says otherwise.
 */
import type { Profile } from './profile-types';
import { guess, rule } from './profile-types';
import { dsrIndicator, official, tiered } from './profile-helpers';

const EQUAL = '无公开规则，按等权估计';
const FIVE = { scores: [5, 4.6, 4.2, 3.8, 3.4], floor: 3 } as const;

export const PDD_REVIEW: Profile = {
  id: 'pdd.review',
  platform: 'pdd',
  name: '店铺评价分',
  officialKinds: ['pdd.review', 'pdd.dsr'],
  source: 'queryMallDsrVO descOver50RevScr3m（字段名推断：近 3 个月、满 50 条）',
  window: guess(90, '字段名 …3m 推断为近 3 个月'),
  scale: rule({ min: 1, max: 5 }),
  indicatorMax: 5,
  minReviews: guess(50, '字段名 Over50 推断为满 50 条评价才出分'),
  fivePoint: 'identity',
  noDataScore: guess(5),
  dimensions: [
    { id: 'product', name: '描述相符', weight: guess(1 / 3, EQUAL) },
    { id: 'logistics', name: '物流服务', weight: guess(1 / 3, EQUAL) },
    { id: 'service', name: '服务态度', weight: guess(1 / 3, EQUAL) },
  ],
  indicators: [
    dsrIndicator('pdd_desc', '描述相符', 'product', 'p', false, '近3个月描述分（descScore）平均'),
    dsrIndicator('pdd_logistics', '物流服务', 'logistics', 'l', false, '近3个月物流分（logisticsScore）平均'),
    dsrIndicator('pdd_service', '服务态度', 'service', 's', false, '近3个月服务分（serviceScore）平均'),
  ],
  assumptions: ['拼多多评分公式与窗口均未公开'],
};

export const PDD_SERVICE: Profile = {
  id: 'pdd.service',
  platform: 'pdd',
  name: '消费者服务体验分',
  officialKinds: ['pdd.service'],
  source: 'getMallServeScoreV2 字段（公式未公开）',
  window: guess(30),
  scale: guess({ min: 0, max: 5 }),
  indicatorMax: 5,
  fivePoint: 'identity',
  noDataScore: guess(4.2),
  dimensions: [
    { id: 'product', name: '商品服务', weight: guess(1 / 3, EQUAL) },
    { id: 'logistics', name: '发货与物流服务', weight: guess(1 / 3, EQUAL) },
    { id: 'service', name: '服务态度与基础服务', weight: guess(1 / 3, EQUAL) },
  ],
  indicators: [
    {
      id: 'pdd_quality_return',
      name: '品质退款率',
      dimension: 'product',
      direction: 'lower',
      unit: '%',
      role: 'scored',
      weight: guess(1),
      measure: { kind: 'ratio', bad: ['asQuality', 'asDescription', 'asDamage'], den: ['signed'] },
      ...tiered({ industry: 0.015, excellent: 0.005 }, FIVE),
      counts: '品质原因售后 / 签收订单（对应 qurfOrdRto1m）',
      officialNames: ['qurfOrdRto1m', 'spLmScore'],
    },
    {
      id: 'pdd_ship_ontime',
      name: '发货及时率',
      dimension: 'logistics',
      direction: 'higher',
      unit: '%',
      role: 'scored',
      weight: guess(0.5),
      measure: { kind: 'ratio', bad: ['shipLate', 'shipPending'], den: ['shipDue'], invert: true },
      ...tiered({ industry: 0.85, excellent: 0.98 }, FIVE),
      counts: '承诺发货时间内发货的订单比例',
      officialNames: ['fhLmScore'],
    },
    {
      id: 'pdd_logistics_bad',
      name: '物流差评率',
      dimension: 'logistics',
      direction: 'lower',
      unit: '%',
      role: 'scored',
      weight: guess(0.5),
      measure: { kind: 'ratio', bad: ['sl1', 'sl2'], den: ['sl1', 'sl2', 'sl3', 'sl4', 'sl5'] },
      ...tiered({ industry: 0.02, excellent: 0.005 }, FIVE),
      counts: '物流分 1–2 星 / 有物流分的评价',
      officialNames: ['wlLmScore'],
    },
    official(
      {
        id: 'pdd_attitude',
        name: '服务态度',
        dimension: 'service',
        direction: 'higher',
        unit: '分',
        weight: guess(0.4),
        names: ['attiLmScore'],
        benchmark: { industry: 4, excellent: 4.8 },
        counts: '仅后台提供',
      },
      FIVE,
    ),
    official(
      {
        id: 'pdd_basic',
        name: '基础服务',
        dimension: 'service',
        direction: 'higher',
        unit: '分',
        weight: guess(0.3),
        names: ['jcfwLmScore'],
        benchmark: { industry: 4, excellent: 4.8 },
        counts: '仅后台提供',
      },
      FIVE,
    ),
    official(
      {
        id: 'pdd_help_rate',
        name: '平台求助率',
        dimension: 'service',
        direction: 'lower',
        unit: '%',
        weight: guess(0.3),
        names: ['ptHelpRate1m'],
        benchmark: { industry: 0.01, excellent: 0.002 },
        counts: '近30天平台介入/求助率，仅后台提供',
      },
      FIVE,
    ),
    {
      ...dsrIndicator(
        'pdd_service_stars',
        '服务分（替代）',
        'service',
        's',
        false,
        '评价服务分平均（后台指标未采集时）',
      ),
      role: 'fallback',
      officialNames: [],
    },
  ],
  assumptions: ['子分权重与换算公式未公开，全部为估计'],
};

export const JD_REVIEW: Profile = {
  id: 'jd.review',
  platform: 'jd',
  name: '商品评价分',
  officialKinds: ['jd.review'],
  source: '无公开规则（风向标未找到）',
  window: guess(90),
  scale: rule({ min: 1, max: 5 }),
  indicatorMax: 5,
  fivePoint: 'identity',
  noDataScore: guess(5),
  dimensions: [{ id: 'product', name: '商品评价', weight: guess(1, '京东评价只有单一星级') }],
  indicators: [dsrIndicator('jd_score', '评价星级', 'product', 'p', false, '近90天评价星级（score）平均')],
  assumptions: ['京东风向标规则完全未知，仅作评价星级平均'],
};

export const KUAISHOU_EXPERIENCE: Profile = {
  id: 'kuaishou.experience',
  platform: 'kuaishou',
  name: '店铺体验分',
  officialKinds: ['kuaishou.experience'],
  source: '无公开规则（open.comment.list.get 字段）',
  window: guess(90),
  scale: rule({ min: 1, max: 5 }),
  indicatorMax: 5,
  fivePoint: 'identity',
  noDataScore: guess(5),
  dimensions: [
    { id: 'product', name: '商品质量', weight: guess(1 / 3, EQUAL) },
    { id: 'logistics', name: '物流服务', weight: guess(1 / 3, EQUAL) },
    { id: 'service', name: '服务态度', weight: guess(1 / 3, EQUAL) },
  ],
  indicators: [
    dsrIndicator('ks_quality', '商品质量', 'product', 'p', false, '近90天 qualityScore 平均'),
    dsrIndicator('ks_logistics', '物流服务', 'logistics', 'l', false, '近90天 logisticsScore 平均'),
    dsrIndicator('ks_service', '服务态度', 'service', 's', false, '近90天 serviceScore 平均'),
  ],
  assumptions: ['快手体验分公式未公开，按分项星级平均估计'],
};
