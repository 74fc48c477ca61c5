/**
 * The simulated 抖店 console's API: real paths, real envelopes (`{code:0, st:0, msg:"", data}`), times
 * in seconds, money in 分. Signing params (a_bogus, msToken, verifyFp, __token) are accepted and ignored.
 */
import type { World } from '../../generator/types';
import type { DemoRequest, DemoResponse } from '../http';
import { commentList } from './comments';
import { applyFault, asOf, faultOf } from './envelope';
import { searchList } from './orders';
import { submitReply } from './reply';
import { statistics } from './stats';
import { overview, subScore } from './score';

/** Answers a 抖店 API request, or undefined when the path is not one of the console's endpoints. */
export function handleDouyinApi(world: World, req: DemoRequest): DemoResponse | undefined {
  const t = asOf(world, req);
  const fault = faultOf(req);
  const method = req.method.toUpperCase();
  const path = req.url.pathname;
  if (method === 'POST' && path === '/product/tcomment/reply') return submitReply(world, req, t);
  if (method !== 'GET') return undefined;
  switch (path) {
    case '/product/tcomment/commentList':
      return applyFault(fault, commentList(world, req, t, fault));
    case '/product/tcomment/statistics':
      return applyFault(fault, statistics(world, t));
    case '/api/order/searchlist':
      return applyFault(fault, searchList(world, req, t, fault));
    case '/governance/shop/experiencescore/getOverviewByVersion':
      return applyFault(fault, overview(world, t));
    case '/governance/shop/experiencescore/getSubScoreNew':
      return applyFault(fault, subScore(world, req, t));
    default:
      return undefined;
  }
}
