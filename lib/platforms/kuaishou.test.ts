import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { OrderDraftSchema, ReviewDraftSchema, ScoreDraftSchema } from '../capture/schema';
import { DAY_MS } from '../keys';
import { matchEndpoint } from './endpoints';
import { kuaishou, readDom } from './kuaishou';

const text = (name: string) =>
  readFileSync(new URL(`./__fixtures__/kuaishou/${name}`, import.meta.url), 'utf8');
const fixture = (name: string): unknown => JSON.parse(text(`${name}.json`));
const ctx = (path: string) => ({
  url: new URL(`https://s.kwaixiaodian.com${path}`),
  pageUrl: new URL('https://s.kwaixiaodian.com/zone/comment/list'),
  now: Date.UTC(2026, 10, 22, 4),
});
const COMMENTS = ctx('/rest/pc/comment/list');
const EXP = ctx('/rest/app/tts/apollo/shopexp/getDetail');
/** A Document parsed from HTML, the way a page would hold it. */
const parseHtml = (html: string) =>
  new new Window().DOMParser().parseFromString(html, 'text/html') as unknown as Document;

describe('kuaishou reviews (ItemCommentBaseInfo rows, ms)', () => {
  const r = kuaishou.parse('commentList', fixture('commentList'), COMMENTS);

  it('keeps every row with three star dimensions, media and the append', () => {
    expect(r.rejects).toEqual([]);
    expect(r.seen).toBe(4);
    expect(r.reviews[0]).toMatchObject({
      platform: 'kuaishou',
      reviewId: '512300987654321001',
      orderId: '2418800012345678',
      productId: '21988776655',
      skuId: '90011223344',
      createdAt: 1794982985000,
      star: 1,
      starProduct: 1,
      starLogistics: 2,
      starService: 1,
      polarity: 'bad',
      images: 2,
      videos: 1,
      buyerNick: '快***手',
      appends: [{ text: '找客服也不给退，差评', at: 1795228200000 }],
      countsTowardScore: true,
      isDefault: false,
    });
    for (const x of r.reviews) expect(ReviewDraftSchema.safeParse(x).success).toBe(true);
  });

  it.each([
    // [row, replied, deadline = createTime + 30 days while unreplied]
    [0, false, 1794982985000 + 30 * DAY_MS],
    [1, true, undefined],
    [3, false, 1795179910000 + 30 * DAY_MS],
  ])('row %i: replied=%s, deadline %s', (row, replied, deadline) => {
    expect(r.reviews[row]!.replied).toBe(replied);
    expect(r.reviews[row]!.replyDeadline).toBe(deadline);
  });

  it('maps auto → default, valid → counts toward score, complainStatus → appeal state', () => {
    expect(r.reviews[1]!.replyText).toBe('谢谢宝宝的喜欢，记得常来直播间哦');
    expect(r.reviews[2]).toMatchObject({ isDefault: true, countsTowardScore: false });
    expect(r.reviews[3]).toMatchObject({ appealState: '申诉状态 1', polarity: 'neutral' });
    expect(r.reviews[0]!.appealState).toBeUndefined();
  });

  it('keeps only masked nicknames', () => {
    expect(r.reviews[1]!.buyerNick).toBeUndefined();
    expect(r.reviews[3]!.buyerNick).toBeUndefined();
    expect(JSON.stringify(r)).not.toMatch(/李华|匿名用户/);
  });

  it('rejects a missing id, a duplicate, a seconds timestamp and a non-object', () => {
    const v = kuaishou.parse('commentList', fixture('commentList-variants'), COMMENTS);
    expect(v.reviews.map((x) => x.reviewId)).toEqual(['512300987654329001']);
    expect(v.rejects.map((x) => [x.code, x.row])).toEqual([
      ['missing_id', 1],
      ['duplicate_in_page', 2],
      ['bad_time', 3],
      ['schema', 4],
    ]);
    expect(v.rejects[2]!.message).toContain('毫秒');
  });

  it('reports a changed list shape', () => {
    const v = kuaishou.parse('commentList', { result: 1, data: { page: {} } }, COMMENTS);
    expect(v.rejects).toHaveLength(1);
    expect(v.rejects[0]).toMatchObject({ code: 'schema' });
    expect(v.rejects[0]!.message).toContain('改版');
  });
});

describe('kuaishou 店铺体验分 (shape unknown, read defensively)', () => {
  it('reads dimension lists with nested indicators and the shop identity', () => {
    const r = kuaishou.parse('shopExpDetail', fixture('shopExpDetail'), EXP);
    expect(r.rejects).toEqual([]);
    expect(r.store).toEqual({
      platform: 'kuaishou',
      shopId: '58213379',
      name: '暖阳家居快手小店',
      via: 'api',
    });
    const s = r.scores[0]!;
    expect(s).toMatchObject({
      kind: 'kuaishou.experience',
      date: '2026-11-21',
      value: 4.72,
      scaleMin: 0,
      scaleMax: 5,
    });
    expect(s.dimensions.map((d) => [d.id, d.value])).toEqual([
      ['product', 4.81],
      ['logistics', 4.55],
      ['service', 4.79],
    ]);
    expect(s.indicators).toHaveLength(7);
    expect(s.indicators[0]).toMatchObject({
      id: '商品差评率',
      dimension: 'product',
      value: 0.82,
      unit: '%',
      score: 4.9,
    });
    expect(s.indicators[6]).toMatchObject({ name: '纠纷率', dimension: 'service', value: null, score: null });
    expect(ScoreDraftSchema.safeParse(s).success).toBe(true);
  });

  it('reads flat …Score fields and an epoch-ms date', () => {
    const s = kuaishou.parse('shopExpDetail', fixture('shopExpDetail-flat'), EXP).scores[0]!;
    expect(s).toMatchObject({ value: 4.6, date: '2026-11-21' });
    expect(s.dimensions.map((d) => [d.id, d.value])).toEqual([
      ['product', 4.7],
      ['logistics', 4.4],
      ['service', 4.65],
    ]);
  });

  it.each([
    ['no score at all', { result: 1, data: { tips: '暂无数据' } }, 'schema'],
    ['not logged in', fixture('error-not-logged-in'), 'envelope_error'],
  ])('%s → %s', (_n, body, code) => {
    const r = kuaishou.parse('shopExpDetail', body, EXP);
    expect(r.scores).toEqual([]);
    expect(r.rejects.map((x) => x.code)).toEqual([code]);
  });
});

describe('kuaishou envelopes and endpoints', () => {
  it.each([
    ['not logged in', fixture('error-not-logged-in'), /109 用户未登录.*登录已过期/],
    ['other failure', { result: 500002, error_msg: '系统繁忙' }, /500002 系统繁忙.*刷新/],
    ['no result field', { data: {} }, /缺少 result/],
    ['null', null, /缺少 result/],
  ])('%s → one envelope_error', (_n, body, msg) => {
    const r = kuaishou.parse('commentList', body, COMMENTS);
    expect(r.reviews).toEqual([]);
    expect(r.rejects).toHaveLength(1);
    expect(r.rejects[0]!.code).toBe('envelope_error');
    expect(r.rejects[0]!.message).toMatch(msg);
  });

  it.each([
    ['/rest/app/tts/apollo/shopexp/getDetail', 'shopExpDetail'],
    ['/rest/pc/comment/list', 'commentList'],
    ['/rest/pc/cs/b/data/reply/overview', undefined],
  ])('%s → %s', (path, id) => {
    expect(
      matchEndpoint('kuaishou', new URL(`https://s.kwaixiaodian.com${path}`), 's.kwaixiaodian.com')?.id,
    ).toBe(id);
  });
});

describe('kuaishou DOM fallback', () => {
  it('reads the review table with its three star columns', async () => {
    const r = readDom(
      parseHtml(text('comment-table.html')),
      new URL('https://s.kwaixiaodian.com/zone/comment/list'),
    );
    expect(r.rejects).toEqual([]);
    expect(r.store).toEqual({
      platform: 'kuaishou',
      shopId: '58213379',
      name: '暖阳家居快手小店',
      via: 'dom',
    });
    expect(
      r.reviews.map((x) => [x.reviewId, x.starProduct, x.starLogistics, x.starService, x.replied]),
    ).toEqual([
      ['512300987654321001', 1, 2, 1, false],
      ['512300987654321002', 5, 5, 4, true],
    ]);
    expect(r.reviews[0]).toMatchObject({
      createdAt: 1794982985000,
      buyerNick: '快***手',
      source: 'dom',
      polarity: 'bad',
    });
    expect(r.reviews[1]!.buyerNick).toBeUndefined();
    for (const x of r.reviews) expect(ReviewDraftSchema.safeParse(x).success).toBe(true);
    expect(JSON.stringify(r)).not.toContain('赵六');
  });

  it('reads the order table (header row without thead) and never the receiver columns', async () => {
    const r = readDom(
      parseHtml(text('order-table.html')),
      new URL('https://s.kwaixiaodian.com/zone/order/list'),
    );
    expect(r.rejects).toEqual([]);
    expect(r.orders.map((o) => [o.orderId, o.status, o.amountFen])).toEqual([
      ['2418800012345678', 'shipped', 8990],
      ['2418800012345682', 'paid', 15800],
    ]);
    expect(r.orders[0]!.shippedAt).toBe(Date.UTC(2026, 10, 17, 2));
    expect(r.orders[1]!.shippedAt).toBeUndefined();
    // Issue #16: the destination province (from the address, nothing else of it) and the courier.
    expect(r.orders.map((o) => [o.province, o.carrier])).toEqual([
      ['四川省', '中通快递'],
      ['湖北省', undefined],
    ]);
    expect(JSON.stringify(r)).not.toMatch(/成都|武侯|武汉|洪山/);
    for (const o of r.orders) expect(OrderDraftSchema.safeParse(o).success).toBe(true);
    expect(JSON.stringify(r)).not.toMatch(/孙丽|周杰|1365555|天府大道|珞喻路/);
  });
});
