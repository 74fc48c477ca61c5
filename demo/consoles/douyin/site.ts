/**
 * The whole simulated fxg.jinritemai.com: HTML pages at the real console paths, their assets under
 * `/__demo/douyin/`, and the API. Pages are one shell template (header with shop name and 店铺ID, left
 * nav) plus one ES module per page; no build step.
 */
import { readFileSync } from 'node:fs';
import type { World } from '../../generator/types';
import { HTML_TYPE, escapeHtml, type DemoRequest, type DemoResponse } from '../http';
import { handleDouyinApi } from './api';

/** Console page paths → title and page script. */
export const DOUYIN_PAGES: Readonly<Record<string, { title: string; script: string }>> = {
  '/ffa/mshop/homepage/index': { title: '首页', script: 'home' },
  '/ffa/maftersale/comment': { title: '评价管理', script: 'comment' },
  '/ffa/morder/order/list': { title: '订单管理', script: 'order' },
  '/ffa/eco/experience-score': { title: '体验分', script: 'score' },
};

export const ASSET_PREFIX = '/__demo/douyin/';
const ASSET_TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};
const files = new Map<string, string>();

/** A file of pages/ (cached; the name is checked against a strict pattern first). */
function pageFile(name: string): string | undefined {
  if (!/^[a-z][a-z-]*\.(js|css|html)$/.test(name)) return undefined;
  let text = files.get(name);
  if (text === undefined) {
    try {
      text = readFileSync(new URL(`./pages/${name}`, import.meta.url), 'utf8');
    } catch {
      return undefined;
    }
    files.set(name, text);
  }
  return text;
}

function page(world: World, title: string, script: string): DemoResponse {
  const values: Record<string, string> = {
    TITLE: title,
    SHOP_NAME: world.shop.name,
    SHOP_ID: world.shop.id,
    PAGE: script,
  };
  const body = (pageFile('shell.html') ?? '').replace(/\{\{([A-Z_]+)\}\}/g, (_, k: string) =>
    escapeHtml(values[k] ?? ''),
  );
  return { status: 200, contentType: HTML_TYPE, body };
}

/** Serves one request for fxg.jinritemai.com, or undefined when nothing lives at that path. */
export function douyinSite(world: World, req: DemoRequest): DemoResponse | undefined {
  const path = req.url.pathname.replace(/\/+$/, '') || '/';
  if (req.method.toUpperCase() === 'GET') {
    const p = path === '/' ? DOUYIN_PAGES['/ffa/mshop/homepage/index'] : DOUYIN_PAGES[path];
    if (p) return page(world, p.title, p.script);
    if (path.startsWith(ASSET_PREFIX)) {
      const name = path.slice(ASSET_PREFIX.length);
      const text = pageFile(name);
      const type = ASSET_TYPES[name.split('.').pop() ?? ''];
      return text !== undefined && type ? { status: 200, contentType: type, body: text } : undefined;
    }
  }
  return handleDouyinApi(world, req);
}
