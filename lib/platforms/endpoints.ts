/**
 * Whitelisted console endpoints per platform, as plain data. The main-world hook imports only this file
 * (it must stay tiny and free of zod), the adapters import it to dispatch parsing.
 */
import type { PlatformId } from '../model';

export interface EndpointSpec {
  /** Stable id used in capture-health entries and by the adapter's parser table. */
  id: string;
  /** What the response carries. */
  kind: 'reviews' | 'orders' | 'score' | 'stats' | 'aftersale';
  /** Tested against `URL.pathname` of the request. */
  path: RegExp;
  /** Hosts the request may go to; default: the page's own host. */
  host?: RegExp;
}

export const ENDPOINTS: Record<PlatformId, readonly EndpointSpec[]> = {
  douyin: [
    { id: 'commentList', kind: 'reviews', path: /^\/product\/tcomment\/commentList$/ },
    { id: 'statistics', kind: 'stats', path: /^\/product\/tcomment\/statistics$/ },
    { id: 'searchlist', kind: 'orders', path: /^\/api\/order\/searchlist$/ },
    {
      id: 'getOverviewByVersion',
      kind: 'score',
      path: /^\/governance\/shop\/experiencescore\/getOverviewByVersion$/,
    },
    { id: 'getSubScoreNew', kind: 'score', path: /^\/governance\/shop\/experiencescore\/getSubScoreNew$/ },
  ],
  taobao: [],
  pdd: [],
  jd: [],
  kuaishou: [],
};

/** The endpoint a request URL answers, if whitelisted for the platform and sent to an allowed host. */
export function matchEndpoint(platform: PlatformId, url: URL, pageHost: string): EndpointSpec | undefined {
  return ENDPOINTS[platform].find(
    (e) => e.path.test(url.pathname) && (e.host ? e.host.test(url.hostname) : url.hostname === pageHost),
  );
}
