/** Display formatting (zh-CN). */
import { SHANGHAI_OFFSET_MS } from '@/lib/keys';

const pad = (n: number) => String(n).padStart(2, '0');

/** "11-22 14:05" in Asia/Shanghai, whatever the browser's time zone. */
export function shortTime(ms: number): string {
  const d = new Date(ms + SHANGHAI_OFFSET_MS);
  return `${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

export function fullTime(ms: number): string {
  const d = new Date(ms + SHANGHAI_OFFSET_MS);
  return `${d.getUTCFullYear()}-${shortTime(ms)}`;
}

/** "3 分钟前" style relative time. */
export function ago(ms: number, now: number): string {
  const s = Math.max(0, Math.round((now - ms) / 1000));
  if (s < 60) return '刚刚';
  if (s < 3600) return `${Math.floor(s / 60)} 分钟前`;
  if (s < 86400) return `${Math.floor(s / 3600)} 小时前`;
  return `${Math.floor(s / 86400)} 天前`;
}

export const num = (n: number): string => n.toLocaleString('zh-CN');

export const pct = (w: number | undefined): string =>
  w === undefined ? '—' : `${Math.round(w * 1000) / 10}%`;

export function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
