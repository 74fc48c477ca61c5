import { describe, expect, it } from 'vitest';
import type { OfficialScore, ScoreIndicator } from '../model';
import { formatSeconds, normalize, serviceBoard } from './service';

const score = (date: string, indicators: ScoreIndicator[], capturedAt = 1): OfficialScore => ({
  key: `k${date}${capturedAt}`,
  storeKey: 's',
  platform: 'douyin',
  kind: 'douyin.service_detail',
  date,
  capturedAt,
  scaleMin: 0,
  scaleMax: 100,
  dimensions: [],
  indicators,
});
const ind = (name: string, value: number | null, unit?: string): ScoreIndicator => ({
  id: name,
  name,
  value,
  unit,
});

describe('normalize', () => {
  it.each([
    [ind('飞鸽人工平均响应时长', 42, 'second'), 'seconds', 42],
    [ind('售后平均审核时长', 12, 'hour'), 'seconds', 43_200],
    [ind('退款处理时长', 1.5, '小时'), 'seconds', 5400],
    [ind('咚咚平均响应时长(分钟)', 2, undefined), 'seconds', 120],
    [ind('旺旺3分钟人工响应率', 95.5, '%'), 'rate', 0.955],
    [ind('飞鸽会话不满意率', 0.012, 'percent'), 'rate', 0.012],
    [ind('纠纷率', null, '%'), 'rate', undefined],
    [ind('响应时长', 5, 'fortnight'), 'seconds', undefined],
  ] as const)('%j', (i, kind, want) => {
    const v = normalize(i, kind);
    if (want === undefined) expect(v).toBeUndefined();
    else expect(v).toBeCloseTo(want);
  });
});

describe('serviceBoard', () => {
  const b = serviceBoard([
    score('2026-03-02', [
      ind('飞鸽人工平均响应时长', 700, 'second'),
      ind('飞鸽会话不满意率', 0.02, 'percent'),
    ]),
    score('2026-03-01', [ind('飞鸽人工平均响应时长', 40, 'second'), ind('售后平均审核时长', 10, 'hour')]),
    score('2026-03-02', [ind('平台求助率', 0.3, '%')], 2),
  ]);
  const series = (id: string) => b.series.find((s) => s.id === id)!;

  it('one series per indicator, oldest first, in common units', () => {
    expect(series('responseSec').points.map((p) => [p.date, p.value])).toEqual([
      ['2026-03-01', 40],
      ['2026-03-02', 700],
    ]);
    expect(series('afterSaleSec').latest).toMatchObject({ value: 36_000, source: '售后平均审核时长' });
    expect(series('dissatisfaction').latest?.value).toBeCloseTo(0.02);
    expect(series('disputeRate').latest?.value).toBeCloseTo(0.003);
    expect(series('reply3mRate').points).toEqual([]);
    expect(series('responseSec').target).toBe(30);
  });

  it('alerts on response time over 10 minutes', () => {
    expect(b.alerts.map((a) => a.date)).toEqual(['2026-03-02']);
  });

  it('formats durations', () => {
    expect([42, 390, 43_200].map(formatSeconds)).toEqual(['42 秒', '6.5 分钟', '12.0 小时']);
  });
});
