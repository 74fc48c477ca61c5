/**
 * A platform export file → a preview: which kind it is, the drafts it holds, the rows rejected and why.
 * Nothing is written here; the 数据 tab shows the preview and only then sends the drafts to the
 * background's ingest (lib/import/run.ts). CSV goes through papaparse; XLSX through ./xlsx-read.ts.
 */
import Papa from 'papaparse';
import type { ParseResult } from '../capture/batch';
import type { PlatformId } from '../model';
import type { ColumnMatch } from './columns';
import { dropPii, findHeaderRow } from './columns';
import { decodeText } from './decode';
import { IMPORT_KINDS } from './kinds/index';
import type { ImportKind } from './kinds/types';
import type { XCell } from './xlsx-read';
import { readXlsx } from './xlsx-read';

export class ImportFileError extends Error {}

export interface ImportPreview {
  kindId: string;
  label: string;
  platform: PlatformId;
  records: 'reviews' | 'orders';
  fileName: string;
  format: 'csv' | 'xlsx';
  encoding?: string;
  bytes: number;
  /** 1-based row of the header in the sheet. */
  headerRow: number;
  result: ParseResult;
  /** Columns present but not used, and buyer-data columns present but never read. */
  ignored: string[];
  pii: string[];
}

/** Refuse files that cannot be a merchant's export before parsing them. */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

async function tablesOf(
  bytes: Uint8Array,
): Promise<{ format: 'csv' | 'xlsx'; encoding?: string; tables: XCell[][][] }> {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    const sheets = await readXlsx(bytes);
    return { format: 'xlsx', tables: sheets.map((s) => s.rows) };
  }
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf)
    throw new ImportFileError('这是旧版 Excel（.xls）文件：请在 Excel/WPS 中另存为 .xlsx 或 .csv 后再导入');
  const { text, encoding } = decodeText(bytes);
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes' && e.row === undefined);
  if (fatal) throw new ImportFileError(`CSV 格式错误：${fatal.message}`);
  return { format: 'csv', encoding, tables: [parsed.data] };
}

interface Candidate {
  kind: ImportKind;
  table: XCell[][];
  row: number;
  match: ColumnMatch<string>;
}

function detect(tables: XCell[][][]): Candidate {
  let best: Candidate | undefined;
  let bestPartial: Candidate | undefined;
  for (const table of tables)
    for (const kind of IMPORT_KINDS) {
      const found = findHeaderRow(table, kind.fields);
      if (!found) continue;
      const c = { kind, table, row: found.row, match: found.match };
      if (!found.match.missing.length) {
        if (!best || c.match.matched > best.match.matched) best = c;
      } else if (!bestPartial || c.match.matched > bestPartial.match.matched) bestPartial = c;
    }
  if (best) return best;
  if (bestPartial && bestPartial.match.matched >= 2)
    throw new ImportFileError(
      `看起来是「${bestPartial.kind.label}」，但缺少必需的列：${bestPartial.match.missing.join('、')}。请导出完整的列后重试`,
    );
  throw new ImportFileError(
    `无法识别的文件：支持 ${IMPORT_KINDS.map((k) => k.label).join('、')}（.xlsx 或 .csv），请检查表头`,
  );
}

export async function parseImportFile(bytes: Uint8Array, fileName: string): Promise<ImportPreview> {
  if (!bytes.length) throw new ImportFileError('文件是空的');
  if (bytes.length > MAX_IMPORT_BYTES)
    throw new ImportFileError('文件超过 100 MB：请按月份分开导出后逐个导入');
  const { format, encoding, tables } = await tablesOf(bytes);
  const c = detect(tables);
  const header = c.table[c.row]!;
  const data = c.table.slice(c.row + 1);
  dropPii(data, header);
  return {
    kindId: c.kind.id,
    label: c.kind.label,
    platform: c.kind.platform,
    records: c.kind.records,
    fileName,
    format,
    encoding,
    bytes: bytes.length,
    headerRow: c.row + 1,
    result: c.kind.parse(data, c.match.index, c.row + 2),
    ignored: c.match.ignored,
    pii: c.match.pii,
  };
}
