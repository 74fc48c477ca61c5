import { describe, expect, it } from 'vitest';
import type { Review } from '../model';
import type { ScoreSnapshot, SnapDim } from '../score-view/types';
import type { ReviewCategory } from '../text/types';
import { monthOf, monthRange, monthlyReport, previousMonth, reportLines, reportSource } from './monthly';
import { reportHtml, trendSvg } from './monthly-html';

const H = 3_600_000;
/** 2026-11-01 00:00 Asia/Shanghai. */
const NOV = Date.UTC(2026, 9, 31, 16);
const store = { key: 'douyin:1', name: '暖阳<家居>' };

const dim = (id: SnapDim['id'], name: string, value: number): SnapDim => ({ id, name, value, weight: 0.3 });
function snap(date: string, est: number, official?: number, logistics = 4.5): ScoreSnapshot {
  const dims = [dim('product', '商品体验', 4.6), dim('logistics', '物流体验', logistics)];
  return {
    key: `${store.key}|${date}`,
    storeKey: store.key,
    profileId: 'douyin.experience',
    label: '商家体验分',
    date,
    takenAt: 0,
    scale: { min: 50, max: 100 },
    estimate: { value: est, fivePoint: null, dims, stage: 'formal', paidOrders: 100, reviews: 50 },
    ...(official !== undefined ? { official: { value: official, fivePoint: null, dims } } : {}),
    coverage: { level: 'full', orders: 100, reviews: 50, daysWithOrders: 30, windowDays: 30 },
  };
}

let n = 0;
function review(
  createdAt: number,
  r: Partial<Review> & { cat?: ReviewCategory; topic?: string } = {},
): Review {
  const { cat = 'logistics', topic = '发货慢', ...rest } = r;
  return {
    key: `${store.key}|${++n}`,
    storeKey: store.key,
    platform: 'douyin',
    reviewId: String(n),
    productName: '加厚卫衣',
    createdAt,
    star: 1,
    polarity: 'bad',
    text: `${cat}|${topic}`,
    appends: [],
    images: 0,
    videos: 0,
    replied: false,
    source: 'api',
    capturedAt: createdAt,
    updatedAt: createdAt,
    ...rest,
  };
}
const categorize = (r: Review) => {
  const [cat, topic] = r.text.split('|') as [ReviewCategory, string];
  return { categories: [cat], topics: [topic] };
};

describe('months', () => {
  it('are Asia/Shanghai calendar months', () => {
    expect(monthRange('2026-11')).toEqual([NOV, Date.UTC(2026, 10, 30, 16)]);
    expect(monthRange('2026-13')).toBeUndefined();
    expect(monthRange('nov')).toBeUndefined();
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(previousMonth('2026-11')).toBe('2026-10');
    expect(monthOf(NOV)).toBe('2026-11');
    expect(monthOf(NOV - 1)).toBe('2026-10');
  });
});

describe('monthlyReport', () => {
  // October: 6 logistics 差评; November: 3 logistics, 2 quality — the score climbs 80 → 86.
  const snaps = [
    snap('2026-10-31', 79.5, 80, 4.2),
    ...Array.from({ length: 30 }, (_, i) =>
      snap(
        `2026-11-${String(i + 1).padStart(2, '0')}`,
        80 + i * 0.2,
        i % 7 === 0 ? 80.2 + i * 0.2 : undefined,
        4.2 + i * 0.01,
      ),
    ),
  ];
  snaps[30] = snap('2026-11-30', 85.8, 86, 4.5);
  const reviews = [
    ...Array.from({ length: 6 }, (_, i) => review(NOV - (i + 2) * 24 * H)),
    review(NOV + 2 * H, { replied: true, replyAt: NOV + 3 * H }),
    review(NOV + 30 * H, { replied: true, replyAt: NOV + 40 * H }),
    review(NOV + 50 * H),
    review(NOV + 60 * H, {
      cat: 'quality',
      topic: '起球',
      productName: '纯棉家居服',
      replied: true,
      replyAt: NOV + 62 * H,
    }),
    review(NOV + 70 * H, { cat: 'quality', topic: '起球', productName: '纯棉家居服', firstStar: 1, star: 4 }),
    review(NOV + 80 * H, { star: 5, polarity: 'good', productName: '纯棉家居服' }),
    // December: outside the month.
    review(NOV + 31 * 24 * H),
  ];
  const r = monthlyReport({ month: '2026-11', store, snapshots: snaps, reviews, categorize })!;

  it('gives the trend with official and estimate, and the change over the month', () => {
    expect(r.series).toHaveLength(30);
    expect(r.series[0]).toEqual({ date: '2026-11-01', official: 80.2, estimate: 80 });
    expect(r.series[1]).toEqual({ date: '2026-11-02', estimate: 80.2 });
    expect([r.start, r.end, r.delta]).toEqual([80, 86, 6]);
    expect(r.label).toBe('商家体验分');
  });

  it('explains each dimension by its complaint categories', () => {
    const logistics = r.dims.find((d) => d.id === 'logistics')!;
    expect([logistics.start, logistics.end, logistics.delta]).toEqual([4.2, 4.5, 0.3]);
    expect(logistics.causes).toEqual(['物流 差评 3 条（上月 6 条）']);
    expect(r.dims.find((d) => d.id === 'product')!.causes).toEqual(['质量问题 差评 2 条（上月 0 条）']);
  });

  it('counts 差评 by category and topic, reply speed and the worst products', () => {
    expect([r.negatives, r.previousNegatives]).toEqual([5, 6]);
    expect(r.byCategory.map((c) => [c.label, c.count, c.previous])).toEqual([
      ['物流', 3, 6],
      ['质量问题', 2, 0],
    ]);
    expect(r.topTopics).toEqual([
      { topic: '发货慢', count: 3 },
      { topic: '起球', count: 2 },
    ]);
    // Replies after 1 h, 10 h and 2 h: 2 within the 4-hour rule, median 2 h.
    expect(r.reply).toEqual({
      negatives: 5,
      replied: 3,
      withinInternal: 2,
      within24h: 3,
      medianHours: 2,
      internalHours: 4,
    });
    expect(r.worstProducts.map((p) => [p.name, p.reviews, p.negatives, p.mainCategory])).toEqual([
      ['加厚卫衣', 3, 3, '物流'],
      ['纯棉家居服', 3, 2, '质量问题'],
    ]);
  });

  it('lists improvements and a forecast clamped to the scale', () => {
    expect(r.improvements).toEqual([
      '商家体验分 80.00 → 86.00（+6.00）',
      '物流体验 +0.30',
      '物流 差评 6 → 3 条',
      '差评总数 6 → 5 条',
    ]);
    expect(r.forecast!.perDay).toBeGreaterThan(0);
    expect(r.forecast!.value).toBeGreaterThan(86);
    expect(r.forecast!.value).toBeLessThanOrEqual(100);
  });

  it('handles a month without records', () => {
    const empty = monthlyReport({ month: '2026-06', store, snapshots: [], reviews: [], categorize })!;
    expect(empty).toMatchObject({ series: [], negatives: 0, worstProducts: [], improvements: [] });
    expect(empty.forecast).toBeUndefined();
    expect(reportLines(empty)[1]).toContain('本月没有评分记录');
    expect(monthlyReport({ month: 'x', store, snapshots: [], reviews: [], categorize })).toBeUndefined();
  });

  it('becomes one robot message per store and month, without buyer data', () => {
    const src = reportSource(r);
    expect(src.source).toBe('monthly|douyin:1|2026-11');
    expect(src.message.title).toBe('【口碑月报】2026-11');
    expect(src.message.level).toBe('info');
    expect(src.message.lines).toContain('**商家体验分**：86.00（本月 +6.00）');
    expect(src.message.lines.join('\n')).toMatch(/差评\*\* 5 条（上月 6 条）：物流 3、质量问题 2/);
    expect(src.message.lines.join('\n')).toMatch(/4 小时内 40%，中位用时 2 小时/);
  });

  it('writes a self-contained, escaped HTML file with the chart', () => {
    const html = reportHtml(r, '2026-12-01 09:00');
    expect(html).toContain('<title>暖阳&lt;家居&gt; · 月度口碑报告 2026-11</title>');
    expect(html).not.toContain('暖阳<家居>');
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('data-testid="report-end">86.00<');
    expect(html).toContain('stroke-dasharray'); // estimate dashed
    expect((html.match(/<path d="M/g) ?? []).length).toBe(2);
    expect(trendSvg([])).toContain('本月没有评分记录');
  });
});
