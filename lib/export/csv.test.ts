import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { BOM, csvCell, csvLine, escapeText, protectId, quote, unescapeText, unprotectId } from './csv';

describe('csvCell', () => {
  it.each([
    ['plain Chinese', '质量很好', 'text', '质量很好'],
    ['comma', '好,很好', 'text', '"好,很好"'],
    ['quotes doubled', '他说"还行"', 'text', '"他说""还行"""'],
    ['newline quoted', '第一行\n第二行', 'text', '"第一行\n第二行"'],
    ['CRLF quoted', '甲\r\n乙', 'text', '"甲\r\n乙"'],
    ['formula =', '=HYPERLINK("x")', 'text', `"'=HYPERLINK(""x"")"`],
    ['plus', '+1', 'text', "'+1"],
    ['minus', '-2', 'text', "'-2"],
    ['at', '@x', 'text', "'@x"],
    ['tab leader', '\t好', 'text', "'\t好"],
    ['CR leader is quoted too', '\r好', 'text', `"'\r好"`],
    ['full-width equals', '＝1+1', 'text', "'＝1+1"],
    ['apostrophe doubled so the escape is reversible', "'abc", 'text', "''abc"],
    ['= inside is fine', '1=1', 'text', '1=1'],
    ['19-digit id gets a tab', '6931234567890123456', 'id', '\t6931234567890123456'],
    ['date-like id gets a tab', '260410-662259689903207', 'id', '\t260410-662259689903207'],
    ['alphanumeric id unchanged', 'A12-xyz', 'id', 'A12-xyz'],
    ['hostile id escaped like text', '=cmd', 'id', "'=cmd"],
    ['time text', '2026-11-22 10:00:00', 'time', '2026-11-22 10:00:00'],
  ] as const)('%s', (_, input, type, expected) => {
    expect(csvCell(input, type)).toBe(expected);
  });

  it.each([
    [5, '5'],
    [-2, '-2'],
    [12.34, '12.34'],
    [0, '0'],
    [Number.NaN, ''],
    [Infinity, ''],
  ])('number %s stays a bare number', (n, expected) => {
    expect(csvCell(n, 'number')).toBe(expected);
  });

  it.each([
    [undefined, ''],
    [null, ''],
    ['', ''],
    [true, '是'],
    [false, '否'],
  ])('%s → %j', (v, expected) => {
    expect(csvCell(v, 'bool')).toBe(expected);
  });
});

describe('escape round trip', () => {
  it.each(["'", "''", "'=x", '=', '+', "'abc", 'abc', '\t', '\t1', '＠', "'＋"])('%j', (s) => {
    expect(unescapeText(escapeText(s))).toBe(s);
  });
  it.each(['6931234567890123456', '260410-6622', 'A-1', '=1', "'x"])('id %j', (s) => {
    expect(unprotectId(protectId(s))).toBe(s);
  });
});

describe('a whole file', () => {
  it('has a BOM, CRLF records and parses back with papaparse', () => {
    const rows = [
      ['评价内容', '星级'],
      ['他说"还行",\n还行', 5],
      ['=1+1', -2],
    ] as const;
    const text =
      BOM +
      rows.map((r) => csvLine(r.map((v) => csvCell(v, typeof v === 'number' ? 'number' : 'text')))).join('');
    expect(text.startsWith('\uFEFF评价内容,星级\r\n')).toBe(true);
    const parsed = Papa.parse<string[]>(text.slice(1), { newline: '\r\n', skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toEqual([
      ['评价内容', '星级'],
      ['他说"还行",\n还行', '5'],
      ["'=1+1", '-2'],
    ]);
    expect(quote('a"b')).toBe('"a""b"');
  });
});
