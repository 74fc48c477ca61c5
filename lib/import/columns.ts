/**
 * Header matching for platform export files: each field lists the header names seen across template
 * versions; matching ignores spaces, BOMs, padding quotes/tabs and full-width brackets, so
 * "用户实付金额（元）" and "用户实付金额(元)" are one column. Columns not listed are never read — buyer personal
 * data (PII_HEADERS) in particular: those cells are blanked as soon as the header row is known.
 */
import { provinceOf } from '../provinces';
import type { XCell } from './xlsx-read';

export interface FieldSpec {
  /** Accepted header names, newest first. */
  headers: readonly string[];
  required?: boolean;
}

/** Fields a file kind reads; fields left out are simply absent from that platform's file. */
export type FieldMap<F extends string> = Partial<Record<F, FieldSpec>>;

/** Buyer personal data columns in the platforms' order exports: never read, never stored. */
export const PII_HEADERS = [
  '收件人',
  '收件人姓名',
  '收件人手机号',
  '收件人电话',
  '收件地址',
  '详细地址',
  '收货人',
  '收货人姓名',
  '收货人手机号',
  '收货地址',
  '手机',
  '手机号',
  '联系手机',
  '联系电话',
  // '省' is read (issue #16: the province is not personal data and feeds the 物流异常地图).
  '市',
  '区',
  '街道',
  '买家会员名',
  '买家支付宝账号',
  '身份证号',
  '买家留言',
  '买家备注',
] as const;

/** Canonical form of a header cell. */
export function normalizeHeader(v: XCell): string {
  return String(v ?? '')
    .replace(/^[\uFEFF'"=\t\s]+|["\t\s]+$/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/\s+/g, '');
}

const PII = new Set(PII_HEADERS.map(normalizeHeader));
export const isPiiHeader = (h: string): boolean => PII.has(normalizeHeader(h));

export interface ColumnMatch<F extends string> {
  /** Column index per matched field. */
  index: Partial<Record<F, number>>;
  /** Required fields with no column, by their first (current) header name. */
  missing: string[];
  /** Headers present but not used (PII excluded). */
  ignored: string[];
  /** PII headers present in the file (not read). */
  pii: string[];
  matched: number;
}

export function matchColumns<F extends string>(
  header: readonly XCell[],
  fields: FieldMap<F>,
): ColumnMatch<F> {
  const names = header.map(normalizeHeader);
  const index: Partial<Record<F, number>> = {};
  const used = new Set<number>();
  const missing: string[] = [];
  for (const f of Object.keys(fields) as F[]) {
    const spec = fields[f];
    if (!spec) continue;
    const i = spec.headers.map((h) => names.indexOf(normalizeHeader(h))).find((x) => x >= 0 && !used.has(x));
    if (i === undefined) {
      if (spec.required) missing.push(spec.headers[0]!);
      continue;
    }
    index[f] = i;
    used.add(i);
  }
  const pii = names.filter((n) => PII.has(n));
  const ignored = names.filter((n, i) => n && !used.has(i) && !PII.has(n));
  return { index, missing, ignored, pii, matched: used.size };
}

/** Finds the header row among the first rows (some exports put a title line above it). */
export function findHeaderRow<F extends string>(rows: readonly XCell[][], fields: FieldMap<F>, scan = 10) {
  let best: { row: number; match: ColumnMatch<F> } | undefined;
  for (let r = 0; r < Math.min(scan, rows.length); r++) {
    const match = matchColumns(rows[r]!, fields);
    if (!best || match.matched > best.match.matched) best = { row: r, match };
  }
  return best;
}

/**
 * Full-address columns of exports with no separate 省 column (淘宝 订单报表 收货地址, issue #16): their
 * cells are reduced to the province the address starts with — checked against the list of provinces —
 * and everything after it (city, district, street) is dropped with the rest of the PII.
 */
export const ADDRESS_HEADERS = ['收货地址', '收件地址'] as const;
const ADDRESS = new Set<string>(ADDRESS_HEADERS.map(normalizeHeader));

/**
 * Blanks PII cells in place, so no later step (preview, error messages) can show them; an address cell
 * keeps only its province (or is blanked when it names none).
 */
export function dropPii(rows: XCell[][], header: readonly XCell[]): void {
  const names = header.map(normalizeHeader);
  const cols = names.map((h, i) => (PII.has(h) ? i : -1)).filter((i) => i >= 0);
  if (!cols.length) return;
  for (const row of rows)
    for (const c of cols)
      if (c < row.length)
        row[c] = ADDRESS.has(names[c]!) && typeof row[c] === 'string' ? provinceOf(row[c]) : undefined;
}
