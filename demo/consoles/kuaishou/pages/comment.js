// 评价管理 (/zone/comment/list [G]): quality-star tabs, the review table (评价ID and one column per star
// dimension), an inline reply editor in the 操作 cell, pagination by offset. ?demo_api=other loads the
// same list from a path the extension does not whitelist, so only its DOM fallback can capture the page.
import { fmtTime, h, mount, pageParams, pager, stars, status, table, tabs } from '/__demo/kit/kit.js';
import { createReplyEditors } from '/__demo/kit/reply.js';
import { get, post } from './ks.js';

const LIST_PATH =
  pageParams.get('demo_api') === 'other' ? '/rest/pc/scm/comment/query' : '/rest/pc/comment/list';
const TABS = [
  { value: '', label: '全部' },
  { value: '4,5', label: '好评' },
  { value: '3', label: '中评' },
  { value: '1,2', label: '差评' },
];
const state = { quality: '', page: 0, pageSize: 20, rows: [], total: null, error: '', loading: true };

const editors = createReplyEditors({
  mode: 'inline',
  render: () => render(),
  reload: () => load(),
  async send(id, content) {
    const res = await post('/rest/pc/comment/reply', { commentId: id, content });
    return res.error ? { error: res.error } : {};
  },
});

async function load() {
  state.loading = true;
  render();
  const params = { offset: state.page * state.pageSize, limit: state.pageSize };
  if (state.quality) params.qualityScore = state.quality;
  const res = await get(LIST_PATH, params);
  state.loading = false;
  state.error = res.error || '';
  state.rows = res.error ? [] : (res.data?.rootComment ?? []);
  state.total = res.error ? null : (res.data?.total ?? null);
  render();
}

function row(r) {
  const id = String(r.commentId ?? '');
  const replied = r.replied === true || Boolean(r.sellerReply);
  return h(
    'tr',
    { dataset: { rowKey: id, reviewId: id } },
    h('td', { className: 'cellNowrap_6e2d' }, id),
    h('td', { className: 'cellNowrap_6e2d' }, String(r.orderId ?? '')),
    h('td', { className: 'cellNarrow_1d9b' }, r.itemTitle ?? ''),
    h('td', { className: 'cellText_3a1f' }, r.content ?? ''),
    h('td', { className: 'stars_8b4c' }, stars(r.qualityScore)),
    h('td', { className: 'stars_8b4c' }, stars(r.logisticsScore)),
    h('td', { className: 'stars_8b4c' }, stars(r.serviceScore)),
    h('td', { className: 'cellNowrap_6e2d' }, fmtTime(r.createTime)),
    h('td', {}, r.nickName ?? ''),
    h('td', { className: 'cellText_3a1f' }, replied ? r.sellerReply : '-'),
    h(
      'td',
      { className: 'cellAction_5d2b' },
      replied || editors.isOpen(id)
        ? null
        : h(
            'button',
            { className: 'link_7c2b', attrs: { type: 'button' }, on: { click: () => editors.open(id) } },
            '回复',
          ),
      editors.editor(id),
      editors.notice(id),
    ),
  );
}

function render() {
  mount(
    h('h1', { className: 'title_6b3f' }, '评价管理'),
    tabs(TABS, state.quality, (v) => {
      state.quality = v;
      state.page = 0;
      load();
    }),
    status({ loading: state.loading, error: state.error, empty: state.rows.length === 0 }, '暂无评价'),
    table(
      [
        '评价ID',
        '订单编号',
        '商品名称',
        '评价内容',
        '商品质量',
        '物流服务',
        '服务态度',
        '评价时间',
        '用户昵称',
        '商家回复',
        '操作',
      ],
      state.rows.map(row),
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
  );
}

load();
