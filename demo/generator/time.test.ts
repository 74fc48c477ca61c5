import { describe, expect, it } from 'vitest';
import { formatDateTime, promisedShipBy, shanghaiHour, startOfDay } from './time';

const at = (s: string): number => Date.parse(`${s}+08:00`);

describe('promisedShipBy (抖店: paid before 16:00 → same day 23:59:59, else next day 23:59:59)', () => {
  it.each([
    ['2025-11-11T00:00:05', '2025-11-11 23:59:59'],
    ['2025-11-11T09:30:00', '2025-11-11 23:59:59'],
    ['2025-11-11T15:59:59', '2025-11-11 23:59:59'],
    ['2025-11-11T16:00:00', '2025-11-12 23:59:59'],
    ['2025-11-11T23:59:59', '2025-11-12 23:59:59'],
    ['2025-12-31T20:15:00', '2026-01-01 23:59:59'],
  ])('paid %s → ship by %s', (paid, expected) => {
    expect(formatDateTime(promisedShipBy(at(paid)))).toBe(expected);
  });
});

describe('Shanghai day arithmetic', () => {
  it.each([
    ['2025-11-11T00:00:00', '2025-11-11 00:00:00', 0],
    ['2025-11-11T07:59:59', '2025-11-11 00:00:00', 7],
    ['2025-11-11T23:59:59', '2025-11-11 00:00:00', 23],
  ])('%s starts its day at %s (hour %i)', (t, day, hour) => {
    expect(formatDateTime(startOfDay(at(t)))).toBe(day);
    expect(shanghaiHour(at(t))).toBe(hour);
  });
});
