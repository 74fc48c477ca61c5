import { describe, expect, it } from 'vitest';
import { matchEndpoint } from '../../../lib/platforms/endpoints';
import { jd } from '../../../lib/platforms/jd';
import { receiverOf } from '../../generator/people';
import { consoleShop } from '../common/shop';
import { body, call, capture, handler, world } from '../common/test-helpers';
import { COMMENT_IDS, ORDER_IDS, pinOf } from './comments';

const SHOP = 'https://shop.jd.com';
const PORDER = 'https://porder.shop.jd.com';
const PAGE = `${SHOP}/jdm/comment/list`;
const LIST = `${SHOP}/jdm/api/comment/getVenderComments`;
const comments = (query = 'page=1&pageSize=20') => call('GET', `${LIST}?${query}`);
const orders = (payload: Record<string, unknown> = {}, query = '') =>
  call(
    'POST',
    `${PORDER}/order/orderlist${query}`,
    JSON.stringify({ current: 1, pageSize: 20, selectedTabName: 'allOrders', ...payload }),
  );

describe('京东 reviews (getVenderComments [G])', () => {
  it('answers {success, code: 200, data: {comments}} that the adapter reads without rejects', () => {
    const b = body(comments());
    expect([b.success, b.code]).toEqual([true, 200]);
    expect(b.data.comments).toHaveLength(20);
    const r = capture(jd, LIST, comments(), PAGE);
    expect(r.rejects).toEqual([]);
    expect(r.reviews).toHaveLength(20);
    for (const d of r.reviews) {
      expect(d.reviewId).toMatch(/^187\d{8}$/);
      expect(d.star).toBeGreaterThanOrEqual(1);
      expect(d.polarity).toBe(d.star! >= 4 ? 'good' : d.star! >= 2 ? 'neutral' : 'bad');
    }
  });

  it('sends creationTime as a date string, and as epoch ms on some rows', () => {
    const rows = body(comments('page=1&pageSize=60')).data.comments as { creationTime: unknown }[];
    expect(rows.some((r) => typeof r.creationTime === 'number')).toBe(true);
    expect(
      rows
        .filter((r) => typeof r.creationTime === 'string')
        .every((r) => /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(r.creationTime as string)),
    ).toBe(true);
    const r = capture(jd, LIST, comments('page=1&pageSize=60'), PAGE);
    const times = r.reviews.map((d) => d.createdAt);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('serves the buyer pin, and another shopper’s reply is not the shop’s', () => {
    const rows = body(comments('page=1&pageSize=100')).data.comments as {
      commentId: string;
      pin: string;
      isVenderReply: boolean;
      replies: unknown[];
    }[];
    expect(rows[0]!.pin).toBe(pinOf(COMMENT_IDS.index(rows[0]!.commentId)!));
    const other = rows.find((x) => !x.isVenderReply && x.replies.length > 0);
    expect(other).toBeDefined();
    const d = capture(jd, LIST, comments('page=1&pageSize=100'), PAGE).reviews.find(
      (x) => x.reviewId === other!.commentId,
    );
    expect(d?.replied).toBe(false);
    expect(JSON.stringify(d)).not.toContain(other!.pin);
  });

  it.each([
    ['1', (s: number) => s === 1],
    ['2', (s: number) => s === 2 || s === 3],
    ['3', (s: number) => s >= 4],
  ])('filters score=%s', (score, ok) => {
    const rows = body(comments(`page=1&pageSize=50&score=${score}`)).data.comments as { score: number }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => ok(r.score))).toBe(true);
  });

  it('serves the same list at a path the extension does not whitelist (DOM-fallback pages)', () => {
    const other = call('GET', `${SHOP}/jdm/api/comment/queryCommentPage?page=2&pageSize=20`);
    expect(other.body).toBe(comments('page=2&pageSize=20').body);
    expect(
      matchEndpoint('jd', new URL(`${SHOP}/jdm/api/comment/queryCommentPage`), 'shop.jd.com'),
    ).toBeUndefined();
  });
});

describe('京东 orders (porder /order/orderlist)', () => {
  it('carries venderId = the console’s 商家编号, which becomes the store', () => {
    const r = capture(jd, `${PORDER}/order/orderlist`, orders(), `${PORDER}/order/orderlist/allOrders`);
    expect(r.rejects).toEqual([]);
    expect(r.orders).toHaveLength(20);
    expect(r.store).toEqual({ platform: 'jd', shopId: consoleShop(world, 'jd').id, via: 'api' });
    expect(new Set(r.orders.map((o) => o.status))).not.toContain('unknown');
  });

  it('serves consignee details and userPin, which the adapter drops', () => {
    const res = orders();
    const rows = body(res).data.orderList as {
      orderId: string;
      userPin: string;
      consigneeInfo: { fullname: string; mobile: string };
    }[];
    const o = world.orders[ORDER_IDS.index(rows[0]!.orderId)!]!;
    expect(rows[0]!.consigneeInfo).toMatchObject({
      fullname: receiverOf(o).name,
      mobile: receiverOf(o).phone,
    });
    const kept = JSON.stringify(
      capture(jd, `${PORDER}/order/orderlist`, res, `${PORDER}/order/orderlist/allOrders`).orders,
    );
    for (const row of rows) {
      expect(kept).not.toContain(`"${row.consigneeInfo.fullname}"`);
      expect(kept).not.toContain(row.consigneeInfo.mobile);
      expect(kept).not.toContain(row.userPin);
    }
  });

  it.each([
    ['waitOut', '等待出库'],
    ['completed', '完成'],
  ])('tab %s lists only %s orders', (tab, remark) => {
    const rows = body(orders({ selectedTabName: tab })).data.orderList as { orderStateRemark: string }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.orderStateRemark === remark)).toBe(true);
  });
});

describe('京东 faults, reply and pages', () => {
  it('demo_fault=expired is the console’s 401 envelope; missing_id drops one row', () => {
    const res = comments('page=1&pageSize=20&demo_fault=expired');
    expect(body(res)).toEqual({ success: false, code: 401, message: '请先登录', data: null });
    expect(capture(jd, LIST, res, PAGE).rejects[0]?.message).toContain('重新登录');
    const r = capture(jd, LIST, comments('page=1&pageSize=20&demo_fault=missing_id'), PAGE);
    expect(r.rejects.map((x) => x.code)).toEqual(['missing_id']);
    expect(orders({}, '?demo_fault=html').contentType).toMatch(/text\/html/);
  });

  it('records saveReply posts with the platform', () => {
    const before = world.submittedReplies.length;
    const id = COMMENT_IDS.of(world.reviews.length - 3);
    const res = body(
      call(
        'POST',
        `${SHOP}/jdm/api/comment/saveReply`,
        JSON.stringify({ commentId: id, content: '感谢您的认可！' }),
      ),
    );
    expect(res.success).toBe(true);
    expect(world.submittedReplies.slice(before)).toMatchObject([
      { platform: 'jd', commentId: id, content: '感谢您的认可！' },
    ]);
    const row = (body(comments()).data.comments as { commentId: string; isVenderReply: boolean }[]).find(
      (c) => c.commentId === id,
    );
    expect(row?.isVenderReply).toBe(true);
    world.submittedReplies.splice(before);
  });

  it.each([
    [`${SHOP}/jdm/comment/list`, 'comment'],
    [`${PORDER}/order/orderlist/allOrders`, 'orders'],
    [`${PORDER}/order/orderlist/waitOut`, 'orders'],
  ])('serves %s with 商家编号 in its own text node', (url, script) => {
    const shop = consoleShop(world, 'jd');
    const html = call('GET', url).body;
    expect(html).toContain(`<span>商家编号：</span><span>${shop.id}</span>`);
    expect(html).toContain(`/__demo/jd/${script}.js`);
    expect(handler({ method: 'GET', url: new URL(`${PORDER}/jdm/comment/list`) })).toBeUndefined();
  });
});
