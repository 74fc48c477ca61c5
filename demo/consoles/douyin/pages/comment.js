// 评价管理 (/ffa/maftersale/comment): tabs, the review table, a reply editor per row, pagination.
// The reply textarea behaves like a React-controlled input: the page's own state changes only on
// `input` events, and every render writes the state back into the box. A filler that sets `.value`
// without dispatching `input` is therefore ignored on 提交 (and the box is visibly reset).
import { errorBox, fetchJson, fmtTime, h, mount, pager, postJson, rowsOf, stars, totalOf } from './common.js';

const TABS = [
  { rank: 0, label: '全部' },
  { rank: 1, label: '差评' },
  { rank: 2, label: '中评' },
  { rank: 3, label: '好评' },
];
const MAX_REPLY = 500;

const state = { rank: 0, page: 0, pageSize: 20, rows: [], total: null, error: '', loading: true };
/** Reply drafts by comment id: the "React state". */
const drafts = new Map();
const openEditors = new Set();
const notices = new Map();

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

async function submit(id, textarea) {
  const content = drafts.get(id) ?? '';
  // Controlled input: the DOM shows the state, whatever was written into `.value` behind our back.
  textarea.value = content;
  updateCounter(id, textarea);
  if (content.trim() === '') {
    notices.set(id, { error: true, text: '请输入回复内容' });
    render();
    return;
  }
  const res = await postJson('/product/tcomment/reply', { comment_id: id, content });
  if (res.error) {
    notices.set(id, { error: true, text: res.error });
    render();
    return;
  }
  drafts.delete(id);
  openEditors.delete(id);
  notices.set(id, { error: false, text: '回复成功' });
  await load();
}

function updateCounter(id, textarea) {
  const counter = textarea.parentElement?.querySelector('.counter_1f5b');
  if (counter) counter.textContent = `${(drafts.get(id) ?? '').length}/${MAX_REPLY}`;
}

function editor(id) {
  const textarea = h('textarea', {
    className: 'replyInput_7e3a',
    attrs: { rows: 3, maxlength: MAX_REPLY, placeholder: '请输入回复内容，回复将展示在商品评价下' },
    on: {
      input: (e) => {
        drafts.set(id, e.target.value);
        updateCounter(id, e.target);
      },
    },
  });
  textarea.value = drafts.get(id) ?? '';
  const notice = notices.get(id);
  return h(
    'div',
    { className: 'replyEditor_4b8d' },
    textarea,
    h(
      'div',
      { className: 'replyBar_0a6e' },
      h('span', { className: 'counter_1f5b' }, `${(drafts.get(id) ?? '').length}/${MAX_REPLY}`),
      notice
        ? h('span', { className: notice.error ? 'noticeError_6c1a' : 'noticeOk_3e7b' }, notice.text)
        : null,
      h(
        'button',
        {
          className: 'btnPrimary_8d2c',
          attrs: { type: 'button' },
          on: { click: () => submit(id, textarea) },
        },
        '提交',
      ),
      h(
        'button',
        {
          className: 'btnText_2f4e',
          attrs: { type: 'button' },
          on: {
            click: () => {
              openEditors.delete(id);
              render();
            },
          },
        },
        '取消',
      ),
    ),
  );
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
    openEditors.has(id) ? editor(id) : null,
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
              openEditors.add(id);
              notices.delete(id);
              render();
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
