// Shared helpers of the simulated 抖店 console pages. Plain ES module, no build step.
// Text from the API is only ever put into the page with textContent (review text may be hostile).

/** Creates an element: h('div', { className, dataset, attrs, on }, ...children). */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  if (props.className) el.className = props.className;
  for (const [k, v] of Object.entries(props.dataset || {})) el.dataset[k] = String(v);
  for (const [k, v] of Object.entries(props.attrs || {}))
    if (v !== undefined && v !== false) el.setAttribute(k, String(v));
  for (const [k, v] of Object.entries(props.on || {})) el.addEventListener(k, v);
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
  return el;
}

/** Replaces the page content. */
export function mount(...nodes) {
  const root = document.getElementById('root');
  root.replaceChildren(...nodes.flat().filter((n) => n !== null && n !== undefined && n !== false));
  return root;
}

const pageParams = new URLSearchParams(location.search);

// A simulated date for the whole console: ?demo_now=<ms> on a page URL sets the cookie the API reads.
if (pageParams.has('demo_now'))
  document.cookie = `demo_now=${encodeURIComponent(pageParams.get('demo_now'))}; path=/`;

function randomToken(length, alphabet) {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const HEX = '0123456789abcdef';
// The real console signs every call; the values here are random and the demo server ignores them.
const signing = {
  verifyFp: `verify_${randomToken(8, HEX)}_${randomToken(24, B64)}`,
  __token: randomToken(32, HEX),
  msToken: randomToken(107, B64),
};

/** Builds an API URL: the params, the forwarded demo switches, then the signing params. */
export function apiUrl(path, params = {}) {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, String(v));
  for (const k of ['demo_fault', 'variant', 'demo_page_size'])
    if (pageParams.has(k)) url.searchParams.set(k, pageParams.get(k));
  for (const [k, v] of Object.entries(signing)) url.searchParams.set(k, v);
  url.searchParams.set('a_bogus', randomToken(172, B64));
  return url.toString();
}

/** Parses a response body; returns { body } or { error } in Chinese. */
function parse(status, contentType, text) {
  if (!/json/.test(contentType || ''))
    return { error: `接口返回了非 JSON 内容（${status}），可能需要重新登录` };
  try {
    const body = JSON.parse(text);
    if (body.code !== 0) return { error: `接口错误 ${body.code}：${body.msg || '未知错误'}`, body };
    return { body };
  } catch {
    return { error: `接口返回的 JSON 无法解析（${text.length} 字节）` };
  }
}

/** GET via fetch (the comment and score pages). */
export async function fetchJson(path, params) {
  try {
    const res = await fetch(apiUrl(path, params), { credentials: 'include' });
    return parse(res.status, res.headers.get('content-type'), await res.text());
  } catch (e) {
    return { error: `网络错误：${e}` };
  }
}

/** POST JSON via fetch. */
export async function postJson(path, payload) {
  try {
    const res = await fetch(apiUrl(path), {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    });
    return parse(res.status, res.headers.get('content-type'), await res.text());
  } catch (e) {
    return { error: `网络错误：${e}` };
  }
}

/** GET via XMLHttpRequest (the order page, like older console modules). */
export function xhrJson(path, params) {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('GET', apiUrl(path, params));
    xhr.withCredentials = true;
    xhr.onload = () => resolve(parse(xhr.status, xhr.getResponseHeader('content-type'), xhr.responseText));
    xhr.onerror = () => resolve({ error: '网络错误' });
    xhr.send();
  });
}

/** The rows of a list response: `data` is an array, or `{ data: [...] }` in some responses. */
export function rowsOf(body) {
  const d = body && body.data;
  if (Array.isArray(d)) return d;
  if (d && Array.isArray(d.data)) return d.data;
  return [];
}

/** Total count from `total` at the top level or inside `data`. */
export function totalOf(body) {
  if (typeof body.total === 'number') return body.total;
  if (body.data && typeof body.data.total === 'number') return body.data.total;
  return null;
}

/** Unix seconds → "YYYY-MM-DD HH:mm:ss" in Beijing time. */
export function fmtTime(sec) {
  if (!sec) return '-';
  return new Date(sec * 1000 + 8 * 3600 * 1000).toISOString().slice(0, 19).replace('T', ' ');
}

/** 分 → "¥12.34". */
export function yuan(fen) {
  return `¥${(Number(fen || 0) / 100).toFixed(2)}`;
}

/** "★★★☆☆" */
export function stars(n) {
  const k = Math.max(0, Math.min(5, Number(n) || 0));
  return '★'.repeat(k) + '☆'.repeat(5 - k);
}

/** An error banner. */
export function errorBox(message) {
  return h('div', { className: 'error_2d4b', attrs: { role: 'alert' } }, message);
}

/** Pagination: 上一页, page numbers, 下一页 and the total. */
export function pager({ page, pageSize, total, rowCount, onGo }) {
  const pages = total === null ? null : Math.max(1, Math.ceil(total / pageSize));
  const hasNext = pages === null ? rowCount >= pageSize : page + 1 < pages;
  const btn = (label, target, { disabled = false, current = false } = {}) =>
    h(
      'button',
      {
        className: `pageBtn_4a7c${current ? ' pageBtnActive_0b1e' : ''}`,
        attrs: {
          type: 'button',
          disabled,
          'aria-current': current ? 'page' : undefined,
          'data-page': target,
        },
        on: { click: () => onGo(target) },
      },
      label,
    );
  const numbers = [];
  if (pages !== null) {
    const from = Math.max(0, Math.min(page - 3, pages - 7));
    for (let p = from; p < Math.min(pages, from + 7); p++)
      numbers.push(btn(String(p + 1), p, { current: p === page }));
  } else {
    numbers.push(btn(String(page + 1), page, { current: true }));
  }
  return h(
    'div',
    { className: 'pager_93c1' },
    btn('上一页', page - 1, { disabled: page === 0 }),
    numbers,
    btn('下一页', page + 1, { disabled: !hasNext }),
    h('span', { className: 'pagerTotal_5e2d' }, total === null ? '' : `共 ${total} 条`),
  );
}

// Marks the current page in the left nav.
for (const a of document.querySelectorAll('.navItem_1d2f')) {
  if (a.getAttribute('href') === location.pathname) a.classList.add('navItemActive_2c9e');
}
