// 订单查询 (/orders/list): the recent orders of the last 30 days, newest first, with the receiver's
// details the console shows (the extension must never keep them), pagination.
import { consoleNow, fmtTime, h, mount, pager, status, table } from '/__demo/kit/kit.js';
import { postXhr } from './mms.js';

const state = { page: 0, pageSize: 20, rows: [], total: null, error: '', loading: true };
const yuan = (fen) => `¥${(Number(fen || 0) / 100).toFixed(2)}`;

async function load() {
  state.loading = true;
  render();
  const now = Math.floor(consoleNow() / 1000);
  const res = await postXhr('/mangkhut/mms/recentOrderList', {
    orderType: 0,
    afterSaleType: 0,
    remarkStatus: -1,
    urgeShippingStatus: -1,
    groupStartTime: now - 30 * 86400,
    groupEndTime: now,
    pageNumber: state.page + 1,
    pageSize: state.pageSize,
    sortType: 10,
    mobile: '',
  });
  state.loading = false;
  state.error = res.error || '';
  state.rows = res.error ? [] : (res.result?.pageItems ?? []);
  state.total = res.error ? null : (res.result?.totalItemNum ?? null);
  render();
}

function row(o) {
  return h(
    'tr',
    { dataset: { rowKey: o.order_sn ?? '' } },
    h('td', { className: 'cellNowrap_6e2d' }, o.order_sn ?? ''),
    h(
      'td',
      { className: 'cellNarrow_1d9b' },
      h('div', {}, o.goods_name ?? ''),
      h('div', { className: 'muted_0a9d' }, `${o.spec ?? ''} ×${o.goods_number ?? 1}`),
    ),
    h('td', {}, yuan(o.order_amount)),
    h('td', { className: 'cellNowrap_6e2d' }, o.order_status_str ?? ''),
    h('td', { className: 'cellNowrap_6e2d' }, fmtTime((o.confirm_time ?? 0) * 1000)),
    h('td', { className: 'cellNowrap_6e2d' }, fmtTime((o.promise_shipping_time ?? 0) * 1000)),
    h('td', { className: 'cellNowrap_6e2d' }, o.shipping_time ? fmtTime(o.shipping_time * 1000) : '-'),
    h(
      'td',
      { className: 'cellNarrow_1d9b' },
      `${o.receive_name ?? ''} ${o.mobile ?? ''}`,
      h(
        'div',
        { className: 'muted_0a9d' },
        `${o.province_name ?? ''}${o.city_name ?? ''}${o.district_name ?? ''}${o.address ?? ''}`,
      ),
    ),
  );
}

function render() {
  mount(
    h('h1', { className: 'title_6b3f' }, '订单查询'),
    h('div', { className: 'toolbar_4c1e' }, '成团时间：近30天'),
    status({ loading: state.loading, error: state.error, empty: state.rows.length === 0 }, '暂无订单'),
    table(
      ['订单号', '商品', '实收金额', '订单状态', '成团时间', '承诺发货时间', '发货时间', '收货信息'],
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
