/**
 * 抖店 envelopes, the simulated moment (`demo_now` cookie) and the fault switches robustness tests use
 * (`demo_fault=` on the API call, forwarded by the demo pages from their own URL).
 */
import type { World } from '../../generator/types';
import { HTML_TYPE, cookie, json, type DemoRequest, type DemoResponse } from '../http';

/** The console's success envelope. */
export function ok(data: unknown, extra: Record<string, unknown> = {}): DemoResponse {
  return json({ code: 0, st: 0, msg: '', data, ...extra });
}

/** The console's error envelope (HTTP 200, like the real one). */
export function fail(code: number, msg: string): DemoResponse {
  return json({ code, st: code, msg, data: null });
}

export const FAULTS = ['truncated', 'missing_id', 'huge', 'no_permission', 'html'] as const;
export type Fault = (typeof FAULTS)[number];

/** The fault asked for on this request, if any. */
export function faultOf(req: DemoRequest): Fault | undefined {
  const f = req.url.searchParams.get('demo_fault');
  return (FAULTS as readonly string[]).includes(f ?? '') ? (f as Fault) : undefined;
}

/**
 * The moment the console answers as of: the `demo_now` cookie (ms) clamped into the world's history,
 * else `world.now`.
 */
export function asOf(world: World, req: DemoRequest): number {
  const raw = Number(cookie(req.headers, 'demo_now'));
  if (!Number.isFinite(raw) || raw <= 0) return world.now;
  return Math.min(world.now, Math.max(Date.parse(`${world.firstDay}T00:00:00+08:00`), Math.floor(raw)));
}

const LOGIN_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>抖店 - 登录</title></head><body><div id="login">登录已过期，请重新登录</div></body></html>`;

/** Applies an envelope-level fault to a finished JSON response (missing_id is applied by the lists). */
export function applyFault(fault: Fault | undefined, res: DemoResponse): DemoResponse {
  switch (fault) {
    case 'truncated':
      return { ...res, body: res.body.slice(0, Math.max(1, Math.floor(res.body.length / 2))) };
    case 'no_permission':
      return fail(-10001, '您无操作权限');
    case 'html':
      // What fetch sees after the session expired: the login redirect's HTML, status 200.
      return { status: 200, contentType: HTML_TYPE, body: LOGIN_PAGE };
    case 'huge': {
      // ≈5 MB of valid JSON: the real rows plus a giant tracking blob.
      const parsed = JSON.parse(res.body) as Record<string, unknown>;
      return json({ ...parsed, log_pb: { impr_id: 'x'.repeat(5 * 1024 * 1024) } });
    }
    default:
      return res;
  }
}

/** Unix seconds (the console's unit); 0 for "not yet". */
export const sec = (ms: number | undefined): number => (ms === undefined ? 0 : Math.floor(ms / 1000));
