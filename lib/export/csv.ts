/**
 * CSV for Excel and WPS: UTF-8 with BOM (without it both guess GBK and garble Chinese), CRLF records,
 * RFC 4180 quoting, and formula-injection escaping (OWASP "CSV Injection"; papaparse's `escapeFormulae`
 * and csv-stringify's `escape_formulas` use the same core trigger set).
 *
 * Cell rules, by column type (see XLSX-CHOICE.md §"CSV ids" for the evidence):
 * - `number`: written bare only when it is a finite JS number, so Excel/WPS sums it. Never escaped (a
 *   number we format cannot carry a formula).
 * - `id`: a leading TAB when the id would otherwise look numeric or date-like to Excel (19-digit order
 *   ids lose their last digits as 6.93E+18; "260410-…" becomes a date). A tab is not a formula prefix for
 *   digits, survives a round trip, and is what the platforms' own exports do; `="…"` would be a formula.
 * - everything else is text: a cell starting with = + - @ TAB CR LF (or their full-width forms) — or
 *   with `'` itself, so the escape can be undone exactly — gets one leading `'`.
 */

export const BOM = '\uFEFF';
export const EOL = '\r\n';

/** How a column's values are written. */
export type CellType = 'text' | 'id' | 'number' | 'time' | 'date' | 'bool';

/**
 * First characters that make Excel/WPS/LibreOffice evaluate a text cell (OWASP's set, plus LF and the
 * full-width forms a Chinese IME types, which Excel's CJK builds accept as operators), plus `'` itself.
 */
const TRIGGER = /^[=+\-@\t\r\n'＝＋－＠]/;
const NEEDS_QUOTES = /[",\r\n]/;
/** Ids Excel would turn into a number or a date (digits, optionally with - / . : separators). */
const NUMERIC_LOOKING = /^[\d\s.,:/+-]+$|^\d+[eE]\d+$/;

/** Quotes a field when RFC 4180 requires it (comma, quote, CR or LF inside). */
export function quote(s: string): string {
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Formula-injection escape of a text cell (no quoting). */
export function escapeText(s: string): string {
  return TRIGGER.test(s) ? `'${s}` : s;
}

/** Undoes `escapeText` (for round-trip tests and our own importer). */
export function unescapeText(s: string): string {
  return s.length > 1 && s[0] === "'" && TRIGGER.test(s.slice(1)) ? s.slice(1) : s;
}

/** Protects an id from Excel's number/date conversion without a formula. */
export function protectId(s: string): string {
  if (NUMERIC_LOOKING.test(s)) return `\t${s}`;
  return escapeText(s);
}

/** Undoes `protectId`. */
export function unprotectId(s: string): string {
  return s.startsWith('\t') ? s.slice(1) : unescapeText(s);
}

/** One cell, escaped and quoted. `undefined`/`null` → empty. */
export function csvCell(v: string | number | boolean | undefined | null, type: CellType): string {
  if (v === undefined || v === null || v === '') return '';
  if (typeof v === 'number') {
    if (Number.isFinite(v)) return String(v);
    return '';
  }
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (type === 'id') return quote(protectId(v));
  return quote(escapeText(v));
}

/** A record line (with CRLF). */
export function csvLine(cells: readonly string[]): string {
  return cells.join(',') + EOL;
}
