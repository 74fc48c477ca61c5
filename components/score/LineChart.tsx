import { useMemo } from 'preact/hooks';
import { extent, m4 } from '@/lib/downsample';
import type { XY } from '@/lib/downsample';
import './score.css';

export interface Series {
  id: string;
  label: string;
  color: string;
  /** x ascending (ms or any number); y null = no value that day (the line breaks). */
  xs: ArrayLike<number>;
  ys: ArrayLike<number | null>;
  dashed?: boolean;
  /** Draw a dot on every point (sparse official captures). */
  dots?: boolean;
}

export interface ChartProps {
  series: readonly Series[];
  width?: number;
  height?: number;
  /** Fixed y range; default: the data's, padded. */
  y?: [number, number];
  /** Horizontal reference lines (a target, the tier edge). */
  rules?: readonly { y: number; label: string; color?: string }[];
  /** Vertical markers (today, the diagnosis dates). */
  marks?: readonly { x: number; label: string }[];
  /** Tick label of an x value (e.g. "11-18"). */
  xLabel?: (x: number) => string;
  title?: string;
}

const PAD = { l: 30, r: 8, t: 8, b: 18 };

/** SVG path of downsampled points; a null starts a new sub-path. */
function pathOf(pts: readonly XY[], sx: (x: number) => number, sy: (y: number) => number): string {
  let d = '';
  let pen = false;
  for (const p of pts) {
    if (p.y === null) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`;
    pen = true;
  }
  return d;
}

/**
 * A small hand-written line chart (no chart library: the side panel must open instantly). Each series
 * is reduced to ≤ 4 points per pixel column (M4, lib/downsample.ts), so 180 days and a 100k-point series
 * cost the same to draw.
 */
export function LineChart(props: ChartProps) {
  const W = props.width ?? 400;
  const H = props.height ?? 160;
  const iw = W - PAD.l - PAD.r;
  const ih = H - PAD.t - PAD.b;
  // Downsample first (x only), then take extents of the ≤ 4 points per column: M4 keeps every
  // column's min and max, so the extents are exact and 100k points are scanned once.
  const reduced = useMemo(
    () => props.series.map((s) => ({ s, pts: m4(s.xs, s.ys, iw) })),
    [props.series, iw],
  );
  const view = useMemo(() => {
    let x0 = Infinity;
    let x1 = -Infinity;
    let y0 = Infinity;
    let y1 = -Infinity;
    for (const { pts } of reduced) {
      if (pts.length === 0) continue;
      x0 = Math.min(x0, pts[0]!.x);
      x1 = Math.max(x1, pts[pts.length - 1]!.x);
      const e = extent(pts.map((p) => p.y));
      if (e) [y0, y1] = [Math.min(y0, e[0]), Math.max(y1, e[1])];
    }
    for (const r of props.rules ?? []) [y0, y1] = [Math.min(y0, r.y), Math.max(y1, r.y)];
    if (props.y) [y0, y1] = props.y;
    if (!(x1 >= x0) || !(y1 >= y0)) return undefined;
    const pad = props.y ? 0 : Math.max(0.5, (y1 - y0) * 0.08);
    return { x0, x1: x1 === x0 ? x0 + 1 : x1, y0: y0 - pad, y1: y1 + pad };
  }, [reduced, props.y, props.rules]);
  const paths = useMemo(() => {
    if (!view) return [];
    const sx = (x: number) => PAD.l + ((x - view.x0) / (view.x1 - view.x0)) * iw;
    const sy = (y: number) => PAD.t + (1 - (y - view.y0) / (view.y1 - view.y0)) * ih;
    return reduced.map(({ s, pts }) => ({
      s,
      d: pathOf(pts, sx, sy),
      dots: s.dots ? pts.filter((p) => p.y !== null).map((p) => [sx(p.x), sy(p.y!)]) : [],
    }));
  }, [reduced, view, iw, ih]);
  if (!view) return <div class="muted">暂无数据</div>;
  const sx = (x: number) => PAD.l + ((x - view.x0) / (view.x1 - view.x0)) * iw;
  const sy = (y: number) => PAD.t + (1 - (y - view.y0) / (view.y1 - view.y0)) * ih;
  const yTicks = [view.y0, (view.y0 + view.y1) / 2, view.y1];
  const xTicks = [view.x0, view.x0 + (view.x1 - view.x0) / 2, view.x1];
  const fmtY = (v: number) => (view.y1 - view.y0 < 5 ? v.toFixed(1) : String(Math.round(v)));
  return (
    <figure style="margin:0">
      <svg
        class="chart"
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={props.title ?? '分数走势'}
        data-testid="line-chart"
      >
        <line class="axis" x1={PAD.l} x2={W - PAD.r} y1={H - PAD.b} y2={H - PAD.b} />
        {yTicks.map((v, i) => (
          <g key={`y${i}`}>
            <line class="axis" x1={PAD.l} x2={W - PAD.r} y1={sy(v)} y2={sy(v)} stroke-dasharray="2 3" />
            <text x={PAD.l - 3} y={sy(v) + 3} text-anchor="end">
              {fmtY(v)}
            </text>
          </g>
        ))}
        {xTicks.map((v, i) => (
          <text
            key={`x${i}`}
            x={sx(v)}
            y={H - 4}
            text-anchor={i === 0 ? 'start' : i === 2 ? 'end' : 'middle'}
          >
            {props.xLabel ? props.xLabel(v) : String(Math.round(v))}
          </text>
        ))}
        {(props.rules ?? []).map((r) => (
          <g key={`r${r.label}`}>
            <line
              x1={PAD.l}
              x2={W - PAD.r}
              y1={sy(r.y)}
              y2={sy(r.y)}
              stroke={r.color ?? '#9a6700'}
              stroke-dasharray="5 3"
            />
            <text x={W - PAD.r} y={sy(r.y) - 3} text-anchor="end" style={{ fill: r.color ?? '#9a6700' }}>
              {r.label}
            </text>
          </g>
        ))}
        {(props.marks ?? []).map((m) => (
          <g key={`m${m.label}`}>
            <line
              x1={sx(m.x)}
              x2={sx(m.x)}
              y1={PAD.t}
              y2={H - PAD.b}
              stroke="#8c959f"
              stroke-dasharray="3 3"
            />
            <text x={sx(m.x) + 2} y={PAD.t + 8}>
              {m.label}
            </text>
          </g>
        ))}
        {paths.map(({ s, d, dots }) => (
          <g key={s.id} data-series={s.id}>
            <path
              d={d}
              fill="none"
              stroke={s.color}
              stroke-width="1.6"
              stroke-dasharray={s.dashed ? '4 3' : undefined}
            />
            {dots.map(([x, y], i) => (
              <circle key={i} cx={x} cy={y} r="1.8" fill={s.color} />
            ))}
          </g>
        ))}
      </svg>
      <figcaption class="chart-legend">
        {props.series.map((s) => (
          <span key={s.id}>
            <i class={s.dashed ? 'dashed' : ''} style={{ background: s.color, color: s.color }} />
            {s.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
