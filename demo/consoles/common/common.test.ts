import { describe, expect, it } from 'vitest';
import { PLATFORM_IDS } from '../../../lib/model';
import { createWorld } from '../../generator/world';
import { json } from '../http';
import { applyFault, faultOf } from './faults';
import { idScheme } from './ids';
import { consoleShop } from './shop';
import { fiveScale } from './score';
import { withCors } from './site';
import { world } from './test-helpers';

describe('idScheme', () => {
  it.each([
    ['1284', 13, 760_000_000],
    ['7478', 18, 83_323_036_000_000],
    ['30', 12, 1_234_000_000],
  ])('%s…: ids of the given width that map back to their index', (prefix, width, base) => {
    const s = idScheme(prefix, width, base);
    for (const i of [0, 1, 2, 9, 10, 12_345, 119_999]) {
      const id = s.of(i);
      expect(id).toHaveLength(width);
      expect(id.startsWith(prefix)).toBe(true);
      expect(s.index(id)).toBe(i);
    }
    expect(new Set([0, 1, 2, 3].map((i) => s.of(i))).size).toBe(4);
  });

  it('refuses ids it never issued', () => {
    const s = idScheme('187', 11, 34_000_000);
    const id = s.of(42);
    const wrongCheck = id.slice(0, -1) + String((Number(id.at(-1)) + 1) % 10);
    expect([wrongCheck, '2' + id.slice(1), id + '0', '18700000000', 'abc'].map(s.index)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('consoleShop', () => {
  it('shows every platform as its own store, the 抖店 one being the world shop', () => {
    const shops = PLATFORM_IDS.map((p) => consoleShop(world, p));
    expect(shops[0]).toEqual({ id: world.shop.id, name: world.shop.name });
    expect(new Set(shops.map((s) => s.id)).size).toBe(5);
    expect(new Set(shops.map((s) => s.name)).size).toBe(5);
    expect(consoleShop(world, 'jd').id).toMatch(/^1\d{7}$/);
    expect(consoleShop(world, 'taobao').name).toBe(`${world.shop.name}淘宝店`);
  });

  it('is stable for the same shop and differs for another', () => {
    const other = createWorld({ seed: 11, days: 3, ordersPerDay: 2, shop: { id: '77001122' } });
    expect(consoleShop(world, 'pdd')).toEqual(consoleShop(world, 'pdd'));
    expect(consoleShop(other, 'pdd').id).not.toBe(consoleShop(world, 'pdd').id);
  });
});

describe('fiveScale', () => {
  it.each([
    [100, 5],
    [97, 5],
    [81, 4.6],
    [61, 4.1],
    [60, 4],
    [55, 3.5],
    [40, 3],
  ])('%i → %f', (score, five) => {
    expect(fiveScale(score)).toBeCloseTo(five, 5);
  });
});

describe('withCors', () => {
  const api = withCors(['https://myseller.taobao.com'], () => ({
    status: 200,
    contentType: 'application/json',
    body: '{}',
  }));
  const req = (method: string, origin?: string, extra: Record<string, string> = {}) => ({
    method,
    url: new URL('https://h5api.m.taobao.com/h5/x/1.0/'),
    headers: { ...(origin ? { origin } : {}), ...extra },
  });

  it('allows the console origin with credentials, never a wildcard', () => {
    expect(api(req('POST', 'https://myseller.taobao.com'))?.headers).toEqual({
      'access-control-allow-origin': 'https://myseller.taobao.com',
      'access-control-allow-credentials': 'true',
      vary: 'Origin',
    });
    expect(api(req('POST', 'https://evil.example'))?.headers).toEqual({});
  });

  it('answers preflights for the console origin only', () => {
    const ok = api(
      req('OPTIONS', 'https://myseller.taobao.com', { 'access-control-request-headers': 'x-sgext' }),
    );
    expect(ok?.status).toBe(204);
    expect(ok?.headers?.['access-control-allow-methods']).toContain('POST');
    expect(ok?.headers?.['access-control-allow-headers']).toBe('x-sgext');
    expect(api(req('OPTIONS', 'https://evil.example'))?.status).toBe(403);
  });
});

describe('applyFault', () => {
  const cors = { 'access-control-allow-origin': 'https://myseller.taobao.com' };
  const res = { ...json({ ok: true, rows: [1, 2, 3] }), headers: cors };
  const style = {
    expired: () => json({ result: 109, error_msg: '用户未登录' }),
    loginTitle: '快手小店 - 登录',
  };
  const req = (q: string) => ({ method: 'GET', url: new URL(`https://s.kwaixiaodian.com/rest/x?${q}`) });

  it.each([
    ['demo_fault=expired', 'expired'],
    ['demo_fault=nonsense', undefined],
    ['', undefined],
  ])('faultOf(%s) = %s', (q, fault) => {
    expect(faultOf(req(q))).toBe(fault);
  });

  it("answers each fault in the platform's words and keeps the CORS headers", () => {
    expect(JSON.parse(applyFault('expired', res, style).body)).toEqual({
      result: 109,
      error_msg: '用户未登录',
    });
    const html = applyFault('html', res, style);
    expect([
      html.contentType.startsWith('text/html'),
      html.body.includes('<title>快手小店 - 登录</title>'),
    ]).toEqual([true, true]);
    const huge = applyFault('huge', res, style);
    expect(huge.body.length).toBeGreaterThan(5_000_000);
    expect(JSON.parse(huge.body).rows).toEqual([1, 2, 3]);
    expect(() => JSON.parse(applyFault('truncated', res, style).body)).toThrow();
    for (const f of ['expired', 'html', 'huge', 'truncated'] as const)
      expect(applyFault(f, res, style).headers).toEqual(cors);
    expect(applyFault(undefined, res, style)).toBe(res);
  });
});
