/**
 * Reading XLSX worksheets into rows of raw cell values — enough SpreadsheetML for the platforms' export
 * files (ECMA-376 Part 1 §18.3 sheetData, §18.4 shared strings): shared strings with rich-text runs
 * (phonetic runs dropped), inline strings, formula results, booleans, numbers, and cell references with
 * gaps. Dates stay Excel serial numbers; the importer converts the columns it knows are dates. Styles,
 * formulas and merged cells are ignored. Why not a library: lib/export/XLSX-CHOICE.md.
 */
import { listZip, readZipText } from './unzip';

export type XCell = string | number | boolean | undefined;

export interface XlsxSheet {
  name: string;
  rows: XCell[][];
}

const ENTITY: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML entities, numeric references and OOXML's `_xHHHH_` escapes (e.g. `_x000D_` for CR). */
export function decodeXml(s: string): string {
  if (!s.includes('&') && !s.includes('_x')) return s;
  return s
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => {
      if (e[0] !== '#') return ENTITY[e] ?? m;
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(cp) && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    })
    .replace(/_x([0-9a-f]{4})_/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

function attrs(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of s.matchAll(/([\w:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const name = m[1]!.replace(/^\w+:(?!id$)/, '');
    out[name] = decodeXml(m[2] ?? m[3] ?? '');
  }
  return out;
}

/** Text of all `<t>` runs in a fragment, phonetic (`<rPh>`) runs excluded. */
function runsText(xml: string): string {
  const clean = xml.replace(/<(\w+:)?rPh\b[\s\S]*?<\/(\w+:)?rPh>/g, '');
  let s = '';
  for (const m of clean.matchAll(/<(?:\w+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g)) s += m[1] ?? '';
  return decodeXml(s);
}

export function parseSharedStrings(xml: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g))
    out.push(runsText(m[1] ?? ''));
  return out;
}

/** 0-based column of an A1 reference ("AB12" → 27), or undefined. */
export function columnOf(ref: string | undefined): number | undefined {
  const m = ref ? /^([A-Z]{1,3})\d*$/i.exec(ref) : null;
  if (!m) return undefined;
  let n = 0;
  for (const ch of m[1]!.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function cellValue(a: { t?: string }, inner: string, shared: readonly string[]): XCell {
  const t = a.t ?? 'n';
  if (t === 'inlineStr')
    return runsText(/<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/.exec(inner)?.[1] ?? '');
  const raw = /<(?:\w+:)?v\b[^>]*>([\s\S]*?)<\/(?:\w+:)?v>/.exec(inner)?.[1];
  if (raw === undefined) return undefined;
  const v = decodeXml(raw);
  if (t === 's') return shared[Number(v)] ?? '';
  if (t === 'b') return v === '1' || v === 'true';
  if (t === 'str' || t === 'e' || t === 'd') return v;
  const n = Number(v);
  return v.trim() !== '' && Number.isFinite(n) ? n : v;
}

/** Rows of one worksheet's XML. Stops after `maxRows` rows. */
export function parseSheet(xml: string, shared: readonly string[], maxRows = Infinity): XCell[][] {
  const rows: XCell[][] = [];
  const rowRe = /<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g;
  const cellRe = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
  for (const rm of xml.matchAll(rowRe)) {
    const r = Number(attrs(rm[1] ?? '').r);
    // Rows with no cells are usually left out of the XML: keep the gaps so row numbers stay true.
    if (Number.isInteger(r) && r > 0) while (rows.length < r - 1) rows.push([]);
    const row: XCell[] = [];
    for (const cm of (rm[2] ?? '').matchAll(cellRe)) {
      // Only r and t matter here; two small regexes are several times faster than a full attribute parse.
      const at = cm[1] ?? '';
      const a = { r: /\br="([^"]*)"/.exec(at)?.[1], t: /\bt="([^"]*)"/.exec(at)?.[1] };
      const col = columnOf(a.r) ?? row.length;
      row[col] = cellValue(a, cm[2] ?? '', shared);
    }
    rows.push(Array.from(row));
    if (rows.length >= maxRows) break;
  }
  return rows;
}

/** Every worksheet of an XLSX file, in workbook order. */
export async function readXlsx(bytes: Uint8Array, maxRows = Infinity): Promise<XlsxSheet[]> {
  const entries = listZip(bytes);
  const wb = await readZipText(bytes, entries, 'xl/workbook.xml');
  if (!wb) throw new Error('XLSX 文件缺少 xl/workbook.xml');
  const relsXml = (await readZipText(bytes, entries, 'xl/_rels/workbook.xml.rels')) ?? '';
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const a = attrs(m[1] ?? '');
    if (a.Id && a.Target) targets.set(a.Id, a.Target.startsWith('/') ? a.Target.slice(1) : `xl/${a.Target}`);
  }
  const sharedXml = await readZipText(bytes, entries, 'xl/sharedStrings.xml');
  const shared = sharedXml ? parseSharedStrings(sharedXml) : [];
  const sheets: XlsxSheet[] = [];
  let i = 0;
  for (const m of wb.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)) {
    i++;
    const a = attrs(m[1] ?? '');
    const path = (a['r:id'] && targets.get(a['r:id'])) || `xl/worksheets/sheet${i}.xml`;
    const xml = await readZipText(bytes, entries, path);
    if (xml !== undefined)
      sheets.push({ name: a.name ?? `Sheet${i}`, rows: parseSheet(xml, shared, maxRows) });
  }
  return sheets;
}
