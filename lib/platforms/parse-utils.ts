/**
 * Small, dependency-free helpers shared by the adapters: JSON shape guards, id coercion, time-unit
 * conversion with sanity checks, money, the frame of a `parse` and its per-row loop (problems become
 * rejections, never exceptions), and turning zod issues into Chinese capture-health reasons.
 */
import type * as z from 'zod/mini';
import type { ParseResult } from '../capture/batch';
import { emptyResult } from '../capture/batch';
import type { Rejection } from '../model';

const MIN_MS = 946_684_800_000; // 2000-01-01
const MAX_MS = 4_102_444_800_000; // 2100-01-01

/** An id as a string: accepts strings and safe integers (ids above 2^53 must arrive as strings). */
export function idOf(v: unknown): string | undefined {
  if (typeof v === 'string') {
    const t = v.trim().replace(/^['\t]+/, '');
    return t && t !== '0' && t.length <= 64 ? t : undefined;
  }
  if (typeof v === 'number' && Number.isSafeInteger(v) && v > 0) return String(v);
  return undefined;
}

/** A JSON object as the consoles send it: every field still unknown. */
export type Obj = Record<string, unknown>;
/** A plain object (not null, not an array). */
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
/** `v` when it is a plain object, else `{}`: lets nested reads go on without checks at every level. */
export const obj = (v: unknown): Obj => (isObj(v) ? v : {});
/** The plain-object elements of `v` when it is an array, else `[]`. */
export const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);
/** A console boolean flag: `true`, `1`, `'1'` or `'true'`. */
export const yes = (v: unknown): boolean => v === true || v === 1 || v === '1' || v === 'true';

/** Thrown by the time readers; the row loop turns it into a `bad_time` rejection of that row. */
export class TimeUnitError extends Error {}

/**
 * Seconds → ms, refusing values that are clearly in another unit (a ms value where seconds are expected
 * would land in the year 50000). 0/null/'' mean "not set".
 */
export function secondsToMs(v: unknown, field: string): number | undefined {
  if (v === undefined || v === null || v === '' || v === 0 || v === '0') return undefined;
  const n = typeof v === 'string' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isFinite(n)) throw new TimeUnitError(`${field} 不是时间戳`);
  const ms = Math.round(n * 1000);
  if (ms < MIN_MS || ms > MAX_MS) throw new TimeUnitError(`${field}=${String(v)} 不是秒级时间戳`);
  return ms;
}

/** Milliseconds as-is, with the same sanity range. */
export function msToMs(v: unknown, field: string): number | undefined {
  if (v === undefined || v === null || v === '' || v === 0 || v === '0') return undefined;
  const n = typeof v === 'string' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isFinite(n)) throw new TimeUnitError(`${field} 不是时间戳`);
  if (n < MIN_MS || n > MAX_MS) throw new TimeUnitError(`${field}=${String(v)} 不是毫秒级时间戳`);
  return Math.round(n);
}

/** "YYYY-MM-DD HH:mm:ss" (or "YYYY-MM-DD", or with 年月日) in Asia/Shanghai → ms. */
export function shanghaiDateTimeToMs(v: unknown): number | undefined {
  if (typeof v !== 'string') return undefined;
  const m = /^(\d{4})[-/年](\d{1,2})[-/月](\d{1,2})日?(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?/.exec(v.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = m;
  // Date.UTC rolls impossible dates over (2026-13-40 → 2027-02-09): refuse them instead.
  if (+mo! < 1 || +mo! > 12 || +d! < 1 || +d! > new Date(Date.UTC(+y!, +mo!, 0)).getUTCDate())
    return undefined;
  if (+h > 23 || +mi > 59 || +s > 59) return undefined;
  const ms = Date.UTC(+y!, +mo! - 1, +d!, +h - 8, +mi, +s);
  return ms >= MIN_MS && ms <= MAX_MS ? ms : undefined;
}

/** A star value 1–5, or undefined for 0/absent/out of range. */
export function starOf(v: unknown): number | undefined {
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 5 ? n : undefined;
}

export function countOf(v: unknown): number {
  if (Array.isArray(v)) return v.length;
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : 0;
}

/** A number from a number or numeric string ("98.5%" → 98.5); undefined otherwise. */
export function numOf(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string') {
    const n = Number(v.replace(/[%,\s]/g, ''));
    return v.trim() !== '' && Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** 元 ("129.00", "¥1,299.5", "89元" or a number) → integer 分; undefined when it is not a number. */
export function yuanToFen(v: unknown): number | undefined {
  const n = numOf(typeof v === 'string' ? v.replace(/[¥￥元]/g, '') : v);
  return n === undefined ? undefined : Math.round(n * 100);
}

/** Trims and caps a string; non-strings become undefined. */
export function textOf(v: unknown, max = 5000): string | undefined {
  return typeof v === 'string' ? v.slice(0, max) : undefined;
}

/** A nickname is kept only when the console already masked it (contains `*`). */
export function maskedNick(v: unknown): string | undefined {
  return typeof v === 'string' && v.includes('*') ? v.slice(0, 50) : undefined;
}

/** The first zod issue as a short Chinese reason. */
export function zodReason(error: z.core.$ZodError, row?: number): Rejection {
  const issue = error.issues[0];
  const path = issue?.path.join('.') ?? '';
  const what =
    issue?.code === 'invalid_type'
      ? `类型不符（应为 ${issue.expected}）`
      : issue?.code === 'too_big'
        ? '超出长度上限'
        : issue?.code === 'too_small'
          ? '值过小或为空'
          : '格式不符';
  return {
    code: 'schema',
    message: `字段 ${path || '(根)'} ${what}`.slice(0, 200),
    path: path.slice(0, 200),
    row,
  };
}

/** A rejection with its message capped at 200 characters; `row` is the 0-based row index. */
export function reject(code: Rejection['code'], message: string, row?: number): Rejection {
  return row === undefined
    ? { code, message: message.slice(0, 200) }
    : { code, message: message.slice(0, 200), row };
}

/** A row-level rejection from a row mapper: code and Chinese reason (the loop adds the row number). */
export type RowError = [Rejection['code'], string];

/** Wraps a mapper of JSON rows: a row that is not an object is a `schema` problem of that row. */
export const objRow =
  <T>(f: (row: Obj) => T | RowError) =>
  (row: unknown): T | RowError =>
    isObj(row) ? f(row) : ['schema', '不是对象'];

/**
 * The row loop every list shares: maps each row, keeps the drafts in `out` and turns row problems into
 * rejections that name the row ("第 3 行：…"), so one bad row never sinks the page. A `RowError` or a
 * `TimeUnitError` rejects that row; a second row with the same `key` is rejected as `duplicate_in_page`
 * (`noun` names what repeats in that message). Counts every row in `r.seen`. Other exceptions propagate:
 * the caller's catch reports them as `internal`.
 */
export function collectRows<R, T>(
  rows: readonly R[],
  map: (row: R) => T | RowError,
  key: (t: T) => string,
  out: T[],
  r: Pick<ParseResult, 'seen' | 'rejects'>,
  noun = '行',
): void {
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    r.seen += 1;
    const at = `第 ${i + 1} 行：`;
    try {
      const m = map(row);
      if (Array.isArray(m)) return void r.rejects.push(reject(m[0], at + m[1], i));
      const k = key(m);
      if (seen.has(k))
        return void r.rejects.push(reject('duplicate_in_page', `${at}与本页前面的${noun}重复（${k}）`, i));
      seen.add(k);
      out.push(m);
    } catch (e) {
      if (!(e instanceof TimeUnitError)) throw e;
      r.rejects.push(reject('bad_time', at + e.message, i));
    }
  });
}

/**
 * The frame of a JSON `parse`: a console error envelope (`envelopeError`, from the adapter's own envelope
 * check) becomes the one `envelope_error` rejection; otherwise `read` fills the result, and anything it
 * throws becomes one `internal` rejection, so `parse` never throws (the adapter contract).
 */
export function parseFrame(envelopeError: string | undefined, read: (r: ParseResult) => void): ParseResult {
  const r = emptyResult();
  if (envelopeError) {
    r.rejects.push(reject('envelope_error', envelopeError));
    return r;
  }
  try {
    read(r);
  } catch (e) {
    r.rejects.push(reject('internal', e instanceof Error ? e.message : String(e)));
  }
  return r;
}
