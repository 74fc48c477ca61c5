/**
 * Cleaning the cells of a platform export: the platforms pad ids with a leading `'` or TAB (so Excel keeps
 * them as text), some write `="…"`, 拼多多 pads empty cells with tabs, and XLSX cells may be numbers
 * (amounts, Excel serial dates — or ids Excel already rounded, which we refuse rather than store wrong).
 */
import { dayKey } from '../keys';
import { shanghaiDateTimeToMs } from '../platforms/parse-utils';
import type { XCell } from './xlsx-read';

/** Excel's serial day 25569 is 1970-01-01; the platforms' serials are Asia/Shanghai wall-clock. */
const EXCEL_EPOCH_DAYS = 25569;
const SHANGHAI_MS = 8 * 3600 * 1000;

/** A cell as trimmed text: `'`/TAB padding and `="…"` wrappers removed; empty → undefined. */
export function text(v: XCell): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : undefined;
  if (typeof v === 'boolean') return v ? '是' : '否';
  let s = v.replace(/^[\s'\u00a0\t]+|[\s\u00a0\t]+$/g, '');
  const wrapped = /^="(.*)"$/s.exec(s);
  if (wrapped) s = wrapped[1]!.replace(/""/g, '"').trim();
  return s === '' || s === '-' || s === '--' ? undefined : s;
}

export class CellError extends Error {}

/** An id: text as is; a number only when Excel could not have rounded it (≤ 15 digits). */
export function idCell(v: XCell, label: string): string | undefined {
  if (typeof v === 'number') {
    if (!Number.isSafeInteger(v) || String(v).length > 15)
      throw new CellError(
        `${label}在表格中被存成了数字（${v}），超过 15 位的号码已被 Excel 改写。请把该列设为文本后重新导出，或改用 CSV`,
      );
    return v > 0 ? String(v) : undefined;
  }
  const s = text(v);
  if (s && /^\d(\.\d+)?[eE]\+\d+$/.test(s)) throw new CellError(`${label}是科学计数法（${s}），原号码已丢失`);
  return s && s.length <= 64 ? s : undefined;
}

/** A date-time cell (text in Asia/Shanghai, or an Excel serial number) → ms. */
export function timeCell(v: XCell): number | undefined {
  if (typeof v === 'number') {
    if (v < 36526 || v > 73051) return undefined; // 2000-01-01 … 2100-01-01
    return Math.round((v - EXCEL_EPOCH_DAYS) * 86_400_000) - SHANGHAI_MS;
  }
  const s = text(v);
  if (!s) return undefined;
  if (/^\d{10}$/.test(s)) return Number(s) * 1000; // a Unix-seconds column in some templates
  const ms = shanghaiDateTimeToMs(s);
  // Date.UTC rolls "2026-13-40" over into 2027: accept only dates that read back as written.
  const m = /^(\d{4})[-/年](\d{1,2})[-/月](\d{1,2})/.exec(s);
  if (ms === undefined || !m) return undefined;
  const written = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return dayKey(ms) === written ? ms : undefined;
}

/** A number cell ("¥1,234.50", "5分", "98%") → number. */
export function numCell(v: XCell): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  const s = text(v)?.replace(/[¥￥,，\s元分星件%]/g, '');
  if (!s) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

/** 元 → 分. */
export function fenCell(v: XCell): number | undefined {
  const n = numCell(v);
  return n === undefined ? undefined : Math.round(n * 100);
}
