/**
 * 淘宝/天猫 订单报表 (csv). Classic headers seen in several import scripts, plus the newer template's
 * names (shared/platforms.md §2.3 [S]/[M]). 买家会员名/收货人姓名/联系手机/买家留言 are never read; of
 * 收货地址 only the province it starts with survives (lib/import/columns.ts dropPii, issue #16).
 */
import type { OrderField } from './orders';
import { parseOrders } from './orders';
import type { ImportKind } from './types';

export const taobaoOrders: ImportKind<OrderField> = {
  id: 'taobao-orders',
  label: '淘宝 订单报表',
  platform: 'taobao',
  records: 'orders',
  fields: {
    orderId: { headers: ['订单编号'], required: true },
    status: { headers: ['订单状态'], required: true },
    amount: { headers: ['买家实际支付金额', '买家实付金额', '实付金额'] },
    createdAt: { headers: ['订单创建时间', '买家下单时间', '下单时间'] },
    paidAt: { headers: ['订单付款时间', '买家付款时间', '付款时间'] },
    productName: { headers: ['宝贝标题', '商品标题'] },
    skuText: { headers: ['商品属性SKU', '商品属性', '宝贝属性'] },
    quantity: { headers: ['宝贝总数量', '商品数量', '宝贝数量'] },
    carrier: { headers: ['物流公司'] },
    // The export has no 省 column: the address cell, already reduced to its province by dropPii.
    province: { headers: ['省', '收货地址'] },
    shippedAt: { headers: ['发货时间'] },
    finishedAt: { headers: ['确认收货时间'] },
    refund: { headers: ['退款金额'] },
  },
  parse: (rows, index, first) => parseOrders('taobao', rows, index, first),
};
