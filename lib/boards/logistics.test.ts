import { describe, expect, it } from 'vitest';
import { abnormalOrders, abnormalities, logisticsBoard } from './logistics';
import { grade, LOGISTICS_STANDARDS } from './standards';
import { DAY, HOUR, T0, order } from './testing';

const NOW = T0 + 10 * DAY;

describe('abnormalities', () => {
  it.each([
    ['on time', {}, []],
    ['shipped after the promise', { shippedAt: T0 + 30 * HOUR, collectedAt: T0 + 31 * HOUR }, ['lateShip']],
    // 抖店: collect by the next day's end; collected three days later is late on both counts.
    [
      'collected days late',
      { shippedAt: T0 + 70 * HOUR, collectedAt: T0 + 72 * HOUR, deliveredAt: T0 + 100 * HOUR },
      ['lateShip', 'lateCollect'],
    ],
    ['in transit for 5 days', { deliveredAt: T0 + 6 * HOUR + 120 * HOUR }, ['lateDelivery']],
    ['damaged', { afterSale: { status: 'succeeded', reason: '商品破损' } }, ['damage']],
    [
      'unshipped past its promise',
      { status: 'paid', shippedAt: undefined, collectedAt: undefined, deliveredAt: undefined },
      ['lateShip'],
    ],
    ['cancelled', { status: 'cancelled', shippedAt: T0 + 50 * HOUR }, []],
  ] as const)('%s', (_, o, want) => {
    expect(abnormalities(order('1', o as never), NOW)).toEqual(want);
  });
});

describe('logisticsBoard', () => {
  const orders = [
    ...Array.from({ length: 8 }, (_, i) => order(`gd${i}`, { province: '广东省', carrier: '中通快递' })),
    order('gd8', {
      province: '广东省',
      carrier: '中通快递',
      shippedAt: T0 + 30 * HOUR,
      collectedAt: T0 + 31 * HOUR,
    }),
    order('gd9', {
      province: '广东省',
      carrier: '顺丰速运',
      afterSale: { status: 'succeeded', reason: '商品破损' },
    }),
    order('xj0', { province: '新疆维吾尔自治区', carrier: '中通快递', deliveredAt: T0 + 200 * HOUR }),
    order('nn', { carrier: '顺丰速运' }),
    order('cx', { province: '广东省', status: 'cancelled' }),
  ];
  const b = logisticsBoard(orders, NOW);

  it('counts per province with rates, orders without a province under 未知', () => {
    const gd = b.provinces.find((p) => p.name === '广东省')!;
    expect(gd).toMatchObject({ orders: 10, lateShip: 1, damage: 1, abnormal: 2 });
    expect(gd.onTimeShipRate).toBeCloseTo(0.9);
    expect(gd.damageRate).toBeCloseTo(0.1);
    expect(gd.grades).toEqual({ onTimeShip: 'industry', collectDelay: 'excellent', damage: 'below' });
    expect(b.provinces.find((p) => p.name === '未知')!.orders).toBe(1);
    expect(b.withoutProvince).toBe(1);
    expect(b.total.orders).toBe(12);
  });

  it('compares couriers', () => {
    expect(b.couriers.map((c) => [c.name, c.orders, c.abnormal])).toEqual([
      ['中通快递', 10, 2],
      ['顺丰速运', 2, 1],
    ]);
  });

  it('lists a province’s abnormal orders', () => {
    expect(abnormalOrders(orders, '广东省', NOW).map((a) => [a.order.orderId, a.flags])).toEqual([
      ['gd8', ['lateShip']],
      ['gd9', ['damage']],
    ]);
  });

  it('grades against the guides’ standards', () => {
    const S = LOGISTICS_STANDARDS;
    expect([0.99, 0.9, 0.8].map((v) => grade(v, S.onTimeShip))).toEqual(['excellent', 'industry', 'below']);
    expect([0.005, 0.03, 0.06].map((v) => grade(v, S.collectDelay))).toEqual([
      'excellent',
      'industry',
      'below',
    ]);
    expect([0.001, 0.002, 0.004].map((v) => grade(v, S.damage))).toEqual(['excellent', 'industry', 'below']);
  });
});
