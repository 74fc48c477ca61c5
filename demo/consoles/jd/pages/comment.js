// 评价管理 (shop.jd.com/jdm/comment/list [G]): score tabs, the review grid (antd-style: the header and the
// body are two tables, the body starts with a hidden measure row), a reply dialog, pagination.
// ?demo_api=other loads the same list from a path the extension does not whitelist, so only its DOM
// fallback can capture the page.
import {
  demoSwitches,
  errorBox,
  fetchJson,
  fmtTime,
  h,
  mount,
  pageParams,
  pager,
  stars,
  status,
  tabs,
} from '/__demo/kit/kit.js';
import { createReplyEditors } from '/__demo/kit/reply.js';

const LIST_PATH =
  pageParams.get('demo_api') === 'other'
    ? '/jdm/api/comment/queryCommentPage'
    : '/jdm/api/comment/getVenderComments';
const TABS = [
  { value: '', label: '全部评价' },
  { value: '3', label: '好评' },
  { value: '2', label: '中评' },
  { value: '1', label: '差评' },
];
const HEADERS = ['商品信息', 'SKU编号', '订单号', '评价内容', '评分', '评价时间', '买家', '商家回复', '操作'];

const state = { score: '', page: 0, pageSize: 20, rows: [], total: null, error: '', loading: true };

function apiUrl(path, params) {
  const u = new URL(path, location.origin);
  for (const [k, v] of Object.entries({ ...params, ...demoSwitches() })) u.searchParams.set(k, String(v));
  return u.toString();
}

function unwrap(res) {
  if (res.error) return res;
  const b = res.json;
  return b && b.success === true
    ? { data: b.data }
    : { error: `接口错误 ${b?.code ?? ''}：${b?.message || '请刷新页面后重试'}` };
}

const editors = createReplyEditors({
  mode: 'dialog',
  render: () => render(),
  reload: () => load(),
  describe: (id) => state.rows.find((r) => String(r.commentId) === id)?.content ?? '',
  async send(id, content) {
    const res = unwrap(
      await fetchJson(apiUrl('/jdm/api/comment/saveReply', {}), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ commentId: id, content }),
      }),
    );
    return res.error ? { error: res.error } : {};
  },
});

async function load() {
  state.loading = true;
  render();
  const res = unwrap(
    await fetchJson(
      apiUrl(LIST_PATH, { page: state.page + 1, pageSize: state.pageSize, score: state.score }),
    ),
  );
  state.loading = false;
  state.error = res.error || '';
  state.rows = res.error ? [] : (res.data?.comments ?? []);
  state.total = res.error ? null : (res.data?.totalItem ?? null);
  render();
}

const timeText = (v) => (typeof v === 'number' ? fmtTime(v) : String(v ?? '-'));

function row(r) {
  const id = String(r.commentId ?? '');
  const vendor = r.isVenderReply ? (r.replies ?? [])[0] : undefined;
  return h(
    'tr',
    { dataset: { rowKey: id, reviewId: id } },
    h('td', { className: 'cellNarrow_1d9b' }, r.skuName ?? ''),
    h('td', { className: 'cellNowrap_6e2d' }, String(r.skuid ?? '')),
    h('td', { className: 'cellNowrap_6e2d' }, String(r.orderId ?? '')),
    h('td', { className: 'cellText_3a1f' }, r.content ?? ''),
    h('td', { className: 'stars_8b4c' }, stars(r.score)),
    h('td', { className: 'cellNowrap_6e2d' }, timeText(r.creationTime)),
    h('td', {}, r.nickName ?? ''),
    h('td', { className: 'cellText_3a1f' }, vendor ? vendor.content : '—'),
    h(
      'td',
      { className: 'cellNowrap_6e2d' },
      vendor
        ? null
        : h(
            'button',
            { className: 'link_7c2b', attrs: { type: 'button' }, on: { click: () => editors.open(id) } },
            '回复',
          ),
      editors.notice(id),
    ),
  );
}

function render() {
  // The hidden first row fixes the column widths of the body table (antd's measure row).
  const measure = h(
    'tr',
    { attrs: { 'aria-hidden': 'true' } },
    HEADERS.map(() => h('td', { attrs: { style: 'height:0;padding:0;border:0' } })),
  );
  mount(
    h('h1', { className: 'title_6b3f' }, '评价管理'),
    tabs(TABS, state.score, (v) => {
      state.score = v;
      state.page = 0;
      load();
    }),
    state.error
      ? errorBox(state.error)
      : status({ loading: state.loading, empty: state.rows.length === 0 }, '暂无评价'),
    h(
      'div',
      { className: 'scroll_1f3b' },
      h(
        'table',
        { className: 'table_5e8c' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            HEADERS.map((t) => h('th', {}, t)),
          ),
        ),
      ),
      h('table', { className: 'table_5e8c' }, h('tbody', {}, measure, state.rows.map(row))),
    ),
    pager({
      page: state.page,
      pageSize: state.pageSize,
      total: state.total,
      rowCount: state.rows.length,
      onGo: (p) => {
        state.page = Math.max(0, p);
        load();
      },
    }),
    editors.dialog(),
  );
}

load();
