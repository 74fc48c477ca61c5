// 评价管理 (/goods/evaluation/index): star tabs over the last 90 days, the review table with three star
// dimensions, a reply dialog per row, pagination within the 2000 rows the list shows.
import { consoleNow, fmtTime, h, mount, pager, stars, status, table, tabs } from '/__demo/kit/kit.js';
import { createReplyEditors } from '/__demo/kit/reply.js';
import { post } from './mms.js';

const TABS = [
  { value: 'all', label: '全部', scores: [] },
  { value: 'good', label: '好评', scores: ['4', '5'] },
  { value: 'mid', label: '中评', scores: ['3'] },
  { value: 'bad', label: '差评', scores: ['1', '2'] },
];

const state = { tab: 'all', page: 0, pageSize: 20, rows: [], result: null, error: '', loading: true };

const editors = createReplyEditors({
  mode: 'dialog',
  render: () => render(),
  reload: () => load(),
  describe: (id) => state.rows.find((r) => r.reviewId === id)?.comment ?? '',
  async send(id, content) {
    const res = await post('/saturn/reviews/reply', { reviewId: id, content });
    return res.error ? { error: res.error } : {};
  },
});

async function load() {
  state.loading = true;
  render();
  const now = Math.floor(consoleNow() / 1000);
  const res = await post('/saturn/reviews/list', {
    startTime: now - 90 * 86400,
    endTime: now,
    pageNo: state.page + 1,
    pageSize: state.pageSize,
    descScore: TABS.find((t) => t.value === state.tab).scores,
    replyStatus: '',
    mainReviewContentStatus: '',
    orderSn: '',
  });
  state.loading = false;
  state.error = res.error || '';
  state.result = res.error ? null : res.result;
  state.rows = state.result?.data ?? [];
  render();
}

function specText(specs) {
  try {
    return JSON.parse(specs)
      .map((s) => s.spec_value)
      .join(' ');
  } catch {
    return specs || '';
  }
}

function row(r) {
  const id = String(r.reviewId ?? '');
  const replied = r.replyStatus === 1;
  const appendText = r.appendComment || r.appendReview?.comment;
  return h(
    'tr',
    { dataset: { rowKey: id, reviewId: id } },
    h(
      'td',
      { className: 'cellText_3a1f' },
      h('div', {}, r.comment || h('span', { className: 'muted_0a9d' }, '该用户未填写评价内容')),
      (r.keywords ?? []).length
        ? h('div', { className: 'muted_0a9d' }, r.keywords.map((k) => `#${k}`).join(' '))
        : null,
      r.pictureCount
        ? h('div', { className: 'muted_0a9d' }, `图片 ${r.pictureCount}${r.hasVideo ? ' · 视频 1' : ''}`)
        : null,
      appendText ? h('div', { className: 'note_2f7e' }, h('b', {}, '追评：'), appendText) : null,
      replied
        ? h('div', { className: 'note_2f7e reply_9a3c' }, h('b', {}, '商家回复：'), r.reply ?? '')
        : null,
    ),
    h(
      'td',
      { className: 'cellNarrow_1d9b' },
      h('div', {}, r.goodsName ?? ''),
      h('div', { className: 'muted_0a9d' }, specText(r.specs)),
      h('div', { className: 'muted_0a9d' }, `订单号 ${r.orderSn ?? ''}`),
    ),
    h(
      'td',
      { className: 'stars_8b4c' },
      h('div', { dataset: { dim: 'desc', value: r.descScore } }, `描述 ${stars(r.descScore)}`),
      h('div', { dataset: { dim: 'logistics', value: r.logisticsScore } }, `物流 ${stars(r.logisticsScore)}`),
      h('div', { dataset: { dim: 'service', value: r.serviceScore } }, `服务 ${stars(r.serviceScore)}`),
    ),
    h('td', { className: 'cellNowrap_6e2d' }, fmtTime((r.createTime ?? 0) * 1000)),
    h('td', {}, r.userName ?? ''),
    h(
      'td',
      { className: replied ? 'good_4e1a' : 'bad_4e1a' },
      replied ? '已回复' : '未回复',
      editors.notice(id),
    ),
    h('td', { className: 'cellNowrap_6e2d' }, r.reportDesc ?? ''),
    h(
      'td',
      { className: 'cellAction_5d2b' },
      replied
        ? null
        : h(
            'button',
            { className: 'link_7c2b', attrs: { type: 'button' }, on: { click: () => editors.open(id) } },
            '回复',
          ),
    ),
  );
}

function render() {
  const res = state.result;
  mount(
    h('h1', { className: 'title_6b3f' }, '评价管理'),
    tabs(TABS, state.tab, (v) => {
      state.tab = v;
      state.page = 0;
      load();
    }),
    h(
      'div',
      { className: 'toolbar_4c1e' },
      '近90天',
      res && res.totalRows > res.showNum
        ? `共 ${res.totalRows} 条评价，仅展示前 ${res.showNum} 条，请缩小时间范围查看更早的评价`
        : null,
    ),
    status({ loading: state.loading, error: state.error, empty: state.rows.length === 0 }, '暂无评价'),
    table(
      ['评价内容', '商品信息', '评分', '评价时间', '买家', '回复状态', '举报状态', '操作'],
      state.rows.map(row),
    ),
    pager({
      page: state.page,
      pageSize: state.pageSize,
      total: res ? res.showNum : null,
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
