import { describe, expect, it } from 'vitest';
import { makeOrders, makeReviews, makeStore } from '../export/testing';
import { badDays } from '../scoring/records';
import { categorize } from './categorize';
import { addMarkPair, addRecordMarks, applyMarkChanges, marksAt, type MarkChanges } from './marks';

const store = makeStore('42', '测试店');
const OPTS = { categorize };
const START = Date.UTC(2026, 0, 1);

/** Buckets as plain data (Maps and Sets unrolled), for deep equality. */
const plain = (c: MarkChanges) =>
  [...c].map(([k, v]) => [k, v.storeKey, v.day, [...v.set], [...v.drop].sort()] as const);

describe('addRecordMarks', () => {
  // Every third order shipped five days after payment (late: bad days), the rest on time.
  const orders = makeOrders(store, 200, 4, START).map((o, i) =>
    i % 3 === 0 ? { ...o, shippedAt: o.paidAt! + 5 * 86_400_000 } : o,
  );
  const records = [...makeReviews(store, 400, 3, START), ...orders];

  it('adds what addMarkPair adds from marksAt, for reviews (with categories) and orders', () => {
    const direct: MarkChanges = new Map();
    const viaRows: MarkChanges = new Map();
    let marked = 0;
    for (const r of records) {
      const days = badDays(r, OPTS);
      if (days.length) marked++;
      addRecordMarks(direct, r, days, OPTS);
      addMarkPair(viaRows, undefined, undefined, OPTS, marksAt(r, days, OPTS));
    }
    // The sample exercises both kinds, several days per record and categories.
    expect(marked).toBeGreaterThan(100);
    expect([...direct.values()].some((c) => [...c.set.values()].some((e) => e.kind === 'order'))).toBe(true);
    expect([...direct.values()].some((c) => [...c.set.values()].some((e) => e.cats?.length))).toBe(true);
    expect(plain(direct)).toEqual(plain(viaRows));
    expect(applyMarkChanges(new Map(), direct)).toEqual(applyMarkChanges(new Map(), viaRows));
  });

  it('cancels an earlier drop of the same record on that day, as addMarkPair does', () => {
    const r = records.find((x) => badDays(x, OPTS).length > 0)!;
    const days = badDays(r, OPTS);
    const a: MarkChanges = new Map();
    const b: MarkChanges = new Map();
    addMarkPair(a, r, undefined, OPTS);
    addMarkPair(b, r, undefined, OPTS);
    expect([...a.values()][0]!.drop.has(r.key)).toBe(true);
    addRecordMarks(a, r, days, OPTS);
    addMarkPair(b, undefined, undefined, OPTS, marksAt(r, days, OPTS));
    expect(plain(a)).toEqual(plain(b));
    expect([...a.values()][0]!.drop.has(r.key)).toBe(false);
  });

  it('adds nothing for a record without bad days', () => {
    const c: MarkChanges = new Map();
    addRecordMarks(c, records[0]!, [], OPTS);
    expect(c.size).toBe(0);
  });
});
