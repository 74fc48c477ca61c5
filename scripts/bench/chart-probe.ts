/**
 * The chart render probe shared by e2e/score.spec.ts (its ≤ 150 ms check) and the UI benchmark: renders
 * the side panel's LineChart with `n` points (a dip in the middle, like a score drop) into the page and
 * returns the time to a laid-out chart and the number of path segments drawn.
 */
import { h, render } from 'preact';
import { LineChart } from '../../components/score/LineChart';

export function renderChartProbe(n: number): { ms: number; segments: number } {
  const el = document.createElement('div');
  el.style.width = '420px';
  document.body.appendChild(el);
  const xs = new Float64Array(n);
  const ys = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    xs[i] = i * 60_000;
    ys[i] = 92.5 - (i > n * 0.6 && i < n * 0.65 ? 22.75 : 0) + Math.sin(i / 7);
  }
  const t0 = performance.now();
  render(h(LineChart, { series: [{ id: 's', label: '估算', color: '#1456f0', xs, ys }] }), el);
  el.getBoundingClientRect();
  const ms = performance.now() - t0;
  const d = el.querySelector('[data-series="s"] path')?.getAttribute('d') ?? '';
  render(null, el);
  el.remove();
  return { ms, segments: d.split('L').length };
}
