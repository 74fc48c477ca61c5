import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { douyin } from './douyin';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./__fixtures__/douyin/${name}.json`, import.meta.url), 'utf8'));
const ctx = (path: string, query = '') => ({
  url: new URL(`https://fxg.jinritemai.com${path}${query}`),
  pageUrl: new URL('https://fxg.jinritemai.com/ffa/maftersale/comment'),
  now: Date.UTC(2026, 10, 22, 4),
});

describe('douyin commentList', () => {
  const r = douyin.parse('commentList', fixture('commentList'), ctx('/product/tcomment/commentList'));

  it('keeps every row, converting seconds to ms and reading per-dimension stars', () => {
    expect(r.rejects).toEqual([]);
    expect(r.seen).toBe(3);
    expect(r.reviews.map((x) => x.reviewId)).toEqual([
      '7350118822334455667',
      '7350118822334455668',
      '7350118822334455669',
    ]);
    const [bad] = r.reviews;
    expect(bad).toMatchObject({
      platform: 'douyin',
      orderId: '6931234567890123456',
      parentOrderId: '6931234567890123450',
      productName: '加厚羊羔绒卫衣 男女同款',
      skuText: '颜色:黑色;尺码:XL',
      createdAt: 1763420000_000,
      starProduct: 1,
      starLogistics: 1,
      starService: 3,
      polarity: 'bad',
      images: 2,
      videos: 0,
      replied: false,
      buyerNick: 'a***',
      appends: [{ text: '收到了，衣服质量还行', at: 1763600000_000 }],
    });
  });

  it('reads comment_id when id is absent and records the reply', () => {
    const good = r.reviews[1]!;
    expect(good.replied).toBe(true);
    expect(good.replyText).toBe('感谢亲的认可，期待再次光临~');
    expect(good.replyAt).toBe(1763500000_000);
    expect(good.videos).toBe(1);
  });

  it('drops an unmasked nickname (buyer personal data)', () => {
    expect(r.reviews[1]!.buyerNick).toBeUndefined();
    expect(JSON.stringify(r)).not.toContain('张三丰');
  });

  it('marks an empty text as a default review', () => {
    expect(r.reviews[2]!.isDefault).toBe(true);
    expect(r.reviews[0]!.isDefault).toBe(false);
  });

  it('accepts data.data, rejects a row without id, a duplicate and a ms timestamp, keeping the rest', () => {
    const n = douyin.parse(
      'commentList',
      fixture('commentList-nested'),
      ctx('/product/tcomment/commentList'),
    );
    expect(n.reviews.map((x) => x.reviewId)).toEqual(['7350118822334455670']);
    expect(n.rejects.map((x) => [x.code, x.row])).toEqual([
      ['missing_id', 1],
      ['duplicate_in_page', 2],
      ['bad_time', 3],
    ]);
    expect(n.rejects[0]!.message).toContain('缺少评价 id');
    expect(n.seen).toBe(4);
  });
});

describe('douyin searchlist', () => {
  const r = douyin.parse('searchlist', fixture('searchlist'), ctx('/api/order/searchlist'));

  it('maps order times, carrier, items and after-sale state', () => {
    expect(r.rejects).toEqual([]);
    expect(r.orders).toHaveLength(1);
    expect(r.orders[0]).toMatchObject({
      orderId: '6931234567890123450',
      status: 'shipped',
      statusText: '已发货',
      paidAt: 1763000060_000,
      promisedShipAt: 1763049599_000,
      shippedAt: 1763400000_000,
      deliveredAt: 1763500000_000,
      carrier: '圆通速递',
      amountFen: 12900,
      reviewState: 1,
      afterSale: { type: 'refund_only', status: 'succeeded', text: '退款成功' },
      items: [
        {
          itemOrderId: '6931234567890123456',
          productId: '3671234567890',
          skuText: '颜色:黑色;尺码:XL',
          quantity: 1,
        },
      ],
    });
  });

  it('drops receiver name, phone and address at parse time', () => {
    const s = JSON.stringify(r);
    for (const pii of ['王小明', '13812345678', '文三路', '杭州市']) expect(s).not.toContain(pii);
  });
});

describe('douyin score endpoints', () => {
  it('reads the overview with the weights the console reports and the shop identity', () => {
    const r = douyin.parse(
      'getOverviewByVersion',
      fixture('getOverviewByVersion'),
      ctx('/governance/shop/experiencescore/getOverviewByVersion'),
    );
    expect(r.store).toEqual({ platform: 'douyin', shopId: '4461234', name: '暖阳家居旗舰店', via: 'api' });
    const s = r.scores[0]!;
    expect(s).toMatchObject({
      kind: 'douyin.experience',
      date: '2026-11-21',
      value: 86,
      fivePoint: 4.8,
      scaleMin: 50,
      scaleMax: 100,
    });
    expect(s.dimensions.map((d) => [d.id, d.value, d.weight])).toEqual([
      ['product', 90, 0.5],
      ['logistics', 80, 0.25],
      ['service', 85, 0.25],
      ['deduction', 0, undefined],
    ]);
  });

  it('turns -9999 into "no data" in sub-score nodes', () => {
    const r = douyin.parse(
      'getSubScoreNew',
      fixture('getSubScoreNew'),
      ctx('/governance/shop/experiencescore/getSubScoreNew', '?experience_node=3'),
    );
    const s = r.scores[0]!;
    expect(s.kind).toBe('douyin.subscore.service');
    expect(s.windowOrders).toBe(8231);
    expect(s.indicators[0]).toMatchObject({
      id: '322',
      name: '飞鸽评价响应时长',
      value: 28.5,
      unit: '秒',
      score: 90,
      weight: 0.5,
      denominator: 8230,
    });
    expect(s.indicators[1]).toMatchObject({ id: '316', value: null, score: null });
  });

  it('reads review statistics including the console misspelling', () => {
    const r = douyin.parse('statistics', fixture('statistics'), ctx('/product/tcomment/statistics'));
    const byId = Object.fromEntries(r.scores[0]!.indicators.map((i) => [i.id, i.value]));
    expect(byId).toMatchObject({
      positive_rate_30d: 96.52,
      positive_30d: 2210,
      negative_30d: 39,
      order_comment_rate_30d: 27.8,
    });
  });
});

describe('douyin envelopes', () => {
  it.each([
    ['no permission', fixture('no-permission'), /-10001.*您无操作权限.*权限/],
    ['not an envelope', { hello: 1 }, /缺少 code/],
    ['array body', [1, 2], /缺少 code/],
    ['null', null, /缺少 code/],
  ])('%s → one envelope_error, no rows', (_n, body, msg) => {
    const r = douyin.parse('commentList', body, ctx('/product/tcomment/commentList'));
    expect(r.reviews).toEqual([]);
    expect(r.rejects).toHaveLength(1);
    expect(r.rejects[0]!.code).toBe('envelope_error');
    expect(r.rejects[0]!.message).toMatch(msg);
  });

  it('rejects an id that lost precision as a JSON number (> 2^53)', () => {
    const body = {
      code: 0,
      data: [{ comment_id: 7350118822334455668, content: 'x', comment_time: 1763410000 }],
    };
    const r = douyin.parse('commentList', body, ctx('/product/tcomment/commentList'));
    expect(r.reviews).toEqual([]);
    expect(r.rejects[0]).toMatchObject({ code: 'missing_id', row: 0 });
  });

  it('reports a changed list shape instead of silently keeping nothing', () => {
    const r = douyin.parse(
      'commentList',
      { code: 0, data: { rows: [] } },
      ctx('/product/tcomment/commentList'),
    );
    expect(r.rejects[0]).toMatchObject({ code: 'schema' });
    expect(r.rejects[0]!.message).toContain('改版');
  });
});

describe('douyin identity from the page header', () => {
  it('reads shop id and name', async () => {
    const { Window } = await import('happy-dom');
    const w = new Window();
    const html =
      '<header><span class="shopName_3fd1">暖阳家居旗舰店</span><span>店铺ID：4461234</span></header>';
    const doc = new w.DOMParser().parseFromString(html, 'text/html');
    expect(douyin.identifyFromDom!(doc as unknown as Document)).toEqual({
      platform: 'douyin',
      shopId: '4461234',
      name: '暖阳家居旗舰店',
      via: 'dom',
    });
  });
});
