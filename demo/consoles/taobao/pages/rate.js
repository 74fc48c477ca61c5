// 评价管理 (/home.htm/comment-manage/list/rateWait4PC): emotion tabs, the review table (no stars: the
// seller list only has 好评/中评/差评), an inline reply editor per row posting to the row's own reply
// action (rate.taobao.com/rateReply.htm), pagination.
import { consoleNow, fmtTime, h, mount, pageParams, pager, status, table, tabs } from '/__demo/kit/kit.js';
import { createReplyEditors } from '/__demo/kit/reply.js';
import { mtop } from './mtop.js';

const TABS = [
  { value: '', label: '全部' },
  { value: '11', label: '好评' },
  { value: '12', label: '中评' },
  { value: '13', label: '差评' },
];
const LABEL = { 11: ['好评', 'good_4e1a'], 12: ['中评', 'mid_4e1a'], 13: ['差评', 'bad_4e1a'] };

/** The page URL's dateRange=YYYYMMDD,YYYYMMDD, else the last 180 days of the console's clock. */
function dateRange() {
  const given = (pageParams.get('dateRange') || '').split(',');
  if (given.length === 2 && given.every((d) => /^\d{8}$/.test(d))) return given;
  const day = (ms) => new Date(ms + 8 * 3600 * 1000).toISOString().slice(0, 10).replaceAll('-', '');
  const now = consoleNow();
  return [day(now - 179 * 86400 * 1000), day(now)];
}

const state = { emotion: '', page: 0, pageSize: 20, rows: [], total: null, error: '', loading: true };
const idOf = (row) => String(row.rateContent?.mainRate?.feedId ?? '');
const replyAction = (row) => (row.operator?.dataSource ?? []).find((a) => a.operateType === 'reply');

const editors = createReplyEditors({
  mode: 'inline',
  render: () => render(),
  reload: () => load(),
  async send(id, content) {
    const row = state.rows.find((r) => idOf(r) === id);
    const action = row && replyAction(row);
    if (!action) return { error: '该评价已不能回复' };
    const form = new URLSearchParams({ ...action.params, content });
    try {
      // asyncUrl is protocol-relative (//rate.taobao.com/…); the loopback server takes the host as ?host=.
      const url = location.hostname.endsWith('.taobao.com')
        ? new URL(action.asyncUrl, location.href).href
        : '/rateReply.htm?host=rate.taobao.com';
      const res = await fetch(url, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
      });
      const body = await res.json();
      return body.success ? {} : { error: body.msg || '回复失败' };
    } catch (e) {
      return { error: `网络错误：${e}` };
    }
  },
});

async function load() {
  state.loading = true;
  render();
  const query = {
    pageType: 'rateWait4PC',
    pagination: { current: state.page + 1, pageSize: state.pageSize },
    dateRange: dateRange(),
    emotionType: state.emotion,
  };
  const res = await mtop('mtop.rm.sellercenter.list.data.pc', { jsonBody: JSON.stringify(query) });
  state.loading = false;
  state.error = res.error || '';
  const list = res.data?.data ?? {};
  state.rows = res.error ? [] : (list.dataSource ?? []);
  state.total = res.error ? null : (list.pagination?.total ?? null);
  render();
}

function row(r) {
  const id = idOf(r);
  const main = r.rateContent?.mainRate ?? {};
  const append = r.rateContent?.appendRate;
  const [label, cls] = LABEL[r.emotionType?.status] ?? ['-', 'muted_0a9d'];
  const action = replyAction(r);
  const media = (main.mediaList ?? []).length;
  return h(
    'tr',
    { dataset: { rowKey: id, reviewId: id } },
    h(
      'td',
      { className: 'cellText_3a1f' },
      h('div', {}, main.content || h('span', { className: 'muted_0a9d' }, '该用户未填写评价内容')),
      (main.expression ?? []).length
        ? h('div', { className: 'muted_0a9d' }, main.expression.map((e) => `#${e.content}`).join(' '))
        : null,
      media ? h('div', { className: 'muted_0a9d' }, `图片/视频 ${media}`) : null,
      append
        ? h(
            'div',
            { className: 'note_2f7e' },
            h('b', {}, `追评（收货后${append.days}天）：`),
            append.content ?? '',
          )
        : null,
      main.reply
        ? h('div', { className: 'note_2f7e reply_9a3c' }, h('b', {}, '掌柜解释：'), main.reply)
        : null,
      editors.editor(id),
    ),
    h(
      'td',
      { className: 'cellNarrow_1d9b' },
      h('div', {}, r.itemInfo?.title ?? ''),
      h('div', { className: 'muted_0a9d' }, `订单 ${r.orderInfo?.mainOrderId ?? ''}`),
    ),
    h('td', { className: cls }, label),
    h('td', { className: 'cellNowrap_6e2d' }, fmtTime(main.date)),
    h('td', {}, r.userInfo?.userName ?? ''),
    h(
      'td',
      { className: 'cellNowrap_6e2d' },
      main.reply
        ? h('span', { className: 'good_4e1a' }, '已解释')
        : action
          ? action.beforeTips
          : h('span', { className: 'muted_0a9d' }, '已过解释期'),
      editors.notice(id),
    ),
    h(
      'td',
      { className: 'cellNowrap_6e2d' },
      action
        ? h(
            'button',
            { className: 'link_7c2b', attrs: { type: 'button' }, on: { click: () => editors.open(id) } },
            action.content || '回复',
          )
        : null,
      (r.operator?.dataSource ?? [])
        .filter((a) => a.uiType === 'complaintCro')
        .map((a) =>
          h('button', { className: 'link_7c2b', attrs: { type: 'button', disabled: true } }, a.content),
        ),
    ),
  );
}

function render() {
  mount(
    h('h1', { className: 'title_6b3f' }, '评价管理'),
    h('div', { className: 'toolbar_4c1e' }, `来自买家的评价 · ${dateRange().join(' 至 ')}`),
    tabs(TABS, state.emotion, (v) => {
      state.emotion = v;
      state.page = 0;
      load();
    }),
    status({ loading: state.loading, error: state.error, empty: state.rows.length === 0 }, '暂无评价'),
    table(['评价内容', '宝贝信息', '评价类型', '评价时间', '买家', '回复状态', '操作'], state.rows.map(row)),
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
