import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { OrderDraftSchema, ReviewDraftSchema, ScoreDraftSchema } from '../capture/schema';
import { matchEndpoint } from './endpoints';
import { pdd } from './pdd';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./__fixtures__/pdd/${name}.json`, import.meta.url), 'utf8'));
const ctx = (path: string) => ({
  url: new URL(`https://mms.pinduoduo.com${path}`),
  pageUrl: new URL('https://mms.pinduoduo.com/goods/evaluation/index'),
  now: Date.UTC(2026, 10, 22, 4),
});

/** A Document parsed from HTML, the way a page would hold it. */
const parseHtml = (html: string) =>
  new new Window().DOMParser().parseFromString(html, 'text/html') as unknown as Document;

describe('pdd reviews', () => {
  const r = pdd.parse('reviewsList', fixture('reviewsList'), ctx('/saturn/reviews/list'));

  it('keeps every row, converting seconds and reading the three star dimensions', () => {
    expect(r.rejects).toEqual([]);
    expect(r.seen).toBe(4);
    expect(r.reviews[0]).toMatchObject({
      platform: 'pdd',
      reviewId: '747883323036505742',
      orderId: '261118-662259689903207',
      productId: '930005554830',
      productName: '304不锈钢保温杯 大容量男女便携水杯',
      skuText: '款式:月光白 500ml',
      createdAt: 1794982985_000,
      star: 1,
      starProduct: 1,
      starLogistics: 2,
      starService: 1,
      polarity: 'bad',
      images: 3,
      videos: 1,
      buyerNick: '阿***',
      appealState: '未被举报',
      isDefault: false,
    });
    for (const x of r.reviews) expect(ReviewDraftSchema.safeParse(x).success).toBe(true);
  });

  it.each([
    // [row, replyStatus in the fixture, replied]
    [0, '0', false],
    [1, '1', true],
    [2, '2', false],
    [3, 'absent, no reply text', false],
  ])('row %i: replyStatus %s → replied=%s', (row, _status, replied) => {
    expect(r.reviews[row]!.replied).toBe(replied);
  });

  it('reads the reply, the append and multi-key specs', () => {
    expect(r.reviews[1]).toMatchObject({
      replyText: '感谢亲的支持，祝您生活愉快~',
      replyAt: 1795092000_000,
      appends: [{ text: '用了一周，还是很保温，不漏水', at: 1795228200_000 }],
      skuText: '颜色:雾霾蓝;容量:750ml',
      polarity: 'good',
    });
  });

  it('handles an empty text, an empty specs string, a plain specs string and appendReview', () => {
    expect(r.reviews[2]).toMatchObject({ isDefault: true, polarity: 'neutral', appealState: '举报审核中' });
    expect(r.reviews[2]!.skuText).toBeUndefined();
    expect(r.reviews[3]).toMatchObject({
      skuText: '颜色:奶白;尺寸:50x80cm',
      appends: [{ text: '洗了一次没掉色', at: 1794825000_000 }],
      images: 1,
      videos: 0,
    });
  });

  it('keeps only masked nicknames and no buyer ids', () => {
    expect(r.reviews[2]!.buyerNick).toBeUndefined();
    expect(r.reviews[3]!.buyerNick).toBeUndefined();
    const s = JSON.stringify(r);
    for (const pii of ['张伟', '9895799943', '匿名买家']) expect(s).not.toContain(pii);
  });

  it('rejects a missing id, a duplicate, a ms timestamp and an id that lost precision', () => {
    const v = pdd.parse('reviewsList', fixture('reviewsList-variants'), ctx('/saturn/reviews/list'));
    expect(v.reviews.map((x) => x.reviewId)).toEqual(['747883323036509001']);
    expect(v.rejects.map((x) => [x.code, x.row])).toEqual([
      ['missing_id', 1],
      ['duplicate_in_page', 2],
      ['bad_time', 3],
      ['missing_id', 4],
    ]);
    expect(v.rejects[2]!.message).toContain('秒级');
  });

  it('reports a changed list shape', () => {
    const v = pdd.parse(
      'reviewsList',
      { success: true, errorCode: 1000000, result: { items: [] } },
      ctx('/saturn/reviews/list'),
    );
    expect(v.rejects).toHaveLength(1);
    expect(v.rejects[0]).toMatchObject({ code: 'schema' });
    expect(v.rejects[0]!.message).toContain('改版');
  });
});

describe('pdd orders', () => {
  const r = pdd.parse('orderList', fixture('orderList'), ctx('/mangkhut/mms/recentOrderList'));

  it('maps promise/ship/confirm times, status and after-sales', () => {
    expect(r.rejects).toEqual([]);
    expect(r.orders.map((o) => [o.orderId, o.status])).toEqual([
      ['261118-662259689903207', 'shipped'],
      ['261121-662259689903301', 'paid'],
      ['261101-662259689902001', 'completed'],
    ]);
    expect(r.orders[0]).toMatchObject({
      statusText: '已发货，待签收',
      paidAt: 1794535200_000,
      promisedShipAt: 1794708000_000,
      shippedAt: 1794825000_000,
      amountFen: 3590,
      afterSale: { status: 'succeeded', text: '退款成功' },
      items: [{ productId: '930005554830', skuId: '1258800012345', skuText: '月光白 500ml', quantity: 1 }],
    });
    expect(r.orders[1]!.shippedAt).toBeUndefined();
    expect(r.orders[1]!.afterSale).toBeUndefined();
    expect(r.orders[2]).toMatchObject({
      finishedAt: 1792400000_000,
      afterSale: { status: 'applied', type: 'return_refund' },
    });
    for (const o of r.orders) expect(OrderDraftSchema.safeParse(o).success).toBe(true);
  });

  it('drops receiver name, phone, address and the buyer memo at parse time', () => {
    const s = JSON.stringify(r);
    for (const pii of ['李晓梅', '13912345678', '文三路', '杭州市', '王强', '南山区', '请发顺丰'])
      expect(s).not.toContain(pii);
  });

  it.each([
    ['/mangkhut/mms/recentOrderList', 'orderList'],
    ['/mangkhut/mms/historyOrderList', 'orderList'],
    ['/saturn/reviews/list', 'reviewsList'],
    ['/saturn/reviews/list/export', undefined],
  ])('%s → %s', (path, id) => {
    expect(matchEndpoint('pdd', new URL(`https://mms.pinduoduo.com${path}`), 'mms.pinduoduo.com')?.id).toBe(
      id,
    );
  });
});

describe('pdd scores', () => {
  it('reads 消费者服务体验分 with five sub-scores as dimensions and indicators', () => {
    const r = pdd.parse(
      'mallServeScore',
      fixture('mallServeScore'),
      ctx('/sydney/api/mallService/getMallServeScoreV2'),
    );
    const s = r.scores[0]!;
    expect(s).toMatchObject({
      kind: 'pdd.service',
      date: '2026-11-21',
      value: 4.3956,
      scaleMin: 0,
      scaleMax: 5,
    });
    expect(s.dimensions.map((d) => [d.id, d.name, d.value, d.rating])).toEqual([
      ['product', '商品服务', 4.12, '预警'],
      ['logistics', '发货服务', 4.7, undefined],
      ['logistics', '物流服务', 4.05, '预警'],
      ['service', '服务态度', 4.52, undefined],
      ['service', '基础服务', 4.61, undefined],
    ]);
    const byId = Object.fromEntries(s.indicators.map((i) => [i.id, i.value]));
    expect(byId).toMatchObject({
      spLmScore: 4.12,
      wlLmScore: 4.05,
      ptHelpRate1m: 0.0042,
      cstmrServRank: 0.62,
      'hotProblem:quality': 14,
    });
    expect(ScoreDraftSchema.safeParse(s).success).toBe(true);
  });

  it('reads 店铺评价分 and keeps unknown numeric fields as indicators', () => {
    const r = pdd.parse('mallDsr', fixture('mallDsr'), ctx('/sydney/api/saleQuality/queryMallDsrVO'));
    const s = r.scores[0]!;
    expect(s).toMatchObject({
      kind: 'pdd.dsr',
      value: 4.78,
      date: '2026-11-22',
      dimensions: [{ id: 'product', value: 4.78 }],
    });
    expect(s.indicators.map((i) => i.id)).toEqual([
      'descOver50RevScr3m',
      'mallUnfkUndfltRevCnt3m',
      'avgAntiMallDescRevScr3mRcatePct',
    ]);
    expect(ScoreDraftSchema.safeParse(s).success).toBe(true);
  });

  it.each([
    ['mallServeScore', { readyDate: '2026-11-21' }],
    ['mallDsr', { foo: 1 }],
  ])('%s without its score fields → schema rejection', (id, result) => {
    const r = pdd.parse(id, { success: true, errorCode: 1000000, result }, ctx('/x'));
    expect(r.scores).toEqual([]);
    expect(r.rejects[0]).toMatchObject({ code: 'schema' });
  });
});

describe('pdd envelopes and identity', () => {
  it.each([
    ['login expired', fixture('error-login-expired'), /43001.*会话已过期.*登录已过期/],
    ['errorCode only', { errorCode: 54001, errorMsg: '操作太过频繁' }, /54001.*频繁/],
    ['success false', { success: false, errorMsg: '系统异常' }, /系统异常.*刷新/],
    ['not an envelope', { data: [] }, /缺少 success/],
    ['array', [], /缺少 success/],
  ])('%s → one envelope_error', (_n, body, msg) => {
    const r = pdd.parse('reviewsList', body, ctx('/saturn/reviews/list'));
    expect(r.reviews).toEqual([]);
    expect(r.rejects).toHaveLength(1);
    expect(r.rejects[0]!.code).toBe('envelope_error');
    expect(r.rejects[0]!.message).toMatch(msg);
  });

  it('reads the header', async () => {
    const html =
      '<header><div><span>好物优选家居专营店</span><span>店铺ID：</span><span>100234567</span></div></header>';
    expect(pdd.identifyFromDom!(parseHtml(html))).toEqual({
      platform: 'pdd',
      shopId: '100234567',
      name: '好物优选家居专营店',
      via: 'dom',
    });
  });
});

/**
 * Tolerant parsing (issue #12), from the public field names (shared/platforms.md §3.2): the same rows in
 * every envelope, id name, unit and page size a console may drift to give the same reviews.
 */
describe('pdd tolerant parsing matrix', () => {
  const base = (fixture('reviewsList') as { result: { data: Record<string, unknown>[] } }).result.data;
  const row = (i: number): Record<string, unknown> => ({
    ...base[i % base.length]!,
    reviewId: String(800_000_000_000 + i),
  });
  const page = (n: number) => Array.from({ length: n }, (_, i) => row(i));
  const env = (result: unknown) => ({ success: true, errorCode: 1000000, errorMsg: null, result });
  const parse = (body: unknown) => pdd.parse('reviewsList', body, ctx('/saturn/reviews/list'));
  const expected = parse(env({ data: page(20) }));

  it.each([10, 20, 50, 100])('a page of %i rows', (n) => {
    const v = parse(env({ data: page(n) }));
    expect(v.rejects).toEqual([]);
    expect(v.reviews).toHaveLength(n);
  });

  it.each([
    ['result.list', env({ list: page(20), total: 20 })],
    ['result.data.list', env({ data: { list: page(20) } })],
    ['data (no result)', { success: true, errorCode: 1000000, data: page(20) }],
    ['data.list', { success: true, errorCode: 1000000, data: { list: page(20) } }],
  ])('envelope %s', (_name, body) => {
    const v = parse(body);
    expect(v.rejects).toEqual([]);
    expect(v.reviews).toEqual(expected.reviews);
  });

  const rename = (from: string, to: string) =>
    page(20).map((r) => {
      const { [from]: v, ...rest } = r;
      return { ...rest, [to]: v };
    });
  it.each(['review_id', 'commentId', 'comment_id', 'id'])('review id named %s', (name) => {
    const v = parse(env({ data: rename('reviewId', name) }));
    expect(v.reviews.map((x) => x.reviewId)).toEqual(expected.reviews.map((x) => x.reviewId));
  });

  it('numbers as strings and times in ms (a whole page) read the same', () => {
    const conv = (v: unknown, k = ''): unknown =>
      typeof v === 'number'
        ? String(/Time$/i.test(k) && v > 0 ? v * 1000 : v)
        : v && typeof v === 'object' && !Array.isArray(v)
          ? Object.fromEntries(Object.entries(v).map(([kk, vv]) => [kk, conv(vv, kk)]))
          : v;
    const strings = page(20).map((r) => conv(r));
    const v = parse(env({ data: strings }));
    expect(v.rejects).toEqual([]);
    expect(v.reviews.map((x) => [x.reviewId, x.createdAt, x.star, x.replyAt])).toEqual(
      expected.reviews.map((x) => [x.reviewId, x.createdAt, x.star, x.replyAt]),
    );
  });

  it("one ms value among seconds is still that row's error, not a unit change", () => {
    const rows = page(20);
    rows[3] = { ...rows[3], createTime: Number(rows[3]!.createTime) * 1000 };
    const v = parse(env({ data: rows }));
    expect(v.rejects.map((x) => [x.code, x.row])).toEqual([['bad_time', 3]]);
  });

  it('an empty page is no error', () => {
    expect(parse(env({ data: [], totalRows: 0 }))).toMatchObject({ reviews: [], rejects: [] });
  });

  it('camelCase order rows with ms strings', () => {
    const o = (fixture('orderList') as { result: { pageItems: Record<string, unknown>[] } }).result.pageItems;
    const camel = o.map((r) =>
      Object.fromEntries(
        Object.entries(r).map(([k, v]) => [
          k.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase()),
          typeof v === 'number' && /time$/.test(k) && v > 0 ? String(v * 1000) : v,
        ]),
      ),
    );
    const want = pdd.parse('orderList', fixture('orderList'), ctx('/mangkhut/mms/recentOrderList'));
    const got = pdd.parse('orderList', env({ pageItems: camel }), ctx('/mangkhut/mms/recentOrderList'));
    expect(got.rejects).toEqual([]);
    expect(got.orders.map((x) => [x.orderId, x.paidAt, x.status])).toEqual(
      want.orders.map((x) => [x.orderId, x.paidAt, x.status]),
    );
  });
});
