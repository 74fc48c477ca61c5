/**
 * 抖店 订单导出 (csv/xlsx). Headers seen in ≥ 5 independent importers (shared/platforms.md §1.5 [S]);
 * "快递信息" replaced the older "快递公司"/"快递单号" pair. 收件人/收件地址/收件人手机号 are never read.
 */
import type { OrderField } from './orders';
import { parseOrders } from './orders';
import type { ImportKind } from './types';

export const douyinOrders: ImportKind<OrderField> = {
  id: 'douyin-orders',
  label: '抖店 订单导出',
  platform: 'douyin',
  records: 'orders',
  fields: {
    orderId: { headers: ['主订单编号'], required: true },
    itemOrderId: { headers: ['子订单编号', '子订单号'] },
    productName: { headers: ['选购商品', '商品名称'] },
    productId: { headers: ['商品ID', '商品id'] },
    skuText: { headers: ['商品规格', '规格'] },
    quantity: { headers: ['商品数量'] },
    amount: { headers: ['订单应付金额', '应付金额', '实付金额'] },
    createdAt: { headers: ['订单提交时间', '下单时间'] },
    paidAt: { headers: ['支付完成时间', '支付时间'] },
    shippedAt: { headers: ['发货时间'] },
    finishedAt: { headers: ['订单完成时间', '完成时间'] },
    carrier: { headers: ['快递公司'] },
    carrierInfo: { headers: ['快递信息'] },
    status: { headers: ['订单状态'], required: true },
    afterSale: { headers: ['售后状态'] },
  },
  parse: (rows, index, first) => parseOrders('douyin', rows, index, first),
};
