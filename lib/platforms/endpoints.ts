/**
 * Whitelisted console endpoints per platform, as plain data. The main-world hook imports only this file
 * (it must stay tiny and free of zod), the adapters import it to dispatch parsing.
 */
import type { PlatformId } from '../model';

export interface EndpointSpec {
  /** Stable id used in capture-health entries and by the adapter's parser table. */
  id: string;
  /** What the response carries. */
  kind: 'reviews' | 'orders' | 'score' | 'stats' | 'aftersale' | 'identity';
  /** Tested against `URL.pathname` of the request. */
  path: RegExp;
  /** Hosts the request may go to; default: the page's own host. */
  host?: RegExp;
}

export const ENDPOINTS: Record<PlatformId, readonly EndpointSpec[]> = {
  douyin: [
    { id: 'commentList', kind: 'reviews', path: /^\/product\/tcomment\/commentList$/ },
    // Identity only (issue #12): the shop switcher's list (`data[]{shop_id, shop_name, is_current}`).
    { id: 'shopList', kind: 'identity', path: /^\/byteshop\/index\/getshoplist$/ },
    { id: 'statistics', kind: 'stats', path: /^\/product\/tcomment\/statistics$/ },
    { id: 'searchlist', kind: 'orders', path: /^\/api\/order\/searchlist$/ },
    {
      id: 'getOverviewByVersion',
      kind: 'score',
      path: /^\/governance\/shop\/experiencescore\/getOverviewByVersion$/,
    },
    { id: 'getSubScoreNew', kind: 'score', path: /^\/governance\/shop\/experiencescore\/getSubScoreNew$/ },
  ],
  // 千牛 pages call mtop on another host; the version segment is matched loosely (mtop bumps it).
  taobao: [
    {
      id: 'rateList',
      kind: 'reviews',
      path: /^\/h5\/mtop\.rm\.sellercenter\.list\.data\.pc\/\d+\.\d+\/?$/,
      host: /^h5api\.m\.(?:taobao|tmall)\.com$/,
    },
    {
      id: 'storeIndex',
      kind: 'score',
      path: /^\/h5\/mtop\.alibaba\.tmall\.front\.store\.index\/\d+\.\d+\/?$/,
      host: /^h5api\.m\.(?:taobao|tmall)\.com$/,
    },
    {
      id: 'npsIndexSummary',
      kind: 'score',
      path: /^\/h5\/mtop\.sdx\.nps\.home\.indexsummary\/\d+\.\d+\/?$/,
      host: /^h5api\.m\.(?:taobao|tmall)\.com$/,
    },
    // 已卖出的宝贝: the sold list's JSON (`{error, page, mainOrders}`). Public clients post the query to
    // asyncSold.htm; the legacy page posts to its own path (docs/identity.md, lib/platforms/taobao.ts).
    {
      id: 'soldList',
      kind: 'orders',
      path: /^\/trade\/itemlist\/(?:asyncSold|list_sold_items)\.htm$/,
      host: /^trade\.(?:taobao|tmall)\.com$/,
    },
  ],
  pdd: [
    { id: 'reviewsList', kind: 'reviews', path: /^\/saturn\/reviews\/list$/ },
    { id: 'mallServeScore', kind: 'score', path: /^\/sydney\/api\/mallService\/getMallServeScoreV2$/ },
    { id: 'mallDsr', kind: 'score', path: /^\/sydney\/api\/saleQuality\/queryMallDsrVO$/ },
    // historyOrderList is the older page's twin with the same rows (platforms.md §3.1).
    { id: 'orderList', kind: 'orders', path: /^\/mangkhut\/mms\/(?:recent|history)OrderList$/ },
    // Identity only (issue #12): every mms page loads the account's user info (`result.mall_id`) and the
    // mall info; see docs/identity.md for the public clients that read them.
    { id: 'userInfo', kind: 'identity', path: /^\/janus\/api\/(?:new\/)?userinfo$/ },
    { id: 'mallInfo', kind: 'identity', path: /^\/earth\/api\/mallInfo\/commonMallInfo$/ },
  ],
  // [G] review path: no console review endpoint is public; see lib/platforms/jd.ts.
  jd: [
    // Both segment orders: the independent fixtures (issue #12) use /jdm/comment/api/.
    {
      id: 'venderComments',
      kind: 'reviews',
      path: /^\/jdm\/(?:api\/comment|comment\/api)\/getVenderComments$/,
    },
    { id: 'orderList', kind: 'orders', path: /^\/order\/orderlist$/ },
  ],
  kuaishou: [
    // [G] review path: the console's review JSON is not public; see lib/platforms/kuaishou.ts.
    { id: 'commentList', kind: 'reviews', path: /^\/rest\/pc\/comment(?:\/manage)?\/list$/ },
    { id: 'shopExpDetail', kind: 'score', path: /^\/rest\/app\/tts\/apollo\/shopexp\/getDetail$/ },
    // [G] path (the independent fixtures' guess); rows in the open-platform order shape (kuaishou.ts).
    // The demo console's /rest/pc/order/list stays unlisted on purpose: its orders exercise the DOM fallback.
    { id: 'orderList', kind: 'orders', path: /^\/rest\/pc\/order\/manage\/list$/ },
    // Identity only (issue #12): the logged-in account's shop (`data.shopId`, `data.shopName`).
    {
      id: 'userInfo',
      kind: 'identity',
      path: /^\/gateway\/business\/cs\/solution\/login\/user\/info\/get$/,
      host: /^im\.kwaixiaodian\.com$/,
    },
  ],
};

/** The endpoint a request URL answers, if whitelisted for the platform and sent to an allowed host. */
export function matchEndpoint(platform: PlatformId, url: URL, pageHost: string): EndpointSpec | undefined {
  return ENDPOINTS[platform].find(
    (e) => e.path.test(url.pathname) && (e.host ? e.host.test(url.hostname) : url.hostname === pageHost),
  );
}
