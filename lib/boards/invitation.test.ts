import { describe, expect, it } from 'vitest';
import { invitationBoard, weekOf } from './invitation';
import { DAY, HOUR, T0, order, review } from './testing';

describe('weekOf', () => {
  it.each([
    [T0, '2026-03-02'],
    [T0 + 6 * DAY, '2026-03-02'],
    [T0 + 7 * DAY, '2026-03-09'],
    // Sunday 23:30 Shanghai still belongs to the week that started on Monday.
    [Date.parse('2026-03-08T23:30:00+08:00'), '2026-03-02'],
    [Date.parse('2026-03-09T00:10:00+08:00'), '2026-03-09'],
  ])('%d → %s', (ms, want) => expect(weekOf(ms)).toBe(want));
});

describe('invitationBoard', () => {
  // Week 1: 10 signed, 2 written + 2 default. Week 2 (after the mark): 10 signed, 5 written, 2 with photos, 1 append.
  const orders = [
    ...Array.from({ length: 10 }, (_, i) => order(`a${i}`, { deliveredAt: T0 + HOUR })),
    ...Array.from({ length: 10 }, (_, i) =>
      order(`b${i}`, { deliveredAt: T0 + 7 * DAY + HOUR, items: [{ productId: i < 5 ? 'p1' : 'p2' }] }),
    ),
    order('cx', { status: 'cancelled', deliveredAt: T0 + HOUR }),
  ];
  const reviews = [
    review('w1', { createdAt: T0 + DAY }),
    review('w2', { createdAt: T0 + DAY }),
    review('d1', { createdAt: T0 + DAY, isDefault: true, text: '' }),
    review('d2', { createdAt: T0 + DAY, isDefault: true, text: '' }),
    ...Array.from({ length: 5 }, (_, i) =>
      review(`n${i}`, {
        createdAt: T0 + 8 * DAY,
        images: i < 2 ? 1 : 0,
        appends: i === 0 ? [{ text: '好用' }] : [],
      }),
    ),
  ];
  const b = invitationBoard(orders, reviews, { now: T0 + 14 * DAY, mark: '2026-03-09' });

  it('rates per week', () => {
    expect(b.weeks.map((w) => [w.week, w.cell.signed, w.cell.written])).toEqual([
      ['2026-03-02', 10, 2],
      ['2026-03-09', 10, 5],
    ]);
    const [w1, w2] = b.weeks.map((w) => w.cell);
    expect(w1).toMatchObject({ reviewRate: 0.2, defaultShare: 0.5 });
    expect(w2).toMatchObject({ reviewRate: 0.5, mediaRate: 0.4, appendRate: 0.2, defaultShare: 0 });
  });

  it('rates per product', () => {
    expect(b.products.map((p) => [p.productId, p.cell.signed, p.cell.written])).toEqual([
      ['p1', 15, 7],
      ['p2', 5, 0],
    ]);
  });

  it('compares equal windows before and after the marked day', () => {
    expect(b.compare?.days).toBe(7);
    expect(b.compare?.before).toMatchObject({ signed: 10, reviewRate: 0.2 });
    expect(b.compare?.after).toMatchObject({ signed: 10, reviewRate: 0.5 });
  });

  it('weeks of one product', () => {
    const one = invitationBoard(orders, reviews, { now: T0 + 14 * DAY, productId: 'p2' });
    expect(one.productWeeks?.map((w) => [w.week, w.cell.signed])).toEqual([['2026-03-09', 5]]);
  });

  it('counts a review in the week its order was signed when the orders are loaded', () => {
    const os = [order('o1', { deliveredAt: T0 + HOUR }), order('o2', { deliveredAt: T0 + HOUR })];
    const rs = [
      // Written the next week, about an order signed this week.
      review('r1', { orderId: 'o1', createdAt: T0 + 8 * DAY }),
      // About an order signed before the window: left out, so it cannot inflate the first week.
      review('r0', { orderId: 'old', createdAt: T0 + DAY }),
      review('r2', { orderId: 'o2', createdAt: T0 + 2 * DAY }),
    ];
    const m = invitationBoard(os, rs, { now: T0 + 14 * DAY });
    expect(m.weeks.map((w) => [w.week, w.cell.signed, w.cell.written, w.cell.reviewRate])).toEqual([
      ['2026-03-02', 2, 2, 1],
    ]);
  });
});
