/** The after-sale block of an order row (OpenAPI codes, platforms.md §1.4) as of a moment. */
import type { DemoAfterSale } from '../../generator/types';
import { sec } from './envelope';

const AFTER_SALE_TYPE: Record<DemoAfterSale['type'], number> = {
  return_refund: 0,
  refund_only: 1,
  presale_refund: 2,
  exchange: 3,
  resend: 3,
  other: 3,
};

/** OpenAPI after-sale status as of `t`: 6 申请, 7 退货中, 12 成功, 27 拒绝. */
export function afterSaleInfo(as: DemoAfterSale, t: number): Record<string, unknown> {
  const handled = as.handledAt !== undefined && as.handledAt <= t;
  const resolved = as.resolvedAt !== undefined && as.resolvedAt <= t;
  const status = !handled ? 6 : as.outcome === 'rejected' ? 27 : resolved ? 12 : 7;
  const text =
    status === 6
      ? '售后待处理'
      : status === 27
        ? '商家已拒绝'
        : status === 7
          ? '退款中'
          : as.type === 'exchange'
            ? '换货成功'
            : '退款成功';
  return {
    after_sale_id: as.id,
    after_sale_status: status,
    after_sale_type: AFTER_SALE_TYPE[as.type],
    refund_status:
      status === 12 && as.type !== 'exchange' ? 3 : status === 27 ? 4 : as.type === 'exchange' ? 0 : 1,
    apply_time: sec(as.appliedAt),
    // [G] reason text: the after-sale list carries it as text_part.reason_text.
    reason_text: as.reason,
    after_sale_text: text,
  };
}
