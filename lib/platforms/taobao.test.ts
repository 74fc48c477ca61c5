import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { OrderDraftSchema, ReviewDraftSchema, ScoreDraftSchema } from '../capture/schema';
import { matchEndpoint } from './endpoints';
import { taobao } from './taobao';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./__fixtures__/taobao/${name}.json`, import.meta.url), 'utf8'));
const NOW = Date.UTC(2026, 10, 22, 4); // 2026-11-22 12:00 in Asia/Shanghai
const ctx = (api: string) => ({
  url: new URL(`https://h5api.m.taobao.com/h5/${api}/1.0/?appKey=12574478&t=1&sign=x&type=originaljson`),
  pageUrl: new URL('https://myseller.taobao.com/home.htm/comment-manage/list/rateWait4PC'),
  now: NOW,
});
const RATES = 'mtop.rm.sellercenter.list.data.pc';
/** A Document parsed from HTML, the way a page would hold it. */
const parseHtml = (html: string) =>
  new new Window().DOMParser().parseFromString(html, 'text/html') as unknown as Document;

describe('taobao rateList', () => {
  const r = taobao.parse('rateList', fixture('rateList'), ctx(RATES));

  it('keeps every row with ms times, emotion polarity and no invented stars', () => {
    expect(r.rejects).toEqual([]);
    expect(r.seen).toBe(4);
    expect(r.reviews.map((x) => [x.reviewId, x.polarity])).toEqual([
      ['1284767962779', 'bad'],
      ['1284768012345', 'good'],
      ['1284769933221', 'neutral'],
      ['1284701122334', 'good'],
    ]);
    for (const x of r.reviews) {
      expect([x.star, x.starProduct, x.starLogistics, x.starService]).toEqual([
        undefined,
        undefined,
        undefined,
        undefined,
      ]);
      expect(ReviewDraftSchema.safeParse(x).success).toBe(true);
    }
  });

  it('reads order, item, media counts and the append with its images', () => {
    expect(r.reviews[0]).toMatchObject({
      platform: 'taobao',
      orderId: '2951203765016139861',
      parentOrderId: '2951203765016139860',
      productId: '979536801722',
      productName: '加厚珊瑚绒四件套 冬季保暖床单被套',
      createdAt: 1794982985123,
      images: 1,
      videos: 1,
      buyerNick: 'w**',
      appends: [{ text: '联系客服说可以退，但是运费要自己出', images: 1 }],
      appealState: '可投诉（投诉评价、投诉追评）',
      isDefault: false,
    });
    expect(r.reviews[0]!.appends[0]!.at).toBeUndefined();
    expect(r.reviews[2]!.appends).toEqual([]);
  });

  it.each([
    // [row, replied, deadline]: "还有27天可回复" from 2026-11-22 → end of 2026-12-19 (Shanghai)
    [0, false, Date.UTC(2026, 11, 19, 16) - 1],
    [2, false, Date.UTC(2026, 10, 25, 16) - 1],
    [1, true, undefined],
  ])('row %i: replied=%s, deadline from the reply action', (row, replied, deadline) => {
    expect(r.reviews[row]!.replied).toBe(replied);
    expect(r.reviews[row]!.replyDeadline).toBe(deadline);
  });

  it('keeps the merchant reply text when the row carries it', () => {
    expect(r.reviews[1]!.replyText).toBe('谢谢亲的认可，冬天盖着暖暖的，有问题随时找我们哦');
  });

  it('marks the system default review', () => {
    expect(r.reviews[3]!.isDefault).toBe(true);
    expect(r.reviews[1]!.isDefault).toBe(false);
  });

  it('drops unmasked nicknames and never copies buyer ids', () => {
    expect(r.reviews[1]!.buyerNick).toBeUndefined();
    const s = JSON.stringify(r);
    for (const pii of ['张小花', 'RAzN8HWKmFqV3b9Q', 'RAzN8PqLw2Xc7d1T']) expect(s).not.toContain(pii);
  });

  it('rejects a row without id, a duplicate, a seconds timestamp and a non-object, keeping the rest', () => {
    const v = taobao.parse('rateList', fixture('rateList-variants'), ctx(RATES));
    expect(v.reviews.map((x) => x.reviewId)).toEqual(['1284770000001']);
    expect(v.rejects.map((x) => [x.code, x.row])).toEqual([
      ['missing_id', 1],
      ['duplicate_in_page', 2],
      ['bad_time', 3],
      ['schema', 4],
    ]);
    expect(v.rejects[2]!.message).toContain('毫秒');
    expect(v.seen).toBe(5);
  });

  it('reports a changed list shape', () => {
    const body = { api: RATES, v: '1.0', ret: ['SUCCESS::调用成功'], data: { data: { rows: [] } } };
    const v = taobao.parse('rateList', body, ctx(RATES));
    expect(v.rejects).toHaveLength(1);
    expect(v.rejects[0]).toMatchObject({ code: 'schema' });
    expect(v.rejects[0]!.message).toContain('改版');
  });
});

describe('taobao envelopes', () => {
  it.each([
    ['session expired', fixture('error-session-expired'), /FAIL_SYS_SESSION_EXPIRED.*登录已过期/],
    ['token expired', { ret: ['FAIL_SYS_TOKEN_EXOIRED::令牌过期'], data: {} }, /令牌过期.*刷新/],
    ['anti-bot check', { ret: ['RGV587_ERROR::SM::哎哟喂,被挤爆啦'], data: {} }, /安全验证/],
    ['unknown failure', { ret: ['FAIL_BIZ_UNKNOWN::系统繁忙'], data: {} }, /FAIL_BIZ_UNKNOWN.*刷新/],
    [
      'business failure',
      { ret: ['SUCCESS::调用成功'], data: { success: false, errorMsg: '无权限' } },
      /无权限/,
    ],
    ['no ret', { data: {} }, /缺少 ret/],
    ['null', null, /缺少 ret/],
  ])('%s → one envelope_error, no rows', (_n, body, msg) => {
    const r = taobao.parse('rateList', body, ctx(RATES));
    expect(r.reviews).toEqual([]);
    expect(r.rejects).toHaveLength(1);
    expect(r.rejects[0]!.code).toBe('envelope_error');
    expect(r.rejects[0]!.message).toMatch(msg);
  });
});

describe('taobao 真实体验分', () => {
  it('reads the card: total and three dimensions on the 3–5 scale', () => {
    const r = taobao.parse('storeIndex', fixture('storeIndex'), ctx('mtop.alibaba.tmall.front.store.index'));
    expect(r.rejects).toEqual([]);
    const s = r.scores[0]!;
    expect(s).toMatchObject({
      kind: 'taobao.real_experience',
      date: '2026-11-21',
      value: 4.62,
      scaleMin: 3,
      scaleMax: 5,
    });
    expect(s.dimensions.map((d) => [d.id, d.name, d.value])).toEqual([
      ['product', '宝贝质量', 4.71],
      ['logistics', '物流速度', 4.38],
      ['service', '服务保障', 4.8],
    ]);
    expect(ScoreDraftSchema.safeParse(s).success).toBe(true);
  });

  it('reads indicators per dimension, "--" as no data, under its own kind', () => {
    const r = taobao.parse(
      'npsIndexSummary',
      fixture('npsIndexSummary'),
      ctx('mtop.sdx.nps.home.indexsummary'),
    );
    const s = r.scores[0]!;
    expect(s.kind).toBe('taobao.real_experience.detail');
    expect(s.date).toBe('2026-11-21');
    expect(s.indicators).toHaveLength(9);
    expect(s.indicators[0]).toMatchObject({
      id: '商品负反馈率',
      dimension: 'product',
      value: 1.82,
      display: '1.82%',
      unit: '%',
      score: 4.6,
    });
    expect(s.indicators.find((i) => i.name === '物流到货时长')).toMatchObject({
      dimension: 'logistics',
      value: 52.6,
      unit: '小时',
    });
    expect(s.indicators.find((i) => i.name === '平台求助率')).toMatchObject({
      dimension: 'service',
      value: null,
      score: null,
    });
    expect(ScoreDraftSchema.safeParse(s).success).toBe(true);
  });

  it('falls back to the capture day and reports a missing list', () => {
    const body = { ret: ['SUCCESS::调用成功'], data: { dataSource: { list: [] } } };
    const r = taobao.parse('storeIndex', body, ctx('mtop.alibaba.tmall.front.store.index'));
    expect(r.scores).toEqual([]);
    expect(r.rejects[0]).toMatchObject({ code: 'schema' });
  });
});

describe('taobao endpoints and identity', () => {
  it.each([
    [`https://h5api.m.taobao.com/h5/${RATES}/1.0/?appKey=12574478`, 'rateList'],
    [`https://h5api.m.taobao.com/h5/${RATES}/2.0/`, 'rateList'],
    ['https://h5api.m.taobao.com/h5/mtop.sdx.nps.home.indexsummary/1.0/', 'npsIndexSummary'],
    [`https://evil.example.com/h5/${RATES}/1.0/`, undefined],
    [`https://h5api.m.taobao.com/h5/${RATES}.extra/1.0/`, undefined],
  ])('%s → %s', (url, id) => {
    expect(matchEndpoint('taobao', new URL(url), 'myseller.taobao.com')?.id).toBe(id);
  });

  it.each([
    [
      '<header><span>暖阳家居旗舰店</span><span>店铺ID：</span><b>4461234</b></header>',
      '4461234',
      '暖阳家居旗舰店',
    ],
    ['<div role="banner"><p>店铺名称：小熊母婴</p><p>卖家ID: 20881234</p></div>', '20881234', '小熊母婴'],
    ['<header><span>店铺ID：55667788</span></header>', '55667788', undefined],
  ])('reads the header %#', async (html, shopId, name) => {
    expect(taobao.identifyFromDom!(parseHtml(html))).toEqual({
      platform: 'taobao',
      shopId,
      name,
      via: 'dom',
    });
  });

  it('finds nothing when the header has no id', async () => {
    expect(taobao.identifyFromDom!(parseHtml('<header><span>千牛工作台</span></header>'))).toBeUndefined();
  });
});

describe('taobao soldList (已卖出的宝贝)', () => {
  const SOLD = 'https://trade.taobao.com/trade/itemlist/asyncSold.htm?event_submit_do_query=1';
  const soldCtx = {
    url: new URL(SOLD),
    pageUrl: new URL('https://trade.taobao.com/trade/itemlist/list_sold_items.htm'),
    now: NOW,
  };
  const r = taobao.parse('soldList', fixture('soldList'), soldCtx);

  it('matches both the public clients’ path and the legacy page’s own, on trade.taobao.com only', () => {
    for (const path of ['asyncSold.htm', 'list_sold_items.htm'])
      expect(
        matchEndpoint(
          taobao.id,
          new URL(`https://trade.taobao.com/trade/itemlist/${path}`),
          'trade.taobao.com',
        )?.id,
      ).toBe('soldList');
    expect(
      matchEndpoint(
        taobao.id,
        new URL('https://evil.example/trade/itemlist/asyncSold.htm'),
        'trade.taobao.com',
      ),
    ).toBeUndefined();
  });

  it('reads ids, Beijing times, status by code or by wording, amounts in fen and items', () => {
    expect(r.rejects).toEqual([]);
    expect(r.orders.map((o) => [o.orderId, o.status, o.amountFen])).toEqual([
      ['3301000000000000001', 'paid', 8990],
      ['3301000000000000002', 'shipped', 15900],
      ['3301000000000000003', 'completed', 2500],
      ['3301000000000000004', 'cancelled', 0],
    ]);
    const first = r.orders[0]!;
    expect(first.createdAt).toBe(Date.UTC(2026, 10, 20, 1, 15, 2)); // 09:15:02 in Beijing
    expect(first.paidAt).toBe(Date.UTC(2026, 10, 20, 1, 16, 40));
    expect(first.items).toEqual([
      {
        itemOrderId: '3301000000000000101',
        productId: '610000000001',
        productName: '示例商品 保温杯 500ml',
        skuText: '颜色：雾蓝',
        quantity: 1,
      },
    ]);
    expect(r.orders[1]!.items[0]!.quantity).toBe(2);
    for (const o of r.orders) expect(OrderDraftSchema.safeParse(o).success).toBe(true);
  });

  it('keeps the receiver’s province only: no name, phone, city or street, no buyer', () => {
    expect(r.orders[0]!.province).toBe('浙江省');
    const text = JSON.stringify(r.orders);
    for (const leak of ['示例收件人', '13800000000', '杭州', '示例路', 't**1', '990000001'])
      expect(text).not.toContain(leak);
  });

  it('a failed query, a changed shape and bad rows are named, never guessed', () => {
    expect(taobao.parse('soldList', { error: '登录超时' }, soldCtx).rejects[0]).toMatchObject({
      code: 'envelope_error',
      message: expect.stringContaining('登录超时'),
    });
    expect(taobao.parse('soldList', { page: {}, orders: [] }, soldCtx).rejects[0]?.code).toBe('schema');
    const bad = taobao.parse(
      'soldList',
      {
        mainOrders: [
          { orderInfo: { createTime: '2026-11-20 09:00:00' } },
          { orderInfo: { id: '5', createTime: '2026-13-45 99:00' } },
          { orderInfo: { id: '6', createTime: '2026-11-20 09:00:00' }, statusInfo: { text: '？' } },
        ],
      },
      soldCtx,
    );
    expect(bad.rejects.map((x) => x.code)).toEqual(['missing_id', 'bad_time']);
    expect(bad.orders.map((o) => [o.orderId, o.status])).toEqual([['6', 'unknown']]);
  });

  it('an empty page is an empty page, not an error', () => {
    const empty = taobao.parse('soldList', { error: '', mainOrders: [], page: { totalNumber: 0 } }, soldCtx);
    expect(empty.rejects).toEqual([]);
    expect(empty.orders).toEqual([]);
  });
});
