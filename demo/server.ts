/**
 * The demo consoles behind one handler, routed by host (one line per platform), and `routeDemo`, which
 * serves them to a Playwright browser context under the real host names. Nothing leaves the machine:
 * every other non-loopback request is aborted.
 */
import type { BrowserContext, Route } from '@playwright/test';
import { douyinSite } from './consoles/douyin/site';
import { jdOrderSite, jdShopSite } from './consoles/jd/site';
import { kuaishouSite } from './consoles/kuaishou/site';
import { pddSite } from './consoles/pdd/site';
import { taobaoApiSite, taobaoRateSite, taobaoSite } from './consoles/taobao/site';
import { json, type DemoRequest, type DemoResponse } from './consoles/http';
import { createWorld } from './generator/world';
import type { World, WorldOptions } from './generator/types';

export type { DemoRequest, DemoResponse } from './consoles/http';

/** Host → site. Add a platform with one line. */
export const DEMO_SITES: Readonly<
  Record<string, (world: World, req: DemoRequest) => DemoResponse | undefined>
> = {
  'fxg.jinritemai.com': douyinSite,
  'myseller.taobao.com': taobaoSite,
  'h5api.m.taobao.com': taobaoApiSite,
  'rate.taobao.com': taobaoRateSite,
  'mms.pinduoduo.com': pddSite,
  'shop.jd.com': jdShopSite,
  'porder.shop.jd.com': jdOrderSite,
  's.kwaixiaodian.com': kuaishouSite,
};

/** A demo handler: a function of the request that also exposes its world and hosts. */
export interface DemoHandler {
  (req: DemoRequest): DemoResponse | undefined;
  world: World;
  hosts: readonly string[];
}

/** Options: an existing world, or the options to create one. */
export type DemoHandlerOptions = WorldOptions & { world?: World };

/** Creates the handler for all demo consoles over one world. */
export function createDemoHandler(opts: DemoHandlerOptions = {}): DemoHandler {
  const { world: given, ...worldOptions } = opts;
  const world = given ?? createWorld(worldOptions);
  const handler = ((req: DemoRequest) => DEMO_SITES[req.url.hostname]?.(world, req)) as DemoHandler;
  handler.world = world;
  handler.hosts = Object.keys(DEMO_SITES);
  return handler;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** True for URLs that would leave the machine. */
export function isExternal(url: URL): boolean {
  return /^(https?|wss?):$/.test(url.protocol) && !LOOPBACK.has(url.hostname);
}

/** 404 JSON for paths the demo console does not know (an unknown API path). */
export const NOT_FOUND: DemoResponse = json({ code: 404, st: 404, msg: 'demo: not found', data: null }, 404);

async function fulfil(route: Route, handler: DemoHandler): Promise<void> {
  const request = route.request();
  const res =
    handler({
      method: request.method(),
      url: new URL(request.url()),
      body: request.postData() ?? undefined,
      headers: await request.allHeaders(),
    }) ?? NOT_FOUND;
  await route.fulfill({
    status: res.status,
    contentType: res.contentType,
    body: res.body,
    headers: { ...res.headers, 'cache-control': 'no-store' },
  });
}

/**
 * Installs the routes on `context`: every external request is aborted, except the demo hosts, which
 * are answered by `handler`. (Playwright runs the most recently added matching route first.)
 */
export async function routeDemo(context: BrowserContext, handler: DemoHandler): Promise<void> {
  await context.route(isExternal, (route) => route.abort('blockedbyclient'));
  for (const host of handler.hosts) {
    await context.route(`https://${host}/**`, (route) => fulfil(route, handler));
  }
}
