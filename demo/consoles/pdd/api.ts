/**
 * The simulated 拼多多 merchant backend (mms.pinduoduo.com): every call is a POST with a JSON body,
 * answered `{success, errorCode: 1000000, errorMsg, result}` (errors keep HTTP 200). The `Anti-Content`
 * header the real pages send is accepted and ignored.
 */
import type { World } from '../../generator/types';
import type { DemoRequest, DemoResponse } from '../http';
import { json } from '../http';
import { asOf } from '../douyin/envelope';
import { applyFault, faultOf, type FaultStyle } from '../common/faults';
import { bodyOf, recordReply, str } from '../common/replies';
import { orderList } from './orders';
import { REVIEW_IDS, reviewList } from './reviews';
import { mallDsr, mallServeScore } from './score';

/** The success envelope. */
export const ok = (result: unknown): DemoResponse =>
  json({ success: true, errorCode: 1_000_000, errorMsg: null, result });

/** The error envelope (HTTP 200, like the real one). */
export const fail = (errorCode: number, errorMsg: string): DemoResponse =>
  json({ success: false, errorCode, errorMsg, result: null });

const STYLE: FaultStyle = {
  expired: () => fail(43001, '会话已过期'),
  loginTitle: '拼多多商家后台 - 登录',
};

/** `POST /saturn/reviews/reply` {reviewId, content} [G path and body]. */
function reply(world: World, req: DemoRequest, t: number): DemoResponse {
  const body = bodyOf(req.body);
  const id = str(body.reviewId);
  const outcome = recordReply(world, 'pdd', id, str(body.content), req.body ?? '', t);
  if (outcome === 'empty') return fail(40001, '回复内容不能为空');
  if (outcome === 'too_long') return fail(40002, '回复内容不能超过500字');
  const index = REVIEW_IDS.index(id);
  if (index === undefined || !world.reviews[index]) return fail(40004, '评价不存在');
  return ok(true);
}

/** Answers a mms.pinduoduo.com API call, or undefined when the path is not one of its endpoints. */
export function handlePddApi(world: World, req: DemoRequest): DemoResponse | undefined {
  if (req.method.toUpperCase() !== 'POST') return undefined;
  const t = asOf(world, req);
  const fault = faultOf(req);
  const body = bodyOf(req.body);
  let res: DemoResponse;
  switch (req.url.pathname) {
    case '/saturn/reviews/list':
      res = ok(reviewList(world, body, t, fault));
      break;
    case '/saturn/reviews/reply':
      return reply(world, req, t);
    case '/mangkhut/mms/recentOrderList':
      res = ok(orderList(world, body, t, fault));
      break;
    case '/sydney/api/mallService/getMallServeScoreV2':
      res = ok(mallServeScore(world, t));
      break;
    case '/sydney/api/saleQuality/queryMallDsrVO':
      res = ok(mallDsr(world, t));
      break;
    default:
      return undefined;
  }
  return applyFault(fault, res, STYLE);
}
