/**
 * Fault switches shared by the simulated consoles (`demo_fault=` on the API call, forwarded by the demo
 * pages from their own URL), each answered in the platform's own way: `expired` is the platform's own
 * error envelope, `html` its login page.
 */
import type { DemoRequest, DemoResponse } from '../http';
import { HTML_TYPE, escapeHtml, json } from '../http';

export const FAULTS = ['truncated', 'missing_id', 'huge', 'html', 'expired'] as const;
export type Fault = (typeof FAULTS)[number];

/** The fault asked for on this request, if any. */
export function faultOf(req: DemoRequest): Fault | undefined {
  const f = req.url.searchParams.get('demo_fault');
  return (FAULTS as readonly string[]).includes(f ?? '') ? (f as Fault) : undefined;
}

/** How one platform words its faults. */
export interface FaultStyle {
  /** The console's "session expired" answer (HTTP 200 JSON, like the real ones). */
  expired: () => DemoResponse;
  /** Title of its login page (what fetch sees after a redirect to login). */
  loginTitle: string;
}

/** Applies an envelope-level fault to a finished JSON response (lists apply `missing_id` themselves). */
export function applyFault(fault: Fault | undefined, res: DemoResponse, style: FaultStyle): DemoResponse {
  switch (fault) {
    case 'truncated':
      return { ...res, body: res.body.slice(0, Math.max(1, Math.floor(res.body.length / 2))) };
    case 'expired':
      return { ...style.expired(), headers: res.headers };
    case 'html': {
      const title = escapeHtml(style.loginTitle);
      return {
        status: 200,
        contentType: HTML_TYPE,
        headers: res.headers,
        body: `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head><body><div id="login">登录已过期，请重新登录</div></body></html>`,
      };
    }
    case 'huge': {
      // ≈5 MB of valid JSON: the real payload plus a giant tracking blob.
      const parsed = JSON.parse(res.body) as Record<string, unknown>;
      return { ...json({ ...parsed, traceInfo: 'x'.repeat(5 * 1024 * 1024) }), headers: res.headers };
    }
    default:
      return res;
  }
}
