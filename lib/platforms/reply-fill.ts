/**
 * Filling a console's reply box, shared by every adapter's `replyBox`. The consoles are React/Vue apps
 * whose inputs are controlled: writing `.value` alone is overwritten on the next render. The filler sets
 * the value through the element's native setter and dispatches `input` (and `change`) so the app's own
 * state takes it. It opens the row's editor with the console's own 回复 button when needed and never
 * touches a submit button: the merchant presses 提交 themselves.
 *
 * Bundled into content scripts: no zod, no model imports.
 */
import type { ReplyBox } from './types';

type Input = HTMLTextAreaElement | HTMLInputElement;

/** Labels of buttons that open a reply editor. Exact match: 提交/发布/确定 never qualify. */
const OPENER = /^(回复|追加回复|回复评价|评价回复|解释|回评|商家回复)$/;
const DIALOG_INPUT =
  '[role="dialog"] textarea, .ant-modal textarea, .ant-drawer textarea, .el-dialog textarea, .arco-modal textarea';

/** Sets `value` so that controlled inputs (React's value tracker, Vue's v-model) register it. */
export function setNativeValue(el: Input, value: string): void {
  const proto = Object.getPrototypeOf(el) as object;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(el, value);
  else el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
}

export type FillResult = { ok: true } | { ok: false; reason: string };

export interface FillOptions {
  /** How long to wait for the editor to appear after opening it. Default 2000 ms. */
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const rowOf = (box: ReplyBox, doc: Document, id: string) => box.rows(doc).find((r) => r.reviewId === id)?.row;

/**
 * Puts `text` into the reply box of review `reviewId`: finds its row, opens the editor if it is closed,
 * fills it. Rows are looked up again after opening (the console re-renders them).
 */
export async function fillReply(
  box: ReplyBox,
  doc: Document,
  reviewId: string,
  text: string,
  opts: FillOptions = {},
): Promise<FillResult> {
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const row = rowOf(box, doc, reviewId);
  if (!row) return { ok: false, reason: '页面上找不到这条评价' };
  let input = box.input(row, doc, reviewId);
  // An input outside the row is a dialog: open it from this row first, so it is this review's.
  if (!input || !row.contains(input)) {
    const opener = box.opener(row);
    if (!opener) return { ok: false, reason: '找不到这条评价的“回复”按钮' };
    opener.click();
    const until = performance.now() + (opts.timeoutMs ?? 2000);
    for (;;) {
      const again = rowOf(box, doc, reviewId);
      input = again ? box.input(again, doc, reviewId) : null;
      if (input || performance.now() >= until) break;
      await sleep(50);
    }
  }
  if (!input) return { ok: false, reason: '回复框没有出现，请手动点开“回复”后再试' };
  input.focus();
  setNativeValue(input, text);
  return input.value === text ? { ok: true } : { ok: false, reason: '回复框拒绝了填入的文字' };
}

/** Text of a row's cell under the column whose header matches `header`. */
export type CellOf = (header: RegExp) => string | undefined;

export interface TableBoxSpec {
  /** The review id of a table row, from its cells (by header text) and attributes; undefined = not a review. */
  idOf(cell: CellOf, row: HTMLTableRowElement): string | undefined;
  /** Header of the column that holds the overlay. Default 评价内容. */
  anchorHeader?: RegExp;
}

const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
/** A row with a header cell (no array per row: `rows()` runs over every row on each overlay pass). */
const isHeaderRow = (tr: Element) => {
  for (let c = tr.firstElementChild; c; c = c.nextElementSibling) if (c.tagName === 'TH') return true;
  return false;
};

/**
 * The first row of `table` with a header cell: the row of its first `th` (`querySelector` stops there).
 * `anchor()` runs per row, and listing every `tr` per row was quadratic — 2.5 s of page time per
 * 1,000-row page (issue #7 benchmark).
 */
function headerRow(table: Element): Element | undefined {
  const tr = table.querySelector('th')?.parentElement;
  return tr?.tagName === 'TR' ? tr : undefined;
}

/** Header texts of the table a row belongs to (antd may render the header as a sibling table). */
function headersOf(row: HTMLTableRowElement): string[] {
  let table: Element | null = row.closest('table');
  for (let hops = 0; table && hops < 2; hops++) {
    const head = headerRow(table);
    if (head) return Array.from(head.children).map((c) => clean(c.textContent));
    table = table.previousElementSibling?.matches('table') ? table.previousElementSibling : null;
  }
  return [];
}

const cellIndex = (headers: string[], re: RegExp) => headers.findIndex((h) => re.test(h));

/**
 * A replyBox for consoles that list reviews as table rows (every adapter so far). Only tables with an
 * `anchorHeader` column are review tables.
 */
export function tableReplyBox(spec: TableBoxSpec): ReplyBox {
  const anchorHeader = spec.anchorHeader ?? /^(评价内容|评价)$/;
  return {
    rows(doc) {
      const out: { reviewId: string; row: HTMLElement; anchor?: HTMLElement }[] = [];
      // Per table, once per call: its headers and the anchor column (the overlay lists rows in the
      // console's render task, so this runs over every row of a 100-row page on each page turn).
      const tables = new Map<Element | null, { headers: string[]; at: number }>();
      for (const tr of Array.from(doc.querySelectorAll('tr'))) {
        if (isHeaderRow(tr) || tr.getAttribute('aria-hidden') === 'true') continue;
        const table = tr.closest('table');
        let t = tables.get(table);
        if (!t) {
          const headers = headersOf(tr);
          tables.set(table, (t = { headers, at: cellIndex(headers, anchorHeader) }));
        }
        if (t.at < 0) continue;
        const headers = t.headers;
        const cell: CellOf = (re) => {
          const i = cellIndex(headers, re);
          return i < 0 ? undefined : clean(tr.children[i]?.textContent) || undefined;
        };
        const reviewId = spec.idOf(cell, tr);
        const anchor = tr.children[t.at] as HTMLElement | undefined;
        if (reviewId) out.push({ reviewId, row: tr, ...(anchor ? { anchor } : {}) });
      }
      return out;
    },
    anchor(row) {
      const cells = Array.from(row.children) as HTMLElement[];
      const i = row instanceof HTMLTableRowElement ? cellIndex(headersOf(row), anchorHeader) : -1;
      return cells[i] ?? cells[cells.length - 1] ?? row;
    },
    opener(row) {
      const buttons = Array.from(row.querySelectorAll<HTMLElement>('button, a, [role="button"]'));
      return buttons.find((b) => OPENER.test(clean(b.textContent))) ?? null;
    },
    input(row, doc, reviewId) {
      const inline = row.querySelector('textarea');
      if (inline) return inline;
      // A dialog that names its review (data-review-id) must name this one.
      const dialog = Array.from(doc.querySelectorAll<HTMLTextAreaElement>(DIALOG_INPUT)).find((t) => {
        const named = t.closest('[data-review-id]')?.getAttribute('data-review-id');
        return !named || named === reviewId;
      });
      return dialog ?? null;
    },
  };
}

/** `data-row-key` when it looks like a record id (antd puts list indexes there too). */
export const rowKeyOf = (row: Element): string | undefined => {
  const k = row.getAttribute('data-row-key');
  return k && /^[\w-]{6,64}$/.test(k) ? k : undefined;
};
