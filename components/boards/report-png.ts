/**
 * The 月度口碑报告 as a PNG for the group chat: the title, the summary lines and the trend chart drawn on a
 * canvas (the chart is the report's own SVG, drawn as an image: no foreignObject, so the canvas stays
 * exportable).
 */
import type { MonthlyReport } from '@/lib/team/monthly';
import { reportLines } from '@/lib/team/monthly';
import { trendSvg } from '@/lib/team/monthly-html';

const W = 720;
const FONT = '"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif';

function loadSvg(svg: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('走势图无法绘制'));
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  });
}

/** Splits a line into pieces that fit `max` pixels. */
function wrap(ctx: CanvasRenderingContext2D, text: string, max: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const ch of text) {
    if (ctx.measureText(cur + ch).width > max && cur) {
      out.push(cur);
      cur = ch;
    } else cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}

export async function reportPng(r: MonthlyReport, generatedAt: string): Promise<Blob> {
  const chart = await loadSvg(trendSvg(r.series, W - 48, 220));
  const measure = document.createElement('canvas').getContext('2d')!;
  measure.font = `15px ${FONT}`;
  const lines = reportLines(r).flatMap((l) => wrap(measure, l.replace(/\*\*/g, ''), W - 56));
  const height = 96 + 236 + lines.length * 26 + 48;
  const canvas = document.createElement('canvas');
  const scale = 2;
  canvas.width = W * scale;
  canvas.height = height * scale;
  const ctx = canvas.getContext('2d')!;
  ctx.scale(scale, scale);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, W, height);
  ctx.fillStyle = '#1456f0';
  ctx.fillRect(0, 0, W, 6);
  ctx.fillStyle = '#1f2328';
  ctx.font = `bold 22px ${FONT}`;
  ctx.fillText(`${r.store.name} · 月度口碑报告 ${r.month}`, 24, 44);
  ctx.fillStyle = '#656d76';
  ctx.font = `13px ${FONT}`;
  ctx.fillText(`${r.label} · 实线官方分，虚线估算分 · 生成于 ${generatedAt}`, 24, 70);
  ctx.drawImage(chart, 24, 88);
  ctx.fillStyle = '#1f2328';
  ctx.font = `15px ${FONT}`;
  lines.forEach((l, i) => ctx.fillText(l, 28, 88 + 236 + i * 26 + 8));
  ctx.fillStyle = '#8c959f';
  ctx.font = `12px ${FONT}`;
  ctx.fillText('口碑助手 · 数据来自本机采集的后台记录', 24, height - 18);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG 生成失败'))), 'image/png'),
  );
}
