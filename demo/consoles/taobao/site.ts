/**
 * The simulated 千牛 (淘宝/天猫 seller workbench) on three hosts, like the real one:
 * - myseller.taobao.com: the pages (评价管理 at /home.htm/comment-manage/list/rateWait4PC, 真实体验分 at
 *   /home.htm/shop-experience/real-score [G path]);
 * - h5api.m.taobao.com: the mtop gateway the pages call cross-host with XHR (CORS with credentials);
 * - rate.taobao.com: `rateReply.htm`, the reply action each review row advertises.
 * The shop shown is this console's own (common/shop.ts), with 卖家ID in the header.
 */
import type { World } from '../../generator/types';
import type { DemoRequest, DemoResponse } from '../http';
import { escapeHtml, json } from '../http';
import { asOf } from '../douyin/envelope';
import { applyFault, faultOf } from '../common/faults';
import { bodyOf, recordReply, str } from '../common/replies';
import { consoleShop } from '../common/shop';
import { consoleSite, withCors, type ConsoleLook } from '../common/site';
import { mtopApi, mtopFail, mtopFaults, mtopOk, mtopParams } from './mtop';
import { FEED_IDS, rateList } from './rates';
import { indexSummary, storeIndex } from './score';

export const PAGE_ORIGIN = 'https://myseller.taobao.com';
/** Sibling hosts whose pages may call the API hosts. */
const ORIGINS = [PAGE_ORIGIN, 'https://qn.taobao.com'];

export const TAOBAO_PAGES = {
  '/home.htm/comment-manage/list/rateWait4PC': { title: '评价管理', script: 'rate' },
  '/home.htm/shop-experience/real-score': { title: '真实体验分', script: 'score' },
  '/home.htm': { title: '评价管理', script: 'rate' },
  '/': { title: '评价管理', script: 'rate' },
} as const;

function look(world: World): ConsoleLook {
  const shop = consoleShop(world, 'taobao');
  return {
    platform: 'taobao',
    console: '千牛卖家工作台',
    brand: '#ff5000',
    brandSoft: '#fff2eb',
    dir: new URL('./pages/', import.meta.url),
    nav: [
      { group: '交易' },
      { href: '/home.htm/comment-manage/list/rateWait4PC', label: '评价管理' },
      { group: '店铺' },
      { href: '/home.htm/shop-experience/real-score', label: '真实体验分' },
    ],
    identity: `<span class="shopName_6c1d">${escapeHtml(shop.name)}</span><span>卖家ID：${escapeHtml(shop.id)}</span>`,
  };
}

/** myseller.taobao.com: pages only (its data comes from the mtop host). */
export const taobaoSite = consoleSite(look, TAOBAO_PAGES, () => undefined);

/** Answers one mtop call. */
function mtop(world: World, req: DemoRequest): DemoResponse | undefined {
  const id = mtopApi(req.url.pathname);
  const method = req.method.toUpperCase();
  if (!id || (method !== 'POST' && method !== 'GET')) return undefined;
  const { api, v } = id;
  const t = asOf(world, req);
  const fault = faultOf(req);
  const params = mtopParams(req);
  let res: DemoResponse;
  if (api === 'mtop.rm.sellercenter.list.data.pc') res = mtopOk(api, v, rateList(world, params, t, fault));
  else if (api === 'mtop.alibaba.tmall.front.store.index') res = mtopOk(api, v, storeIndex(world, t));
  else if (api === 'mtop.sdx.nps.home.indexsummary') res = mtopOk(api, v, indexSummary(world, t));
  else res = mtopFail(api, v, 'FAIL_SYS_API_NOT_FOUNDED', 'API不存在');
  return applyFault(fault, res, mtopFaults(api, v));
}

/** h5api.m.taobao.com: the mtop gateway, CORS for the console hosts. */
export const taobaoApiSite = (world: World, req: DemoRequest): DemoResponse | undefined =>
  withCors(ORIGINS, (r) => mtop(world, r))(req);

/** `POST rate.taobao.com/rateReply.htm` {feedbackID, explainItemId, content} [G body]. */
function rateReply(world: World, req: DemoRequest): DemoResponse | undefined {
  if (req.method.toUpperCase() !== 'POST' || req.url.pathname !== '/rateReply.htm') return undefined;
  const body = bodyOf(req.body);
  const feedId = str(body.feedbackID);
  const outcome = recordReply(world, 'taobao', feedId, str(body.content), req.body ?? '', asOf(world, req));
  if (outcome === 'empty') return json({ success: false, msg: '解释内容不能为空' });
  if (outcome === 'too_long') return json({ success: false, msg: '解释内容不能超过500字' });
  if (FEED_IDS.index(feedId) === undefined || !world.reviews[FEED_IDS.index(feedId) ?? -1])
    return json({ success: false, msg: '评价不存在' });
  return json({ success: true, msg: '解释成功' });
}

/** rate.taobao.com: the reply action, CORS for the console hosts. */
export const taobaoRateSite = (world: World, req: DemoRequest): DemoResponse | undefined =>
  withCors(ORIGINS, (r) => rateReply(world, r))(req);
