// 评价管理 (/ffa/maftersale/comment): tabs, the review table, a reply editor per row, pagination.
import { errorBox, fetchJson, fmtTime, h, mount, pager, rowsOf, stars, totalOf } from './common.js';
import { createReplyEditors } from './reply-editor.js';

const TABS = [
  { rank: 0, label: '全部' },
  { rank: 1, label: '差评' },
  { rank: 2, label: '中评' },
  { rank: 3, label: '好评' },
];

// `?demo_page_size=1000` (benchmarks only, issue #7): bigger pages; the API allows it only with the switch.
const PAGE_SIZE = Number(new URLSearchParams(location.search).get('demo_page_size')) || 20;
const state = { rank: 0, page: 0, pageSize: PAGE_SIZE, rows: [], total: null, error: '', loading: true };
const editors = createReplyEditors({ render: () => render(), reload: () => load() });

const idOf = (row) => String(row.id ?? row.comment_id ?? '');

async function load() {
  state.loading = true;
  render();
  const res = await fetchJson('/product/tcomment/commentList', {
    page: state.page,
    pageSize: state.pageSize,
    rank: state.rank,
    content_search: 0,
    reply_search: 0,
    appeal_search: 0,
    status_filter: 0,
    count_ecology_score_filter: 0,
    id: '',
  });
  state.loading = false;
  state.error = res.error || '';
  state.rows = res.body && !res.error ? rowsOf(res.body) : [];
  state.total = res.body && !res.error ? totalOf(res.body) : null;
  render();
}

function row(r) {
  const id = idOf(r);
  const replied = Boolean(r.shop_reply) || r.is_shop_reply === 1;
  const label = r.tags?.rank_info?.name ?? '';
  const appends = Array.isArray(r.appends) ? r.appends : [];
  const photos = Array.isArray(r.photos) ? r.photos.length : 0;
  const content = h(
    'td',
    { className: 'cellContent_2a9f' },
    h(
      'div',
      { className: 'commentText_6d3c' },
      r.content ? r.content : h('span', { className: 'muted_1b0c' }, '该用户未填写评价内容'),
    ),
    appends.map((a) =>
      h(
        'div',
        { className: 'appendText_5f1d' },
        h('b', {}, `追评（${fmtTime(a.comment_time)}）：`),
        a.content ?? '',
      ),
    ),
    replied ? h('div', { className: 'shopReply_3c6a' }, h('b', {}, '商家回复：'), r.shop_reply ?? '') : null,
    editors.isOpen(id) ? editors.editor(id) : null,
  );
  return h(
    'tr',
    { className: 'row_6f2a', dataset: { commentId: id, rank: r.rank ?? '' } },
    h('td', { className: 'cellTime_8e1b' }, fmtTime(r.comment_time)),
    h(
      'td',
      { className: 'cellProduct_0d7c' },
      h('div', {}, r.product?.name ?? ''),
      h('div', { className: 'muted_1b0c' }, r.sku ?? ''),
      h('div', { className: 'muted_1b0c' }, `订单 ${r.shop_order_id ?? ''}`),
    ),
    content,
    h(
      'td',
      { className: 'cellStars_4e2a' },
      h(
        'div',
        { className: `label_${label === '差评' ? 'bad' : label === '中评' ? 'mid' : 'good'}_9c3d` },
        label,
      ),
      h('div', { dataset: { dim: 'product', value: r.rank_product ?? '' } }, `商品 ${stars(r.rank_product)}`),
      h(
        'div',
        { dataset: { dim: 'logistic', value: r.rank_logistic ?? '' } },
        `物流 ${stars(r.rank_logistic)}`,
      ),
      h('div', { dataset: { dim: 'shop', value: r.rank_shop ?? '' } }, `服务 ${stars(r.rank_shop)}`),
    ),
    h('td', {}, r.user_name ?? ''),
    h('td', {}, photos > 0 ? `${photos} 张` : '-'),
    h('td', { className: replied ? 'replied_7a1e' : 'unreplied_1c8f' }, replied ? '已回复' : '未回复'),
    h(
      'td',
      {},
      h(
        'button',
        {
          className: 'btnLink_5b3e',
          attrs: { type: 'button', 'data-action': 'reply' },
          on: {
            click: () => {
              editors.open(id);
              document.querySelector(`tr[data-comment-id="${CSS.escape(id)}"] textarea`)?.focus();
            },
          },
        },
        replied ? '追加回复' : '回复',
      ),
    ),
  );
}

function render() {
  const tabs = h(
    'div',
    { className: 'tabs_3b9e', attrs: { role: 'tablist' } },
    TABS.map((t) =>
      h(
        'button',
        {
          className: `tab_6a2d${t.rank === state.rank ? ' tabActive_1e4f' : ''}`,
          attrs: {
            type: 'button',
            role: 'tab',
            'aria-selected': t.rank === state.rank ? 'true' : 'false',
            'data-rank': t.rank,
          },
          on: {
            click: () => {
              state.rank = t.rank;
              state.page = 0;
              load();
            },
          },
        },
        t.label,
      ),
    ),
  );
  const head = h(
    'thead',
    {},
    h(
      'tr',
      {},
      ['评价时间', '商品信息', '评价内容', '评分', '用户', '图片', '回复状态', '操作'].map((t) =>
        h('th', {}, t),
      ),
    ),
  );
  const body = h('tbody', {}, state.rows.map(row));
  const table = h('table', { className: 'table_1a5c commentTable_7b2e' }, head, body);
  mount(
    h('h1', { className: 'title_0c4a' }, '评价管理'),
    tabs,
    state.error ? errorBox(state.error) : null,
    state.loading ? h('div', { className: 'loading_3c1e' }, '加载中…') : null,
    !state.loading && !state.error && state.rows.length === 0
      ? h('div', { className: 'empty_8f3a' }, '暂无评价')
      : null,
    table,
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
  );
}

load();
