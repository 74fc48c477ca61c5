import type { BrowserContext, Route } from '@playwright/test';
import { afterAll, describe, expect, it } from 'vitest';
import { createWorld } from './generator/world';
import { serveDemo } from './serve';
import { createDemoHandler, isExternal, routeDemo } from './server';

const world = createWorld({
  seed: 3,
  now: Date.parse('2026-03-20T15:00:00+08:00'),
  days: 40,
  ordersPerDay: 30,
  shop: { name: '<b>测试</b>小店' },
});
const handler = createDemoHandler({ world });
const get = (url: string) => handler({ method: 'GET', url: new URL(url) });

describe('createDemoHandler', () => {
  it('exposes the world it serves and reuses a given one', () => {
    expect(handler.world).toBe(world);
    expect(handler.hosts).toEqual([
      'fxg.jinritemai.com',
      'myseller.taobao.com',
      'h5api.m.taobao.com',
      'rate.taobao.com',
      'mms.pinduoduo.com',
      'shop.jd.com',
      'porder.shop.jd.com',
      's.kwaixiaodian.com',
    ]);
    expect(createDemoHandler({ seed: 3, days: 5, ordersPerDay: 5 }).world.options.days).toBe(5);
  });

  it.each([
    '/ffa/maftersale/comment',
    '/ffa/morder/order/list',
    '/ffa/eco/experience-score',
    '/ffa/mshop/homepage/index',
    '/',
  ])('serves the console page %s with the shop header', (path) => {
    const res = get(`https://fxg.jinritemai.com${path}`)!;
    expect(res.contentType).toMatch(/text\/html/);
    expect(res.body).toContain(`店铺ID：${world.shop.id}`);
    expect(res.body).toMatch(/class="shopName_3fd1">&#60;b&#62;测试&#60;\/b&#62;小店</);
    expect(res.body).toMatch(/<script type="module" src="\/__demo\/douyin\/[a-z]+\.js">/);
  });

  it('serves page assets and nothing outside the pages folder', () => {
    expect(get('https://fxg.jinritemai.com/__demo/douyin/comment.js')?.contentType).toMatch(/javascript/);
    expect(get('https://fxg.jinritemai.com/__demo/douyin/style.css')?.contentType).toMatch(/css/);
    expect(get('https://fxg.jinritemai.com/__demo/douyin/%2e%2e%2fserver.ts')).toBeUndefined();
    expect(get('https://fxg.jinritemai.com/__demo/douyin/shell.html')).toBeUndefined();
  });

  it('answers only its hosts', () => {
    expect(get('https://fxg.jinritemai.com/product/tcomment/statistics')?.status).toBe(200);
    expect(get('https://mms.pinduoduo.com/product/tcomment/statistics')).toBeUndefined();
    expect(get('https://fxg.jinritemai.com/no/such/api')).toBeUndefined();
  });
});

describe('isExternal', () => {
  it.each([
    ['https://fxg.jinritemai.com/x', true],
    ['https://example.com/', true],
    ['wss://example.com/socket', true],
    ['http://127.0.0.1:8787/', false],
    ['http://localhost:3000/', false],
    ['http://[::1]:9/', false],
    ['chrome-extension://abc/popup.html', false],
    ['data:text/plain,hi', false],
  ])('%s → %s', (url, external) => {
    expect(isExternal(new URL(url))).toBe(external);
  });
});

/** A stand-in for Playwright's context/route that records what routeDemo does. */
function fakeContext() {
  const routes: { match: string | ((u: URL) => boolean); fn: (r: Route) => unknown }[] = [];
  const context = {
    route: async (match: string | ((u: URL) => boolean), fn: (r: Route) => unknown) =>
      void routes.push({ match, fn }),
  } as unknown as BrowserContext;
  const request = async (url: string, method = 'GET', headers: Record<string, string> = {}) => {
    const u = new URL(url);
    // Playwright runs the most recently added matching route first.
    const hit = [...routes]
      .reverse()
      .find((r) => (typeof r.match === 'string' ? url.startsWith(r.match.replace('/**', '/')) : r.match(u)));
    if (!hit) return { kind: 'continue' as const };
    let outcome:
      | { kind: 'fulfill'; status: number; contentType: string; body: string }
      | { kind: 'abort'; reason?: string }
      | undefined;
    const route = {
      request: () => ({
        method: () => method,
        url: () => url,
        postData: () => null,
        allHeaders: async () => headers,
      }),
      fulfill: async (r: { status: number; contentType: string; body: string }) =>
        void (outcome = { kind: 'fulfill', ...r }),
      abort: async (reason?: string) => void (outcome = { kind: 'abort', reason }),
    } as unknown as Route;
    await hit.fn(route);
    return outcome;
  };
  return { context, request };
}

describe('routeDemo', () => {
  it('fulfils the console host from the handler, 404s unknown API paths and aborts everything external', async () => {
    const { context, request } = fakeContext();
    await routeDemo(context, handler);
    const page = await request('https://fxg.jinritemai.com/ffa/maftersale/comment');
    expect(page).toMatchObject({ kind: 'fulfill', status: 200 });
    const api = await request(
      'https://fxg.jinritemai.com/product/tcomment/commentList?page=0&pageSize=5',
      'GET',
      { cookie: `demo_now=${Date.parse('2026-03-01T00:00:00+08:00')}` },
    );
    expect(api?.kind === 'fulfill' && JSON.parse(api.body).data.length).toBe(5);
    const missing = await request('https://fxg.jinritemai.com/api/unknown');
    expect(missing).toMatchObject({ kind: 'fulfill', status: 404 });
    expect(await request('https://www.google-analytics.com/collect')).toMatchObject({ kind: 'abort' });
    expect(await request('http://127.0.0.1:5173/')).toEqual({ kind: 'continue' });
  });
});

describe('serveDemo (loopback)', () => {
  const started = serveDemo(handler, 0);
  afterAll(async () => void (await started).close());

  it('serves pages and the API on 127.0.0.1 with the host from ?host=', async () => {
    const server = await started;
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const page = await fetch(`http://127.0.0.1:${port}/ffa/maftersale/comment?host=fxg.jinritemai.com`);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('评价管理');
    const api = await fetch(`http://127.0.0.1:${port}/product/tcomment/statistics`);
    expect(((await api.json()) as { code: number }).code).toBe(0);
    expect((await fetch(`http://127.0.0.1:${port}/nope`)).status).toBe(404);
  });
});
