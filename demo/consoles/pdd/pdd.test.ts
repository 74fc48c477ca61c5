import { describe, expect, it } from 'vitest';
import { pdd } from '../../../lib/platforms/pdd';
import { receiverOf } from '../../generator/people';
import { createWorld } from '../../generator/world';
import { consoleShop } from '../common/shop';
import { NOW, body, call, capture, handler, world } from '../common/test-helpers';
import { handlePddApi } from './api';
import { SHOW_LIMIT, REVIEW_IDS, orderIndexOfSn, orderSnOf } from './reviews';

const BASE = 'https://mms.pinduoduo.com';
const PAGE = `${BASE}/goods/evaluation/index`;
const REVIEWS = `${BASE}/saturn/reviews/list`;
const ORDERS = `${BASE}/mangkhut/mms/recentOrderList`;
const now = Math.floor(NOW / 1000);
const post = (url: string, payload: Record<string, unknown> = {}, query = '') =>
  call('POST', url + query, JSON.stringify(payload), { 'anti-content': '0aqWfxUeMwVedSa' });
const reviews = (payload: Record<string, unknown> = {}, query = '') =>
  post(REVIEWS, { startTime: now - 90 * 86400, endTime: now, pageNo: 1, pageSize: 20, ...payload }, query);

describe('拼多多 review list (/saturn/reviews/list)', () => {
  it('answers the envelope with the 2000-row cap fields', () => {
    const b = body(reviews());
    expect([b.success, b.errorCode]).toEqual([true, 1_000_000]);
    expect(b.result.data).toHaveLength(20);
    expect(b.result.totalRows).toBe(b.result.totalNum);
    expect(b.result.showNum).toBe(Math.min(SHOW_LIMIT, b.result.totalRows));
  });

  it('serves seconds, three star dimensions and specs as a JSON string, as the adapter reads them', () => {
    const raw = body(reviews()).result.data as Record<string, unknown>[];
    expect(raw.every((row) => String(row.createTime).length === 10 && row.score === 0)).toBe(true);
    expect(JSON.parse(raw[0]!.specs as string)[0]).toHaveProperty('spec_key');
    const r = capture(pdd, REVIEWS, reviews(), PAGE);
    expect(r.rejects).toEqual([]);
    expect(r.reviews).toHaveLength(20);
    for (const [d, row] of r.reviews.map((x, i) => [x, raw[i]!] as const)) {
      expect(d.reviewId).toBe(row.reviewId);
      expect([d.starProduct, d.starLogistics, d.starService]).toEqual([
        row.descScore,
        row.logisticsScore,
        row.serviceScore,
      ]);
      expect(d.createdAt).toBe((row.createTime as number) * 1000);
      expect(d.orderId).toMatch(/^\d{6}-\d{15}$/);
      expect(d.skuText).toMatch(/:/);
    }
  });

  it('pages without overlap', () => {
    const ids = (pageNo: number) =>
      (body(reviews({ pageNo })).result.data as { reviewId: string }[]).map((r) => r.reviewId);
    expect(ids(1).filter((id) => ids(2).includes(id))).toEqual([]);
  });

  it('shows at most 2000 rows however many match', () => {
    const big = createWorld({ seed: 5, now: NOW, days: 120, ordersPerDay: 110, scenario: 'none' });
    const list = (pageNo: number) =>
      body(
        handlePddApi(big, {
          method: 'POST',
          url: new URL(REVIEWS),
          body: JSON.stringify({ startTime: 0, endTime: now, pageNo, pageSize: 100 }),
        })!,
      ).result;
    const first = list(1);
    expect(first.totalRows).toBeGreaterThan(SHOW_LIMIT);
    expect(first.showNum).toBe(SHOW_LIMIT);
    expect(list(20).data).toHaveLength(100);
    expect(list(21).data).toEqual([]);
  });

  it.each([
    [['1', '2'], (s: number) => s <= 2],
    [['3'], (s: number) => s === 3],
    [['4', '5'], (s: number) => s >= 4],
  ])('filters descScore %j', (descScore, ok) => {
    const rows = body(reviews({ descScore })).result.data as { descScore: number }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => ok(r.descScore))).toBe(true);
  });

  it('filters replyStatus "2" (未回复) and finds an order by orderSn', () => {
    const open = body(reviews({ replyStatus: '2' })).result.data as {
      replyStatus: number;
      orderSn: string;
    }[];
    expect(open.every((r) => r.replyStatus === 0)).toBe(true);
    const one = body(reviews({ orderSn: open[0]!.orderSn })).result.data as { orderSn: string }[];
    expect(one.map((r) => r.orderSn)).toEqual([open[0]!.orderSn]);
  });

  it('varies the append shape: some rows carry appendReview instead of appendComment', () => {
    const rows = body(reviews({ startTime: 0, pageSize: 100, pageNo: 3 })).result.data as Record<
      string,
      unknown
    >[];
    const variant = rows.filter((r) => r.append === 1 && 'appendReview' in r);
    const flat = rows.filter((r) => r.append === 1 && r.appendComment !== '');
    expect(variant.length + flat.length).toBe(rows.filter((r) => r.append === 1).length);
    const r = capture(pdd, REVIEWS, reviews({ startTime: 0, pageSize: 100, pageNo: 3 }), PAGE);
    expect(r.reviews.filter((d) => d.appends.length > 0)).toHaveLength(variant.length + flat.length);
  });

  it('orderSn maps back to the order', () => {
    expect(orderIndexOfSn(orderSnOf(world, 1234))).toBe(1234);
    expect(orderSnOf(world, 1234)).toMatch(/^\d{6}-6622\d{11}$/);
  });
});

describe('拼多多 orders (/mangkhut/mms/recentOrderList)', () => {
  const payload = { groupStartTime: now - 30 * 86400, groupEndTime: now, pageNumber: 1, pageSize: 20 };

  it('serves the receiver’s personal data, and the adapter keeps none of it', () => {
    const res = post(ORDERS, payload);
    const rows = body(res).result.pageItems as Record<string, string>[];
    expect(rows).toHaveLength(20);
    const index = orderIndexOfSn(rows[0]!.order_sn!)!;
    const rc = receiverOf(world.orders[index]!);
    expect(rows[0]).toMatchObject({ receive_name: rc.name, mobile: rc.phone, province_name: rc.province });
    const r = capture(pdd, ORDERS, res, `${BASE}/orders/list`);
    expect(r.rejects).toEqual([]);
    expect(r.orders).toHaveLength(20);
    const kept = JSON.stringify(r.orders);
    for (const row of rows) {
      expect(kept).not.toContain(`"${row.receive_name}"`);
      expect(kept).not.toContain(row.mobile);
    }
    expect(new Set(r.orders.map((o) => o.status))).not.toContain('unknown');
  });

  it('pages newest first', () => {
    const times = (n: number) =>
      (body(post(ORDERS, { ...payload, pageNumber: n })).result.pageItems as { confirm_time: number }[]).map(
        (o) => o.confirm_time,
      );
    const [p1, p2] = [times(1), times(2)];
    expect(Math.min(...p1)).toBeGreaterThanOrEqual(Math.max(...p2));
  });
});

describe('拼多多 scores', () => {
  it('getMallServeScoreV2: 0–5 with five sub-scores, warnings and hot problems', () => {
    const url = `${BASE}/sydney/api/mallService/getMallServeScoreV2`;
    const res = post(url);
    const r = capture(pdd, url, res, `${BASE}/sycm/goods_quality/help`);
    expect(r.rejects).toEqual([]);
    const s = r.scores[0]!;
    expect(s.kind).toBe('pdd.service');
    expect(s.date).toBe('2026-03-19');
    expect(s.value).toBeGreaterThan(3);
    expect(s.value).toBeLessThanOrEqual(5);
    expect(s.dimensions).toHaveLength(5);
    expect(body(res).result.cstmrServScoreWarning).toBe((s.value ?? 0) < 4.2);
  });

  it('queryMallDsrVO: the 3-month 描述相符 mean', () => {
    const url = `${BASE}/sydney/api/saleQuality/queryMallDsrVO`;
    const r = capture(pdd, url, post(url), `${BASE}/sycm/goods_quality/help`);
    expect(r.rejects).toEqual([]);
    expect(r.scores[0]).toMatchObject({ kind: 'pdd.dsr', scaleMin: 1, scaleMax: 5 });
    expect(r.scores[0]!.value).toBeGreaterThan(3);
  });
});

describe('拼多多 faults, reply and pages', () => {
  it.each([['expired', { success: false, errorCode: 43001, errorMsg: '会话已过期', result: null }]])(
    'demo_fault=%s answers the console error envelope',
    (fault, expected) => {
      const res = reviews({}, `?demo_fault=${fault}`);
      expect(body(res)).toEqual(expected);
      expect(capture(pdd, REVIEWS, res, PAGE).rejects[0]?.message).toContain('登录已过期');
    },
  );

  it('missing_id and truncated', () => {
    const r = capture(pdd, REVIEWS, reviews({}, '?demo_fault=missing_id'), PAGE);
    expect(r.rejects.map((x) => x.code)).toEqual(['missing_id']);
    expect(() => JSON.parse(reviews({}, '?demo_fault=truncated').body)).toThrow();
  });

  it('records replies with the platform; GETs of API paths are not answered', () => {
    const before = world.submittedReplies.length;
    const id = REVIEW_IDS.of(world.reviews.length - 2);
    expect(
      body(post(`${BASE}/saturn/reviews/reply`, { reviewId: id, content: '感谢支持，欢迎再来~' })).success,
    ).toBe(true);
    expect(body(post(`${BASE}/saturn/reviews/reply`, { reviewId: '1', content: '好' })).errorMsg).toBe(
      '评价不存在',
    );
    expect(world.submittedReplies.slice(before).map((s) => [s.platform, s.commentId])).toEqual([
      ['pdd', id],
      ['pdd', '1'],
    ]);
    const row = (
      body(reviews()).result.data as { reviewId: string; replyStatus: number; reply: string }[]
    ).find((x) => x.reviewId === id);
    expect(row).toMatchObject({ replyStatus: 1, reply: '感谢支持，欢迎再来~' });
    world.submittedReplies.splice(before);
    expect(handler({ method: 'GET', url: new URL(REVIEWS) })).toBeUndefined();
  });

  it.each(['/goods/evaluation/index', '/sycm/goods_quality/help', '/orders/list'])(
    'serves %s with 店铺ID',
    (path) => {
      const shop = consoleShop(world, 'pdd');
      const html = call('GET', BASE + path).body;
      expect(html).toContain(`<span>店铺名称：${shop.name}</span><span>店铺ID：${shop.id}</span>`);
    },
  );
});
