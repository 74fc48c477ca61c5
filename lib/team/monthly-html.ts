/**
 * The 月度口碑报告 as one self-contained HTML file (inline CSS and an inline SVG chart; no script, no
 * external resource), for the merchant to keep or forward. Every text is escaped. Pure.
 */
import type { MonthlyReport, SeriesPoint } from './monthly';
import { reportLines } from './monthly';

const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const pct = (n: number, d: number) => (d ? `${Math.round((n / d) * 100)}%` : '—');
const fix = (v: number | undefined) => (v === undefined ? '—' : v.toFixed(2));
const signed = (v: number | undefined) => (v === undefined ? '—' : v > 0 ? `+${v.toFixed(2)}` : v.toFixed(2));

/** The trend chart as SVG markup: official solid, estimate dashed, y from the values' own range. */
export function trendSvg(series: readonly SeriesPoint[], width = 640, height = 220): string {
  const vals = series.flatMap((p) => [p.official, p.estimate]).filter((v): v is number => v !== undefined);
  if (!vals.length)
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" role="img" aria-label="本月没有评分记录"><text x="12" y="24" font-size="13" fill="#656d76">本月没有评分记录</text></svg>`;
  const pad = { l: 44, r: 12, t: 12, b: 28 };
  let lo = Math.min(...vals);
  let hi = Math.max(...vals);
  if (hi - lo < 0.5) [lo, hi] = [lo - 0.25, hi + 0.25];
  const x = (i: number) =>
    pad.l + (series.length > 1 ? (i / (series.length - 1)) * (width - pad.l - pad.r) : 0);
  const y = (v: number) => pad.t + (1 - (v - lo) / (hi - lo)) * (height - pad.t - pad.b);
  const path = (key: 'official' | 'estimate') => {
    let d = '';
    let pen = false;
    series.forEach((p, i) => {
      const v = p[key];
      if (v === undefined) return void (pen = false);
      d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
      pen = true;
    });
    return d;
  };
  const ticks = [lo, (lo + hi) / 2, hi]
    .map(
      (v) =>
        `<line x1="${pad.l}" x2="${width - pad.r}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#e3e6ea"/><text x="${pad.l - 6}" y="${(y(v) + 4).toFixed(1)}" font-size="11" text-anchor="end" fill="#656d76">${v.toFixed(1)}</text>`,
    )
    .join('');
  const first = series[0]!.date.slice(5);
  const lastDate = series.at(-1)!.date.slice(5);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="评分走势：实线为官方分，虚线为估算分">` +
    ticks +
    `<path d="${path('estimate')}" fill="none" stroke="#8c959f" stroke-width="2" stroke-dasharray="5 4"/>` +
    `<path d="${path('official')}" fill="none" stroke="#1456f0" stroke-width="2.5"/>` +
    `<text x="${pad.l}" y="${height - 8}" font-size="11" fill="#656d76">${esc(first)}</text>` +
    `<text x="${width - pad.r}" y="${height - 8}" font-size="11" text-anchor="end" fill="#656d76">${esc(lastDate)}</text>` +
    `</svg>`
  );
}

function table(head: readonly string[], rows: readonly (readonly string[])[], testid: string): string {
  if (!rows.length) return '<p class="muted">无</p>';
  return `<table data-testid="${testid}"><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

export function reportHtml(r: MonthlyReport, generatedAt: string): string {
  const title = `${r.store.name} · 月度口碑报告 ${r.month}`;
  const summary = reportLines(r)
    .map((l) => `<li>${esc(l).replace(/\*\*(.+?)\*\*/g, '<b>$1</b>')}</li>`)
    .join('');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(title)}</title>
<style>
body{font:14px/1.6 system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;color:#1f2328;max-width:720px;margin:24px auto;padding:0 16px}
h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:24px 0 8px;border-bottom:1px solid #e3e6ea;padding-bottom:4px}
.muted{color:#656d76}.kpis{display:flex;gap:24px;flex-wrap:wrap;margin:12px 0}.kpis b{font-size:22px;display:block}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #e3e6ea;padding:4px 6px;text-align:left}
.up{color:#1a7f37}.down{color:#cf222e}ul{padding-left:20px}svg{max-width:100%;height:auto}
</style></head><body>
<h1>${esc(title)}</h1>
<div class="muted">${esc(r.label)} · 生成于 ${esc(generatedAt)} · 口碑助手（数据来自本机采集的后台记录）</div>
<div class="kpis">
<div>月末${esc(r.label)}<b data-testid="report-end">${fix(r.end)}</b></div>
<div>本月变化<b class="${(r.delta ?? 0) >= 0 ? 'up' : 'down'}">${signed(r.delta)}</b></div>
<div>差评<b>${r.negatives}</b><span class="muted">上月 ${r.previousNegatives}</span></div>
<div>差评 ${r.reply.internalHours} 小时内回复<b>${pct(r.reply.withinInternal, r.reply.negatives)}</b></div>
</div>
<h2>评分走势（实线：官方；虚线：估算）</h2>
${trendSvg(r.series)}
<h2>摘要</h2><ul>${summary}</ul>
<h2>分项变化与主要原因</h2>
${table(
  ['分项', '月初', '月末', '变化', '主要原因'],
  r.dims.map((d) => [d.name, fix(d.start), fix(d.end), signed(d.delta), d.causes.join('；') || '—']),
  'report-dims',
)}
<h2>差评类别</h2>
${table(
  ['类别', '本月', '上月'],
  r.byCategory.map((c) => [c.label, String(c.count), String(c.previous)]),
  'report-categories',
)}
<h2>集中问题</h2>
${table(
  ['问题', '差评数'],
  r.topTopics.map((t) => [t.topic, String(t.count)]),
  'report-topics',
)}
<h2>回复速度</h2>
${table(
  ['差评', '已回复', `${r.reply.internalHours} 小时内`, '24 小时内', '中位用时'],
  [
    [
      String(r.reply.negatives),
      pct(r.reply.replied, r.reply.negatives),
      pct(r.reply.withinInternal, r.reply.negatives),
      pct(r.reply.within24h, r.reply.negatives),
      r.reply.medianHours === undefined ? '—' : `${r.reply.medianHours} 小时`,
    ],
  ],
  'report-reply',
)}
<h2>差评最多的商品</h2>
${table(
  ['商品', '评价', '差评', '差评率', '主要问题'],
  r.worstProducts.map((p) => [
    p.name,
    String(p.reviews),
    String(p.negatives),
    pct(p.negatives, p.reviews),
    p.mainCategory ?? '—',
  ]),
  'report-products',
)}
<h2>改善</h2>
${r.improvements.length ? `<ul>${r.improvements.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>` : '<p class="muted">本月暂无</p>'}
<h2>预测</h2>
<p>${r.forecast ? `按本月最后两周的走势（每天 ${signed(r.forecast.perDay)}），30 天后约 <b>${r.forecast.value.toFixed(2)}</b>。粗略外推，仅供参考。` : '评分记录不足 5 天，无法外推。'}</p>
</body></html>
`;
}
