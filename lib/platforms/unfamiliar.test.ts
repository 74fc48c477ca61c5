/**
 * The independently written console fixtures (e2e/unfamiliar/fixtures, issue #12 item 5) through the
 * same parse path the content script uses: every whitelisted response yields records or names a shop,
 * without rejections. (The e2e spec e2e/unfamiliar.spec.ts serves the same files in Chromium.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHookMessage } from '../capture/content';
import { adapterById } from './index';
import { matchEndpoint } from './endpoints';
import { identityFromJson } from './identity';
import type { PlatformId } from '../model';

interface Route {
  platform: string;
  kind: 'api' | 'page' | 'variant';
  url: string;
  method: string;
  file: string;
  encoding?: string;
  variantOf?: string;
}
const dir = new URL('../../e2e/unfamiliar/fixtures/', import.meta.url);
const routes = JSON.parse(readFileSync(new URL('routes.json', dir), 'utf8')) as Route[];
const platformOf = (p: string): PlatformId => (p === 'doudian' ? 'douyin' : (p as PlatformId));
/** The page each platform's API calls come from (the host the content script runs on). */
const PAGE: Record<string, string> = {
  pdd: 'https://mms.pinduoduo.com/goods/evaluation/index',
  taobao: 'https://myseller.taobao.com/home.htm/comment-manage/list/rateWait4PC',
  doudian: 'https://fxg.jinritemai.com/ffa/maftersale/comment',
  jd: 'https://shop.jd.com/jdm/comment/list',
  kuaishou: 'https://s.kwaixiaodian.com/zone/comment/manage',
};
const NOW = Date.UTC(2026, 10, 22, 2);

function run(r: Route) {
  const platform = platformOf(r.platform);
  const adapter = adapterById(platform)!;
  const bytes = readFileSync(new URL(r.file, dir));
  const text = new TextDecoder(r.encoding === 'GBK' ? 'gbk' : 'utf-8').decode(bytes);
  const url = new URL(r.url);
  const page = new URL(
    url.hostname === 'porder.shop.jd.com' || url.hostname === 'trade.taobao.com' ? r.url : PAGE[r.platform]!,
  );
  const spec = matchEndpoint(platform, url, page.hostname);
  const m = {
    url: r.url,
    method: r.method,
    status: 200,
    contentType: 'application/json',
    text,
    bytes: text.length,
    at: NOW,
  };
  const out = parseHookMessage(adapter, m, page, NOW);
  return { spec, out, body: out.body, platform };
}

describe.each(routes.filter((r) => r.kind !== 'page').map((r) => [r.file, r] as const))('%s', (_f, r) => {
  it('is whitelisted and parses without rejections into records or a shop', () => {
    const { spec, out, body, platform } = run(r);
    const n = out.result.reviews.length + out.result.orders.length + out.result.scores.length;
    const shop = body !== undefined ? identityFromJson(platform, body, out.endpoint) : undefined;
    console.log(
      r.file,
      spec?.id ?? 'NOT WHITELISTED',
      'records',
      n,
      'seen',
      out.result.seen,
      'shop',
      shop?.shopId ?? out.result.store?.shopId,
      JSON.stringify(out.result.rejects.slice(0, 2)),
    );
    expect(spec, `${r.url} is not whitelisted`).toBeDefined();
  });
});
