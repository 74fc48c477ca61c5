import { describe, expect, it } from 'vitest';
import { PROVINCES } from '../provinces';
import { logisticsBoard } from './logistics';
import { DAY, HOUR, T0, order } from './testing';
import {
  GRID_COLUMNS,
  GRID_ROWS,
  MAP_SCALES,
  TILE_GRID,
  binOf,
  legendOf,
  neighbour,
  tileLabel,
  tiles,
} from './tilemap';

describe('TILE_GRID', () => {
  it('places every provincial-level division once, on distinct cells of an 8 × 8 grid', () => {
    expect(Object.keys(TILE_GRID).sort()).toEqual([...PROVINCES].sort());
    const cells = Object.values(TILE_GRID).map(([c, r]) => `${c},${r}`);
    expect(new Set(cells).size).toBe(PROVINCES.length);
    expect([GRID_COLUMNS, GRID_ROWS]).toEqual([8, 8]);
  });

  it('keeps rough geography: west of / north of relations a reader expects', () => {
    const [col, row] = [
      (p: keyof typeof TILE_GRID) => TILE_GRID[p][0],
      (p: keyof typeof TILE_GRID) => TILE_GRID[p][1],
    ];
    expect(col('新疆维吾尔自治区')).toBeLessThan(col('甘肃省'));
    expect(col('四川省')).toBeLessThan(col('湖北省'));
    expect(col('江苏省')).toBeLessThan(col('上海市'));
    expect(row('黑龙江省')).toBeLessThan(row('吉林省'));
    expect(row('北京市')).toBeLessThan(row('河南省'));
    expect(row('湖北省')).toBeLessThan(row('湖南省'));
    expect(row('广东省')).toBeLessThan(row('海南省'));
  });

  it('labels tiles with the short names', () => {
    expect(tileLabel('广西壮族自治区')).toBe('广西');
    expect(tileLabel('新疆维吾尔自治区')).toBe('新疆');
    expect(tileLabel('香港特别行政区')).toBe('香港');
    expect(tileLabel('黑龙江省')).toBe('黑龙江');
    expect(tileLabel('北京市')).toBe('北京');
  });
});

describe('binOf', () => {
  it.each([
    // 发货超时率: ≤2 % 优秀, ≤15 % 达标, ≤30 % 未达标, beyond 严重.
    ['lateShip', 0, 'excellent'],
    ['lateShip', 0.02, 'excellent'],
    ['lateShip', 0.021, 'industry'],
    ['lateShip', 0.15, 'industry'],
    ['lateShip', 0.2, 'below'],
    ['lateShip', 0.31, 'severe'],
    // 配送超时率: no excellent line in the guides.
    ['lateDelivery', 0, 'industry'],
    ['lateDelivery', 0.05, 'industry'],
    ['lateDelivery', 0.08, 'below'],
    ['lateDelivery', 0.11, 'severe'],
    // 破损率: ≤0.1 % 优秀, ≤0.3 % 达标.
    ['damage', 0.001, 'excellent'],
    ['damage', 0.002, 'industry'],
    ['damage', 0.005, 'below'],
    ['damage', 0.01, 'severe'],
    ['damage', undefined, 'none'],
  ] as const)('%s %s → %s', (m, v, want) => {
    expect(binOf(v, MAP_SCALES[m])).toBe(want);
  });

  it('writes the legend from the same lines', () => {
    expect(legendOf(MAP_SCALES.lateShip).map((l) => `${l.bin} ${l.range}`)).toEqual([
      'excellent ≤ 2%',
      'industry 2% – 15%',
      'below 15% – 30%',
      'severe > 30%',
      'none 没有订单',
    ]);
    expect(legendOf(MAP_SCALES.lateDelivery).map((l) => l.bin)).toEqual([
      'industry',
      'below',
      'severe',
      'none',
    ]);
    expect(legendOf(MAP_SCALES.damage)[0]!.range).toBe('≤ 0.1%');
  });
});

describe('tiles', () => {
  const orders = [
    ...Array.from({ length: 9 }, (_, i) => order(`gd${i}`, { province: '广东省' })),
    order('gd9', { province: '广东省', shippedAt: T0 + 30 * HOUR, collectedAt: T0 + 31 * HOUR }),
    order('xj', { province: '新疆维吾尔自治区', deliveredAt: T0 + 200 * HOUR }),
    order('nn', {}),
  ];
  const board = logisticsBoard(orders, T0 + 10 * DAY);

  it('gives all 34 tiles, coloured by the chosen rate, with counts', () => {
    const ship = tiles(board.provinces, 'lateShip');
    expect(ship).toHaveLength(34);
    const gd = ship.find((t) => t.province === '广东省')!;
    expect([gd.count, gd.base, gd.rate, gd.bin]).toEqual([1, 10, 0.1, 'industry']);
    expect(ship.find((t) => t.province === '西藏自治区')!.bin).toBe('none');
    const delivery = tiles(board.provinces, 'lateDelivery');
    const xj = delivery.find((t) => t.province === '新疆维吾尔自治区')!;
    expect([xj.count, xj.base, xj.bin]).toEqual([1, 1, 'severe']);
    // Reading order: row by row, west to east.
    expect(ship[0]!.province).toBe('黑龙江省');
    expect(ship.at(-1)!.province).toBe('香港特别行政区');
  });

  it('moves between tiles with the arrow keys, skipping holes', () => {
    const all = tiles(board.provinces, 'lateShip');
    const at = (p: string) => all.findIndex((t) => t.province === p);
    const go = (p: string, d: 'left' | 'right' | 'up' | 'down') =>
      all[neighbour(all, all[at(p)]!, d)!]?.province;
    expect(go('海南省', 'right')).toBe('澳门特别行政区');
    expect(go('广东省', 'right')).toBe('江西省'); // nothing east on its row: the nearest, north first
    expect(go('河南省', 'up')).toBe('山西省');
    expect(go('河南省', 'left')).toBe('陕西省');
    expect(go('湖北省', 'down')).toBe('湖南省');
    expect(neighbour(all, all[at('新疆维吾尔自治区')]!, 'left')).toBeUndefined();
  });
});
