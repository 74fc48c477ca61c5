import { describe, expect, it } from 'vitest';
import { matchEndpoint } from '../../../lib/platforms/endpoints';
import { kuaishou } from '../../../lib/platforms/kuaishou';
import { receiverOf } from '../../generator/people';
import { consoleShop } from '../common/shop';
import { NOW, body, call, capture, world } from '../common/test-helpers';
import { COMMENT_IDS, ORDER_IDS } from './comments';

const BASE = 'https://s.kwaixiaodian.com';
const PAGE = `${BASE}/zone/comment/list`;
const LIST = `${BASE}/rest/pc/comment/list`;
const SCORE = `${BASE}/rest/app/tts/apollo/shopexp/getDetail`;
const comments = (query = 'offset=0&limit=20') => call('GET', `${LIST}?${query}`);

describe('快手 reviews (/rest/pc/comment/list [G])', () => {
  it('answers {result: 1, data: {total, hits, rootComment}} in ms, read without rejects', () => {
    const b = body(comments());
    expect(b.result).toBe(1);
    expect(b.data.hits).toBe(20);
    expect(String(b.data.rootComment[0].createTime)).toMatch(/^\d{13}$/);
    const r = capture(kuaishou, LIST, comments(), PAGE);
    expect(r.rejects).toEqual([]);
    expect(r.reviews).toHaveLength(20);
    for (const d of r.reviews) {
      expect(d.reviewId).toMatch(/^5123\d{14}$/);
      expect(d.createdAt).toBeLessThanOrEqual(NOW);
      expect([d.starProduct, d.starLogistics, d.starService].every((s) => s! >= 1 && s! <= 5)).toBe(true);
    }
  });

  it('pages by offset without overlap; default reviews are auto and not valid', () => {
    const ids = (offset: number) =>
      capture(kuaishou, LIST, comments(`offset=${offset}&limit=20`), PAGE).reviews.map((d) => d.reviewId);
    expect(ids(0).filter((id) => ids(20).includes(id))).toEqual([]);
    const rows = body(comments('offset=0&limit=100')).data.rootComment as {
      auto: boolean;
      valid: boolean;
      content: string;
    }[];
    const auto = rows.filter((r) => r.auto);
    expect(auto.length).toBeGreaterThan(0);
    expect(auto.every((r) => !r.valid && r.content === '')).toBe(true);
  });

  it('filters qualityScore lists', () => {
    const rows = body(comments('offset=0&limit=50&qualityScore=1,2')).data.rootComment as {
      qualityScore: number;
    }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.qualityScore <= 2)).toBe(true);
  });

  it('serves the same list at a path the extension does not whitelist (DOM-fallback pages)', () => {
    expect(call('GET', `${BASE}/rest/pc/scm/comment/query?offset=20&limit=20`).body).toBe(
      comments('offset=20&limit=20').body,
    );
    expect(
      matchEndpoint('kuaishou', new URL(`${BASE}/rest/pc/scm/comment/query`), 's.kwaixiaodian.com'),
    ).toBeUndefined();
  });
});

describe('快手 店铺体验分 (getDetail)', () => {
  it('names the console’s shop, which becomes the store, and scores on 5 points', () => {
    const r = capture(kuaishou, SCORE, call('GET', SCORE), `${BASE}/zone/cultivation/shop/experience`);
    expect(r.rejects).toEqual([]);
    const shop = consoleShop(world, 'kuaishou');
    expect(r.store).toEqual({ platform: 'kuaishou', shopId: shop.id, name: shop.name, via: 'api' });
    const s = r.scores[0]!;
    expect(s).toMatchObject({ kind: 'kuaishou.experience', date: '2026-03-19', scaleMax: 5 });
    expect(s.dimensions.map((d) => d.id)).toEqual(['product', 'logistics', 'service']);
    expect(s.indicators.find((i) => i.name === '纠纷率')?.value).toBeNull();
  });
});

describe('快手 orders (/rest/pc/order/list, not whitelisted)', () => {
  it('serves receivers for the page table; the extension cannot capture this JSON', () => {
    const rows = body(call('GET', `${BASE}/rest/pc/order/list?pageNum=1&pageSize=20`)).data.list as {
      oid: string;
      consignee: string;
      mobile: string;
      status: string;
    }[];
    expect(rows).toHaveLength(20);
    const o = world.orders[ORDER_IDS.index(rows[0]!.oid)!]!;
    expect(rows[0]).toMatchObject({ consignee: receiverOf(o).name, mobile: receiverOf(o).phone });
    expect(new Set(rows.map((r) => r.status)).size).toBeGreaterThan(0);
    expect(
      matchEndpoint('kuaishou', new URL(`${BASE}/rest/pc/order/list`), 's.kwaixiaodian.com'),
    ).toBeUndefined();
  });
});

describe('快手 faults, reply and pages', () => {
  it('demo_fault=expired is {result: 109, error_msg}; missing_id drops one row', () => {
    const res = comments('offset=0&limit=20&demo_fault=expired');
    expect(body(res)).toMatchObject({ result: 109, error_msg: '用户未登录' });
    expect(capture(kuaishou, LIST, res, PAGE).rejects[0]?.message).toContain('重新登录');
    expect(
      capture(kuaishou, LIST, comments('offset=0&limit=20&demo_fault=missing_id'), PAGE).rejects.map(
        (x) => x.code,
      ),
    ).toEqual(['missing_id']);
  });

  it('records replies with the platform and shows them', () => {
    const before = world.submittedReplies.length;
    const id = COMMENT_IDS.of(world.reviews.length - 4);
    expect(
      body(
        call(
          'POST',
          `${BASE}/rest/pc/comment/reply`,
          JSON.stringify({ commentId: id, content: '谢谢宝宝支持~' }),
        ),
      ).result,
    ).toBe(1);
    expect(world.submittedReplies.slice(before)).toMatchObject([{ platform: 'kuaishou', commentId: id }]);
    const d = capture(kuaishou, LIST, comments(), PAGE).reviews.find((x) => x.reviewId === id);
    expect(d).toMatchObject({ replied: true, replyText: '谢谢宝宝支持~' });
    world.submittedReplies.splice(before);
  });

  it.each(['/zone/comment/list', '/zone/cultivation/shop/experience', '/zone/order/list'])(
    'serves %s with 店铺ID',
    (path) => {
      const shop = consoleShop(world, 'kuaishou');
      expect(call('GET', BASE + path).body).toContain(
        `<span class="shopName_6c1d">${shop.name}</span><span>店铺ID：${shop.id}</span>`,
      );
    },
  );
});
