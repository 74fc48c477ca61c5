// Shared helpers of the simulated consoles' pages (千牛, 拼多多, 京东, 快手). Plain ES module, no build
// step. Text from an API is only ever put into the page with textContent (review text may be hostile).

/** Creates an element: h('div', { className, dataset, attrs, on }, ...children). */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  if (props.className) el.className = props.className;
  for (const [k, v] of Object.entries(props.dataset || {})) el.dataset[k] = String(v);
  for (const [k, v] of Object.entries(props.attrs || {}))
    if (v !== undefined && v !== false && v !== null) el.setAttribute(k, String(v));
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

export const pageParams = new URLSearchParams(location.search);

/** The demo switches of the page URL, forwarded to the page's API calls. */
export function demoSwitches() {
  const out = {};
  for (const k of ['demo_fault', 'variant']) if (pageParams.has(k)) out[k] = pageParams.get(k);
  return out;
}

// A simulated date for the whole console: ?demo_now=<ms> on a page URL sets the cookie the API reads,
// on the registrable domain so API hosts (h5api.m.taobao.com, porder.shop.jd.com) see it too.
if (pageParams.has('demo_now')) {
  const host = location.hostname;
  const site = /^[\d.]+$|^localhost$|^\[/.test(host) ? '' : `; domain=${host.split('.').slice(-2).join('.')}`;
  document.cookie = `demo_now=${encodeURIComponent(pageParams.get('demo_now'))}; path=/${site}`;
}

/** The console's clock (ms): the simulated world's time the server rendered the page at. */
export function consoleNow() {
  return Number(document.querySelector('meta[name="demo-now"]')?.getAttribute('content')) || Date.now();
}

/** A random token (the real consoles sign their calls; the demo server ignores the values). */
export function randomToken(
  length,
  alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
) {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

/** Reads a response body: { json } when it parses, else { error } in Chinese. */
export function readJson(status, contentType, text) {
  if (!/json/.test(contentType || ''))
    return { error: `接口返回了非 JSON 内容（${status}），可能需要重新登录` };
  try {
    return { json: JSON.parse(text) };
  } catch {
    return { error: `接口返回的 JSON 无法解析（${text.length} 字节）` };
  }
}

/** fetch → { json } or { error }. */
export async function fetchJson(url, init = {}) {
  try {
    const res = await fetch(url, { credentials: 'include', ...init });
    return readJson(res.status, res.headers.get('content-type'), await res.text());
  } catch (e) {
    return { error: `网络错误：${e}` };
  }
}

/** XMLHttpRequest → { json } or { error }. */
export function xhrJson(method, url, body, headers = {}) {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, url);
    xhr.withCredentials = true;
    for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v);
    xhr.onload = () => resolve(readJson(xhr.status, xhr.getResponseHeader('content-type'), xhr.responseText));
    xhr.onerror = () => resolve({ error: '网络错误' });
    xhr.send(body ?? null);
  });
}

/** ms → "YYYY-MM-DD HH:mm:ss" in Beijing time. */
export function fmtTime(ms) {
  if (!ms) return '-';
  return new Date(Number(ms) + 8 * 3600 * 1000).toISOString().slice(0, 19).replace('T', ' ');
}

/** "★★★☆☆" */
export function stars(n) {
  const k = Math.max(0, Math.min(5, Number(n) || 0));
  return '★'.repeat(k) + '☆'.repeat(5 - k);
}

/** An error banner. */
export function errorBox(message) {
  return h('div', { className: 'error_7e1b', attrs: { role: 'alert' } }, message);
}

/** Loading / error / empty line above a list. */
export function status({ loading, error, empty }, emptyText = '暂无数据') {
  if (error) return errorBox(error);
  if (loading) return h('div', { className: 'loading_1b8e' }, '加载中…');
  return empty ? h('div', { className: 'empty_2c5a' }, emptyText) : null;
}

/** A tab bar; `tabs` = [{ value, label }]. */
export function tabs(list, current, onPick) {
  return h(
    'div',
    { className: 'tabs_4d2e', attrs: { role: 'tablist' } },
    list.map((t) =>
      h(
        'button',
        {
          className: `tab_9c7a${t.value === current ? ' tabActive_0f5b' : ''}`,
          attrs: { type: 'button', role: 'tab', 'aria-selected': t.value === current ? 'true' : 'false' },
          on: { click: () => onPick(t.value) },
        },
        t.label,
      ),
    ),
  );
}

/** A table with a header row of `headers` and the given body rows, scrolling sideways when wide. */
export function table(headers, rows, className = '') {
  const head = h(
    'thead',
    {},
    h(
      'tr',
      {},
      headers.map((t) => h('th', {}, t)),
    ),
  );
  return h(
    'div',
    { className: 'scroll_1f3b' },
    h('table', { className: `table_5e8c ${className}`.trim() }, head, h('tbody', {}, rows)),
  );
}

/** Pagination (page is 0-based): 上一页, page numbers, 下一页 and the total. */
export function pager({ page, pageSize, total, rowCount, onGo }) {
  const pages = total === null || total === undefined ? null : Math.max(1, Math.ceil(total / pageSize));
  const hasNext = pages === null ? rowCount >= pageSize : page + 1 < pages;
  const btn = (label, target, { disabled = false, current = false } = {}) =>
    h(
      'button',
      {
        className: `pageBtn_6d1c${current ? ' pageBtnActive_9e3f' : ''}`,
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
  } else numbers.push(btn(String(page + 1), page, { current: true }));
  return h(
    'div',
    { className: 'pager_2e4b' },
    btn('上一页', page - 1, { disabled: page === 0 }),
    numbers,
    btn('下一页', page + 1, { disabled: !hasNext }),
    h('span', { className: 'pagerTotal_4a8b' }, pages === null ? '' : `共 ${total} 条`),
  );
}

// Marks the current page in the left nav.
for (const a of document.querySelectorAll('.navItem_8d4b')) {
  if (new URL(a.href).pathname === location.pathname) a.classList.add('navItemActive_5f2c');
}
