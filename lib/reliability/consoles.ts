/**
 * One real-shaped request per whitelisted endpoint (page the merchant is on + the API URL the page
 * calls) and its clean fixture, for the bad-input suites. `consoleRequests()` fails loudly when an
 * endpoint is added without a line here or a URL no longer matches (lib/platforms/endpoints.ts).
 */
import { readFileSync } from 'node:fs';
import type { HookMessage } from '../capture/channel';
import type { PlatformId } from '../model';
import { ENDPOINTS, matchEndpoint } from '../platforms/endpoints';
import type { Json } from './fuzz';

const TAOBAO_PAGE = 'https://myseller.taobao.com/home.htm/comment-manage/list/rateWait4PC';
const mtop = (api: string) => `https://h5api.m.taobao.com/h5/${api}/1.0/?appKey=12574478&t=1&sign=x`;

/** [page URL, request URL] per platform and endpoint id. */
const REQUESTS: Record<PlatformId, Record<string, [string, string]>> = {
  douyin: {
    commentList: [
      'https://fxg.jinritemai.com/ffa/maftersale/comment',
      'https://fxg.jinritemai.com/product/tcomment/commentList?page=0&pageSize=20',
    ],
    statistics: [
      'https://fxg.jinritemai.com/ffa/maftersale/comment',
      'https://fxg.jinritemai.com/product/tcomment/statistics',
    ],
    searchlist: [
      'https://fxg.jinritemai.com/ffa/morder/order/list',
      'https://fxg.jinritemai.com/api/order/searchlist?page=0&pageSize=20',
    ],
    getOverviewByVersion: [
      'https://fxg.jinritemai.com/ffa/eco/experience-score',
      'https://fxg.jinritemai.com/governance/shop/experiencescore/getOverviewByVersion',
    ],
    getSubScoreNew: [
      'https://fxg.jinritemai.com/ffa/eco/experience-score',
      'https://fxg.jinritemai.com/governance/shop/experiencescore/getSubScoreNew?experience_node=2',
    ],
  },
  taobao: {
    rateList: [TAOBAO_PAGE, mtop('mtop.rm.sellercenter.list.data.pc')],
    storeIndex: [TAOBAO_PAGE, mtop('mtop.alibaba.tmall.front.store.index')],
    npsIndexSummary: [TAOBAO_PAGE, mtop('mtop.sdx.nps.home.indexsummary')],
    soldList: [
      'https://trade.taobao.com/trade/itemlist/list_sold_items.htm',
      'https://trade.taobao.com/trade/itemlist/asyncSold.htm?event_submit_do_query=1&_input_charset=utf8',
    ],
  },
  pdd: {
    reviewsList: [
      'https://mms.pinduoduo.com/goods/evaluation/index',
      'https://mms.pinduoduo.com/saturn/reviews/list',
    ],
    mallServeScore: [
      'https://mms.pinduoduo.com/sycm/goods_quality/help',
      'https://mms.pinduoduo.com/sydney/api/mallService/getMallServeScoreV2',
    ],
    mallDsr: [
      'https://mms.pinduoduo.com/sycm/goods_quality/help',
      'https://mms.pinduoduo.com/sydney/api/saleQuality/queryMallDsrVO',
    ],
    orderList: [
      'https://mms.pinduoduo.com/orders/list',
      'https://mms.pinduoduo.com/mangkhut/mms/recentOrderList',
    ],
  },
  jd: {
    venderComments: [
      'https://shop.jd.com/jdm/comment/list',
      'https://shop.jd.com/jdm/api/comment/getVenderComments',
    ],
    orderList: [
      'https://porder.shop.jd.com/order/orderlist/allOrders',
      'https://porder.shop.jd.com/order/orderlist',
    ],
  },
  kuaishou: {
    commentList: [
      'https://s.kwaixiaodian.com/zone/comment/list',
      'https://s.kwaixiaodian.com/rest/pc/comment/list',
    ],
    shopExpDetail: [
      'https://s.kwaixiaodian.com/zone/cultivation/shop/experience',
      'https://s.kwaixiaodian.com/rest/app/tts/apollo/shopexp/getDetail',
    ],
    orderList: [
      'https://s.kwaixiaodian.com/zone/order/list',
      'https://s.kwaixiaodian.com/rest/pc/order/manage/list',
    ],
  },
};

export interface ConsoleRequest {
  platform: PlatformId;
  endpoint: string;
  kind: string;
  pageUrl: URL;
  url: URL;
  /** The endpoint's clean fixture (lib/platforms/__fixtures__/<platform>/<endpoint>.json). */
  fixture: Json;
}

export function consoleRequests(): ConsoleRequest[] {
  return (Object.keys(ENDPOINTS) as PlatformId[]).flatMap((platform) =>
    // Identity endpoints (issue #12) carry no records; lib/platforms/identity.test.ts covers them.
    ENDPOINTS[platform]
      .filter((e) => e.kind !== 'identity')
      .map((e) => {
        const pair = REQUESTS[platform][e.id];
        if (!pair) throw new Error(`add a request for ${platform}/${e.id} to lib/reliability/consoles.ts`);
        const [page, api] = pair;
        const pageUrl = new URL(page);
        const url = new URL(api);
        if (matchEndpoint(platform, url, pageUrl.hostname)?.id !== e.id)
          throw new Error(`${api} no longer matches ${platform}/${e.id}: update lib/reliability/consoles.ts`);
        const file = new URL(`../platforms/__fixtures__/${platform}/${e.id}.json`, import.meta.url);
        const fixture = JSON.parse(readFileSync(file, 'utf8')) as Json;
        return { platform, endpoint: e.id, kind: e.kind, pageUrl, url, fixture };
      }),
  );
}

/** What the main-world hook posts for a text response (no size check: callers mimic the hook's). */
export function hookMessage(
  url: URL,
  text: string,
  status = 200,
  contentType = 'application/json',
): HookMessage {
  return { url: url.href, method: 'GET', status, contentType, text, bytes: text.length, at: 0 };
}

/** Error envelopes each console is known to send (their own fixtures) plus a login redirect page. */
export const ERROR_FIXTURES: Record<PlatformId, string[]> = {
  douyin: ['no-permission.json'],
  taobao: ['error-session-expired.json'],
  pdd: ['error-login-expired.json'],
  jd: ['error-login.json', 'error-token.json'],
  kuaishou: ['error-not-logged-in.json'],
};

export function errorFixture(platform: PlatformId, file: string): string {
  return readFileSync(new URL(`../platforms/__fixtures__/${platform}/${file}`, import.meta.url), 'utf8');
}

export const LOGIN_HTML =
  '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>登录</title></head><body>登录已过期，请重新登录</body></html>';
