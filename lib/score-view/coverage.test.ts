import { describe, expect, it } from 'vitest';
import type { OfficialScore } from '../model';
import { addDays } from '../model';
import type { DailyAggregate } from '../scoring/aggregates';
import { estimate } from '../scoring/estimate';
import { DOUYIN_EXPERIENCE as P } from '../scoring/profiles';
import { coverageOf, trustworthy } from './coverage';
import { coverageText } from './text';

const S = 'douyin:69153428';
const ASOF = '2026-11-22';
/** `perDay` paid orders and reviews on each of the last `days` days of the window. */
function rows(days: number, perDay: number): DailyAggregate[] {
  return Array.from({ length: days }, (_, i) => {
    const date = addDays(ASOF, -i);
    return {
      key: `${S}|${date}`,
      storeKey: S,
      date,
      v: 1,
      c: { paid: perDay, rv: Math.ceil(perDay / 3), sp5: Math.ceil(perDay / 3) },
    };
  });
}
const official = (windowOrders?: number): OfficialScore => ({
  key: 'k',
  storeKey: S,
  platform: 'douyin',
  kind: 'douyin.experience',
  date: '2026-11-21',
  capturedAt: 1,
  scaleMin: 50,
  scaleMax: 100,
  value: 68.75,
  dimensions: [],
  indicators: [],
  ...(windowOrders !== undefined ? { windowOrders } : {}),
});

describe('coverageOf', () => {
  it.each([
    // days with orders, orders/day, console window count → level
    ['the merchant paged through today only', 1, 160, 8_231, 'low'],
    ['a whole window, console agrees', 30, 300, 9_000, 'full'],
    ['a walk that stopped at two thirds', 20, 300, 9_000, 'partial'],
    ['no console count, orders on every day', 30, 10, undefined, 'unknown'],
    ['no console count, one busy day', 1, 500, undefined, 'low'],
    ['console count but a slice of days', 10, 1_000, 12_000, 'low'],
  ] as const)('%s → %s', (_name, days, perDay, count, level) => {
    const r = rows(days, perDay);
    const est = estimate(P, r, { asOf: ASOF });
    const c = coverageOf(est, r, official(count));
    expect(c.level).toBe(level);
    expect(c.orders).toBe(days * perDay);
    expect(c.daysWithOrders).toBe(days);
    expect(trustworthy(c)).toBe(level === 'full' || level === 'partial');
  });

  it('reads in the merchant’s words', () => {
    const r = rows(1, 160);
    const c = coverageOf(estimate(P, r, { asOf: ASOF }), r, official(8_231));
    expect(coverageText(c)).toBe('已采集 30 天内订单 160 / 官方 8,231 单，评价 54 条');
  });
});
