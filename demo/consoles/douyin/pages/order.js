// 订单管理 (/ffa/morder/order/list): the order table, loaded with XMLHttpRequest (the extension's hook
// must capture XHR as well as fetch), with pagination.
import { errorBox, fmtTime, h, mount, pager, rowsOf, totalOf, xhrJson, yuan } from './common.js';

const state = { page: 0, pageSize: 20, rows: [], total: null, error: '', loading: true };

async function load() {
  state.loading = true;
  render();
  const res = await xhrJson('/api/order/searchlist', {
    page: state.page,
    pageSize: state.pageSize,
    tab: 'all',
    order_by: 'create_time',
    order: 'desc',
    create_time_start: '',
    create_time_end: '',
  });
  state.loading = false;
  state.error = res.error || '';
  state.rows = res.body && !res.error ? rowsOf(res.body) : [];
  state.total = res.body && !res.error ? totalOf(res.body) : null;
  render();
}

function row(o) {
  const items = Array.isArray(o.product_item) ? o.product_item : [];
  const logistics = Array.isArray(o.logistics_info) && o.logistics_info[0] ? o.logistics_info[0] : null;
  const receiver = o.receiver_info || {};
  const addr = receiver.post_addr || {};
  const afterSale = items
    .map((i) => i.after_sale_info?.after_sale_text)
    .filter(Boolean)
    .join('；');
  const late = Boolean(logistics && o.exp_ship_time && logistics.collect_time > o.exp_ship_time);
  return h(
    'tr',
    { className: 'row_6f2a', dataset: { orderId: o.shop_order_id ?? o.order_id ?? '' } },
    h('td', {}, h('div', {}, o.shop_order_id ?? o.order_id ?? '')),
    h(
      'td',
      {},
      items.map((i) =>
        h('div', { className: 'itemLine_2e8c' }, `${i.product_name ?? ''} ×${i.item_num ?? 1}`),
      ),
    ),
    h('td', {}, fmtTime(o.create_time)),
    h('td', {}, fmtTime(o.pay_time)),
    h('td', { className: late ? 'late_4d1f' : '' }, fmtTime(o.exp_ship_time)),
    h('td', {}, o.ship_time ? fmtTime(o.ship_time) : '-'),
    h('td', {}, logistics ? `${logistics.company_name ?? ''} ${logistics.tracking_no ?? ''}` : '-'),
    h('td', {}, yuan(o.pay_amount)),
    h(
      'td',
      {},
      h('div', {}, `${receiver.post_receiver ?? ''} ${receiver.post_tel ?? ''}`),
      h(
        'div',
        { className: 'muted_1b0c' },
        [addr.province?.name, addr.city?.name, addr.town?.name].filter(Boolean).join(' '),
      ),
    ),
    h('td', {}, o.order_status_info?.order_status_text ?? ''),
    h('td', {}, afterSale || '-'),
  );
}

function render() {
  const head = h(
    'thead',
    {},
    h(
      'tr',
      {},
      [
        '订单号',
        '商品',
        '下单时间',
        '支付时间',
        '承诺发货时间',
        '发货时间',
        '物流',
        '实付金额',
        '收件人',
        '订单状态',
        '售后',
      ].map((t) => h('th', {}, t)),
    ),
  );
  mount(
    h('h1', { className: 'title_0c4a' }, '订单管理'),
    state.error ? errorBox(state.error) : null,
    state.loading ? h('div', { className: 'loading_3c1e' }, '加载中…') : null,
    h('table', { className: 'table_1a5c orderTable_3d8e' }, head, h('tbody', {}, state.rows.map(row))),
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
