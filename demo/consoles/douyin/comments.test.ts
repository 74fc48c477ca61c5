import { describe, expect, it } from 'vitest';
import { NOW, SIGNED, body, get, list } from './test-helpers';

describe('commentList', () => {
  it('answers the real envelope with a plain array, newest first, times in seconds', () => {
    const res = get('/product/tcomment/commentList?page=0&pageSize=20&rank=0' + SIGNED);
    expect(res.status).toBe(200);
    expect(res.contentType).toMatch(/application\/json/);
    const b = body(res);
    expect([b.code, b.st, b.msg]).toEqual([0, 0, '']);
    expect(Array.isArray(b.data)).toBe(true);
    expect(b.data).toHaveLength(20);
    const times = (b.data as { comment_time: number }[]).map((r) => r.comment_time);
    expect(times).toEqual([...times].sort((x, y) => y - x));
    expect(String(times[0])).toMatch(/^\d{10}$/);
    expect(times[0]! * 1000).toBeLessThanOrEqual(NOW);
  });

  it('carries the §1.2 row fields', () => {
    const { rows } = list('/product/tcomment/commentList?page=0&pageSize=20&rank=0');
    const keys = [
      'order_id',
      'shop_order_id',
      'product_id',
      'sku_id',
      'sku',
      'product',
      'rank',
      'rank_product',
      'rank_logistic',
      'rank_shop',
      'tags',
      'content',
      'photos',
      'videos',
      'appends',
      'shop_reply',
      'is_shop_reply',
      'reply_time',
      'user_name',
      'comment_time',
      'status',
    ];
    for (const row of rows) {
      for (const k of keys) expect(row).toHaveProperty(k);
      expect(row.id ?? row.comment_id).toMatch(/^\d{19}$/);
      expect(row.tags.rank_info.name).toMatch(/^(好评|中评|差评)$/);
      expect(row.user_name).toMatch(/\*\*\*$/);
    }
  });

  it('pages 0-based without overlap and ends with a short page', () => {
    const ids = (page: number) =>
      list(`/product/tcomment/commentList?page=${page}&pageSize=20&rank=1&variant=flat`).rows.map(
        (r) => r.id ?? r.comment_id,
      );
    const p0 = ids(0);
    const p1 = ids(1);
    expect(p0.filter((id) => p1.includes(id))).toEqual([]);
    const { b } = list('/product/tcomment/commentList?page=0&pageSize=20&rank=1&variant=flat');
    const last = Math.floor((b.total - 1) / 20);
    expect(ids(last).length).toBe(b.total - last * 20);
    expect(ids(last + 1)).toEqual([]);
  });

  it.each([
    [1, (r: Record<string, number>) => r.rank_product! <= 2, '差评'],
    [2, (r: Record<string, number>) => r.rank_product === 3, '中评'],
    [3, (r: Record<string, number>) => r.rank_product! >= 4, '好评'],
  ])('filters rank=%i', (rank, ok, label) => {
    const { rows } = list(`/product/tcomment/commentList?page=0&pageSize=50&rank=${rank}`);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => ok(r) && r.tags.rank_info.name === label)).toBe(true);
  });

  it('varies its shape: nested pages and rows with comment_id', () => {
    const nested = body(get('/product/tcomment/commentList?page=0&pageSize=20&variant=nested'));
    expect(Array.isArray(nested.data.data)).toBe(true);
    expect(typeof nested.data.total).toBe('number');
    expect(Array.isArray(body(get('/product/tcomment/commentList?page=3&pageSize=20')).data.data)).toBe(true);
    expect(Array.isArray(body(get('/product/tcomment/commentList?page=2&pageSize=20')).data)).toBe(true);
    const rows = Array.from(
      { length: 3 },
      (_, p) => list(`/product/tcomment/commentList?page=${p}&pageSize=20&variant=flat`).rows,
    ).flat();
    expect(rows.some((r) => 'comment_id' in r && !('id' in r))).toBe(true);
  });

  it('filters by reply state (reply_search 1 未回复 / 2 已回复)', () => {
    expect(
      list('/product/tcomment/commentList?page=0&pageSize=30&reply_search=1').rows.every(
        (r) => r.is_shop_reply === 0,
      ),
    ).toBe(true);
    expect(
      list('/product/tcomment/commentList?page=0&pageSize=30&reply_search=2').rows.every(
        (r) => r.is_shop_reply === 1 && r.shop_reply !== '',
      ),
    ).toBe(true);
  });

  it('ignores signing params', () => {
    expect(get('/product/tcomment/commentList?page=1&pageSize=20' + SIGNED).body).toBe(
      get('/product/tcomment/commentList?page=1&pageSize=20').body,
    );
  });
});

describe('statistics', () => {
  it('reports rates as percent strings and keeps the real misspelling', () => {
    const d = body(get('/product/tcomment/statistics')).data;
    expect(d.positive_comment_rate.last_30days_value).toMatch(/^\d{1,3}\.\d{2}%$/);
    expect(typeof d.positive_commnet_count_30d).toBe('number');
    expect(d).toHaveProperty('positive_commnet_in_ecology_score_count_30d');
    expect(d).toHaveProperty('negative_comment_count_30d');
    expect(d.latestDate).toBe('2026-03-20');
  });
});
