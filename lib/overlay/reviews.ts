/**
 * The review overlay on a console's review list: next to each row, its complaint tags, text sentiment,
 * a 可疑 flag, the reply countdown and "生成回复", which fills the console's own reply box with the
 * checked draft and copies it (the merchant still presses the console's 提交). Annotations come from the
 * background (`cs-bg/annotate`): lib/text and lib/replies stay out of the content script.
 *
 * The consoles re-render their tables freely, wiping what we added: a MutationObserver paints again
 * from the cache, and each row's UI lives in its own shadow root (lib/overlay/host.ts).
 */
import type { Capture } from '../capture/content';
import { fillReply } from '../platforms/reply-fill';
import type { ReplyBox } from '../platforms/types';
import type { AnnotateResult, ReviewAnnotation } from '../replies/store';
import { BASE_CSS, detachedHost, el, hostIn } from './host';
import { toggleCategory } from '../text/category-toggle';
import { CATEGORY_LABEL, REVIEW_CATEGORIES, type ReviewCategory } from '../text/types';

const CSS = `${BASE_CSS}
.b{display:flex;flex-wrap:wrap;gap:4px;align-items:center;margin:6px 0 2px;font-size:12px;line-height:18px}
.t{padding:0 6px;border-radius:9px;border:1px solid #d0d7de;background:#f6f8fa;color:#57606a}
.c{color:#9a3412;border-color:#fdba74;background:#fff7ed}.n{color:#cf222e;border-color:#f5b5ba;background:#fff0f1}
.p{color:#1a7f37;border-color:#b4e2c0;background:#eefbf1}.s{color:#fff;background:#cf222e;border-color:#cf222e;font-weight:600}
.k{color:#656d76}.k.soon{color:#9a6700;font-weight:600}.k.over{color:#cf222e;font-weight:600}
.m{color:#656d76}.m.err{color:#cf222e}
.x{border:0;background:none;padding:0 0 0 3px;color:inherit;font-size:12px;opacity:.6}.x:hover{opacity:1;background:none}
select{font:inherit;font-size:12px;border:1px solid #d0d7de;border-radius:9px;color:#57606a;background:#fff;width:6.5em}`;

const SENTIMENT: Record<ReviewAnnotation['sentiment'], [string, string]> = {
  negative: ['n', '负面'],
  neutral: ['', '中性'],
  positive: ['p', '正面'],
};

/** How long a reading of the page's rows is reused when the page's DOM did not change (ms). */
const ROWS_TTL_MS = 1000;

/** A pass over the rows waits until the page's DOM has not changed for this long (ms)… */
export const QUIET_MS = 250;
/** … but not longer than this after the first change (a page that never stops changing). */
export const MAX_WAIT_MS = 1500;

/** Longest stretch of drawing in one task (ms); the rest waits for the next task. */
const SLICE_MS = 8;

const span = (ms: number) => {
  const m = Math.floor(Math.abs(ms) / 60_000);
  const h = Math.floor(m / 60);
  return h >= 24 ? `${Math.floor(h / 24)}天${h % 24}小时` : h ? `${h}小时${m % 60}分` : `${m}分钟`;
};

/** Countdown text and class: "剩 2小时5分", "已超时 30分钟". */
export function clockText(d: ReviewAnnotation['deadline'], now: number): [string, string] | undefined {
  if (d.status === 'closed') return ['已过回复期', 'k'];
  if (d.next === undefined) return undefined;
  const left = d.next - now;
  const rule = d.rule ? ` · ${d.rule}` : '';
  if (left <= 0) return [`已超时 ${span(left)}${rule}`, 'k over'];
  return [`剩 ${span(left)}${rule}`, left <= 3_600_000 ? 'k soon' : 'k'];
}

export interface ReviewOverlayDeps {
  box: ReplyBox;
  doc: Document;
  capture: Pick<Capture, 'onHandled'>;
  annotate(ids: string[]): Promise<AnnotateResult>;
  /** The merchant's categories for a row (issue #11); resolves with its new annotation. */
  correct?(reviewId: string, categories: ReviewCategory[]): Promise<ReviewAnnotation | null>;
  now(): number;
  copy(text: string): Promise<void>;
  /** Which rows are near the viewport; default the page's IntersectionObserver, `null`: every row. */
  Intersection?: typeof IntersectionObserver | null;
}

/** Starts the overlay; returns a function that stops it (observer and timers). */
export function startReviewOverlay(d: ReviewOverlayDeps): () => void {
  const { doc, box } = d;
  const cache = new Map<string, ReviewAnnotation>();
  const notes = new Map<string, [string, boolean]>();
  const asked = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const request = async (ids: string[]) => {
    for (const id of ids) asked.add(id);
    const got = new Set<string>();
    for (let i = 0; i < ids.length; i += 100) {
      const res = await d.annotate(ids.slice(i, i + 100)).catch(() => ({ items: [] }));
      for (const a of res.items) {
        cache.set(a.reviewId, a);
        got.add(a.reviewId);
      }
    }
    // Redraw only the rows whose annotation just arrived: a full redraw per answer cost a 1,000-row
    // page hundreds of milliseconds (issue #7 benchmark).
    if (got.size) paint(got);
  };

  const generate = async (a: ReviewAnnotation) => {
    const draft = a.draft;
    if (!draft?.insertable) return;
    const r = await fillReply(box, doc, a.reviewId, draft.text);
    let copied = true;
    await d.copy(draft.text).catch(() => (copied = false));
    const warn = draft.issues[0] ? `（提示：${draft.issues[0].message}）` : '';
    notes.set(
      a.reviewId,
      r.ok
        ? [`已填入回复框${copied ? '并复制' : ''}，请检查后点击控制台的“提交”${warn}`, false]
        : [`${r.reason}${copied ? '；回复已复制，可直接粘贴' : ''}`, true],
    );
    paint(true);
  };

  /** One click on a tag (×) or the ＋分类 select: the background stores it and answers the new annotation. */
  const correct = async (a: ReviewAnnotation, c: ReviewCategory) => {
    if (!d.correct) return;
    try {
      const next = await d.correct(a.reviewId, toggleCategory(a.categories ?? [], c));
      if (next) cache.set(a.reviewId, next);
      notes.delete(a.reviewId);
    } catch (e) {
      notes.set(a.reviewId, [`分类修正失败：${e instanceof Error ? e.message : String(e)}`, true]);
    }
    paint(new Set([a.reviewId]));
  };

  /** Complaint tags; with ids (and a correction channel) each gets ×, and a select adds a missing one. */
  const tags = (a: ReviewAnnotation, t: (text: string, cls?: string, title?: string) => HTMLElement) => {
    const cats = a.categories;
    if (!cats || !d.correct) return a.tags.map((x) => t(x, 'c'));
    const out: HTMLElement[] = cats.map((c) => {
      const tag = t(CATEGORY_LABEL[c], 'c');
      tag.setAttribute('data-category', c);
      tag.append(
        el(doc, 'button', {
          class: 'x',
          text: '×',
          attrs: {
            title: `不是「${CATEGORY_LABEL[c]}」：去掉（会记住并学习）`,
            'data-testid': 'koubei-tag-x',
          },
          on: { click: () => void correct(a, c) },
        }),
      );
      return tag;
    });
    if (a.corrected) out.push(t('已修正', '', '分类已由你修正'));
    const add = el(
      doc,
      'select',
      {
        attrs: { title: '补充漏掉的分类（会记住并学习）', 'data-testid': 'koubei-tag-add' },
        on: {
          change: (e) => {
            const v = (e.target as HTMLSelectElement).value as ReviewCategory;
            if (v) void correct(a, v);
          },
        },
      },
      el(doc, 'option', { text: '＋分类', attrs: { value: '' } }),
      ...REVIEW_CATEGORIES.filter((c) => !cats.includes(c)).map((c) =>
        el(doc, 'option', { text: CATEGORY_LABEL[c], attrs: { value: c } }),
      ),
    );
    out.push(add);
    return out;
  };

  /** The bar of one row (not yet in the document). */
  const render = (a: ReviewAnnotation): HTMLElement => {
    const t = (text: string, cls = '', title?: string) =>
      el(doc, 'span', { class: `t ${cls}`, text, ...(title ? { attrs: { title } } : {}) });
    const [scls, slabel] = SENTIMENT[a.sentiment];
    const clock = a.replied ? undefined : clockText(a.deadline, d.now());
    const draft = a.draft;
    const note = notes.get(a.reviewId);
    const blocked =
      draft && !draft.insertable ? `不能插入：${draft.issues[0]?.message ?? '未通过合规检查'}` : '';
    const bar = el(
      doc,
      'div',
      { class: 'b', attrs: { 'data-testid': 'koubei-review', 'data-review-id': a.reviewId } },
      ...tags(a, t),
      t(`情感 ${slabel}${a.mismatch ? '（与星级不符）' : ''}`, scls),
      a.flags.length > 0 && t('可疑', 's', a.flags.map((f) => f.message).join('\n')),
      clock && el(doc, 'span', { class: clock[1], text: clock[0], attrs: { 'data-testid': 'koubei-clock' } }),
      draft &&
        el(doc, 'button', {
          class: 'primary',
          text: '生成回复',
          attrs: {
            title: blocked || draft.text,
            'data-testid': 'koubei-generate',
            ...(draft.insertable ? {} : { disabled: '' }),
          },
          on: { click: () => void generate(a) },
        }),
      (!!note || !!blocked) &&
        el(doc, 'span', {
          class: note?.[1] === false ? 'm' : 'm err',
          text: note?.[0] ?? blocked,
          attrs: { 'data-testid': 'koubei-note' },
        }),
    );
    return bar;
  };

  /** Rows waiting to be drawn, by review id (the latest row element wins: consoles re-render). */
  const queue = new Map<string, { row: HTMLElement; anchor: HTMLElement }>();
  let draining: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  /**
   * Bars built and not yet in the document, by anchor: a new row's host (inserted under the anchor) or
   * the new bar of a row that has one (swapped into its shadow root).
   */
  const built = new Map<Element, { host?: HTMLElement; root: ShadowRoot; bar: HTMLElement }>();

  /**
   * Builds queued rows' bars for at most SLICE_MS, then yields to the page and goes on in a later task
   * (a 100-row page built in one go was a long task, issue #7 benchmark). The bars go into the page
   * together once all are built: each change to a console's table makes the browser lay the whole table
   * out again, 50–130 ms at 100 rows, so one insertion per slice cost one layout per slice (issue #15).
   */
  const drain = () => {
    draining = undefined;
    if (stopped) return void built.clear();
    const end = performance.now() + SLICE_MS;
    for (const [id, { row, anchor }] of queue) {
      queue.delete(id);
      const a = cache.get(id);
      if (a && row.isConnected && anchor.isConnected) {
        const root = hostIn(anchor, 'reviews')?.shadowRoot ?? built.get(anchor)?.root;
        const fresh = root ? undefined : detachedHost(doc, 'reviews', CSS);
        built.set(anchor, {
          host: built.get(anchor)?.host ?? fresh?.host,
          root: (root ?? fresh?.root)!,
          bar: render(a),
        });
      }
      if (performance.now() >= end) break;
    }
    if (queue.size) {
      draining = setTimeout(drain, 0);
      return;
    }
    for (const [anchor, { host, root, bar }] of built) {
      if (!anchor.isConnected) continue;
      root.replaceChildren(root.firstChild!, bar);
      if (host && !host.isConnected && !hostIn(anchor, 'reviews')) anchor.append(host);
    }
    built.clear();
  };

  /**
   * Draws every annotated row that lacks our UI, and redraws those in `force` (all with `true`); asks
   * for unknown ids. The first slice is drawn at once, the rest in later tasks.
   */
  function paint(force: boolean | ReadonlySet<string> = false) {
    const unknown: string[] = [];
    for (const { reviewId, row, anchor: listed } of rowsNow()) {
      if (!row.isConnected) continue;
      if (io && !near.has(row)) {
        io.observe(row); // no-op when already observed; drawn (and annotated) once it nears the viewport
        continue;
      }
      if (!cache.has(reviewId)) {
        if (!asked.has(reviewId)) unknown.push(reviewId);
        continue;
      }
      const anchor = listed ?? box.anchor(row);
      const fresh = !hostIn(anchor, 'reviews');
      if (fresh || force === true || (force !== false && force.has(reviewId)))
        queue.set(reviewId, { row, anchor });
    }
    if (queue.size && draining === undefined) drain();
    if (unknown.length) void request(unknown);
  }

  /**
   * The box's rows, read again only after the page changed its DOM (or after ROWS_TTL_MS): a page turn
   * makes several passes (intersection, answers, mutation), and scanning every table row on each cost
   * the console ≈ 10 ms per 100-row page turn (issue #15 page profile).
   */
  let rowsCache: { at: number; list: ReturnType<ReplyBox['rows']> } | undefined;
  const rowsNow = () => {
    const t = performance.now();
    if (!rowsCache || t - rowsCache.at > ROWS_TTL_MS) rowsCache = { at: t, list: box.rows(doc) };
    return rowsCache.list;
  };
  /**
   * A pass runs once the page's DOM has been quiet for QUIET_MS, and at the latest MAX_WAIT_MS after the
   * first change of a burst. A merchant paging quickly (下一页 every few hundred ms) sees a table for less
   * time than annotating and drawing it takes; the pass for a page they already left competed with the
   * console's render of the next one (an extra layout of the whole table, the worker's text analysis,
   * issue #15). Bars appear QUIET_MS after the list settles.
   */
  let latest: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    if (timer !== undefined) clearTimeout(timer);
    if (latest !== undefined) clearTimeout(latest);
    timer = latest = undefined;
    if (!stopped) paint();
  };
  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(run, QUIET_MS);
    latest ??= setTimeout(run, MAX_WAIT_MS);
  };
  /**
   * Only rows near the viewport are annotated and drawn: a console page holds up to 100 rows of which a
   * dozen are on screen, and drawing all of them doubled the page's own 下一页 latency (issue #7 bench).
   * Without an IntersectionObserver every row counts as near.
   */
  const near = new WeakSet<Element>();
  // Rows come into view a few per frame while scrolling: one pass per frame, not one per callback.
  let frame = false;
  const paintSoon = () => {
    if (frame) return;
    frame = true;
    const raf = doc.defaultView?.requestAnimationFrame ?? ((fn: () => void) => setTimeout(fn, 16));
    raf(() => ((frame = false), stopped || paint()));
  };
  const IO = d.Intersection === undefined ? doc.defaultView?.IntersectionObserver : d.Intersection;
  const io = IO
    ? new IO(
        (entries) => {
          let added = false;
          for (const e of entries)
            if (e.isIntersecting) {
              near.add(e.target);
              io?.unobserve(e.target);
              added = true;
            }
          if (added) paintSoon();
        },
        { rootMargin: '400px 0px' },
      )
    : undefined;
  // Our own hosts being inserted are DOM changes too: they must not trigger another pass.
  const ours = (n: Node) => n.nodeName === 'KOUBEI-UI';
  const observer = new MutationObserver((records) => {
    if (
      records.some((r) => !Array.from(r.addedNodes).every(ours) || !Array.from(r.removedNodes).every(ours))
    ) {
      rowsCache = undefined;
      schedule();
    }
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  // New or changed reviews were just stored: ask again for them (a reply may have been posted).
  const unsubscribe = d.capture.onHandled((h) => {
    // Only rows already asked for (near the viewport): the others are asked when they get near.
    const ids = h.result.reviews.map((r) => r.reviewId).filter((id) => asked.has(id));
    if (ids.length) void request(ids);
  });
  const ticker = setInterval(() => paint(true), 30_000);
  paint();
  return () => {
    stopped = true;
    observer.disconnect();
    io?.disconnect();
    unsubscribe();
    clearInterval(ticker);
    if (timer !== undefined) clearTimeout(timer);
    if (latest !== undefined) clearTimeout(latest);
    if (draining !== undefined) clearTimeout(draining);
  };
}
