/**
 * 物流异常地图 as a tile-grid cartogram (issue #16): every provincial-level division is one equal square
 * placed on an 8 × 8 grid roughly where it lies (west → east, north → south). The layout is our own,
 * written by hand from the divisions' rough positions; no geographic data is shipped. Pure.
 *
 * Colours are graded against the guides' standards (lib/boards/standards.ts): a tile is 优秀, 达标,
 * 未达标, or 严重 (more than twice the industry line), or 无数据 when its denominator is empty.
 */
import { PROVINCES, type Province } from '../provinces';
import type { LogisticsGroup } from './logistics';
import { LOGISTICS_STANDARDS } from './standards';

/** [column, row] of each division; (0, 0) is the north-west corner. */
export const TILE_GRID: Readonly<Record<Province, readonly [number, number]>> = {
  黑龙江省: [7, 0],
  内蒙古自治区: [4, 1],
  北京市: [5, 1],
  辽宁省: [6, 1],
  吉林省: [7, 1],
  新疆维吾尔自治区: [0, 2],
  甘肃省: [2, 2],
  宁夏回族自治区: [3, 2],
  山西省: [4, 2],
  河北省: [5, 2],
  天津市: [6, 2],
  青海省: [1, 3],
  陕西省: [3, 3],
  河南省: [4, 3],
  山东省: [5, 3],
  江苏省: [6, 3],
  上海市: [7, 3],
  西藏自治区: [1, 4],
  四川省: [2, 4],
  重庆市: [3, 4],
  湖北省: [4, 4],
  安徽省: [5, 4],
  浙江省: [6, 4],
  云南省: [2, 5],
  贵州省: [3, 5],
  湖南省: [4, 5],
  江西省: [5, 5],
  福建省: [6, 5],
  台湾省: [7, 5],
  广西壮族自治区: [3, 6],
  广东省: [4, 6],
  海南省: [3, 7],
  澳门特别行政区: [4, 7],
  香港特别行政区: [5, 7],
};

export const GRID_COLUMNS = 1 + Math.max(...Object.values(TILE_GRID).map(([c]) => c));
export const GRID_ROWS = 1 + Math.max(...Object.values(TILE_GRID).map(([, r]) => r));

/** The name written on a tile: 广东, 内蒙古, 新疆, 香港 … */
export function tileLabel(p: Province): string {
  return p.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/, '');
}

export type MapMetric = 'lateShip' | 'lateDelivery' | 'damage';
export type MapBin = 'excellent' | 'industry' | 'below' | 'severe' | 'none';

export interface MetricScale {
  label: string;
  /** Upper bound of 优秀 (absent when the guides give no excellent line). */
  excellent?: number;
  /** Upper bound of 达标. */
  industry: number;
  /** Where the industry line comes from, for the legend. */
  source: string;
}

const S = LOGISTICS_STANDARDS;
/** All three are "lower is better" rates of abnormal orders. */
export const MAP_SCALES: Readonly<Record<MapMetric, MetricScale>> = {
  // 发货超时率 = 1 − 发货及时率: 及时率 ≥ 98 % 优秀 / ≥ 85 % 行业.
  lateShip: {
    label: '发货超时率',
    excellent: 1 - S.onTimeShip.excellent,
    industry: 1 - S.onTimeShip.industry,
    source: '发货及时率 ≥98% 优秀 / ≥85% 行业',
  },
  // The guides give no 配送超时 standard; the alert line 物流延时率 > 5 % is the one they name.
  lateDelivery: {
    label: '配送超时率',
    industry: 0.05,
    source: '指南只给出预警线：物流延时率 >5%',
  },
  damage: {
    label: '破损率',
    excellent: S.damage.excellent,
    industry: S.damage.industry,
    source: '破损率 ≤0.1% 优秀 / ≤0.3% 行业',
  },
};

/** The rate a tile is coloured by, with its numerator and denominator. */
export function metricOf(g: LogisticsGroup, m: MapMetric): { rate?: number; count: number; base: number } {
  if (m === 'lateShip')
    return { rate: g.shipDue ? g.lateShip / g.shipDue : undefined, count: g.lateShip, base: g.shipDue };
  if (m === 'lateDelivery') return { rate: g.lateDeliveryRate, count: g.lateDelivery, base: g.delivered };
  return { rate: g.damageRate, count: g.damage, base: g.delivered || g.collected };
}

/** Float tolerance so a rate computed as 1 − 0.98 still counts as meeting the 98 % line. */
const EPS = 1e-9;

export function binOf(rate: number | undefined, scale: MetricScale): MapBin {
  if (rate === undefined) return 'none';
  if (scale.excellent !== undefined && rate <= scale.excellent + EPS) return 'excellent';
  if (rate <= scale.industry + EPS) return 'industry';
  return rate <= 2 * scale.industry + EPS ? 'below' : 'severe';
}

export const BIN_LABEL: Readonly<Record<MapBin, string>> = {
  excellent: '优秀',
  industry: '达标',
  below: '未达标',
  severe: '严重',
  none: '无数据',
};

/** The legend's rows for a metric, best first: bin and the range it covers, as text. */
export function legendOf(scale: MetricScale): { bin: MapBin; range: string }[] {
  const p = (v: number) => `${+(v * 100).toFixed(2)}%`;
  const out: { bin: MapBin; range: string }[] = [];
  if (scale.excellent !== undefined) out.push({ bin: 'excellent', range: `≤ ${p(scale.excellent)}` });
  out.push({
    bin: 'industry',
    range:
      scale.excellent !== undefined
        ? `${p(scale.excellent)} – ${p(scale.industry)}`
        : `≤ ${p(scale.industry)}`,
  });
  out.push({ bin: 'below', range: `${p(scale.industry)} – ${p(2 * scale.industry)}` });
  out.push({ bin: 'severe', range: `> ${p(2 * scale.industry)}` });
  out.push({ bin: 'none', range: '没有订单' });
  return out;
}

export interface Tile {
  province: Province;
  label: string;
  col: number;
  row: number;
  group?: LogisticsGroup;
  rate?: number;
  count: number;
  base: number;
  bin: MapBin;
}

/** One tile per division (all 34, with or without orders), in reading order (row, then column). */
export function tiles(groups: readonly LogisticsGroup[], m: MapMetric): Tile[] {
  const byName = new Map(groups.map((g) => [g.name, g]));
  return PROVINCES.map((province) => {
    const [col, row] = TILE_GRID[province];
    const group = byName.get(province);
    const v = group ? metricOf(group, m) : { rate: undefined, count: 0, base: 0 };
    return {
      province,
      label: tileLabel(province),
      col,
      row,
      group,
      ...v,
      bin: binOf(v.rate, MAP_SCALES[m]),
    };
  }).sort((a, b) => a.row - b.row || a.col - b.col);
}

/**
 * The tile an arrow key moves to from `from`: the nearest tile in that direction, preferring the same
 * row/column (so the keyboard can reach every tile on a grid with holes).
 */
export function neighbour(
  all: readonly Pick<Tile, 'col' | 'row'>[],
  from: Pick<Tile, 'col' | 'row'>,
  dir: 'left' | 'right' | 'up' | 'down',
): number | undefined {
  const [dc, dr] = { left: [-1, 0], right: [1, 0], up: [0, -1], down: [0, 1] }[dir] as [number, number];
  let best: number | undefined;
  let bestCost = Infinity;
  all.forEach((t, i) => {
    const along = (t.col - from.col) * dc + (t.row - from.row) * dr;
    if (along <= 0) return;
    const across = Math.abs(dc ? t.row - from.row : t.col - from.col);
    const cost = along + 3 * across;
    if (cost < bestCost) {
      bestCost = cost;
      best = i;
    }
  });
  return best;
}
