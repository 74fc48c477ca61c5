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
 * Per time field (by its path inside a row, e.g. `appends.comment_time`), the unit a whole list turned out
 * to use when it differs from the adapter's (issue #12: a console that switched seconds ↔ ms). Set only by
 * `inListUnit` around one synchronous row loop.
 */
let listUnits: Map<string, 's' | 'ms'> | undefined;

const inMsRange = (n: number) => n >= MIN_MS && n <= MAX_MS;
const TIME_KEY = /(time|date|Time|Date|At)$/;

/** Numeric values of time-like fields in `rows`, by path (array indexes dropped), depth ≤ 4. */
function timeValues(rows: unknown[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const walk = (v: unknown, path: string, depth: number) => {
    if (depth > 4 || typeof v !== 'object' || v === null) return;
    if (Array.isArray(v)) return v.slice(0, 50).forEach((x) => walk(x, path, depth + 1));
    for (const k of Object.keys(v)) {
      const x = (v as Obj)[k];
      // Only time fields and nested objects matter: plain values are skipped before building a path.
      const time =
        TIME_KEY.test(k) && (typeof x === 'number' || (typeof x === 'string' && /^\d{9,13}$/.test(x)));
      if (!time && (typeof x !== 'object' || x === null)) continue;
      const p = path ? `${path}.${k}` : k;
      if (time) {
        const n = Number(x);
        // Appended in place: copying the list per value made a 500-row page quadratic (issue #15 profile).
        const seen = out.get(p);
        if (n <= 0) continue;
        if (seen) seen.push(n);
        else out.set(p, [n]);
      } else walk(x, p, depth + 1);
    }
  };
  rows.slice(0, 500).forEach((r) => walk(r, '', 0));
  return out;
}

/**
 * Runs `read` with the time unit each time field of the list actually uses: when *every* one of at least
 * two values of a field is plainly in the other unit (2000–2100 in s and in ms do not overlap), that
 * field is read in that unit for the whole list. One odd value among normal ones stays an error of that
 * row (a corrupted row is not a unit change).
 */
export function inListUnit<T>(rows: unknown[], expected: 's' | 'ms', read: () => T): T {
  const other = expected === 's' ? 'ms' : 's';
  const fits = (n: number) => (other === 'ms' ? inMsRange(n) : inMsRange(n * 1000));
  const units = new Map<string, 's' | 'ms'>();
  const values = timeValues(rows);
  const decided = [...values.values()].filter((nums) => nums.length >= 2);
  // A field seen once follows the list when every field seen more often switched.
  const listSwitched = decided.length > 0 && decided.every((nums) => nums.every(fits));
  for (const [path, nums] of values) {
    const switched = nums.length >= 2 ? nums.every(fits) : listSwitched && nums.every(fits);
    units.set(norm(path), switched ? other : expected);
  }
  const prev = listUnits;
  listUnits = [...units.values()].includes(other) ? units : undefined;
  try {
    return read();
  } finally {
    listUnits = prev;
  }
}

/** The unit `inListUnit` found for a reader's field label (matched as a path suffix). */
function unitOf(label: string): 's' | 'ms' | undefined {
  if (!listUnits) return undefined;
  const field = norm(label);
  const exact = listUnits.get(field);
  if (exact) return exact;
  for (const [path, unit] of listUnits)
    if (path.endsWith(`.${field}`) || field.endsWith(`.${path}`)) return unit;
  return undefined;
}

/** `confirm_time` and `confirmTime` are one field. */
const norm = (path: string) => path.toLowerCase().replace(/_/g, '');

function toNumber(v: unknown, field: string): number | undefined {
  if (v === undefined || v === null || v === '' || v === 0 || v === '0') return undefined;
  const n = typeof v === 'string' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isFinite(n)) throw new TimeUnitError(`${field} 不是时间戳`);
  return n;
}

/**
 * Seconds → ms, refusing values that are clearly in another unit (a ms value where seconds are expected
 * would land in the year 50000). 0/null/'' mean "not set". Inside `inListUnit` that found ms, ms.
 */
export function secondsToMs(v: unknown, field: string): number | undefined {
  if (unitOf(field) === 'ms') return msCore(v, field);
  return secondsCore(v, field);
}

function secondsCore(v: unknown, field: string): number | undefined {
  const n = toNumber(v, field);
  if (n === undefined) return undefined;
  const ms = Math.round(n * 1000);
  if (!inMsRange(ms)) throw new TimeUnitError(`${field}=${String(v)} 不是秒级时间戳`);
  return ms;
}

function msCore(v: unknown, field: string): number | undefined {
  const n = toNumber(v, field);
  if (n === undefined) return undefined;
  if (!inMsRange(n)) throw new TimeUnitError(`${field}=${String(v)} 不是毫秒级时间戳`);
  return Math.round(n);
}

/** Milliseconds as-is, with the same sanity range. Inside `inListUnit` that found seconds, seconds. */
export function msToMs(v: unknown, field: string): number | undefined {
  return unitOf(field) === 's' ? secondsCore(v, field) : msCore(v, field);
}

/** The value at a dotted path (`result.data.list`), or undefined. */
export function at(v: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((x, k) => (typeof x === 'object' && x !== null ? (x as Obj)[k] : undefined), v);
}

/** The first of `paths` that holds an array (the list envelopes consoles drift between). */
export function listAt(
  body: unknown,
  paths: readonly string[],
): { rows: unknown[]; path: string } | undefined {
  for (const p of paths) {
    const v = at(body, p);
    if (Array.isArray(v)) return { rows: v, path: p };
  }
  return undefined;
}

/** The first field of `row` among renamed-but-obvious names (`reviewId` / `review_id` / `id`). */
export const pick = (row: Obj, names: readonly string[]): unknown => {
  for (const n of names) if (row[n] !== undefined && row[n] !== null && row[n] !== '') return row[n];
  return undefined;
};

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
