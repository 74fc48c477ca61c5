/**
 * Order and after-sale status words as the platforms' export files write them, mapped to the model.
 * Keyword rules, most specific first, because each platform (and each template year) words them
 * differently: "等待买家付款", "待支付", "已发货，待收货", "未发货，退款成功", "交易成功"…
 */
import type { AfterSale, OrderStatus } from '../../model';

const ORDER_RULES: [RegExp, OrderStatus][] = [
  [/待付款|待支付|等待买家付款|未付款/, 'unpaid'],
  [/取消|关闭|未发货.*退款成功/, 'cancelled'],
  [/交易成功|已完成|已签收|确认收货|交易完成/, 'completed'],
  [/已发货|待收货|待签收|部分发货|卖家已发货|运输中/, 'shipped'],
  [/待发货|已付款|已支付|等待卖家发货|备货|待配货|待出库|已成团/, 'paid'],
];

export function orderStatusOf(text: string | undefined): OrderStatus {
  if (!text) return 'unknown';
  return ORDER_RULES.find(([re]) => re.test(text))?.[1] ?? 'unknown';
}

const NONE = /^(无|无售后|暂无|未申请|没有售后|-+|—+)$/;

export function afterSaleOf(text: string | undefined): AfterSale | undefined {
  if (!text || NONE.test(text)) return undefined;
  const status: AfterSale['status'] = /拒绝|驳回/.test(text)
    ? 'rejected'
    : /失败/.test(text)
      ? 'failed'
      : /关闭|撤销|取消/.test(text)
        ? 'closed'
        : /成功|完成|已退款/.test(text)
          ? 'succeeded'
          : /中|待|处理/.test(text)
            ? 'in_progress'
            : /申请/.test(text)
              ? 'applied'
              : 'other';
  const type: AfterSale['type'] = /仅退款/.test(text)
    ? 'refund_only'
    : /退货/.test(text)
      ? 'return_refund'
      : /换货/.test(text)
        ? 'exchange'
        : /补寄|补发/.test(text)
          ? 'resend'
          : undefined;
  return { type, status, text: text.slice(0, 200) };
}
