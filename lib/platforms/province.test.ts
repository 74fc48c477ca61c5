/**
 * Issue #16: each order keeps its destination province; the receiver's city, district, address, name and
 * phone stay dropped at parse time. Checked on each adapter's own order fixture, whose rows carry them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
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
