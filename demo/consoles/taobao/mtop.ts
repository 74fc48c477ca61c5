/**
 * The mtop gateway (h5api.m.taobao.com) as the 千牛 pages call it (platforms.md §2.1): `POST
 * /h5/<api>/<v>/?appKey=…&t=…&sign=…&type=originaljson` with a form body `data=<JSON>`; the review list
 * nests its query once more as a JSON string in `jsonBody`. Answers `{api, v, ret: ["SUCCESS::调用成功"],
 * data}`; errors keep HTTP 200 and say what failed in `ret`. Signing params are accepted and ignored.
 */
import type { DemoRequest, DemoResponse } from '../http';
import { json } from '../http';
import type { FaultStyle } from '../common/faults';

/** The api name and version of an mtop path, or undefined for other paths. */
export function mtopApi(path: string): { api: string; v: string } | undefined {
  const m = /^\/h5\/([a-z0-9.]+)\/(\d+\.\d+)\/?$/i.exec(path);
  return m ? { api: m[1]!.toLowerCase(), v: m[2]! } : undefined;
}

const parseObject = (text: string | null | undefined): Record<string, unknown> => {
  try {
    const v = JSON.parse(text ?? '') as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};

/**
 * The call's parameters: `data` from the form body (POST) or the query (GET), with a `jsonBody` string
 * unwrapped into the same object.
 */
export function mtopParams(req: DemoRequest): Record<string, unknown> {
  const form = new URLSearchParams(req.body ?? '');
  const data = parseObject(form.get('data') ?? req.url.searchParams.get('data'));
  return typeof data.jsonBody === 'string' ? { ...data, ...parseObject(data.jsonBody) } : data;
}

/** A successful mtop answer. */
export function mtopOk(api: string, v: string, data: unknown): DemoResponse {
  return json({ api, v, ret: ['SUCCESS::调用成功'], data });
}

/** A failed mtop answer (`ret` carries `CODE::描述`). */
export function mtopFail(api: string, v: string, code: string, desc: string): DemoResponse {
  return json({ api, v, ret: [`${code}::${desc}`], data: {} });
}

/** How 千牛 words the shared faults. */
export const mtopFaults = (api: string, v: string): FaultStyle => ({
  expired: () => mtopFail(api, v, 'FAIL_SYS_SESSION_EXPIRED', '令牌过期'),
  loginTitle: '千牛卖家工作台 - 登录',
});
