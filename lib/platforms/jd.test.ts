import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { OrderDraftSchema, ReviewDraftSchema } from '../capture/schema';
import { matchEndpoint } from './endpoints';
import { jd, readDom } from './jd';

const text = (name: string) => readFileSync(new URL(`./__fixtures__/jd/${name}`, import.meta.url), 'utf8');
const fixture = (name: string): unknown => JSON.parse(text(`${name}.json`));
const ctx = (host: string, path: string) => ({
  url: new URL(`https://${host}${path}`),
  pageUrl: new URL(`https://${host}/`),
  now: Date.UTC(2026, 10, 22, 4),
});
const COMMENTS = ctx('shop.jd.com', '/jdm/api/comment/getVenderComments');
const ORDERS = ctx('porder.shop.jd.com', '/order/orderlist');
/** A Document parsed from HTML, the way a page would hold it. */
const parseHtml = (html: string) =>
  new new Window().DOMParser().parseFromString(html, 'text/html') as unknown as Document;

describe('jd reviews (JOS PopCommentJosVo rows)', () => {
  const r = jd.parse('venderComments', fixture('venderComments'), COMMENTS);

  it('keeps every row, reading date strings and ms as Asia/Shanghai times', () => {
    expect(r.rejects).toEqual([]);
    expect(r.seen).toBe(4);
    expect(r.reviews[0]).toMatchObject({
      platform: 'jd',
      reviewId: '18734456201',
      orderId: '301234567890',
      productId: '100012345678',
      skuId: '100012345678',
      createdAt: Date.UTC(2026, 10, 18, 6, 23, 5),
      star: 1,
      polarity: 'bad',
      images: 2,
      videos: 1,
      replied: false,
      buyerNick: 'j***3',
    });
    expect(r.reviews[1]!.createdAt).toBe(1795050764000);
    for (const x of r.reviews) expect(ReviewDraftSchema.safeParse(x).success).toBe(true);
  });

  it.each([
    [1, true, '感谢您的喜欢，期待再次光临~', Date.UTC(2026, 10, 19, 12, 40)],
    // another shopper's reply is not the shop's
    [2, false, undefined, undefined],
  ])('row %i: replied=%s', (row, replied, replyText, replyAt) => {
    expect(r.reviews[row]).toMatchObject({ replied });
    expect(r.reviews[row]!.replyText).toBe(replyText);
    expect(r.reviews[row]!.replyAt).toBe(replyAt);
  });

  it('uses 京东 star bands for polarity and marks the default text', () => {
    expect(r.reviews.map((x) => x.polarity)).toEqual(['bad', 'good', 'neutral', 'good']);
    expect(r.reviews.map((x) => x.isDefault)).toEqual([false, false, false, true]);
  });

  it('never copies pin or unmasked nicknames', () => {
    expect(r.reviews[1]!.buyerNick).toBeUndefined();
    const s = JSON.stringify(r);
    for (const pii of ['jd_buyer_7788123', 'zhangxiansheng_88', '张先生', '另一位买家'])
      expect(s).not.toContain(pii);
  });

  it('accepts the JOS response wrapper too', () => {
    const j = jd.parse('venderComments', fixture('venderComments-jos'), COMMENTS);
    expect(j.rejects).toEqual([]);
    expect(j.reviews.map((x) => [x.reviewId, x.star, x.createdAt])).toEqual([
      ['18734456301', 4, Date.UTC(2026, 10, 21, 2, 30)],
    ]);
  });

  it('rejects a missing id, a duplicate, a seconds timestamp and an unreadable date', () => {
    const v = jd.parse('venderComments', fixture('venderComments-variants'), COMMENTS);
    expect(v.reviews.map((x) => x.reviewId)).toEqual(['18734456401']);
    expect(v.rejects.map((x) => [x.code, x.row])).toEqual([
      ['missing_id', 1],
      ['duplicate_in_page', 2],
      ['bad_time', 3],
      ['bad_time', 4],
    ]);
    expect(v.rejects[2]!.message).toContain('毫秒');
    expect(v.rejects[3]!.message).toContain('不是日期');
  });

  it('reports a changed list shape', () => {
    const v = jd.parse('venderComments', { success: true, code: 200, data: { rows: [] } }, COMMENTS);
    expect(v.rejects).toHaveLength(1);
    expect(v.rejects[0]).toMatchObject({ code: 'schema' });
    expect(v.rejects[0]!.message).toContain('改版');
  });
});

describe('jd orders', () => {
  it('maps JOS order fields, money in 元 and the vender id as store identity', () => {
    const r = jd.parse('orderList', fixture('orderList'), ORDERS);
    expect(r.rejects).toEqual([]);
    expect(r.store).toEqual({ platform: 'jd', shopId: '10123456', via: 'api' });
    expect(r.orders.map((o) => [o.orderId, o.status, o.statusText])).toEqual([
      ['301234567890', 'paid', '等待出库'],
      ['301234567891', 'completed', '完成'],
      ['301234567895', 'cancelled', '取消'],
    ]);
    expect(r.orders[0]).toMatchObject({
      createdAt: Date.UTC(2026, 10, 21, 2, 30),
      paidAt: Date.UTC(2026, 10, 21, 2, 31, 12),
      amountFen: 12900,
      items: [{ productId: '100000123456', skuId: '100012345678', quantity: 2 }],
    });
    expect(r.orders[1]!.finishedAt).toBe(Date.UTC(2026, 10, 16, 10, 30));
    for (const o of r.orders) expect(OrderDraftSchema.safeParse(o).success).toBe(true);
    const s = JSON.stringify(r);
    for (const pii of ['刘洋', '13811112222', '建国路', 'jd_liuyang_2020', '陈静', '世纪大道'])
      expect(s).not.toContain(pii);
  });

  it('reads the legacy top-level orderList with console field names', () => {
    const r = jd.parse('orderList', fixture('orderList-legacy'), ORDERS);
    expect(r.rejects).toEqual([]);
    expect(r.orders[0]).toMatchObject({
      orderId: '301234567777',
      status: 'shipped',
      createdAt: Date.UTC(2026, 10, 19, 1, 12, 44),
      amountFen: 8800,
      items: [{ skuId: '100012345681', productName: '玻璃公道杯 350ml', quantity: 2 }],
    });
    expect(JSON.stringify(r)).not.toMatch(/王芳|jd_wangfang|5566/);
  });
});

describe('jd envelopes and endpoints', () => {
  it.each([
    ['JOS token error', fixture('error-token'), /19 token已过期.*登录已过期/],
    ['console login', fixture('error-login'), /401 请先登录.*登录已过期/],
    ['JOS non-zero code', { x_responce: { code: '66', zh_desc: '参数错误' } }, /66.*刷新/],
    ['not an object', 'oops', /不是 JSON 对象/],
  ])('%s → one envelope_error', (_n, body, msg) => {
    const r = jd.parse('venderComments', body, COMMENTS);
    expect(r.rejects).toHaveLength(1);
    expect(r.rejects[0]!.code).toBe('envelope_error');
    expect(r.rejects[0]!.message).toMatch(msg);
  });

  it.each([
    ['https://porder.shop.jd.com/order/orderlist', 'porder.shop.jd.com', 'orderList'],
    ['https://shop.jd.com/jdm/api/comment/getVenderComments', 'shop.jd.com', 'venderComments'],
    ['https://sff.jd.com/api?api=dsm.order.bff.orderListBffService.queryOrderPage', 'shop.jd.com', undefined],
    ['https://porder.shop.jd.com/order/orderlist', 'shop.jd.com', undefined],
  ])('%s from %s → %s', (url, pageHost, id) => {
    expect(matchEndpoint('jd', new URL(url), pageHost)?.id).toBe(id);
  });
});

describe('jd DOM fallback', () => {
  it('reads the review table by header text across split header/body tables', async () => {
    const r = readDom(parseHtml(text('comment-table.html')), new URL('https://shop.jd.com/jdm/comment/list'));
    expect(r.store).toEqual({ platform: 'jd', shopId: '10123456', name: '京东好物家居旗舰店', via: 'dom' });
    expect(r.seen).toBe(3);
    expect(r.reviews.map((x) => [x.reviewId, x.star, x.polarity, x.replied, x.source])).toEqual([
      ['18734456201', 1, 'bad', false, 'dom'],
      ['301234567891-100012345679', 5, 'good', true, 'dom'],
    ]);
    expect(r.reviews[0]).toMatchObject({
      orderId: '301234567890',
      createdAt: Date.UTC(2026, 10, 18, 6, 23, 5),
      buyerNick: 'j***3',
    });
    expect(r.reviews[1]).toMatchObject({
      replyText: '感谢您的喜欢，期待再次光临~',
      productName: '北欧简约陶瓷马克杯 400ml 奶白',
    });
    expect(r.reviews[1]!.buyerNick).toBeUndefined();
    expect(r.rejects.map((x) => [x.code, x.row])).toEqual([['bad_time', 2]]);
    for (const x of r.reviews) expect(ReviewDraftSchema.safeParse(x).success).toBe(true);
    expect(JSON.stringify(r)).not.toContain('王小二');
  });

  it('reads the order table and never its receiver columns', async () => {
    const r = readDom(
      parseHtml(text('order-table.html')),
      new URL('https://porder.shop.jd.com/order/orderlist/allOrders'),
    );
    expect(r.rejects).toEqual([]);
    expect(r.orders.map((o) => [o.orderId, o.status, o.amountFen, o.items[0]!.quantity])).toEqual([
      ['301234567890', 'paid', 12900, 2],
      ['301234567891', 'completed', 5900, 1],
    ]);
    expect(r.orders[0]).toMatchObject({ createdAt: Date.UTC(2026, 10, 21, 2, 30), source: 'dom' });
    for (const o of r.orders) expect(OrderDraftSchema.safeParse(o).success).toBe(true);
    expect(JSON.stringify(r)).not.toMatch(/刘洋|陈静|建国路|世纪大道|\*\*\*\*/);
  });

  it('ignores tables it does not recognise', async () => {
    const r = readDom(
      parseHtml('<table><tr><th>名称</th><th>数值</th></tr><tr><td>a</td><td>1</td></tr></table>'),
      new URL('https://shop.jd.com/'),
    );
    expect([r.reviews, r.orders, r.rejects, r.seen]).toEqual([[], [], [], 0]);
  });
});
