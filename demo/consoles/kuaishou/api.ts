/**
 * The simulated 快手小店 backend (s.kwaixiaodian.com), envelope `{result: 1, data}`; errors keep HTTP 200
 * with another `result` and `error_msg` (109 = 未登录). Paths:
 * - `GET /rest/pc/comment/list` (the adapter's whitelisted guess) and the same list at
 *   `GET /rest/pc/scm/comment/query`, a path the extension does not know (the page's `?demo_api=other`
 *   switch, so only the DOM fallback can capture it); `POST /rest/pc/comment/reply`;
 * - `GET /rest/app/tts/apollo/shopexp/getDetail` (店铺体验分);
 * - `GET /rest/pc/order/list` [G] (not whitelisted: orders come from the DOM).
 */
import type { World } from '../../generator/types';
import type { DemoRequest, DemoResponse } from '../http';
import { json } from '../http';
import { asOf } from '../douyin/envelope';
import { applyFault, faultOf, type FaultStyle } from '../common/faults';
import { bodyOf, recordReply, str } from '../common/replies';
import { COMMENT_IDS, commentList } from './comments';
import { orderList } from './orders';
import { shopExpDetail } from './score';

export const ok = (data: unknown): DemoResponse => json({ result: 1, data });
export const fail = (result: number, message: string): DemoResponse =>
  json({ result, error_msg: message, 'host-name': 'demo-kce-node.kwaidc.local' });

const STYLE: FaultStyle = { expired: () => fail(109, '用户未登录'), loginTitle: '快手小店 - 登录' };

export const COMMENT_PATHS = ['/rest/pc/comment/list', '/rest/pc/scm/comment/query'];

function reply(world: World, req: DemoRequest, t: number): DemoResponse {
  const body = bodyOf(req.body);
  const id = str(body.commentId);
  const outcome = recordReply(world, 'kuaishou', id, str(body.content), req.body ?? '', t);
  if (outcome === 'empty') return fail(400_001, '回复内容不能为空');
  if (outcome === 'too_long') return fail(400_002, '回复内容不能超过500字');
  const index = COMMENT_IDS.index(id);
  if (index === undefined || !world.reviews[index]) return fail(400_004, '评价不存在');
  return ok({ commentId: id });
}

/** Answers a s.kwaixiaodian.com API call, or undefined when the path is not one of its endpoints. */
export function handleKuaishouApi(world: World, req: DemoRequest): DemoResponse | undefined {
  const t = asOf(world, req);
  const method = req.method.toUpperCase();
  const path = req.url.pathname;
  if (method === 'POST' && path === '/rest/pc/comment/reply') return reply(world, req, t);
  if (method !== 'GET') return undefined;
  const fault = faultOf(req);
  const q = req.url.searchParams;
  let res: DemoResponse;
  if (COMMENT_PATHS.includes(path)) res = ok(commentList(world, q, t, fault));
  else if (path === '/rest/app/tts/apollo/shopexp/getDetail') res = ok(shopExpDetail(world, t));
  else if (path === '/rest/pc/order/list') res = ok(orderList(world, q, t, fault));
  else return undefined;
  return applyFault(fault, res, STYLE);
}
