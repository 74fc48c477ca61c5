/**
 * A minimal streaming SpreadsheetML (XLSX) writer: one worksheet per kind, inline strings (no shared
 * string table to hold in memory), numbers as numbers, a bold frozen header row. Rows are written as they
 * are read, compressed by ./zip.ts. Why hand-written rather than a library: XLSX-CHOICE.md.
 *
 * XLSX cells are typed, so text starting with "=" is text: no formula escaping is needed here, and ids
 * stay exact strings.
 */
import type { CellType } from './csv';
import type { Cell } from './kinds';
import type { BlobSink } from './sink';
import { Utf8Chunks, ZipWriter } from './zip';

/** Excel's row limit (header included); a longer kind continues on a sheet named "评价 (2)". */
export const MAX_SHEET_ROWS = 1_048_576;

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

// Characters XML 1.0 forbids, and lone surrogates (TextEncoder would turn them into U+FFFD anyway).
const BAD_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const SPECIAL = /[&<>\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Escapes text for an XML text node or attribute value, dropping characters XML cannot carry. */
export function xmlText(s: string): string {
  if (!SPECIAL.test(s) && !s.includes('"')) return s;
  return s
    .replace(BAD_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** A1-style column letters for a 0-based index. */
export function columnName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const WIDTH: Record<CellType, number> = { text: 18, id: 22, number: 10, time: 20, date: 12, bool: 8 };

/** One cell's XML. */
function cellXml(ref: string, v: Cell, style = ''): string {
  if (v === undefined || v === '') return '';
  if (typeof v === 'number') return Number.isFinite(v) ? `<c r="${ref}"${style}><v>${v}</v></c>` : '';
  const s = typeof v === 'boolean' ? (v ? '是' : '否') : xmlText(v);
  const space = /^\s|\s$/.test(s) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${style} t="inlineStr"><is><t${space}>${s}</t></is></c>`;
}

/** Sheet names: ≤ 31 characters, none of []:*?/\ (Excel refuses the file otherwise). */
export function sheetName(name: string, taken: ReadonlySet<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet';
  let out = base;
  for (let i = 2; taken.has(out); i++) out = `${base.slice(0, 26)} (${i})`;
  return out;
}

export interface SheetColumns {
  header: string;
  type: CellType;
}

export class XlsxWriter {
  private readonly zip: ZipWriter;
  private readonly names: string[] = [];

  constructor(sink: BlobSink) {
    this.zip = new ZipWriter(sink);
  }

  /**
   * Writes one kind. `rows` yields chunks of cell arrays (in column order). Returns the rows written;
   * past Excel's row limit the kind continues on further sheets.
   */
  async addSheets(label: string, columns: readonly SheetColumns[], rows: AsyncIterable<Cell[][]>) {
    const refs = columns.map((_, i) => columnName(i));
    const it = rows[Symbol.asyncIterator]();
    let pending: Cell[][] = [];
    let done = false;
    let total = 0;
    do {
      const name = sheetName(label, new Set(this.names));
      this.names.push(name);
      await this.zip.add(`xl/worksheets/sheet${this.names.length}.xml`, async (write) => {
        const cols = columns
          .map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${WIDTH[c.type]}" customWidth="1"/>`)
          .join('');
        const head = columns.map((c, i) => cellXml(`${refs[i]}1`, c.header, ' s="1"')).join('');
        await write(
          `${XML_HEAD}<worksheet xmlns="${NS}" xmlns:r="${REL}"><sheetViews><sheetView workbookViewId="0">` +
            `<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
            `<cols>${cols}</cols><sheetData><row r="1">${head}</row>`,
        );
        let r = 1;
        while (r < MAX_SHEET_ROWS) {
          if (!pending.length) {
            const next = await it.next();
            if (next.done) {
              done = true;
              break;
            }
            pending = next.value;
          }
          const take = pending.splice(0, MAX_SHEET_ROWS - r);
          // Each row's XML is encoded on its own (Utf8Chunks): no chunk-long string to flatten.
          const bytes = new Utf8Chunks();
          for (const row of take) {
            r++;
            let xml = `<row r="${r}">`;
            for (let i = 0; i < row.length; i++) xml += cellXml(`${refs[i]}${r}`, row[i]);
            const full = bytes.push(xml + '</row>');
            if (full) await write(full);
          }
          total += take.length;
          const rest = bytes.take();
          if (rest) await write(rest);
        }
        await write('</sheetData></worksheet>');
      });
    } while (!done);
    return total;
  }

  /** Writes the workbook parts and the ZIP directory. */
  async finish(): Promise<void> {
    const n = this.names.length;
    const sheets = this.names.map(
      (s, i) => `<sheet name="${xmlText(s)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`,
    );
    const rels = this.names.map(
      (_, i) =>
        `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    );
    const overrides = this.names.map(
      (_, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    );
    const parts: [string, string][] = [
      [
        '[Content_Types].xml',
        `<Types xmlns="${PKG}/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
          `<Default Extension="xml" ContentType="application/xml"/>` +
          `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
          `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
          `${overrides.join('')}</Types>`,
      ],
      [
        '_rels/.rels',
        `<Relationships xmlns="${PKG}/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ],
      [
        'xl/workbook.xml',
        `<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets>${sheets.join('')}</sheets></workbook>`,
      ],
      [
        'xl/_rels/workbook.xml.rels',
        `<Relationships xmlns="${PKG}/relationships">${rels.join('')}` +
          `<Relationship Id="rId${n + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
      ],
      ['xl/styles.xml', STYLES],
    ];
    for (const [path, xml] of parts) await this.zip.add(path, (write) => write(XML_HEAD + xml));
    this.zip.finish();
  }
}

// Style 0: normal; style 1: bold (header row).
const STYLES =
  `<styleSheet xmlns="${NS}"><fonts count="2"><font><sz val="11"/><name val="等线"/><family val="2"/></font>` +
  `<font><b/><sz val="11"/><name val="等线"/><family val="2"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
  `<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
