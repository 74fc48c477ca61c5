// Calling the 快手小店 backend like its pages do: same-origin REST calls, envelope {result: 1, data}.
import { demoSwitches, fetchJson, xhrJson } from '/__demo/kit/kit.js';

export function url(path, params = {}) {
  const u = new URL(path, location.origin);
  for (const [k, v] of Object.entries({ ...params, ...demoSwitches() })) u.searchParams.set(k, String(v));
  return u.toString();
}

function unwrap(res) {
  if (res.error) return res;
  const b = res.json;
  return b && b.result === 1
    ? { data: b.data }
    : { error: `接口错误 ${b?.result ?? ''}：${b?.error_msg || '请刷新页面后重试'}` };
}

/** GET with fetch → { data } or { error }. */
export const get = async (path, params) => unwrap(await fetchJson(url(path, params)));
/** GET with XMLHttpRequest → { data } or { error }. */
export const getXhr = async (path, params) => unwrap(await xhrJson('GET', url(path, params)));
/** POST JSON with fetch → { data } or { error }. */
export const post = async (path, body) =>
  unwrap(
    await fetchJson(url(path), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );
