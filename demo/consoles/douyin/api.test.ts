import { describe, expect, it } from 'vitest';
import { handleDouyinApi } from './api';
import { HOST, body, get, list, world } from './test-helpers';

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
