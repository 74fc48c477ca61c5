/**
 * Platform-looking ids for world records, derived from the record's index so a console can map an id
 * from a request (a reply, an id search) back to the record without a lookup table.
 * Layout: prefix + zero-padded (base + index × 10 + check digit). `base` keeps ids from starting with a
 * run of zeros; the check digit makes neighbouring ids look less consecutive and lets `index` refuse
 * ids the scheme never issued.
 */

const check = (index: number): number => (index * 7 + 3) % 10;

/** An id scheme: record index ↔ id. */
export interface IdScheme {
  of(index: number): string;
  index(id: string): number | undefined;
}

/** The scheme of `prefix`, ids `width` digits long, numbered from `base`. */
export function idScheme(prefix: string, width: number, base = 0): IdScheme {
  const digits = width - prefix.length;
  return {
    of: (index) => prefix + String(base + index * 10 + check(index)).padStart(digits, '0'),
    index(id) {
      if (id.length !== width || !id.startsWith(prefix) || !/^\d+$/.test(id)) return undefined;
      const n = Number(id.slice(prefix.length)) - base;
      const index = Math.floor(n / 10);
      return n >= 0 && n % 10 === check(index) ? index : undefined;
    },
  };
}
