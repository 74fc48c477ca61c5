// Calling the 拼多多 backend like its pages do: same-origin fetch (or XHR), POST with a JSON body and an
// `Anti-Content` header (a signature the demo ignores); envelope {success, errorCode, errorMsg, result}.
import { demoSwitches, fetchJson, randomToken, xhrJson } from '/__demo/kit/kit.js';

function url(path) {
  const u = new URL(path, location.origin);
  for (const [k, v] of Object.entries(demoSwitches())) u.searchParams.set(k, v);
  return u.toString();
}

function unwrap(res) {
  if (res.error) return res;
  const b = res.json;
  if (!b || b.success !== true || b.errorCode !== 1000000)
    return { error: `接口错误 ${b?.errorCode ?? ''}：${b?.errorMsg || '请刷新页面后重试'}` };
  return { result: b.result };
}

const headers = () => ({ 'content-type': 'application/json', 'anti-content': `0aq${randomToken(120)}` });

/** POST `body` as JSON with fetch; resolves to { result } or { error }. */
export async function post(path, body = {}) {
  return unwrap(
    await fetchJson(url(path), { method: 'POST', headers: headers(), body: JSON.stringify(body) }),
  );
}

/** The same with XMLHttpRequest (the order page is an older module). */
export async function postXhr(path, body = {}) {
  return unwrap(await xhrJson('POST', url(path), JSON.stringify(body), headers()));
}
