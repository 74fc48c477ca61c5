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

const STEP_CAUSES = ['quality', 'mismatch', 'damage', 'missing', 'wrong', 'noReason'] as const;
const thresholds = new WeakMap<DemoProduct, Float64Array>();

/** Cumulative per-order probabilities of each after-sale cause for `product` (computed once). */
function stepsOf(product: DemoProduct): Float64Array {
  let t = thresholds.get(product);
  if (!t) {
    const { quality, mismatch, damage } = product.risk;
    const p = [
      RATES.quality * quality,
      RATES.mismatch * mismatch,
      RATES.damage * damage,
      RATES.missing,
      RATES.wrong,
      RATES.noReason,
    ];
    let acc = 0;
    t = Float64Array.from(p, (x) => (acc += x));
    thresholds.set(product, t);
  }
  return t;
}

/** Which after-sale cause (if any) an order gets. */
export function drawAfterSaleCause(rng: Rng, product: DemoProduct): Cause | 'noReason' | undefined {
  const r = rng.next();
  const steps = stepsOf(product);
  for (let i = 0; i < steps.length; i++) if (r < (steps[i] ?? 0)) return STEP_CAUSES[i];
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
  const handleHours = slow ? clamp(rng.normal(36, 10), 2, 96) : clamp(rng.normal(6, 4), 0.2, 48);
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
