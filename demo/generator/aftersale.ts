/** After-sales (售后) drawn per delivered order from the product's risk profile. */
import type { GenContext } from './context';
import type { Rng } from './prng';
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
import type { Cause, DemoAfterSale, DemoOrder, DemoProduct } from './types';

/** Base per-order rates before product risk multipliers. */
const RATES = {
  quality: 0.003,
  mismatch: 0.004,
  damage: 0.0012,
  missing: 0.0008,
  wrong: 0.0006,
  noReason: 0.03,
};

const REASONS: Record<string, readonly string[]> = {
  quality: ['质量问题', '质量问题', '做工瑕疵/质量问题'],
  mismatch: ['描述不符', '商品与页面描述不符', '尺码与描述不符'],
  damage: ['商品破损', '商品破损/包装破损'],
  missing: ['少件/漏发'],
  wrong: ['商家发错货'],
  lost: ['快递丢件/未收到货'],
  none: ['七天无理由退货', '不想要了', '拍错了/多拍了', '买多了'],
};

/** Which after-sale cause (if any) an order gets. */
export function drawAfterSaleCause(rng: Rng, product: DemoProduct): Cause | 'noReason' | undefined {
  const r = rng.next();
  const steps: [Cause | 'noReason', number][] = [
    ['quality', RATES.quality * product.risk.quality],
    ['mismatch', RATES.mismatch * product.risk.mismatch],
    ['damage', RATES.damage * product.risk.damage],
    ['missing', RATES.missing],
    ['wrong', RATES.wrong],
    ['noReason', RATES.noReason],
  ];
  let acc = 0;
  for (const [cause, p] of steps) {
    acc += p;
    if (r < acc) return cause;
  }
  return undefined;
}

/** Builds the after-sale record for `order` applied at `appliedAt`. */
export function makeAfterSale(
  ctx: GenContext,
  order: DemoOrder,
  cause: Cause,
  appliedAt: number,
): DemoAfterSale {
  const { rng } = ctx;
  const type: DemoAfterSale['type'] =
    cause === 'wrong'
      ? 'exchange'
      : cause === 'damage' || cause === 'missing' || cause === 'lost'
        ? 'refund_only'
        : rng.chance(0.7)
          ? 'return_refund'
          : 'refund_only';
  const slow = ctx.inBacklog(appliedAt);
  const handleHours = slow ? clamp(rng.normal(30, 10), 2, 96) : clamp(rng.normal(6, 4), 0.2, 48);
  const handledAt = appliedAt + Math.round(handleHours * HOUR_MS);
  const tail =
    type === 'return_refund'
      ? (2 + rng.next() * 4) * DAY_MS
      : type === 'exchange'
        ? (3 + rng.next() * 4) * DAY_MS
        : rng.next() * HOUR_MS;
  return {
    id: ctx.afterSaleIds.next(appliedAt),
    item: rng.int(0, order.items.length - 1),
    type,
    reason: rng.pick(REASONS[cause] ?? REASONS.none ?? ['其他']),
    cause,
    appliedAt,
    handledAt,
    resolvedAt: handledAt + Math.round(tail),
    outcome: rng.chance(0.08) ? 'rejected' : 'succeeded',
  };
}

export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}
