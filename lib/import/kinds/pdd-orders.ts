/**
 * 拼多多 订单导出 (csv). Column order from `jiangtaozy/pdd-management-api` and other importers
 * (shared/platforms.md §3.4 [S]); empty cells are tab-padded. 收货人/手机/省/市/区/街道 are never read.
 */
import type { OrderField } from './orders';
import { parseOrders } from './orders';
import type { ImportKind } from './types';

export const pddOrders: ImportKind<OrderField> = {
  id: 'pdd-orders',
  label: '拼多多 订单导出',
  platform: 'pdd',
  records: 'orders',
  fields: {
    orderId: { headers: ['订单号'], required: true },
    productName: { headers: ['商品', '商品名称'] },
    status: { headers: ['订单状态'], required: true },
    amount: { headers: ['用户实付金额(元)', '用户实付金额', '实付金额(元)'] },
    quantity: { headers: ['商品数量(件)', '商品数量'] },
    createdAt: { headers: ['下单时间', '订单创建时间'] },
    paidAt: { headers: ['支付时间'] },
    promisedShipAt: { headers: ['承诺发货时间'] },
    shippedAt: { headers: ['发货时间'] },
    finishedAt: { headers: ['确认收货时间'] },
    productId: { headers: ['商品id', '商品ID'] },
    skuText: { headers: ['商品规格'] },
    skuId: { headers: ['样式ID', 'SKU ID', 'skuId'] },
    afterSale: { headers: ['售后状态'] },
    carrier: { headers: ['快递公司'] },
    province: { headers: ['省', '收货省份'] },
  },
  parse: (rows, index, first) => parseOrders('pdd', rows, index, first),
};
