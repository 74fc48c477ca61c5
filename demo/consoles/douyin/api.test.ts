import { describe, expect, it } from 'vitest';
import { createWorld } from '../../generator/world';
import { promisedShipBy } from '../../generator/time';
import type { DemoResponse } from '../http';
import { handleDouyinApi } from './api';

const NOW = Date.parse('2026-03-20T15:00:00+08:00');
const world = createWorld({ seed: 11, now: NOW, days: 90, ordersPerDay: 50 });
const HOST = 'https://fxg.jinritemai.com';

function get(path: string, headers: Record<string, string> = {}): DemoResponse {
  const res = handleDouyinApi(world, { method: 'GET', url: new URL(HOST + path), headers });
  if (!res) throw new Error(`no response for ${path}`);
  return res;
}
/** Console JSON as tests read it: untyped on purpose (the shapes are what is under test). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const body = (res: DemoResponse): Json => JSON.parse(res.body) as Json;
const list = (path: string, headers?: Record<string, string>) => {
  const b = body(get(path, headers));
  return { b, rows: (Array.isArray(b.data) ? b.data : b.data.data) as Json[] };
};
const SIGNED = '&msToken=abc&a_bogus=xyz&verifyFp=verify_1&__token=deadbeef';

describe('commentList', () => {
  it('answers the real envelope with a plain array, newest first, times in seconds', () => {
    const res = get('/product/tcomment/commentList?page=0&pageSize=20&rank=0' + SIGNED);
    expect(res.status).toBe(200);
    expect(res.contentType).toMatch(/application\/json/);
    const b = body(res);
    expect([b.code, b.st, b.msg]).toEqual([0, 0, '']);
    expect(Array.isArray(b.data)).toBe(true);
    expect(b.data).toHaveLength(20);
    const times = (b.data as { comment_time: number }[]).map((r) => r.comment_time);
    expect(times).toEqual([...times].sort((x, y) => y - x));
    expect(String(times[0])).toMatch(/^\d{10}$/);
    expect(times[0]! * 1000).toBeLessThanOrEqual(NOW);
  });

  it('carries the §1.2 row fields', () => {
    const { rows } = list('/product/tcomment/commentList?page=0&pageSize=20&rank=0');
    const keys = [
      'order_id',
      'shop_order_id',
      'product_id',
      'sku_id',
      'sku',
      'product',
      'rank',
      'rank_product',
      'rank_logistic',
      'rank_shop',
      'tags',
      'content',
      'photos',
      'videos',
      'appends',
      'shop_reply',
      'is_shop_reply',
      'reply_time',
      'user_name',
      'comment_time',
      'status',
    ];
    for (const row of rows) {
      for (const k of keys) expect(row).toHaveProperty(k);
      expect(row.id ?? row.comment_id).toMatch(/^\d{19}$/);
      expect(row.tags.rank_info.name).toMatch(/^(好评|中评|差评)$/);
      expect(row.user_name).toMatch(/\*\*\*$/);
    }
  });

  it('pages 0-based without overlap and ends with a short page', () => {
    const ids = (page: number) =>
      list(`/product/tcomment/commentList?page=${page}&pageSize=20&rank=1&variant=flat`).rows.map(
        (r) => r.id ?? r.comment_id,
      );
    const p0 = ids(0);
    const p1 = ids(1);
    expect(p0.filter((id) => p1.includes(id))).toEqual([]);
    const { b } = list('/product/tcomment/commentList?page=0&pageSize=20&rank=1&variant=flat');
    const last = Math.floor((b.total - 1) / 20);
    expect(ids(last).length).toBe(b.total - last * 20);
    expect(ids(last + 1)).toEqual([]);
  });

  it.each([
    [1, (r: Record<string, number>) => r.rank_product! <= 2, '差评'],
    [2, (r: Record<string, number>) => r.rank_product === 3, '中评'],
    [3, (r: Record<string, number>) => r.rank_product! >= 4, '好评'],
  ])('filters rank=%i', (rank, ok, label) => {
    const { rows } = list(`/product/tcomment/commentList?page=0&pageSize=50&rank=${rank}`);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => ok(r) && r.tags.rank_info.name === label)).toBe(true);
  });

  it('varies its shape: nested pages and rows with comment_id', () => {
    const nested = body(get('/product/tcomment/commentList?page=0&pageSize=20&variant=nested'));
    expect(Array.isArray(nested.data.data)).toBe(true);
    expect(typeof nested.data.total).toBe('number');
    expect(Array.isArray(body(get('/product/tcomment/commentList?page=3&pageSize=20')).data.data)).toBe(true);
    expect(Array.isArray(body(get('/product/tcomment/commentList?page=2&pageSize=20')).data)).toBe(true);
    const rows = Array.from(
      { length: 3 },
      (_, p) => list(`/product/tcomment/commentList?page=${p}&pageSize=20&variant=flat`).rows,
    ).flat();
    expect(rows.some((r) => 'comment_id' in r && !('id' in r))).toBe(true);
  });

  it('filters by reply state (reply_search 1 未回复 / 2 已回复)', () => {
    expect(
      list('/product/tcomment/commentList?page=0&pageSize=30&reply_search=1').rows.every(
        (r) => r.is_shop_reply === 0,
      ),
    ).toBe(true);
    expect(
      list('/product/tcomment/commentList?page=0&pageSize=30&reply_search=2').rows.every(
        (r) => r.is_shop_reply === 1 && r.shop_reply !== '',
      ),
    ).toBe(true);
  });

  it('ignores signing params', () => {
    expect(get('/product/tcomment/commentList?page=1&pageSize=20' + SIGNED).body).toBe(
      get('/product/tcomment/commentList?page=1&pageSize=20').body,
    );
  });
});

describe('statistics', () => {
  it('reports rates as percent strings and keeps the real misspelling', () => {
    const d = body(get('/product/tcomment/statistics')).data;
    expect(d.positive_comment_rate.last_30days_value).toMatch(/^\d{1,3}\.\d{2}%$/);
    expect(typeof d.positive_commnet_count_30d).toBe('number');
    expect(d).toHaveProperty('positive_commnet_in_ecology_score_count_30d');
    expect(d).toHaveProperty('negative_comment_count_30d');
    expect(d.latestDate).toBe('2026-03-20');
  });
});

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

describe('faults (demo_fault=…)', () => {
  const path = '/product/tcomment/commentList?page=0&pageSize=20&demo_fault=';
  it('truncated: a cut JSON body', () => {
    expect(() => JSON.parse(get(path + 'truncated').body)).toThrow();
  });
  it('missing_id: one row without any id', () => {
    const rows = list(path + 'missing_id&variant=flat').rows;
    expect(rows[0]).not.toHaveProperty('id');
    expect(rows[0]).not.toHaveProperty('comment_id');
    expect(rows.slice(1).every((r) => r.id ?? r.comment_id)).toBe(true);
    const order = list('/api/order/searchlist?page=0&pageSize=5&demo_fault=missing_id').rows[0];
    expect(order).not.toHaveProperty('shop_order_id');
  });
  it('huge: a ≈5 MB valid JSON body', () => {
    const res = get(path + 'huge');
    expect(res.body.length).toBeGreaterThan(5_000_000);
    expect(body(res).code).toBe(0);
  });
  it('no_permission: the console error envelope', () => {
    expect(
      body(get('/governance/shop/experiencescore/getOverviewByVersion?demo_fault=no_permission')),
    ).toEqual({ code: -10001, st: -10001, msg: '您无操作权限', data: null });
  });
  it('html: a login page instead of JSON', () => {
    const res = get('/api/order/searchlist?demo_fault=html');
    expect(res.contentType).toMatch(/text\/html/);
    expect(res.body).toMatch(/登录/);
  });
});

describe('reply submit', () => {
  it('records every submission and shows the reply afterwards', () => {
    const target = list('/product/tcomment/commentList?page=0&pageSize=20&reply_search=1&variant=flat')
      .rows[0]!;
    const id = target.id ?? target.comment_id;
    const post = (content: string) =>
      handleDouyinApi(world, {
        method: 'POST',
        url: new URL(HOST + '/product/tcomment/reply'),
        body: JSON.stringify({ comment_id: id, content }),
      });
    expect(body(post('  ')!).code).not.toBe(0);
    expect(body(post('亲，给您添麻烦了，已安排补发。')!).code).toBe(0);
    expect(world.submittedReplies.map((s) => [s.commentId, s.content])).toEqual([
      [id, '  '],
      [id, '亲，给您添麻烦了，已安排补发。'],
    ]);
    const after = list(`/product/tcomment/commentList?page=0&pageSize=20&id=${id}`).rows[0]!;
    expect(after.shop_reply).toBe('亲，给您添麻烦了，已安排补发。');
    expect(after.is_shop_reply).toBe(1);
  });

  it('leaves unknown paths to the caller', () => {
    expect(
      handleDouyinApi(world, { method: 'GET', url: new URL(HOST + '/product/tcomment/nothing') }),
    ).toBeUndefined();
  });
});
