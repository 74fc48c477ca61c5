// Calling the mtop gateway like the 千牛 pages do: cross-host XHR to h5api.m.taobao.com, POST with a form
// body `data=<JSON>`, `type=originaljson`, signed (the demo ignores the signature). On the loopback
// server (demo/serve.ts) everything is one origin and the host is passed as ?host=.
import { demoSwitches, randomToken, xhrJson } from '/__demo/kit/kit.js';

const onTaobao = location.hostname.endsWith('.taobao.com');
const BASE = onTaobao ? 'https://h5api.m.taobao.com' : location.origin;

/** Calls `api` (version `v`) with `data`; resolves to { data } or { error }. */
export async function mtop(api, data, v = '1.0') {
  const url = new URL(`/h5/${api}/${v}/`, BASE);
  const params = {
    jsv: '2.7.2',
    appKey: '12574478',
    t: String(Date.now()),
    sign: randomToken(32, '0123456789abcdef'),
    api,
    v,
    type: 'originaljson',
    dataType: 'json',
    timeout: '20000',
    ...demoSwitches(),
  };
  if (!onTaobao) params.host = 'h5api.m.taobao.com';
  for (const [k, val] of Object.entries(params)) url.searchParams.set(k, val);
  const res = await xhrJson('POST', url.toString(), `data=${encodeURIComponent(JSON.stringify(data))}`, {
    'content-type': 'application/x-www-form-urlencoded',
  });
  if (res.error) return res;
  const ret = Array.isArray(res.json?.ret) ? String(res.json.ret[0] ?? '') : '';
  if (!ret.startsWith('SUCCESS')) {
    const [code, desc] = ret.split('::');
    return { error: `接口错误 ${code || '未知'}：${desc || '请刷新页面后重试'}` };
  }
  return { data: res.json.data };
}
