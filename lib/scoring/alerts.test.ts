import { describe, expect, it } from 'vitest';
import type { OfficialScore } from '../model';
import { dayStart } from '../model';
import type { DailyAggregate } from './aggregates';
import type { AlertInput } from './alerts';
import { AlertSettings, DEFAULT_ALERT_SETTINGS, evaluateAlerts, isSnoozed } from './alerts';
import type { Counters } from './counters';
import type { History } from './history';

const S = 'douyin:7000123';
const H = 3600 * 1000;
const today = '2026-11-18';
const now = dayStart(today) + 15 * H;
const day = (date: string, c: Counters): DailyAggregate => ({
  key: `${S}|${date}`,
  storeKey: S,
  date,
  v: 1,
  c,
});
const input = (patch: Partial<AlertInput>): AlertInput => ({ storeKey: S, now, today, recent: [], ...patch });
const kinds = (i: AlertInput, settings = DEFAULT_ALERT_SETTINGS) =>
  evaluateAlerts(i, settings).map((a) => a.kind);

const official = (value: number, unit: string): OfficialScore => ({
  key: 'k',
  storeKey: S,
  platform: 'douyin',
  kind: 'douyin.service_detail',
  date: today,
  capturedAt: now,
  scaleMin: 50,
  scaleMax: 100,
  dimensions: [],
  indicators: [{ id: '322', name: '飞鸽人工平均响应时长', value, unit }],
});
const hist = (official: number | null, est: number | null): History => ({
  profileId: 'douyin.experience',
  points: [],
  estimate: { vsYesterday: est, vs7Days: null },
  official: { vsYesterday: official, vs7Days: null },
});

describe('default thresholds (seeds)', () => {
  it('parses to the seeds’ values', () => {
    expect(AlertSettings.parse({})).toMatchObject({ badGrowthPct: 15, logisticsDelayPct: 5, responseMinutes: 10, unansweredHours: 4 }); // prettier-ignore
  });

  it.each([
    ['差评 5 vs 4 (+25%)', { recent: [day(today, { neg: 5 }), day('2026-11-17', { neg: 4 })] }, true],
    ['差评 4 vs 4 (0%)', { recent: [day(today, { neg: 4 }), day('2026-11-17', { neg: 4 })] }, false],
    [
      '差评 23 vs 20 (+15%, not above)',
      { recent: [day(today, { neg: 23 }), day('2026-11-17', { neg: 20 })] },
      false,
    ],
    ['差评 2 vs 0 (below minimum count)', { recent: [day(today, { neg: 2 })] }, false],
    ['差评 3 vs 0', { recent: [day(today, { neg: 3 })] }, true],
  ])('差评增长: %s', (_n, patch, fires) => {
    expect(kinds(input(patch)).includes('bad_growth')).toBe(fires);
  });

  it.each([
    ['6 of 100 shipped late', [day('2026-11-17', { shipDue: 100, shipLate: 6 })], true],
    ['5 of 100 shipped late (not above 5%)', [day('2026-11-17', { shipDue: 100, shipLate: 5 })], false],
    ['6 of 100 still unshipped yesterday', [day('2026-11-17', { shipDue: 100, shipPending: 6 })], true],
    ['6 of 100 due today, not shipped yet', [day(today, { shipDue: 100, shipPending: 6 })], false],
    ['8 of 100 collected late', [day('2026-11-16', { colDue: 100, colLate: 8 })], true],
    ['3 of 10 late (too few orders)', [day('2026-11-17', { shipDue: 10, shipLate: 3 })], false],
  ])('物流延时率: %s', (_n, recent, fires) => {
    expect(kinds(input({ recent })).includes('logistics_delay')).toBe(fires);
  });

  it.each([
    [660, '秒', true],
    [600, '秒', false],
    [12, '分钟', true],
    [9.5, '分钟', false],
  ])('响应时长 %f %s', (value, unit, fires) => {
    expect(kinds(input({ official: official(value, unit) })).includes('slow_response')).toBe(fires);
  });

  it.each([
    ['official −2 on 50–100', hist(-2, -5), 100, 'warn'],
    ['official −1 (estimate ignored when official exists)', hist(-1, -5), 100, null],
    ['estimate −4 without official', hist(null, -4), 100, 'critical'],
    ['5-point −0.1', hist(-0.1, null), 5, 'warn'],
    ['5-point −0.05', hist(-0.05, null), 5, null],
  ] as const)('score drop: %s', (_n, history, scaleMax, severity) => {
    const a = evaluateAlerts(input({ history, scaleMax })).find((x) => x.kind === 'score_drop');
    expect(a?.severity ?? null).toBe(severity);
  });

  it.each([
    [3, 7, true],
    [2, 7, false],
    [4, 8, false],
  ])('topic cluster: %i negatives in %i days', (count, days, fires) => {
    const clusters = [{ topic: 'logistics.slow', label: '物流慢', count, days, reviewKeys: Array.from({ length: count }, (_, i) => `${S}|r${i}`) }]; // prettier-ignore
    expect(kinds(input({ clusters })).includes('topic_cluster')).toBe(fires);
  });

  it.each([
    [3.9, false],
    [4, true],
  ])('unanswered negative after %f hours', (hours, fires) => {
    const unanswered = [{ key: `${S}|r1`, createdAt: now - hours * H }];
    expect(kinds(input({ unanswered })).includes('unanswered_negative')).toBe(fires);
  });

  it.each([
    [30, null],
    [20, 'warn'],
    [5, 'critical'],
    [-1, null],
  ] as const)('reply deadline in %i hours → %s', (hours, severity) => {
    const a = evaluateAlerts(input({ deadlines: [{ key: `${S}|r1`, deadline: now + hours * H }] }))[0];
    expect(a?.severity ?? null).toBe(severity);
  });

  it('honours disabled kinds and custom thresholds', () => {
    const recent = [day('2026-11-17', { shipDue: 100, shipLate: 6 })];
    expect(kinds(input({ recent }), AlertSettings.parse({ disabled: ['logistics_delay'] }))).toEqual([]);
    expect(kinds(input({ recent }), AlertSettings.parse({ logisticsDelayPct: 8 }))).toEqual([]);
  });
});

describe('dedupe keys and snoozes', () => {
  const recent = [day(today, { neg: 6 }), day('2026-11-16', { shipDue: 100, shipLate: 9 })];
  const clusters = [
    { topic: 'quality.pilling', label: '起球', count: 4, days: 3, reviewKeys: ['a', 'b', 'c', 'd'] },
  ];
  const full = input({ recent, clusters, unanswered: [{ key: `${S}|r1`, createdAt: now - 5 * H }] });

  it('the same condition gives the same keys an hour later, and a new day gives new ones', () => {
    const first = evaluateAlerts(full).map((a) => a.key);
    expect(new Set(first).size).toBe(first.length);
    expect(evaluateAlerts({ ...full, now: now + H }).map((a) => a.key)).toEqual(first);
    const next = evaluateAlerts({ ...full, today: '2026-11-19', now: now + 24 * H, recent: [day('2026-11-19', { neg: 6 })] }); // prettier-ignore
    expect(next.find((a) => a.kind === 'bad_growth')!.key).toBe(`bad_growth|${S}|2026-11-19`);
    // The cluster is identified by the reviews that formed it, not by the day.
    expect(next.find((a) => a.kind === 'topic_cluster')!.key).toBe(first.find((k) => k.startsWith('topic_cluster'))); // prettier-ignore
  });

  it.each([
    ['the exact key', `bad_growth|${S}|${today}`, now + H, true],
    ['the topic (every day)', `bad_growth|${S}`, now + H, true],
    ['an expired snooze', `bad_growth|${S}`, now - 1, false],
    ['another store', 'bad_growth|douyin:1', now + H, false],
  ])('isSnoozed by %s', (_n, key, until, snoozed) => {
    const alert = evaluateAlerts(full).find((a) => a.kind === 'bad_growth')!;
    expect(isSnoozed(alert.key, [{ key, until }], now)).toBe(snoozed);
  });
});
