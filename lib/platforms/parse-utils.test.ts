import { describe, expect, it } from 'vitest';
import { idOf, msToMs, numOf, secondsToMs, shanghaiDateTimeToMs, starOf, TimeUnitError } from './parse-utils';

describe('shanghaiDateTimeToMs', () => {
  it.each([
    ['2026-11-21 06:00:00', Date.UTC(2026, 10, 20, 22, 0, 0)],
    ['2026-11-21', Date.UTC(2026, 10, 20, 16, 0, 0)],
    ['2026/1/5 08:30', Date.UTC(2026, 0, 5, 0, 30, 0)],
    ['2026年11月21日 23:59:59', Date.UTC(2026, 10, 21, 15, 59, 59)],
    ['2024-02-29 00:00:00', Date.UTC(2024, 1, 28, 16, 0, 0)],
  ])('%s', (text, ms) => expect(shanghaiDateTimeToMs(text)).toBe(ms));

  it.each([
    '2026-13-40',
    '2025-02-29',
    '2026-11-31',
    '2026-11-21 24:00:00',
    '2026-11-21 12:60',
    'yesterday',
    '',
    '1899-01-01',
  ])('refuses %s', (text) => expect(shanghaiDateTimeToMs(text)).toBeUndefined());
});

describe('time units', () => {
  it('seconds → ms, refusing a ms value where seconds are expected', () => {
    expect(secondsToMs(1_763_420_000, 'f')).toBe(1_763_420_000_000);
    expect(secondsToMs('1763420000', 'f')).toBe(1_763_420_000_000);
    expect(secondsToMs(0, 'f')).toBeUndefined();
    expect(() => secondsToMs(1_763_420_000_000, 'f')).toThrow(TimeUnitError);
    expect(() => secondsToMs('abc', 'f')).toThrow(TimeUnitError);
  });
  it('ms stays ms, refusing seconds', () => {
    expect(msToMs(1_763_420_000_000, 'f')).toBe(1_763_420_000_000);
    expect(() => msToMs(1_763_420_000, 'f')).toThrow(TimeUnitError);
  });
});

describe('ids, stars, numbers', () => {
  it.each([
    ['6931234567890123456', '6931234567890123456'],
    ["'6931234567890123456", '6931234567890123456'],
    ['\t6931234567890123456', '6931234567890123456'],
    [12345, '12345'],
    [2 ** 60, undefined],
    ['0', undefined],
    ['', undefined],
    [-5, undefined],
    [{ id: 1 }, undefined],
  ])('idOf(%j)', (v, want) => expect(idOf(v)).toBe(want));
  it.each([
    [5, 5],
    ['3', 3],
    [0, undefined],
    [6, undefined],
    [4.5, undefined],
  ])('starOf(%j)', (v, want) => expect(starOf(v)).toBe(want));
  it.each([
    ['98.5%', 98.5],
    ['1,234', 1234],
    ['', undefined],
    [Number.NaN, undefined],
    [' ', undefined],
  ])('numOf(%j)', (v, want) => expect(numOf(v)).toBe(want));
});
