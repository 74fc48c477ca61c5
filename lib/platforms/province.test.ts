/**
 * Issue #16: each order keeps its destination province; the receiver's city, district, address, name and
 * phone stay dropped at parse time. Checked on each adapter's own order fixture, whose rows carry them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { orderRow as douyinOrderRow } from '../../demo/consoles/douyin/orders';
import { orderRow as jdOrderRow } from '../../demo/consoles/jd/orders';
import { orderRow as pddOrderRow } from '../../demo/consoles/pdd/orders';
import { receiverOf } from '../../demo/generator/people';
import { createWorld } from '../../demo/generator/world';
import { OrderDraftSchema } from '../capture/schema';
import { douyin } from './douyin';
import { jd } from './jd';
import { pdd } from './pdd';
import type { PlatformAdapter } from './types';

const fixture = (platform: string, name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./__fixtures__/${platform}/${name}.json`, import.meta.url), 'utf8'));
const ctx = (host: string, path: string) => ({
  url: new URL(`https://${host}${path}`),
  pageUrl: new URL(`https://${host}/`),
  now: Date.UTC(2026, 10, 22, 4),
});

const CASES: [string, PlatformAdapter, string, ReturnType<typeof ctx>, (string | undefined)[], string[]][] = [
  [
    'douyin',
    douyin,
    'searchlist',
    ctx('fxg.jinritemai.com', '/api/order/searchlist'),
    ['浙江省'],
    ['杭州市', '西湖区', '文三路'],
  ],
  [
    'pdd',
    pdd,
    'orderList',
    ctx('mms.pinduoduo.com', '/mangkhut/mms/recentOrderList'),
    ['浙江省', '广东省', '江苏省'],
    ['杭州市', '深圳市', '南京市'],
  ],
  [
    'jd',
    jd,
    'orderList',
    ctx('porder.shop.jd.com', '/order/orderlist'),
    // "北京" in consigneeInfo.province; the second row has only a fullAddress, which is never read.
    ['北京市', undefined],
    ['刘洋', '13811112222', '朝阳区', '建国路', '浦东新区', '陈静'],
  ],
];

describe.each(CASES)('%s orders', (platform, adapter, name, c, provinces, dropped) => {
  const r = adapter.parse('searchlist' === name ? 'searchlist' : 'orderList', fixture(platform, name), c);

  it('keep the destination province', () => {
    expect(r.rejects).toEqual([]);
    expect(r.orders.slice(0, provinces.length).map((o) => o.province)).toEqual(provinces);
    for (const o of r.orders) expect(OrderDraftSchema.safeParse(o).success).toBe(true);
  });

  it('drop the city, district, address, name and phone', () => {
    const stored = JSON.stringify(r.orders);
    for (const s of dropped) expect(stored).not.toContain(s);
  });
});

describe('the order schema', () => {
  it('accepts only a province, never a city or an address in its place', () => {
    const base = { platform: 'pdd', orderId: '1', status: 'paid', items: [], source: 'api' } as const;
    expect(OrderDraftSchema.safeParse({ ...base, province: '广东省' }).success).toBe(true);
    expect(OrderDraftSchema.safeParse({ ...base, province: '深圳市' }).success).toBe(false);
    expect(OrderDraftSchema.safeParse({ ...base, province: '广东省深圳市南山区' }).success).toBe(false);
  });
});

describe('demo consoles, real field names', () => {
  const world = createWorld({ seed: 3, days: 20, ordersPerDay: 30 });
  const t = world.now;
  const sample = world.orders
    .map((o, i) => ({ o, i }))
    .filter((_, i) => i % 7 === 0)
    .slice(0, 60);
  const check = (name: string, orders: readonly { province?: string }[]) => {
    expect(orders).toHaveLength(sample.length);
    const json = JSON.stringify(orders);
    sample.forEach(({ o }, k) => {
      const rc = receiverOf(o);
      expect(orders[k]!.province, name).toBe(rc.province);
      for (const pii of [rc.name, rc.phone, rc.district, rc.street, rc.detail])
        expect(json, `${name} leaks ${pii}`).not.toContain(pii);
      if (rc.city !== rc.province) expect(json, `${name} leaks ${rc.city}`).not.toContain(rc.city);
    });
  };

  it('抖店 post_addr, 拼多多 province_name and 京东 consigneeInfo give the province and nothing else', () => {
    const d = douyin.parse(
      'searchlist',
      { code: 0, data: sample.map(({ o }) => douyinOrderRow(world, o, t)) },
      ctx('fxg.jinritemai.com', '/api/order/searchlist'),
    );
    check('抖店', d.orders);
    const p = pdd.parse(
      'orderList',
      {
        success: true,
        errorCode: 1000000,
        result: { totalItemNum: sample.length, pageItems: sample.map(({ i }) => pddOrderRow(world, i, t)) },
      },
      ctx('mms.pinduoduo.com', '/mangkhut/mms/recentOrderList'),
    );
    check('拼多多', p.orders);
    const j = jd.parse(
      'orderList',
      { success: true, code: 200, data: { orderList: sample.map(({ i }) => jdOrderRow(world, i, t)) } },
      ctx('porder.shop.jd.com', '/order/orderlist'),
    );
    check('京东', j.orders);
  });
});
