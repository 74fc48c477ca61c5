import { describe, expect, it } from 'vitest';
import { promisedShipBy } from '../../generator/time';
import { body, get, list, world } from './test-helpers';

describe('searchlist', () => {
  const { b, rows } = list(
    '/api/order/searchlist?page=0&pageSize=50&tab=all&order_by=create_time&order=desc',
  );

  it('puts total at the top level and rows in data', () => {
    expect(b.code).toBe(0);
    expect(typeof b.total).toBe('number');
    expect(rows).toHaveLength(50);
    const created = rows.map((r) => r.create_time as number);
    expect(created).toEqual([...created].sort((x, y) => y - x));
  });

  it('serves buyer personal data where the console has it (the extension must drop it)', () => {
    for (const r of rows) {
      expect(r.receiver_info.post_receiver).toMatch(/^\p{Script=Han}{2,3}$/u);
      expect(r.post_tel).toMatch(/^1\d{2}\*{4}\d{4}$/);
      expect(r.post_addr.detail).toMatch(/号/);
      expect(r.post_addr.province.name).toMatch(/省|市|区/);
    }
  });

  it('promises shipment per the 16:00 rule and reports logistics in seconds', () => {
    for (const r of rows) expect(r.exp_ship_time).toBe(Math.floor(promisedShipBy(r.pay_time * 1000) / 1000));
    const shipped = list('/api/order/searchlist?page=5&pageSize=50').rows.filter(
      (r) => r.logistics_info.length > 0,
    );
    expect(shipped.length).toBeGreaterThan(0);
    for (const r of shipped) {
      expect(r.logistics_info[0].collect_time).toBeGreaterThanOrEqual(r.logistics_info[0].ship_time);
      expect(r.sku_order_list[0]).toHaveProperty('logistics_receipt_time');
      expect([0, 1, 2]).toContain(r.sku_order_list[0].is_comment);
    }
  });

  it('caps pageSize at 200 and filters by create_time range', () => {
    expect(list('/api/order/searchlist?page=0&pageSize=500').rows).toHaveLength(200);
    const start = Math.floor(Date.parse('2026-03-01T00:00:00+08:00') / 1000);
    const end = Math.floor(Date.parse('2026-03-02T00:00:00+08:00') / 1000);
    const day = list(
      `/api/order/searchlist?page=0&pageSize=200&create_time_start=${start}&create_time_end=${end}`,
    );
    expect(day.b.total).toBeGreaterThan(20);
    expect(day.rows.every((r) => r.create_time >= start && r.create_time <= end)).toBe(true);
  });
});

describe('experience score', () => {
  it('reports weights and score_weight = value × weight', () => {
    const d = body(
      get(
        '/governance/shop/experiencescore/getOverviewByVersion?exp_version=release&new_shop_version=release&source=1',
      ),
    ).data;
    expect(d.shop_id).toBe(Number(world.shop.id));
    expect(d.shop_name).toBe(world.shop.name);
    expect(d.update_time).toBe('2026-03-19 00:00:00');
    expect([d.goods_score.weight, d.logistics_score.weight, d.service_score.weight]).toEqual([
      0.5, 0.25, 0.25,
    ]);
    for (const k of ['goods_score', 'logistics_score', 'service_score'])
      expect(d[k].score_weight).toBeCloseTo(d[k].value * d[k].weight, 2);
    expect(d.experience_score.value).toBeGreaterThanOrEqual(50);
    expect(d.experience_score.value).toBeLessThanOrEqual(100);
    expect(d.score_five_info.score).toBeGreaterThanOrEqual(3);
  });

  it('lists the service nodes with -9999 where there is no data', () => {
    const d = body(
      get(
        '/governance/shop/experiencescore/getSubScoreNew?filter_by_industry=true&new_dimension=true&exp_version=release&new_shop_version=release&experience_node=3',
      ),
    ).data;
    expect(d.shop_analysis.map((n: { experience_node: number }) => n.experience_node)).toEqual([
      316, 322, 317, 318,
    ]);
    const none = d.shop_analysis.find((n: { experience_node: number }) => n.experience_node === 318);
    expect(none.value.value_figure).toBe(-9999);
    expect(none.node_score_info.node_score).toBe(-9999);
    expect(d.shop_order_latest_30_cnt).toBeGreaterThan(1000);
    expect(d.current_date).toBe('2026-03-19');
  });
});

describe('demo_now cookie', () => {
  const then = Date.parse('2026-02-01T12:00:00+08:00');
  const cookie = { cookie: `foo=1; demo_now=${then}` };

  it('answers lists and scores as of that moment', () => {
    const { rows } = list('/product/tcomment/commentList?page=0&pageSize=20', cookie);
    expect(rows[0]!.comment_time * 1000).toBeLessThanOrEqual(then);
    expect(rows.every((r) => r.reply_time * 1000 <= then)).toBe(true);
    const orders = list('/api/order/searchlist?page=0&pageSize=20', cookie).rows;
    expect(orders[0]!.create_time * 1000).toBeLessThanOrEqual(then);
    expect(body(get('/governance/shop/experiencescore/getOverviewByVersion', cookie)).data.update_time).toBe(
      '2026-01-31 00:00:00',
    );
  });
});
