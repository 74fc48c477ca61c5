/**
 * Reading a backup file as a stream of row chunks. Files in our own line layout (lib/export/backup.ts)
 * are read line by line, whatever their size; anything else that is a JSON object (a hand-edited or
 * pretty-printed file, an older version) is parsed whole — up to WHOLE_LIMIT bytes — and migrated.
 */
import { BACKUP_FORMAT, BACKUP_TABLES } from '../export/backup';
import type { BackupTable } from '../export/backup';
import { BackupFormatError, migrateBackup } from './backup-migrate';

export { BackupFormatError };

export const WHOLE_LIMIT = 200 * 1024 * 1024;

export interface BackupHeader {
  format: string;
  schemaVersion: number;
  exportedAt?: number;
  app?: string;
  /** The version the file was written in, before migration. */
  fromVersion: number;
}

export type BackupEvent =
  | { type: 'header'; header: BackupHeader }
  | { type: 'rows'; table: BackupTable; rows: unknown[] }
  | { type: 'end'; counts: Record<string, number> };

const TABLES = new Set<string>(BACKUP_TABLES);

/** Lines of a Blob, decoded as UTF-8 (a BOM is dropped). */
export async function* lines(file: Blob): AsyncGenerator<string> {
  const reader = file.stream().pipeThrough(new TextDecoderStream()).getReader();
  let rest = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const parts = (rest + value).split('\n');
    rest = parts.pop()!;
    yield* parts;
  }
  if (rest) yield rest;
}

async function* streamed(file: Blob, first: string, chunk: number): AsyncGenerator<BackupEvent> {
  let lineNo = 0;
  const fail = (why: string): never => {
    throw new BackupFormatError(`备份文件第 ${lineNo} 行${why}`);
  };
  let table: BackupTable | undefined;
  let rows: unknown[] = [];
  let ended = false;
  for await (const raw of lines(file)) {
    lineNo++;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (lineNo === 1) {
      const header = JSON.parse(first.slice(0, -1) + '}') as BackupHeader;
      yield { type: 'header', header: { ...header, fromVersion: header.schemaVersion } };
      continue;
    }
    if (ended) {
      if (line.trim()) fail('：文件结尾后还有内容');
      continue;
    }
    if (table) {
      if (line === '],' || line === ']') {
        if (rows.length) yield { type: 'rows', table, rows };
        rows = [];
        table = undefined;
        continue;
      }
      try {
        rows.push(JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line));
      } catch {
        fail('不是有效的 JSON 记录');
      }
      if (rows.length >= chunk) {
        yield { type: 'rows', table, rows };
        rows = [];
      }
      continue;
    }
    const open = /^"(\w+)":\[(\],?)?$/.exec(line);
    if (open) {
      if (!TABLES.has(open[1]!)) fail(`：未知的数据表 ${open[1]}`);
      if (!open[2]) table = open[1] as BackupTable;
      continue;
    }
    if (line.startsWith('"counts":')) {
      try {
        const counts = (JSON.parse(`{${line}`) as { counts: Record<string, number> }).counts;
        ended = true;
        yield { type: 'end', counts };
      } catch {
        fail('：结尾的计数无效');
      }
      continue;
    }
    if (line.trim()) fail('无法识别');
  }
  if (!ended) throw new BackupFormatError('备份文件不完整（缺少结尾的计数，可能下载或复制时中断了）');
}

async function* whole(file: Blob, chunk: number): AsyncGenerator<BackupEvent> {
  if (file.size > WHOLE_LIMIT) throw new BackupFormatError('文件过大且不是口碑助手导出的逐行格式，无法读取');
  let doc: unknown;
  try {
    doc = JSON.parse(await file.text());
  } catch {
    throw new BackupFormatError('不是有效的 JSON 文件');
  }
  const { doc: v1, fromVersion } = migrateBackup(doc);
  yield {
    type: 'header',
    header: {
      format: v1.format,
      schemaVersion: v1.schemaVersion,
      exportedAt: v1.exportedAt,
      app: v1.app,
      fromVersion,
    },
  };
  const counts: Record<string, number> = {};
  for (const t of BACKUP_TABLES) {
    const rows = Array.isArray(v1[t]) ? (v1[t] as unknown[]) : [];
    counts[t] = rows.length;
    for (let i = 0; i < rows.length; i += chunk)
      yield { type: 'rows', table: t, rows: rows.slice(i, i + chunk) };
  }
  yield { type: 'end', counts: v1.counts ?? counts };
}

/** Reads a backup as header, row chunks (≤ `chunk` rows each) and end events. */
export async function* readBackup(file: Blob, chunk = 1000): AsyncGenerator<BackupEvent> {
  let first = '';
  for await (const l of lines(file.slice(0, 64 * 1024))) {
    first = l.replace(/^\uFEFF/, '');
    break;
  }
  const ours = first.startsWith(`{"format":"${BACKUP_FORMAT}"`) && first.endsWith(',');
  if (ours) {
    const head = JSON.parse(first.slice(0, -1) + '}') as { schemaVersion?: unknown };
    if (head.schemaVersion === 1) return yield* streamed(file, first, chunk);
  }
  yield* whole(file, chunk);
}
