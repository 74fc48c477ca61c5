/**
 * DOM fallback readers shared by the adapters: what the console page *shows*, read by visible text and
 * never by (hashed) class names. Tables are found by their header texts, cells become trimmed strings,
 * and the shop identity comes from the page header's text nodes. What the texts mean (which header is
 * which field, the id label, status words, units) stays in each adapter.
 */
import type { OrderDraft, ParseResult, ReviewDraft } from '../capture/batch';
import { emptyResult } from '../capture/batch';
import type { PlatformId, StoreIdentity } from '../model';
import type { RowError } from './parse-utils';
import { collectRows, starOf } from './parse-utils';

/** One body row of a table: its cell texts, and the row's record key when the table library sets one. */
export interface TableRow {
  cells: string[];
  /** `data-row-key`: the record id React table libraries put on each row (raw: see `recordKey`). */
  key?: string;
}
/** A table with a header row: header texts and body rows, cells in header order. */
export interface Table {
  headers: string[];
  rows: TableRow[];
}

const isHeaderRow = (tr: Element) => [...tr.children].some((c) => c.tagName === 'TH');
/** Whitespace folded: cells wrap, indent and pad their text. */
const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/**
 * Every table with a header row. Virtualised grids (antd with a fixed header) render the header and the
 * body as two sibling tables: a header-only table takes the rows of the next table without headers.
 * Hidden measure rows (aria-hidden) and empty rows are skipped.
 */
export function readTables(doc: Document): Table[] {
  const tables = [...doc.querySelectorAll('table')];
  const out: Table[] = [];
  for (let i = 0; i < tables.length; i++) {
    const head = [...tables[i]!.querySelectorAll('tr')].find(isHeaderRow);
    if (!head) continue;
    const rowsOf = (t: Element) => [...t.querySelectorAll('tr')].filter((tr) => !isHeaderRow(tr));
    let body = rowsOf(tables[i]!);
    const next = tables[i + 1];
    if (!body.length && next && !next.querySelector('th')) [body, i] = [rowsOf(next), i + 1];
    out.push({
      headers: [...head.children].map((c) => clean(c.textContent)),
      rows: body
        .filter((tr) => tr.getAttribute('aria-hidden') !== 'true')
        .map((tr) => ({
          cells: [...tr.children].map((c) => clean(c.textContent)),
          key: tr.getAttribute('data-row-key') ?? undefined,
        }))
        .filter((row) => row.cells.some(Boolean)),
    });
  }
  return out;
}

/** Column index per field, by header text (first matching header); -1 when the table has no such column. */
export const columns = <K extends string>(headers: string[], spec: Record<K, RegExp>) =>
  Object.fromEntries(
    Object.entries<RegExp>(spec).map(([k, re]) => [k, headers.findIndex((h) => re.test(h))]),
  ) as Record<K, number>;

/** The cell at column `i`; undefined for a missing column (-1), a short row or an empty cell. */
export const cellAt = (cells: string[], i: number) => (i >= 0 ? cells[i] || undefined : undefined);

/** A `data-row-key` that looks like a record id: shorter keys are the list indexes antd puts there. */
export const recordKey = (key?: string) => (key && /^[\w-]{6,64}$/.test(key) ? key : undefined);

/** A star cell: "5星", "5分", "5" or "★★★★☆" (filled stars counted); undefined when none is 1–5. */
export const starFromText = (t = '') => {
  const filled = (t.match(/★/g) ?? []).length;
  return filled ? starOf(filled) : starOf(Number(/[1-5]/.exec(t)?.[0]));
};

/** Placeholders a reply column shows when there is no reply (the 回复 button text included). */
const NO_REPLY = /^(回复|未回复|暂无|无|-|—)$/;
/** The merchant's reply in a reply cell (capped), or undefined when the cell is empty or a placeholder. */
export const replyFromCell = (cell?: string) =>
  cell && !NO_REPLY.test(cell) ? cell.slice(0, 5000) : undefined;

/** One kind of table: its fields → header patterns, and the row mapper built from a table's column indexes. */
export type TableKind<K extends string, T> = readonly [
  cols: Record<K, RegExp>,
  row: (c: Record<K, number>) => (row: TableRow) => T | RowError,
];

/**
 * A console's `readDom`: every review table (one with `text` and `time` columns) and else every order
 * table (one with `id` and `status` columns) the page shows, rows through `collectRows` (bad rows become
 * rejections, repeated ids `duplicate_in_page`), plus the shop identity the page shows. Other tables are
 * ignored; the page URL is not needed because headers identify the tables.
 */
export function domTableReader<RK extends string, OK extends string>(
  review: TableKind<RK | 'text' | 'time', ReviewDraft>,
  order: TableKind<OK | 'id' | 'status', OrderDraft>,
  identify: (doc: Document) => StoreIdentity | undefined,
): (doc: Document, url?: URL) => ParseResult {
  const [reviewCols, reviewRow] = review;
  const [orderCols, orderRow] = order;
  return (doc) => {
    const r = emptyResult();
    for (const t of readTables(doc)) {
      const rc = columns(t.headers, reviewCols);
      const oc = columns(t.headers, orderCols);
      if (rc.text >= 0 && rc.time >= 0) collectRows(t.rows, reviewRow(rc), (x) => x.reviewId, r.reviews, r);
      else if (oc.id >= 0 && oc.status >= 0) collectRows(t.rows, orderRow(oc), (x) => x.orderId, r.orders, r);
    }
    r.store = identify(doc);
    return r;
  };
}

/** Text nodes of the console header (`<header>`, else role=banner, else the body), in order; scripts skipped. */
export function headerTexts(doc: Document): string[] {
  const root = doc.querySelector('header, [role="banner"]') ?? doc.body;
  if (!root) return [];
  const out: string[] = [];
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n && out.length < 2000; n = walker.nextNode()) {
    const t = n.nodeValue?.trim();
    if (t && !/^(SCRIPT|STYLE|NOSCRIPT)$/.test(n.parentElement?.tagName ?? '')) out.push(t);
  }
  return out;
}

/**
 * The shop the header shows, as "<id label>：123" with the id in the same text node or the next one.
 * `idLabel` is the platform's pattern (not global: it is reused); its group 1, when it matched, is the id.
 * The name is "店铺名称：…" when labelled, else the text right before the id label unless that text is a
 * label or a number.
 */
export function shopFromHeader(
  doc: Document,
  platform: PlatformId,
  idLabel: RegExp,
): StoreIdentity | undefined {
  const texts = headerTexts(doc);
  for (let i = 0; i < texts.length; i++) {
    const m = idLabel.exec(texts[i]!);
    const id = m && (m[1] ?? /^\d{4,20}$/.exec(texts[i + 1] ?? '')?.[0]);
    if (!id) continue;
    const labelled = texts.map((t) => /^店铺名称\s*[:：]\s*(.{1,60})$/.exec(t)?.[1]).find(Boolean);
    const before = texts[i - 1];
    const name = labelled ?? (before && !/[:：]|^\d+$/.test(before) ? before.slice(0, 60) : undefined);
    return { platform, shopId: id, name, via: 'dom' };
  }
  return undefined;
}
