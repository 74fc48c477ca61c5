import { describe, expect, it } from 'vitest';
import { allPhrases } from './phrases/bank';
import { receiverOf } from './people';
import { worldStats } from './stats';
import { ALL_SETS } from './text';
import { createWorld } from './world';

const NOW = Date.parse('2026-03-20T15:00:00+08:00');
const small = { seed: 42, now: NOW, days: 120, ordersPerDay: 60 } as const;
const world = createWorld(small);

describe('createWorld: determinism', () => {
  it('gives an identical world for the same options', () => {
    const again = createWorld(small);
    expect(JSON.stringify(again)).toBe(JSON.stringify(world));
  });

  it('gives a different world for another seed', () => {
    const other = createWorld({ ...small, seed: 43 });
    expect(other.orders[0]?.id).not.toBe(world.orders[0]?.id);
    expect(other.reviews.map((r) => r.text).slice(0, 50)).not.toEqual(
      world.reviews.map((r) => r.text).slice(0, 50),
    );
  });

  it('changes nothing else when hostile texts are added', () => {
    const hostile = createWorld({ ...small, hostile: true });
    expect(hostile.orders.map((o) => o.id)).toEqual(world.orders.map((o) => o.id));
    expect(hostile.truth.hostile.length).toBeGreaterThanOrEqual(4);
    expect(world.truth.hostile).toEqual([]);
    const texts = hostile.reviews.filter((r) => r.kind === 'hostile').map((r) => r.text);
    expect(texts.some((t) => t.includes('<script>'))).toBe(true);
    expect(world.reviews.some((r) => /<script|onerror|\u202e|\u200b/i.test(r.text))).toBe(false);
  });
});

describe('createWorld: shape', () => {
  it('has ~40 products with SKUs and realistic 19-digit ids', () => {
    expect(world.products.length).toBeGreaterThanOrEqual(38);
    expect(world.products.every((p) => p.skus.length > 0 && /^\d{19}$/.test(p.id))).toBe(true);
    expect(world.orders.every((o) => /^\d{19}$/.test(o.id))).toBe(true);
    expect(world.reviews.every((r) => /^\d{19}$/.test(r.id))).toBe(true);
    expect(new Set(world.orders.map((o) => o.id)).size).toBe(world.orders.length);
    expect(new Set(world.reviews.map((r) => r.id)).size).toBe(world.reviews.length);
  });

  it('contains nothing after `now`', () => {
    const times = world.orders.flatMap((o) => [
      o.paidAt,
      o.shippedAt,
      o.collectedAt,
      o.deliveredAt,
      o.finishedAt,
      o.cancelledAt,
    ]);
    times.push(...world.reviews.flatMap((r) => [r.createdAt, r.reply?.at, ...r.appends.map((a) => a.at)]));
    const after = times.filter((t) => t !== undefined && t > NOW);
    expect(after).toEqual([]);
    // Whole milliseconds, like the model's Millis.
    const asTimes = world.orders.flatMap((o) =>
      o.afterSale ? [o.afterSale.appliedAt, o.afterSale.handledAt, o.afterSale.resolvedAt] : [],
    );
    expect([...times, ...asTimes].filter((t) => t !== undefined && !Number.isInteger(t))).toEqual([]);
  });

  it('orders events in time: paid → 揽收 → 签收 → review → reply/append', () => {
    const bad: string[] = [];
    for (const o of world.orders) {
      if (o.collectedAt !== undefined && o.collectedAt <= o.paidAt) bad.push(`${o.id} collected before paid`);
      if (o.deliveredAt !== undefined && !(o.deliveredAt > (o.collectedAt ?? Infinity)))
        bad.push(`${o.id} delivered before collected`);
      if (o.late !== (o.collectedAt !== undefined && o.collectedAt > o.promisedShipAt))
        bad.push(`${o.id} late flag`);
    }
    for (const r of world.reviews) {
      const o = world.orders[r.order];
      if (!o || o.review === undefined || world.reviews[o.review] !== r) bad.push(`${r.id} order link`);
      if (!(r.createdAt > (o?.deliveredAt ?? Infinity))) bad.push(`${r.id} before delivery`);
      if (r.reply && r.reply.at <= r.createdAt) bad.push(`${r.id} reply before review`);
      if (r.appends.some((a) => a.at <= r.createdAt)) bad.push(`${r.id} append before review`);
    }
    expect(bad).toEqual([]);
  });

  it('reviews ~25–35 % of delivered orders, with default reviews, appends and replies', () => {
    const s = worldStats(world);
    expect(s.reviewRate).toBeGreaterThan(0.25);
    expect(s.reviewRate).toBeLessThan(0.35);
    expect(s.defaultReviews / s.reviews).toBeGreaterThan(0.04);
    expect(
      world.reviews.filter((r) => r.kind === 'default').every((r) => r.text === '' && r.stars.product === 5),
    ).toBe(true);
    expect(s.withAppends).toBeGreaterThan(0);
    expect(s.replied / s.reviews).toBeGreaterThan(0.2);
    expect(world.reviews.every((r) => /^.\*\*\*$/u.test(r.nick))).toBe(true);
  });

  it('correlates stars with what happened to the order', () => {
    const byCause = (cause: string) => world.reviews.filter((r) => r.kind === 'normal' && r.cause === cause);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(byCause('quality').map((r) => r.stars.product))).toBeLessThan(3.5);
    expect(mean(byCause('none').map((r) => r.stars.product))).toBeGreaterThan(4.6);
    const late = world.reviews.filter((r) => world.orders[r.order]?.late && r.kind !== 'default');
    expect(late.every((r) => r.stars.logistics <= 3)).toBe(true);
  });

  it('has quality after-sales with quality reasons', () => {
    const reasons = world.orders.flatMap((o) => (o.afterSale ? [o.afterSale.reason] : []));
    expect(reasons.some((r) => r.includes('质量问题'))).toBe(true);
    expect(reasons.some((r) => r.includes('破损'))).toBe(true);
    expect(reasons.some((r) => r.includes('描述不符'))).toBe(true);
  });

  it('keeps masked buyer personal data for every order', () => {
    const r = receiverOf(world.orders[0]!);
    expect(r.phone).toMatch(/^1\d{2}\*{4}\d{4}$/);
    expect(r.name.length).toBeGreaterThanOrEqual(2);
    expect(receiverOf(world.orders[0]!)).toEqual(r);
  });

  it('plants suspicious reviews with ground truth', () => {
    const byId = new Map(world.reviews.map((r) => [r.id, r]));
    expect(world.truth.templateBursts.length).toBeGreaterThan(0);
    for (const burst of world.truth.templateBursts) {
      expect(burst.length).toBeGreaterThanOrEqual(5);
      const times = burst.map((id) => byId.get(id)!.createdAt);
      expect(Math.max(...times) - Math.min(...times)).toBeLessThan(24 * 3600 * 1000);
    }
    expect(world.truth.coercion.map((id) => byId.get(id)!.text).every((t) => /差评/.test(t))).toBe(true);
    expect(world.truth.diversion.map((id) => byId.get(id)!.text).every((t) => /微信|V|vx/i.test(t))).toBe(
      true,
    );
  });
});

describe('phrase banks', () => {
  it('hold at least 150 distinct sentence pieces, including negation-bearing praise', () => {
    const all = allPhrases(ALL_SETS);
    expect(all.length).toBeGreaterThanOrEqual(150);
    expect(all).toContain('没有色差');
    expect(all).toContain('物流不慢，三天就到了');
  });

  it('produce varied texts', () => {
    const texts = new Set(world.reviews.filter((r) => r.kind === 'normal').map((r) => r.text));
    expect(texts.size).toBeGreaterThan(world.reviews.length * 0.3);
  });
});
