import { describe, expect, it } from 'vitest';
import { taobao } from '../../../lib/platforms/taobao';
import { DAY_MS } from '../../generator/time';
import { consoleShop } from '../common/shop';
import { NOW, body, call, capture, handler, world } from '../common/test-helpers';
import { FEED_IDS, beforeTips } from './rates';

const API = 'https://h5api.m.taobao.com/h5';
const PAGE = 'https://myseller.taobao.com/home.htm/comment-manage/list/rateWait4PC';
const ORIGIN = { origin: 'https://myseller.taobao.com' };
const LIST = `${API}/mtop.rm.sellercenter.list.data.pc/1.0/?jsv=2.7.2&appKey=12574478&t=1&sign=abc&type=originaljson`;

/** The form body the page posts: data={"jsonBody":"{…}"}. */
const form = (query: Record<string, unknown>) =>
  `data=${encodeURIComponent(JSON.stringify({ jsonBody: JSON.stringify(query) }))}`;
const rates = (query: Record<string, unknown>, suffix = '') =>
  call('POST', LIST + suffix, form(query), ORIGIN);
const page = (current: number, extra: Record<string, unknown> = {}) =>
  rates({ pageType: 'rateWait4PC', pagination: { current, pageSize: 20 }, ...extra });

describe('千牛 review list (mtop.rm.sellercenter.list.data.pc)', () => {
  it('answers the mtop envelope cross-host, with CORS for the console origin', () => {
    const res = page(1);
    expect(res.headers).toMatchObject({
      'access-control-allow-origin': 'https://myseller.taobao.com',
      'access-control-allow-credentials': 'true',
    });
    const b = body(res);
    expect([b.api, b.v, b.ret]).toEqual(['mtop.rm.sellercenter.list.data.pc', '1.0', ['SUCCESS::调用成功']]);
    expect(b.data.data.dataSource).toHaveLength(20);
    expect(b.data.data.pagination).toMatchObject({ current: 1, pageSize: 20 });
  });

  it('is what the adapter reads: ms times, no stars, a polarity, ids that stay strings', () => {
    const r = capture(taobao, LIST, page(1), PAGE);
    expect(r.rejects).toEqual([]);
    expect(r.reviews).toHaveLength(20);
    for (const d of r.reviews) {
      expect(d.reviewId).toMatch(/^1284\d{9}$/);
      expect(d.star).toBeUndefined();
      expect(['good', 'neutral', 'bad']).toContain(d.polarity);
      expect(d.createdAt).toBeLessThanOrEqual(NOW);
    }
    const times = r.reviews.map((d) => d.createdAt);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('pages 1-based without overlap', () => {
    const ids = (current: number) =>
      capture(taobao, LIST, page(current), PAGE).reviews.map((d) => d.reviewId);
    const [p1, p2] = [ids(1), ids(2)];
    expect(p1.filter((id) => p2.includes(id))).toEqual([]);
    expect(FEED_IDS.index(p2[0]!)).toBeLessThan(FEED_IDS.index(p1[19]!)!);
  });

  it.each([
    ['13', 'bad'],
    ['12', 'neutral'],
    ['11', 'good'],
  ])('filters emotionType=%s to %s reviews', (emotionType, polarity) => {
    const r = capture(taobao, LIST, page(1, { emotionType }), PAGE);
    expect(r.reviews.length).toBeGreaterThan(0);
    expect(r.reviews.every((d) => d.polarity === polarity)).toBe(true);
  });

  it('keeps to dateRange (YYYYMMDD, Shanghai days)', () => {
    const b = body(page(1, { dateRange: ['20260310', '20260310'] }));
    const dates = b.data.data.dataSource.map((row: { rateContent: { mainRate: { date: number } } }) =>
      new Date(row.rateContent.mainRate.date + 8 * 3_600_000).toISOString().slice(0, 10),
    );
    expect(dates.length).toBeGreaterThan(0);
    expect(new Set(dates)).toEqual(new Set(['2026-03-10']));
  });

  it('advertises the reply action with the days left, and none once replied', () => {
    const rows = body(page(1)).data.data.dataSource as {
      rateContent: { mainRate: { reply?: string } };
      operator: { dataSource: { operateType?: string; beforeTips?: string }[] };
    }[];
    for (const row of rows) {
      const action = row.operator.dataSource.find((a) => a.operateType === 'reply');
      expect(Boolean(action)).toBe(!row.rateContent.mainRate.reply);
      if (action) expect(action.beforeTips).toMatch(/^还有\d+(天|小时)可回复$/);
    }
  });

  it.each([
    [0, '还有30天可回复'],
    [29 * DAY_MS, '还有1天可回复'],
    [29.5 * DAY_MS, '还有12小时可回复'],
    [30 * DAY_MS - 3 * 3_600_000, '还有3小时可回复'],
    [31 * DAY_MS, undefined],
  ])('beforeTips %d ms after the review', (age, tips) => {
    const t = Date.parse('2026-03-20T08:00:00+08:00');
    expect(beforeTips(t - age, t)).toBe(tips);
  });
});

describe('千牛 真实体验分', () => {
  it('store.index and indexsummary parse into the two score kinds on the 3–5 scale', () => {
    const card = capture(
      taobao,
      `${API}/mtop.alibaba.tmall.front.store.index/1.0/`,
      call(
        'POST',
        `${API}/mtop.alibaba.tmall.front.store.index/1.0/?type=originaljson`,
        'data=%7B%7D',
        ORIGIN,
      ),
      PAGE,
    );
    const detail = capture(
      taobao,
      `${API}/mtop.sdx.nps.home.indexsummary/1.0/`,
      call('POST', `${API}/mtop.sdx.nps.home.indexsummary/1.0/?type=originaljson`, 'data=%7B%7D', ORIGIN),
      PAGE,
    );
    expect(card.rejects).toEqual([]);
    expect(detail.rejects).toEqual([]);
    const [s] = card.scores;
    expect(s?.kind).toBe('taobao.real_experience');
    expect(s?.date).toBe('2026-03-19');
    expect(s?.value).toBeGreaterThanOrEqual(3);
    expect(s?.value).toBeLessThanOrEqual(5);
    expect(s?.dimensions.map((d) => d.id)).toEqual(['product', 'logistics', 'service']);
    expect(detail.scores[0]?.kind).toBe('taobao.real_experience.detail');
    expect(detail.scores[0]?.indicators.find((i) => i.name === '平台求助率')).toMatchObject({
      value: null,
      display: '--',
    });
  });
});

describe('千牛 faults and errors', () => {
  it.each([
    ['expired', 'FAIL_SYS_SESSION_EXPIRED::令牌过期'],
    ['truncated', undefined],
  ])('demo_fault=%s', (fault, ret) => {
    const res = page(1, {});
    const faulty = rates({ pagination: { current: 1, pageSize: 20 } }, `&demo_fault=${fault}`);
    expect(faulty.headers?.['access-control-allow-origin']).toBe('https://myseller.taobao.com');
    if (ret) {
      expect(body(faulty).ret).toEqual([ret]);
      const r = capture(taobao, LIST, faulty, PAGE);
      expect(r.rejects[0]?.code).toBe('envelope_error');
      expect(r.rejects[0]?.message).toContain('重新登录');
    } else {
      expect(faulty.body.length).toBeLessThan(res.body.length);
      expect(() => JSON.parse(faulty.body)).toThrow();
    }
  });

  it('missing_id drops the first row only', () => {
    const r = capture(
      taobao,
      LIST,
      rates({ pagination: { current: 1, pageSize: 20 } }, '&demo_fault=missing_id'),
      PAGE,
    );
    expect(r.rejects.map((x) => x.code)).toEqual(['missing_id']);
    expect(r.reviews).toHaveLength(19);
  });

  it('html: the login page, still with CORS so the page can read it', () => {
    const res = rates({}, '&demo_fault=html');
    expect(res.contentType).toMatch(/text\/html/);
    expect(res.body).toContain('千牛');
  });

  it('unknown apis fail in ret; unknown paths are left to the caller', () => {
    expect(body(call('POST', `${API}/mtop.nothing.here/1.0/`, '', ORIGIN)).ret[0]).toMatch(
      /^FAIL_SYS_API_NOT_FOUNDED/,
    );
    expect(handler({ method: 'GET', url: new URL('https://h5api.m.taobao.com/other') })).toBeUndefined();
  });
});

describe('千牛 pages and reply', () => {
  it.each(['/home.htm/comment-manage/list/rateWait4PC', '/home.htm/shop-experience/real-score'])(
    'serves %s with the shop name and 卖家ID in the header',
    (path) => {
      const res = call('GET', `https://myseller.taobao.com${path}`);
      const shop = consoleShop(world, 'taobao');
      expect(res.contentType).toMatch(/text\/html/);
      expect(res.body).toContain(
        `<span class="shopName_6c1d">${shop.name}</span><span>卖家ID：${shop.id}</span>`,
      );
      expect(res.body).toContain(`<meta name="demo-now" content="${NOW}" />`);
      expect(res.body).toMatch(/<script type="module" src="\/__demo\/taobao\/(rate|score)\.js">/);
    },
  );

  it('serves its scripts and the shared kit, nothing else', () => {
    expect(call('GET', 'https://myseller.taobao.com/__demo/taobao/rate.js').contentType).toMatch(
      /javascript/,
    );
    expect(call('GET', 'https://myseller.taobao.com/__demo/kit/kit.css').contentType).toMatch(/css/);
    expect(
      handler({ method: 'GET', url: new URL('https://myseller.taobao.com/__demo/kit/shell.html') }),
    ).toBeUndefined();
    expect(
      handler({ method: 'GET', url: new URL('https://myseller.taobao.com/__demo/pdd/mms.js') }),
    ).toBeUndefined();
  });

  it('records every rateReply.htm post with the platform and shows the reply afterwards', () => {
    const before = world.submittedReplies.length;
    const id = FEED_IDS.of(world.reviews.length - 1);
    const post = (content: string) =>
      body(
        call(
          'POST',
          'https://rate.taobao.com/rateReply.htm',
          new URLSearchParams({ feedbackID: id, explainItemId: '1', content }).toString(),
          ORIGIN,
        ),
      );
    expect(post('').success).toBe(false);
    expect(post('亲，抱歉让您久等了，已为您补发。').success).toBe(true);
    expect(world.submittedReplies.slice(before).map((s) => [s.platform, s.commentId, s.content])).toEqual([
      ['taobao', id, ''],
      ['taobao', id, '亲，抱歉让您久等了，已为您补发。'],
    ]);
    const first = capture(taobao, LIST, page(1), PAGE).reviews.find((d) => d.reviewId === id);
    expect(first).toMatchObject({
      replied: true,
      replyText: '亲，抱歉让您久等了，已为您补发。',
      replyDeadline: undefined,
    });
    world.submittedReplies.splice(before);
  });
});
