/**
 * The simulated 京东 merchant backend [G shapes]: console-style envelopes `{success, code: 200, message,
 * data}` (errors keep HTTP 200: `{success: false, code: 401, message: "请先登录"}`).
 * shop.jd.com: `GET /jdm/api/comment/getVenderComments` (the whitelisted guess), the same list at
 * `GET /jdm/api/comment/queryCommentPage` (a path the extension does not know: the page's
 * `?demo_api=other` switch uses it so only the DOM fallback can capture), and `POST
 * /jdm/api/comment/saveReply`. porder.shop.jd.com: `POST /order/orderlist`.
 */
import type { World } from '../../generator/types';
import type { DemoRequest, DemoResponse } from '../http';
import { json } from '../http';
import { asOf } from '../douyin/envelope';
import { applyFault, faultOf, type FaultStyle } from '../common/faults';
import { bodyOf, recordReply, str } from '../common/replies';
import { COMMENT_IDS, commentList } from './comments';
import { orderList } from './orders';

export const ok = (data: unknown): DemoResponse => json({ success: true, code: 200, message: '成功', data });
export const fail = (code: number, message: string): DemoResponse =>
  json({ success: false, code, message, data: null });

const STYLE: FaultStyle = { expired: () => fail(401, '请先登录'), loginTitle: '京东商家后台 - 登录' };

/** The list path the extension whitelists, and the one it does not (DOM-fallback pages). */
export const COMMENT_PATHS = ['/jdm/api/comment/getVenderComments', '/jdm/api/comment/queryCommentPage'];

function saveReply(world: World, req: DemoRequest, t: number): DemoResponse {
  const body = bodyOf(req.body);
  const id = str(body.commentId);
  const outcome = recordReply(world, 'jd', id, str(body.content), req.body ?? '', t);
  if (outcome === 'empty') return fail(400, '回复内容不能为空');
  if (outcome === 'too_long') return fail(400, '回复内容不能超过500字');
  const index = COMMENT_IDS.index(id);
  if (index === undefined || !world.reviews[index]) return fail(404, '评价不存在');
  return ok({ replyId: 55_000 + index });
}

/** shop.jd.com API calls. */
export function handleJdShopApi(world: World, req: DemoRequest): DemoResponse | undefined {
  const t = asOf(world, req);
  const method = req.method.toUpperCase();
  if (method === 'POST' && req.url.pathname === '/jdm/api/comment/saveReply') return saveReply(world, req, t);
  if (method !== 'GET' || !COMMENT_PATHS.includes(req.url.pathname)) return undefined;
  const fault = faultOf(req);
  return applyFault(fault, ok(commentList(world, req.url.searchParams, t, fault)), STYLE);
}

/** porder.shop.jd.com API calls. */
export function handleJdOrderApi(world: World, req: DemoRequest): DemoResponse | undefined {
  if (req.method.toUpperCase() !== 'POST' || req.url.pathname !== '/order/orderlist') return undefined;
  const fault = faultOf(req);
  return applyFault(fault, ok(orderList(world, bodyOf(req.body), asOf(world, req), fault)), STYLE);
}
