/**
 * A redacted sample of a console response (issue #12, 采集健康 → 导出脱敏样本): the structure, field
 * names and types stay, everything a buyer or a merchant could be recognised by goes. Strings become
 * `<str:LEN:CLASSES>` (h = 汉字, a = Latin letters, d = digits, p = other), ids a salted 8-hex hash,
 * numbers `<int:DIGITS>` / `<float>` — except scores and rates, kept as numbers (they are what we
 * diagnose). Arrays keep their first 3 elements, depth is capped, keys that look like data (long digit
 * runs, non-ASCII) are hashed. `isRedacted` re-checks a sample that came from a content script.
 */
import { hash32 } from '../platforms/identity';

const ID_KEY =
  /(^id$|Id$|_id$|ID$|Sn$|_sn$|^sn$|orderno|order_no|uid$|Uid$|^pin$|^nick|Nick$|nickname|token)/i;
const SCORE_KEY = /(score|Score|star|Star|^rank|_rank|Rank|rate$|Rate$|Rto|Pct|weight|Weight|level$|Level$)/;
const SAFE_KEY = /^[A-Za-z_$][\w$-]{0,40}$/;
const MAX_DEPTH = 10;
const MAX_ITEMS = 3;
export const MAX_SAMPLE_CHARS = 20_000;

function classes(s: string): string {
  let out = '';
  if (/\p{Script=Han}/u.test(s)) out += 'h';
  if (/[A-Za-z]/.test(s)) out += 'a';
  if (/\d/.test(s)) out += 'd';
  if (/[^\p{Script=Han}A-Za-z\d]/u.test(s)) out += 'p';
  return out;
}

const keyOf = (k: string, salt: string) =>
  SAFE_KEY.test(k) && !/\d{4,}/.test(k) ? k : `#k:${hash32(salt + k)}`;

function walk(v: unknown, key: string, salt: string, depth: number): unknown {
  if (v === null || typeof v === 'boolean') return v;
  if (depth > MAX_DEPTH) return '<deep>';
  if (typeof v === 'number' || typeof v === 'string') {
    if (ID_KEY.test(key) && v !== '' && v !== 0) return `#id:${hash32(salt + String(v))}`;
    if (typeof v === 'number')
      return SCORE_KEY.test(key) && Number.isFinite(v) && Math.abs(v) <= 10_000
        ? v
        : Number.isInteger(v)
          ? `<int:${String(Math.abs(v)).length}>`
          : '<float>';
    return `<str:${v.length}:${classes(v)}>`;
  }
  if (Array.isArray(v)) {
    const out = v.slice(0, MAX_ITEMS).map((x) => walk(x, key, salt, depth + 1));
    if (v.length > MAX_ITEMS) out.push(`<more:${v.length - MAX_ITEMS}>`);
    return out;
  }
  if (typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>).slice(0, 80))
      out[keyOf(k, salt)] = walk(x, k, salt, depth + 1);
    return out;
  }
  return `<${typeof v}>`;
}

/** The redacted copy of `body`; undefined when even the redacted copy is too large to keep. */
export function redact(body: unknown, salt: string): unknown {
  const out = walk(body, '', salt, 0);
  return JSON.stringify(out).length <= MAX_SAMPLE_CHARS ? out : undefined;
}

const PLACEHOLDER = /^(<str:\d+:h?a?d?p?>|<int:\d+>|<float>|<deep>|<more:\d+>|<\w+>|#id:[0-9a-f]{8})$/;
const SAFE_OUT_KEY = /^([A-Za-z_$][\w$-]{0,40}|#k:[0-9a-f]{8})$/;

/** True when `v` could only have come out of `redact`: no free text, no plain numbers but scores. */
export function isRedacted(v: unknown, key = '', depth = 0): boolean {
  if (depth > MAX_DEPTH + 2) return false;
  if (v === null || typeof v === 'boolean') return true;
  if (typeof v === 'number') return SCORE_KEY.test(key) && Math.abs(v) <= 10_000;
  if (typeof v === 'string') return PLACEHOLDER.test(v);
  if (Array.isArray(v)) return v.length <= MAX_ITEMS + 1 && v.every((x) => isRedacted(x, key, depth + 1));
  if (typeof v === 'object')
    return Object.entries(v as Record<string, unknown>).every(
      ([k, x]) => SAFE_OUT_KEY.test(k) && isRedacted(x, k, depth + 1),
    );
  return false;
}
