import { describe, expect, it } from 'vitest';
import { countdown, urgency } from './deadline';

const NOW = Date.UTC(2026, 10, 22, 2);
const M = 60_000;

describe('countdown', () => {
  it.each([
    [{ status: 'ok' as const, next: NOW + (27 * 60 + 5) * M }, ['剩 1 天 3 小时', '']],
    [
      { status: 'ok' as const, next: NOW + 150 * M, rule: '店铺 4 小时响应' },
      ['剩 2 小时 30 分（店铺 4 小时响应）', ''],
    ],
    [{ status: 'soon' as const, next: NOW + 59 * M }, ['剩 59 分钟', 'warn']],
    [{ status: 'overdue' as const, next: NOW - 61 * M }, ['已超时 1 小时 1 分', 'bad']],
    [{ status: 'closed' as const }, ['已过回复期', '']],
  ])('%o', (d, want) => {
    expect(countdown(d, NOW)).toEqual(want);
  });

  it('shows nothing without a deadline', () => {
    expect(countdown({ status: 'none' }, NOW)).toBeUndefined();
  });
});

describe('urgency', () => {
  it('orders overdue, then soonest, then no deadline, then closed', () => {
    const ds = [
      { status: 'closed' as const },
      { status: 'none' as const },
      { status: 'ok' as const, next: NOW + 3 * 3_600_000 },
      { status: 'overdue' as const, next: NOW - 60_000 },
    ];
    expect([...ds].sort((a, b) => urgency(a) - urgency(b)).map((d) => d.status)).toEqual([
      'overdue',
      'ok',
      'none',
      'closed',
    ]);
  });
});
