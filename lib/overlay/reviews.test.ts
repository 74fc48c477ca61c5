// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Handled } from '../capture/content';
import { douyin } from '../platforms/douyin';
import type { AnnotateResult, ReviewAnnotation } from '../replies/store';
import { MAX_WAIT_MS, QUIET_MS, clockText, startReviewOverlay } from './reviews';

const NOW = Date.UTC(2026, 10, 22, 2);
const H = 3_600_000;

/** A 抖店-like review table whose editors are controlled (state changes only on `input`). */
function consolePage(ids: string[]) {
  const state = new Map<string, string>();
  const open = new Set<string>();
  const submitted: string[] = [];
  const render = () => {
    const table = document.createElement('table');
    const head = document.createElement('tr');
    for (const t of ['评价内容', '操作'])
      head.append(Object.assign(document.createElement('th'), { textContent: t }));
    table.append(head);
    for (const id of ids) {
      const tr = document.createElement('tr');
      tr.dataset.commentId = id;
      const content = Object.assign(document.createElement('td'), { textContent: '衣服起球了，客服不理人' });
      if (open.has(id)) {
        const ta = document.createElement('textarea');
        ta.value = state.get(id) ?? '';
        ta.addEventListener('input', () => state.set(id, ta.value));
        const submit = Object.assign(document.createElement('button'), { textContent: '提交' });
        submit.addEventListener('click', () => submitted.push(id));
        content.append(ta, submit);
      }
      const reply = Object.assign(document.createElement('button'), { textContent: '回复' });
      reply.addEventListener('click', () => (open.add(id), render()));
      const ops = document.createElement('td');
      ops.append(reply);
      tr.append(content, ops);
      table.append(tr);
    }
    document.body.replaceChildren(table);
  };
  render();
  return { state, submitted, render };
}

const ann = (id: string, over: Partial<ReviewAnnotation> = {}): ReviewAnnotation => ({
  reviewId: id,
  tags: ['质量问题', '服务'],
  sentiment: 'negative',
  mismatch: false,
  negative: true,
  replied: false,
  flags: [],
  deadline: { status: 'ok', next: NOW + 3 * H, rule: '店铺 4 小时响应' },
  draft: {
    text: '亲您好，非常抱歉商品出现起球问题，我们为您免费补发同款。',
    verdict: 'ok',
    issues: [],
    insertable: true,
    source: 'template',
  },
  ...over,
});

function start(items: ReviewAnnotation[], Intersection: typeof IntersectionObserver | null = null) {
  const listeners: ((h: Handled) => void)[] = [];
  const annotate = vi.fn(async (ids: string[]): Promise<AnnotateResult> => ({
    items: items.filter((i) => ids.includes(i.reviewId)),
  }));
  const copy = vi.fn(async () => undefined);
  const stop = startReviewOverlay({
    box: douyin.replyBox!,
    doc: document,
    capture: { onHandled: (fn) => (listeners.push(fn), () => undefined) },
    annotate,
    now: () => NOW,
    copy,
    Intersection,
  });
  return { annotate, copy, stop, emit: (h: Handled) => listeners.forEach((fn) => fn(h)) };
}

const roots = () =>
  Array.from(document.querySelectorAll('koubei-ui[data-koubei-host="reviews"]')).map((h) => h.shadowRoot!);
const settle = () => vi.advanceTimersByTimeAsync(QUIET_MS + 50);

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('review overlay', () => {
  it('asks only for the ids on the page and draws tags, flag and countdown in shadow roots', async () => {
    consolePage(['r1', 'r2']);
    const o = start([
      ann('r1', { flags: [{ code: 'coercion', severity: 'high', message: '买家以差评相要挟' }] }),
      ann('r2'),
    ]);
    await settle();
    expect(o.annotate).toHaveBeenCalledWith(['r1', 'r2']);
    expect(roots()).toHaveLength(2);
    const first = roots()[0]!;
    expect(first.textContent).toContain('质量问题');
    expect(first.textContent).toContain('可疑');
    expect(first.textContent).toContain('剩 3小时0分 · 店铺 4 小时响应');
    expect(roots()[1]!.textContent).not.toContain('可疑');
    // The console's own text is untouched: our UI is not in the light DOM.
    expect(document.querySelector('td')!.textContent).toBe('衣服起球了，客服不理人');
    o.stop();
  });

  it('builds a long page in slices but puts all its bars into the page at once (one table layout)', async () => {
    const ids = Array.from({ length: 12 }, (_, i) => `r${i}`);
    consolePage(ids);
    // Every clock reading is 5 ms later: a slice (8 ms) builds one or two rows.
    let t = 0;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => (t += 5));
    const batches: number[] = [];
    const mo = new MutationObserver((rs) => {
      const n = rs.flatMap((r) => Array.from(r.addedNodes)).filter((x) => x.nodeName === 'KOUBEI-UI').length;
      if (n) batches.push(n);
    });
    mo.observe(document.body, { childList: true, subtree: true });
    const o = start(ids.map((id) => ann(id)));
    await settle();
    mo.disconnect();
    clock.mockRestore();
    o.stop();
    expect(roots()).toHaveLength(12);
    expect(batches).toEqual([12]);
  });

  it('"生成回复" fills the controlled reply box, copies, and never submits', async () => {
    const page = consolePage(['r1']);
    const o = start([ann('r1')]);
    await settle();
    roots()[0]!.querySelector('button')!.click();
    await settle();
    expect(page.state.get('r1')).toBe(ann('r1').draft!.text);
    expect(o.copy).toHaveBeenCalledWith(ann('r1').draft!.text);
    expect(page.submitted).toEqual([]);
    // The console re-rendered when its editor opened: the overlay is back, with its note.
    expect(roots()[0]!.textContent).toContain('已填入回复框并复制');
    o.stop();
  });

  it('a blocked draft cannot be inserted and says why in Chinese', async () => {
    const page = consolePage(['r1']);
    const blocked = ann('r1', {
      draft: {
        text: '给五星好评返现5元',
        verdict: 'block',
        issues: [{ severity: 'block', message: '以好评换取返现/红包属违规诱导' }],
        insertable: false,
        source: 'saved',
      },
    });
    const o = start([blocked]);
    await settle();
    const button = roots()[0]!.querySelector('button')!;
    expect(button.disabled).toBe(true);
    expect(roots()[0]!.textContent).toContain('不能插入：以好评换取返现/红包属违规诱导');
    button.click();
    await settle();
    expect(page.state.size).toBe(0);
    expect(o.copy).not.toHaveBeenCalled();
    o.stop();
  });

  it('re-asks for reviews the capture just stored (e.g. a reply was posted)', async () => {
    consolePage(['r1']);
    const o = start([ann('r1', { replied: true, draft: undefined })]);
    await settle();
    expect(roots()[0]!.querySelector('button')).toBeNull();
    o.emit({ endpoint: 'commentList', result: { reviews: [{ reviewId: 'r1' }] } as never, sent: [] });
    await settle();
    expect(o.annotate).toHaveBeenCalledTimes(2);
    o.stop();
  });

  it('paints rows the console renders later, without asking twice for unknown ids', async () => {
    consolePage([]);
    const o = start([ann('late')]);
    await settle();
    expect(o.annotate).not.toHaveBeenCalled();
    consolePage(['late', 'unknown']);
    await settle();
    expect(roots()).toHaveLength(1);
    consolePage(['late', 'unknown']);
    await settle();
    expect(o.annotate).toHaveBeenCalledTimes(1);
    expect(roots()).toHaveLength(1);
    o.stop();
  });
});

describe('review overlay while the merchant pages quickly (issue #15)', () => {
  it('waits until the list has been quiet before asking and drawing, then draws only the page left on screen', async () => {
    consolePage([]);
    const o = start(['p1', 'p2', 'p3', 'p4', 'p5'].map((id) => ann(id)));
    await settle();
    // A page turn every 200 ms: each render comes before the previous one was quiet for QUIET_MS.
    for (const id of ['p1', 'p2', 'p3', 'p4']) {
      consolePage([id]);
      await vi.advanceTimersByTimeAsync(QUIET_MS - 50);
      expect(o.annotate).not.toHaveBeenCalled();
      expect(roots()).toHaveLength(0);
    }
    consolePage(['p5']);
    await vi.advanceTimersByTimeAsync(QUIET_MS - 1);
    expect(o.annotate).not.toHaveBeenCalled();
    await settle();
    // Only the page the merchant stopped on was annotated and drawn.
    expect(o.annotate).toHaveBeenCalledTimes(1);
    expect(o.annotate).toHaveBeenCalledWith(['p5']);
    expect(roots().map((r) => r.querySelector('[data-review-id]')!.getAttribute('data-review-id'))).toEqual([
      'p5',
    ]);
    o.stop();
  });

  it('still draws within MAX_WAIT_MS on a page whose DOM never stops changing', async () => {
    consolePage(['r1']);
    const o = start([ann('r1')]);
    await settle();
    expect(roots()).toHaveLength(1);
    // The console re-renders every 100 ms (e.g. a ticking widget): the bar must come back all the same.
    let drawnAt: number | undefined;
    for (let t = 100; t <= MAX_WAIT_MS + 500 && drawnAt === undefined; t += 100) {
      consolePage(['r1']);
      await vi.advanceTimersByTimeAsync(100);
      if (roots().length) drawnAt = t;
    }
    expect(drawnAt).toBeGreaterThanOrEqual(MAX_WAIT_MS);
    expect(drawnAt).toBeLessThanOrEqual(MAX_WAIT_MS + 100);
    o.stop();
  });
});

describe('clockText', () => {
  it.each([
    [{ status: 'ok' as const, next: NOW + 26 * H }, '剩 1天2小时', 'k'],
    [
      { status: 'soon' as const, next: NOW + 40 * 60_000, rule: '店铺 4 小时响应' },
      '剩 40分钟 · 店铺 4 小时响应',
      'k soon',
    ],
    [{ status: 'overdue' as const, next: NOW - 90 * 60_000 }, '已超时 1小时30分', 'k over'],
    [{ status: 'closed' as const }, '已过回复期', 'k'],
  ])('%o → %s', (d, text, cls) => {
    expect(clockText(d, NOW)).toEqual([text, cls]);
  });

  it('has nothing to show without a deadline', () => {
    expect(clockText({ status: 'none' }, NOW)).toBeUndefined();
  });
});

describe('review overlay: what it reads and draws', () => {
  it('annotates and draws only rows near the viewport, the others when they get near', async () => {
    consolePage(['r1', 'r2', 'r3']);
    const observed: Element[] = [];
    let notify: ((entries: { target: Element; isIntersecting: boolean }[]) => void) | undefined;
    class FakeIO {
      constructor(cb: (entries: { target: Element; isIntersecting: boolean }[]) => void) {
        notify = cb;
      }
      observe(el: Element) {
        if (!observed.includes(el)) observed.push(el);
      }
      unobserve() {}
      disconnect() {}
    }
    const o = start([ann('r1'), ann('r2'), ann('r3')], FakeIO as unknown as typeof IntersectionObserver);
    await settle();
    expect(observed).toHaveLength(3);
    expect(o.annotate).not.toHaveBeenCalled();
    expect(roots()).toHaveLength(0);
    notify!([
      { target: observed[0]!, isIntersecting: true },
      { target: observed[2]!, isIntersecting: false },
    ]);
    await settle();
    expect(o.annotate).toHaveBeenCalledWith(['r1']);
    expect(roots()).toHaveLength(1);
    notify!([{ target: observed[1]!, isIntersecting: true }]);
    await settle();
    expect(o.annotate).toHaveBeenLastCalledWith(['r2']);
    expect(roots()).toHaveLength(2);
    o.stop();
  });

  it('reads the page rows again only after the page changed its DOM (issue #15)', async () => {
    const page = consolePage(['r1', 'r2']);
    const rows = vi.spyOn(douyin.replyBox!, 'rows');
    const o = start([ann('r1'), ann('r2')]);
    await settle();
    expect(roots()).toHaveLength(2);
    const read = rows.mock.calls.length;
    // A capture answer asks again and redraws: the rows are the same, so they are not scanned again.
    o.emit({ endpoint: 'commentList', result: { reviews: [{ reviewId: 'r1' }] } as never, sent: [] });
    await settle();
    expect(o.annotate).toHaveBeenCalledTimes(2);
    expect(rows.mock.calls.length).toBe(read);
    // The console renders again (our UI wiped): the rows are read once more and the overlay is back.
    page.render();
    await settle();
    expect(rows.mock.calls.length).toBeGreaterThan(read);
    expect(roots()).toHaveLength(2);
    rows.mockRestore();
    o.stop();
  });
});
