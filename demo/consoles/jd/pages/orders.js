// 订单管理 (porder.shop.jd.com/order/orderlist/<tab>): the legacy order list, status tabs, consignee
// columns as the console shows them, pagination. XHR POST JSON to /order/orderlist.
import { demoSwitches, h, mount, pager, status, table, tabs, xhrJson } from '/__demo/kit/kit.js';

const TABS = [
  { value: 'allOrders', label: '全部订单' },
  { value: 'waitOut', label: '等待出库' },
  { value: 'hadOut', label: '已出库' },
  { value: 'completed', label: '已完成' },
  { value: 'canceled', label: '已取消' },
];
const tabOfPath = location.pathname.split('/').pop();
const state = {
  tab: TABS.some((t) => t.value === tabOfPath) ? tabOfPath : 'allOrders',
  page: 0,
  pageSize: 20,
  rows: [],
  total: null,
  error: '',
  loading: true,
};

async function load() {
  state.loading = true;
  render();
  const u = new URL('/order/orderlist', location.origin);
  for (const [k, v] of Object.entries(demoSwitches())) u.searchParams.set(k, v);
  const res = await xhrJson(
    'POST',
    u.toString(),
    JSON.stringify({
      current: state.page + 1,
      pageSize: state.pageSize,
      sortName: 'desc',
      orderId: '',
      skuName: '',
      selectedTabName: state.tab,
    }),
    { 'content-type': 'application/json' },
  );
  const b = res.json;
  state.loading = false;
  state.error =
    res.error ||
    (b && b.success !== true ? `接口错误 ${b.code ?? ''}：${b.message || '请刷新页面后重试'}` : '');
  state.rows = state.error ? [] : (b.data?.orderList ?? []);
  state.total = state.error ? null : (b.data?.totalCount ?? null);
  render();
}

function row(o) {
  const items = o.itemInfoList ?? [];
  const c = o.consigneeInfo ?? {};
  return h(
    'tr',
    { dataset: { rowKey: o.orderId ?? '' } },
    h('td', { className: 'cellNowrap_6e2d' }, String(o.orderId ?? '')),
    h('td', { className: 'cellWide_2a6c' }, items.map((i) => i.skuName).join('；')),
    h('td', { className: 'cellNarrow_1d9b' }, items.map((i) => i.skuId).join('；')),
    h('td', {}, String(items.reduce((n, i) => n + Number(i.itemTotal || 0), 0))),
    h('td', {}, `¥${o.orderPayment ?? '0.00'}`),
    h('td', { className: 'cellNowrap_6e2d' }, o.orderStateRemark ?? ''),
    h('td', { className: 'cellNowrap_6e2d' }, o.orderStartTime ?? ''),
    h('td', { className: 'cellNowrap_6e2d' }, o.paymentConfirmTime ?? ''),
    h('td', {}, c.fullname ?? ''),
    h('td', { className: 'cellNowrap_6e2d' }, c.mobile ?? ''),
    h('td', { className: 'cellWide_2a6c' }, c.fullAddress ?? ''),
  );
}

function render() {
  mount(
    h('h1', { className: 'title_6b3f' }, '订单管理'),
    tabs(TABS, state.tab, (v) => {
      state.tab = v;
      state.page = 0;
      history.replaceState(null, '', `/order/orderlist/${v}${location.search}`);
      load();
    }),
    status({ loading: state.loading, error: state.error, empty: state.rows.length === 0 }, '暂无订单'),
    table(
      [
        '订单编号',
        '商品名称',
        'SKU',
        '数量',
        '实付金额',
        '订单状态',
        '下单时间',
        '付款时间',
        '收货人',
        '联系电话',
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
