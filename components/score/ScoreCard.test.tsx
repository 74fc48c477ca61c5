// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import type { Headline, ScoreSnapshot } from '@/lib/score-view/types';
import { ScoreCard, ageText } from './ScoreCard';

const dims = [
  { id: 'product' as const, name: '商品体验', value: 88, weight: 0.4, weightSource: 'console' as const },
];
const head = (over: Partial<Headline>): Headline => ({
  value: 86,
  fivePoint: 4.7,
  dims,
  source: 'official',
  date: '2026-11-22',
  lowCoverage: false,
  deltas: { vsYesterday: null, vs7Days: null },
  deltaDates: { yesterday: '2026-11-21', week: '2026-11-15' },
  ...over,
});

function snapshot(
  headline: Headline,
  o: { official?: Headline; orders?: number; reviews?: number } = {},
): ScoreSnapshot {
  return {
    key: 'k',
    storeKey: 'douyin:1',
    profileId: 'douyin.experience',
    label: '商家体验分',
    date: '2026-12-05',
    takenAt: 0,
    scale: { min: 50, max: 100 },
    estimate: {
      value: 70,
      fivePoint: 4.1,
      dims,
      stage: 'growth',
      paidOrders: o.orders ?? 0,
      reviews: o.reviews ?? 0,
    },
    coverage: {
      level: 'low',
      orders: o.orders ?? 0,
      reviews: o.reviews ?? 0,
      daysWithOrders: 0,
      windowDays: 30,
    },
    head: {
      headline,
      urgent: { kind: 'none', severity: 'info', title: '', detail: '' } as never,
      alerts: 0,
      guessed: [],
      ...(o.official ? { official: o.official } : {}),
    },
  };
}

function show(s: ScoreSnapshot, today: string) {
  const el = document.createElement('div');
  render(<ScoreCard snapshot={s} today={today} />, el);
  const q = (id: string) => el.querySelector(`[data-testid="${id}"]`);
  return { el, q };
}

describe('ageText', () => {
  it.each([
    ['2026-12-05', '今天'],
    ['2026-12-04', '昨天'],
    ['2026-11-22', '13 天前'],
  ])('%s on 2026-12-05 → %s', (d, want) => expect(ageText(d, '2026-12-05')).toBe(want));
});

describe('ScoreCard: what the merchant saw leads', () => {
  it('a fresh official score shows with its date and age', () => {
    const { q } = show(snapshot(head({ date: '2026-12-04' }), { orders: 5, reviews: 3 }), '2026-12-05');
    expect(q('official-date')?.textContent).toBe('官方 · 12-04 更新，昨天');
    expect(q('score-value')?.textContent).toBe('86');
    expect(q('stale-official')).toBeNull();
  });

  it('an official score 13 days old still shows first, with the estimate beside it', () => {
    const est = head({ source: 'estimate', date: '2026-12-05', value: 71, lowCoverage: false });
    const { q } = show(
      snapshot(est, { official: head({ stale: true }), orders: 40, reviews: 12 }),
      '2026-12-05',
    );
    expect(q('official-score')).not.toBeNull();
    expect(q('official-date')?.textContent).toBe('官方 · 11-22 更新，13 天前');
    expect(q('official-date')?.getAttribute('data-stale')).toBe('true');
    expect(q('score-value')?.textContent).toBe('86');
    expect(q('stale-official')?.textContent).toContain('13 天未更新');
    expect(q('estimate-beside')?.textContent).toContain('本地估算');
  });

  it('an estimate with no records in its window shows no number', () => {
    const est = head({ source: 'estimate', date: '2026-12-05', value: 70, lowCoverage: true });
    const { q, el } = show(snapshot(est), '2026-12-05');
    expect(q('estimate-empty')?.textContent).toBe('还没有足够的记录');
    expect(q('score-value')).toBeNull();
    expect(q('five-point')?.textContent).toBe('—');
    expect(el.textContent).not.toContain('70');
  });

  it('an official score next to an empty estimate says so instead of a default number', () => {
    const { q } = show(snapshot(head({ date: '2026-12-04' })), '2026-12-05');
    expect(q('estimate-beside')?.textContent).toContain('还没有足够的记录');
  });
});
