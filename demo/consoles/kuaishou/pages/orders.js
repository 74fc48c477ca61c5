// 订单管理 (/zone/order/list): the last 90 days' orders with the receiver's details the page shows,
// pagination. Its JSON path is not one the extension knows: the DOM fallback reads this table.
import { fmtTime, h, mount, pager, status, table } from '/__demo/kit/kit.js';
import { get } from './ks.js';

const state = { page: 0, pageSize: 20, rows: [], total: null, error: '', loading: true };

async function load() {
  state.loading = true;
  render();
  const res = await get('/rest/pc/order/list', { pageNum: state.page + 1, pageSize: state.pageSize });
  state.loading = false;
  state.error = res.error || '';
  state.rows = res.error ? [] : (res.data?.list ?? []);
  state.total = res.error ? null : (res.data?.total ?? null);
  render();
}

function row(o) {
  return h(
    'tr',
    {},
    h('td', { className: 'cellNowrap_6e2d' }, o.oid ?? ''),
    h('td', { className: 'cellWide_2a6c' }, o.itemTitle ?? ''),
    h('td', {}, String(o.num ?? '')),
    h('td', {}, `¥${(Number(o.totalFee || 0) / 100).toFixed(2)}`),
    h('td', { className: 'cellNowrap_6e2d' }, o.status ?? ''),
    h('td', { className: 'cellNowrap_6e2d' }, fmtTime(o.createTime)),
    h('td', { className: 'cellNowrap_6e2d' }, fmtTime(o.payTime)),
    h('td', { className: 'cellNowrap_6e2d' }, o.sendTime ? fmtTime(o.sendTime) : ''),
    h('td', {}, o.consignee ?? ''),
    h('td', { className: 'cellNowrap_6e2d' }, o.mobile ?? ''),
    h('td', { className: 'cellWide_2a6c' }, o.address ?? ''),
  );
}

function render() {
  mount(
    h('h1', { className: 'title_6b3f' }, '订单管理'),
    status({ loading: state.loading, error: state.error, empty: state.rows.length === 0 }, '暂无订单'),
    table(
      [
        '订单编号',
        '商品名称',
        '数量',
        '实付款',
        '订单状态',
        '下单时间',
        '支付时间',
        '发货时间',
        '收货人',
        '手机号',
        '收货地址',
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
