import { describe, expect, it } from 'vitest';
import { extent, m4 } from './downsample';

/** A 抖店-like daily score: 92.5 with noise, a 双11 trough to 69.75, recovery. */
function scoreSeries(n: number): { xs: number[]; ys: (number | null)[] } {
  const xs: number[] = [];
  const ys: (number | null)[] = [];
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < n; i++) {
    xs.push(i);
    const trough = i > n * 0.6 && i < n * 0.65 ? -22.75 : 0;
    ys.push(92.5 + trough + (rnd() - 0.5));
  }
  return { xs, ys };
}

/** The y range a column of pixels shows, for a polyline through `pts`. */
function columnRanges(pts: { x: number; y: number | null }[], x0: number, span: number, cols: number) {
  const r = new Map<number, [number, number]>();
  for (const p of pts) {
    if (p.y === null) continue;
    const c = Math.min(cols - 1, Math.floor(((p.x - x0) / span) * cols));
    const cur = r.get(c);
    r.set(c, cur ? [Math.min(cur[0], p.y), Math.max(cur[1], p.y)] : [p.y, p.y]);
  }
  return r;
}

describe('m4', () => {
  it.each([
    [180, 400],
    [100_000, 400],
    [100_000, 37],
    [5_000, 1],
  ])('keeps every column’s min, max, first and last (%i points, %i columns)', (n, cols) => {
    const { xs, ys } = scoreSeries(n);
    const out = m4(xs, ys, cols);
    expect(out.length).toBeLessThanOrEqual(Math.max(n <= 4 * cols ? n : 0, 4 * cols));
    // x order is kept and the ends are exact.
    for (let i = 1; i < out.length; i++) expect(out[i]!.x).toBeGreaterThan(out[i - 1]!.x);
    expect(out[0]).toEqual({ x: xs[0], y: ys[0] });
    expect(out.at(-1)).toEqual({ x: xs.at(-1), y: ys.at(-1) });
    // Same vertical extent in every column as the full series: the trough cannot vanish.
    expect(columnRanges(out, 0, n - 1, cols)).toEqual(
      columnRanges(
        xs.map((x, i) => ({ x, y: ys[i]! })),
        0,
        n - 1,
        cols,
      ),
    );
    expect(Math.min(...out.map((p) => p.y!))).toBeCloseTo(Math.min(...(ys as number[])), 9);
  });

  it('returns a short series whole', () => {
    const out = m4([1, 2, 3], [90, 91.5, 88], 100);
    expect(out).toEqual([
      { x: 1, y: 90 },
      { x: 2, y: 91.5 },
      { x: 3, y: 88 },
    ]);
  });

  it('breaks the line once per gap (days without a captured official score)', () => {
    const ys = [92.5, null, null, 85, 84.25, NaN, 69.75];
    expect(m4([0, 1, 2, 3, 4, 5, 6], ys, 100)).toEqual([
      { x: 0, y: 92.5 },
      { x: 1, y: null },
      { x: 3, y: 85 },
      { x: 4, y: 84.25 },
      { x: 5, y: null },
      { x: 6, y: 69.75 },
    ]);
    const long = Array.from({ length: 10_000 }, (_, i) => (i >= 4000 && i < 6000 ? null : 90 + (i % 7)));
    const out = m4(
      long.map((_, i) => i),
      long,
      50,
    );
    expect(out.filter((p) => p.y === null)).toHaveLength(1);
    expect(out.find((p) => p.y === null)!.x).toBe(4000);
  });

  it('handles empty and all-gap input', () => {
    expect(m4([], [], 10)).toEqual([]);
    expect(m4([1, 2], [null, null], 10)).toEqual([{ x: 1, y: null }]);
  });
});

describe('extent', () => {
  it.each([
    [
      [92.5, 69.75, 88],
      [69.75, 92.5],
    ],
    [
      [null, 4.8, NaN, 4.2],
      [4.2, 4.8],
    ],
    [[null, null], null],
  ])('%j → %j', (ys, want) => {
    expect(extent(ys)).toEqual(want);
  });
});
