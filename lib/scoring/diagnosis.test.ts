import { describe, expect, it } from 'vitest';
import type { Review } from '../model';
import { dayStart } from '../model';
import type { DailyAggregate } from './aggregates';
import { applyDeltas, buildAggregates, recordDelta } from './aggregates';
import type { Alert } from './alerts';
import type { Counters } from './counters';
import { diagnose, windowShift } from './diagnosis';
import { estimate } from './estimate';
import { DOUYIN_EXPERIENCE as P } from './profiles';
import { makeReview } from './synthetic';
import { mostUrgent } from './urgent';

const S = 'douyin:7000123';
const H = 3600 * 1000;
const base: Counters = { paid: 1000, signed: 1000, shipDue: 1000, colDue: 1000, colH12: 1000, delTotal: 1000, delHours: 24000, rv: 300, sp5: 300, ss5: 300 }; // prettier-ignore
const rows = (): Map<string, DailyAggregate> =>
  new Map([
    [`${S}|2026-11-01`, { key: `${S}|2026-11-01`, storeKey: S, date: '2026-11-01', v: 1, c: { ...base } }],
  ]);

const negatives = (n: number, text: string, starLogistics: number | undefined, day: string): Review[] =>
  Array.from(
    { length: n },
    (_, i) =>
    makeReview({ storeKey: S, reviewId: `${text.slice(0, 2)}${day}${i}`, createdAt: dayStart(day) + (9 + i) * H, star: 1, starProduct: 1, text, ...(starLogistics ? { starLogistics } : {}) }), // prettier-ignore
  );
const categorize = (r: Review) =>
  /快递|物流/.test(r.text) ? ['物流慢'] : /起球|质量/.test(r.text) ? ['质量问题'] : [];

describe('diagnose', () => {
  it('windowShift names the days whose records entered and left a 30-day window', () => {
    expect(windowShift(P, '2026-11-15', '2026-11-21')).toEqual({
      entered: { from: '2026-11-16', to: '2026-11-21' },
      left: { from: '2026-10-17', to: '2026-10-22' },
    });
  });

  it.each([
    ['logistics complaints that cost 商品综合评分', '快递太慢了，一周才到', 1, 'logistics', /^商品体验 −\d+(\.\d)?：商品综合评分档位 100 → 90；主因物流延迟：12 条物流差评集中在 11-18$/], // prettier-ignore
    ['quality complaints', '起球严重，质量太差', undefined, 'quality', /^商品体验 −\d+(\.\d)?：商品综合评分档位 100 → 90；12 条质量差评集中在 11-18$/], // prettier-ignore
  ] as const)('%s → main cause %s', (_n, text, starLogistics, cause, sentence) => {
    const aggs = rows();
    const before = estimate(P, [...aggs.values()], { asOf: '2026-11-17' });
    const bad = negatives(12, text, starLogistics, '2026-11-18');
    for (const r of bad) applyDeltas(aggs, recordDelta(undefined, r, { categorize }));
    const after = estimate(P, [...aggs.values()], { asOf: '2026-11-18' });
    const d = diagnose({ profile: P, before, after, entered: bad, categorize });
    expect(d.mainCause).toBe(cause);
    expect(d.causes[0]!.entered.map((r) => r.key).sort()).toEqual(bad.map((r) => r.key).sort());
    expect(d.summary).toMatch(sentence);
    expect(d.delta).toBeCloseTo(
      d.dimensions.reduce((s, x) => s + x.deltaPoints, 0),
      9,
    );
  });

  it('explains a 差行为 deduction as 违规扣分', () => {
    const all = [...rows().values()];
    const before = estimate(P, all, { asOf: '2026-11-17' });
    const after = estimate(P, all, { asOf: '2026-11-18', incidents: 2 });
    const d = diagnose({ profile: P, before, after });
    expect(d.mainCause).toBe('violation');
    expect(d.summary).toBe('差行为扣分 −6：差行为扣分 0 → 6');
  });

  it('says nothing moved when nothing moved, and credits records that left', () => {
    const old = negatives(20, '快递太慢', 1, '2026-10-18');
    const aggs = buildAggregates(old);
    applyDeltas(aggs, new Map([[`${S}|2026-11-01`, { key: `${S}|2026-11-01`, storeKey: S, date: '2026-11-01', c: base }]])); // prettier-ignore
    const all = [...aggs.values()];
    const same = diagnose({ profile: P, before: estimate(P, all, { asOf: '2026-11-01' }), after: estimate(P, all, { asOf: '2026-11-01' }) }); // prettier-ignore
    expect(same.summary).toBe('与 11-01 相比分数无明显变化');
    const before = estimate(P, all, { asOf: '2026-11-16' });
    const after = estimate(P, all, { asOf: '2026-11-17' });
    const d = diagnose({ profile: P, before, after, left: old, categorize });
    expect(d.delta!).toBeGreaterThan(0);
    expect(d.causes.find((c) => c.cause === 'logistics')!.points).toBeGreaterThan(0);
    expect(d.summary).toMatch(/^商品体验 \+/);
  });
});

describe('mostUrgent', () => {
  const alert = (kind: Alert['kind'], severity: Alert['severity'], key: string, dueAt?: number): Alert => ({
    key,
    topic: key,
    kind,
    severity,
    title: kind,
    detail: '',
    storeKey: S,
    at: 0,
    ...(dueAt ? { dueAt } : {}),
  });
  const est = estimate(P, [...rows().values()], { asOf: '2026-11-18' });

  it.each([
    ['critical deadlines first, soonest first', [alert('logistics_delay', 'critical', 'a'), alert('reply_deadline', 'critical', 'b', 20), alert('reply_deadline', 'critical', 'c', 10)], 'c'], // prettier-ignore
    [
      'warn alerts by priority',
      [alert('slow_response', 'warn', 'a'), alert('unanswered_negative', 'warn', 'b')],
      'b',
    ],
  ] as const)('%s', (_n, alerts, key) => {
    expect(mostUrgent({ alerts, estimate: est }).alertKey).toBe(key);
  });

  it('falls back to the indicator losing most, then to "nothing urgent"', () => {
    expect(mostUrgent({ estimate: est }).kind).toBe('ok');
    const aggs = rows();
    for (const r of negatives(30, '起球', undefined, '2026-11-10'))
      applyDeltas(aggs, recordDelta(undefined, r));
    const worse = estimate(P, [...aggs.values()], { asOf: '2026-11-18' });
    expect(mostUrgent({ estimate: worse })).toMatchObject({ kind: 'improve', title: '商品综合评分失分最多' });
  });
});
