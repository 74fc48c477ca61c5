/**
 * Serving a simulated console's pages: one shell template (header with the shop name and the identity
 * text the adapter looks for, left nav) plus one ES module per page, the shared kit under `/__demo/kit/`
 * and the platform's own scripts under `/__demo/<platform>/`. No build step. The page carries the
 * console's clock (the world's time, or the `demo_now` cookie) in `<meta name="demo-now">`: the pages
 * compute date ranges from it, never from the browser's clock.
 */
import { readFileSync } from 'node:fs';
import type { PlatformId } from '../../../lib/model';
import type { World } from '../../generator/types';
import { asOf } from '../douyin/envelope';
import { HTML_TYPE, escapeHtml, type DemoRequest, type DemoResponse } from '../http';

export const KIT_PREFIX = '/__demo/kit/';
const KIT_DIR = new URL('./pages/', import.meta.url);
const ASSET_TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};
const files = new Map<string, string>();

/** A file of a pages/ folder (cached; the name is checked against a strict pattern first). */
export function pageFile(dir: URL, name: string): string | undefined {
  if (!/^[a-z][a-z-]*\.(js|css|html)$/.test(name)) return undefined;
  const url = new URL(name, dir).href;
  let text = files.get(url);
  if (text === undefined) {
    try {
      text = readFileSync(new URL(url), 'utf8');
    } catch {
      return undefined;
    }
    files.set(url, text);
  }
  return text;
}

/** One console page: its title and its script (pages/<script>.js). */
export interface ConsolePage {
  title: string;
  script: string;
}

/** A nav entry: a group label, or a link (absolute for pages on a sibling host). */
export type NavEntry = { group: string } | { href: string; label: string };

/** How a platform's console looks and where its files are. */
export interface ConsoleLook {
  platform: PlatformId;
  /** The console's product name in the header, e.g. 千牛卖家工作台. */
  console: string;
  brand: string;
  brandSoft: string;
  /** The platform's pages/ folder: `new URL('./pages/', import.meta.url)`. */
  dir: URL;
  nav: readonly NavEntry[];
  /** Header markup with the shop name and identity text; build it with `escapeHtml`. */
  identity: string;
}

const navHtml = (nav: readonly NavEntry[]): string =>
  nav
    .map((n) =>
      'group' in n
        ? `<div class="navGroup_3e0a">${escapeHtml(n.group)}</div>`
        : `<a class="navItem_8d4b" href="${escapeHtml(n.href)}">${escapeHtml(n.label)}</a>`,
    )
    .join('');

/** The HTML of one page. */
export function renderPage(look: ConsoleLook, page: ConsolePage, now: number): DemoResponse {
  const text: Record<string, string> = {
    NOW: String(now),
    TITLE: page.title,
    CONSOLE: look.console,
    BRAND: look.brand,
    BRAND_SOFT: look.brandSoft,
    PLATFORM: look.platform,
    PAGE: page.script,
    ASSETS: `/__demo/${look.platform}/`,
  };
  const raw: Record<string, string> = { IDENTITY: look.identity, NAV: navHtml(look.nav) };
  const body = (pageFile(KIT_DIR, 'shell.html') ?? '')
    .replace(/\{\{\{([A-Z_]+)\}\}\}/g, (_, k: string) => raw[k] ?? '')
    .replace(/\{\{([A-Z_]+)\}\}/g, (_, k: string) => escapeHtml(text[k] ?? ''));
  return { status: 200, contentType: HTML_TYPE, body };
}

/** Serves `/__demo/kit/*` and `/__demo/<platform>/*` (scripts and styles only; never the shell). */
export function serveAsset(look: ConsoleLook, path: string): DemoResponse | undefined {
  const own = `/__demo/${look.platform}/`;
  const [dir, name] = path.startsWith(KIT_PREFIX)
    ? [KIT_DIR, path.slice(KIT_PREFIX.length)]
    : path.startsWith(own)
      ? [look.dir, path.slice(own.length)]
      : [undefined, ''];
  const type = ASSET_TYPES[name.split('.').pop() ?? ''];
  const text = dir && type ? pageFile(dir, name) : undefined;
  return text !== undefined && type ? { status: 200, contentType: type, body: text } : undefined;
}

/**
 * A console site: GET page paths render the shell, asset paths serve files, anything else goes to the
 * platform's API handler. `pages` may map '/' to the home page.
 */
export function consoleSite(
  look: (world: World) => ConsoleLook,
  pages: Readonly<Record<string, ConsolePage>>,
  api: (world: World, req: DemoRequest) => DemoResponse | undefined,
): (world: World, req: DemoRequest) => DemoResponse | undefined {
  return (world, req) => {
    const path = req.url.pathname.replace(/\/+$/, '') || '/';
    if (req.method.toUpperCase() === 'GET') {
      const page = pages[path];
      if (page) return renderPage(look(world), page, asOf(world, req));
      if (path.startsWith('/__demo/')) return serveAsset(look(world), path);
    }
    return api(world, req);
  };
}

/**
 * CORS for an API host called from a sibling console host with credentials: the exact origin (never
 * `*`), credentials allowed, and preflights answered. Requests from other origins get no CORS headers,
 * so the browser refuses them, like the real hosts do.
 */
export function withCors(
  allowed: readonly string[],
  handler: (req: DemoRequest) => DemoResponse | undefined,
): (req: DemoRequest) => DemoResponse | undefined {
  return (req) => {
    const origin = req.headers?.origin ?? '';
    const headers: Record<string, string> = allowed.includes(origin)
      ? {
          'access-control-allow-origin': origin,
          'access-control-allow-credentials': 'true',
          vary: 'Origin',
        }
      : {};
    if (req.method.toUpperCase() === 'OPTIONS') {
      if (!allowed.includes(origin)) return { status: 403, contentType: 'text/plain', body: '' };
      return {
        status: 204,
        contentType: 'text/plain',
        body: '',
        headers: {
          ...headers,
          'access-control-allow-methods': 'GET, POST, OPTIONS',
          'access-control-allow-headers':
            req.headers?.['access-control-request-headers'] ?? 'content-type, x-requested-with',
          'access-control-max-age': '600',
        },
      };
    }
    const res = handler(req);
    return res && { ...res, headers: { ...res.headers, ...headers } };
  };
}
