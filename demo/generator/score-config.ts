/**
 * The simulated console's 体验分 parameters. Shape follows 《商家体验分规范》 (30-day window, indicator
 * tiers 50–100, dimension weights per industry, 5-point mapping); the indicator set and thresholds are
 * this simulator's own, calibrated so the seeds' 双11 story (≈100 late parcels, ≈20 1★ reviews) moves
 * the default shop from ≈4.8 to ≈4.2. They are demo numbers, not the platform's.
 */

export type DimKey = 'goods' | 'logistics' | 'service';

/** Industry weights the console reports (`weight`); deliberately not the 40/30/30 fallback. */
export const DIMENSION_WEIGHTS: Record<DimKey, number> = { goods: 0.5, logistics: 0.25, service: 0.25 };

export const DIMENSION_TITLES: Record<DimKey, string> = {
  goods: '商品体验得分',
  logistics: '物流体验得分',
  service: '服务体验得分',
};

/** `experience_node` of each dimension in getSubScoreNew ([G]: 3 = service is the one seen). */
export const DIMENSION_NODES: Record<DimKey, number> = { goods: 1, logistics: 2, service: 3 };

export type ValueType = 'percent' | 'hour' | 'second';

export interface NodeDef {
  node: number;
  dimension: DimKey;
  title: string;
  /** Weight within the dimension. */
  weight: number;
  valueType: ValueType;
  better: 'higher' | 'lower';
  /** Thresholds for the 100, 90, 80, 70 and 60 tiers; anything worse scores 50. */
  tiers: readonly [number, number, number, number, number];
  numeratorTitle: string;
  denominatorTitle: string;
}

export const NODES: readonly NodeDef[] = [
  {
    node: 101,
    dimension: 'goods',
    title: '商品差评率',
    weight: 0.6,
    valueType: 'percent',
    better: 'lower',
    tiers: [0.0075, 0.009, 0.0105, 0.014, 0.0165],
    numeratorTitle: '近30天商品差评数',
    denominatorTitle: '近30天评价数',
  },
  {
    node: 102,
    dimension: 'goods',
    title: '商品品质退货率',
    weight: 0.4,
    valueType: 'percent',
    better: 'lower',
    tiers: [0.003, 0.0045, 0.006, 0.011, 0.013],
    numeratorTitle: '品质原因退货订单数',
    denominatorTitle: '签收订单数',
  },
  {
    node: 201,
    dimension: 'logistics',
    title: '揽收及时率',
    weight: 0.4,
    valueType: 'percent',
    better: 'higher',
    tiers: [0.9985, 0.997, 0.9955, 0.994, 0.9925],
    numeratorTitle: '按时揽收订单数',
    denominatorTitle: '应揽收订单数',
  },
  {
    node: 202,
    dimension: 'logistics',
    title: '运单配送时效达成率',
    weight: 0.3,
    valueType: 'percent',
    better: 'higher',
    tiers: [0.97, 0.95, 0.93, 0.91, 0.89],
    numeratorTitle: '72小时内签收运单数',
    denominatorTitle: '签收运单数',
  },
  {
    node: 203,
    dimension: 'logistics',
    title: '物流差评率',
    weight: 0.3,
    valueType: 'percent',
    better: 'lower',
    tiers: [0.01, 0.013, 0.016, 0.019, 0.022],
    numeratorTitle: '近30天物流差评数',
    denominatorTitle: '近30天评价数',
  },
  {
    node: 316,
    dimension: 'service',
    title: '售后平均审核时长',
    weight: 0.4,
    valueType: 'hour',
    better: 'lower',
    tiers: [8, 12, 16, 20, 24],
    numeratorTitle: '售后审核总时长(小时)',
    denominatorTitle: '售后单数',
  },
  {
    node: 322,
    dimension: 'service',
    title: '飞鸽人工平均响应时长',
    weight: 0.3,
    valueType: 'second',
    better: 'lower',
    tiers: [25, 30, 40, 50, 60],
    numeratorTitle: '人工响应总时长(秒)',
    denominatorTitle: '人工会话数',
  },
  {
    node: 317,
    dimension: 'service',
    title: '飞鸽会话不满意率',
    weight: 0.3,
    valueType: 'percent',
    better: 'lower',
    tiers: [0.012, 0.022, 0.03, 0.04, 0.05],
    numeratorTitle: '不满意会话数',
    denominatorTitle: '评价会话数',
  },
  // 平台求助率: the demo has no such data; the console reports -9999 and the node carries no weight.
  {
    node: 318,
    dimension: 'service',
    title: '平台求助率',
    weight: 0,
    valueType: 'percent',
    better: 'lower',
    tiers: [0.001, 0.002, 0.003, 0.004, 0.005],
    numeratorTitle: '平台求助数',
    denominatorTitle: '支付订单数',
  },
];

/** Tier score (50–100) of `value` under `def`. */
export function tierScore(def: NodeDef, value: number): number {
  for (let i = 0; i < def.tiers.length; i++) {
    const t = def.tiers[i] ?? 0;
    if (def.better === 'lower' ? value <= t : value >= t) return 100 - 10 * i;
  }
  return 50;
}

/**
 * Consumer 5-point value (platforms.md §1.6): 61–100 → every 4 points is 0.1 (97–100 = 5.0 … 61–64 =
 * 4.1); 50–60 → every point is 0.1 (60 = 4.0 … 50 = 3.0).
 */
export function fivePoint(score: number): number {
  if (score >= 61) return Math.min(5, Math.round((4.1 + Math.floor((score - 61) / 4) * 0.1) * 10) / 10);
  const s = Math.max(50, Math.min(60, Math.floor(score)));
  return Math.round((3 + (s - 50) * 0.1) * 10) / 10;
}

/** The console's rating words. */
export function rating(score: number): string {
  return score >= 90 ? '优秀' : score >= 80 ? '良好' : score >= 70 ? '一般' : '较差';
}
