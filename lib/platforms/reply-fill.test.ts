// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { douyin } from './douyin';
import { jd } from './jd';
import { kuaishou } from './kuaishou';
import { pdd } from './pdd';
import { fillReply, setNativeValue } from './reply-fill';
import { taobao } from './taobao';
import type { PlatformAdapter, ReplyBox } from './types';

const page = (id: string, file: string) => readFileSync(`lib/platforms/__fixtures__/${id}/${file}`, 'utf8');
const load = (html: string) => {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.body.replaceChildren(
    ...Array.from(parsed.body.childNodes).map((n) => document.importNode(n, true)),
  );
};
const box = (a: PlatformAdapter): ReplyBox => a.replyBox!;
const noSleep = () => Promise.resolve();

/**
 * A controlled reply editor like the 抖店 demo console's (and React's): the page state changes only on
 * `input`; every render writes the state back into a *new* textarea; 提交 posts the state.
 */
function controlledConsole(ids: string[]) {
  const state = new Map<string, string>();
  const open = new Set<string>();
  const submitted: string[] = [];
  const render = () => {
    const rows = ids.map((id) => {
      const tr = document.createElement('tr');
      tr.dataset.commentId = id;
      const content = document.createElement('td');
      content.textContent = `评价 ${id}：衣服起球了`;
      if (open.has(id)) {
        const ta = document.createElement('textarea');
        ta.value = state.get(id) ?? '';
        ta.addEventListener('input', () => state.set(id, ta.value));
        const submit = document.createElement('button');
        submit.textContent = '提交';
        submit.addEventListener('click', () => submitted.push(state.get(id) ?? ''));
        content.append(ta, submit);
      }
      const ops = document.createElement('td');
      const reply = document.createElement('button');
      reply.textContent = '回复';
      reply.addEventListener('click', () => (open.add(id), render()));
      ops.append(reply);
      tr.append(content, ops);
      return tr;
    });
    const table = document.createElement('table');
    const head = document.createElement('tr');
    for (const t of ['评价内容', '操作'])
      head.append(Object.assign(document.createElement('th'), { textContent: t }));
    table.append(head, ...rows);
    document.body.replaceChildren(table);
  };
  render();
  return { state, submitted, render };
}

beforeEach(() => document.body.replaceChildren());

describe('setNativeValue', () => {
  it('reaches the page state of a controlled input (plain .value does not)', () => {
    const c = controlledConsole(['a1']);
    (document.querySelector('button') as HTMLButtonElement).click();
    const ta = document.querySelector('textarea')!;
    ta.value = '只写 value';
    c.render();
    expect(document.querySelector('textarea')!.value).toBe('');
    setNativeValue(document.querySelector('textarea')!, '亲，非常抱歉');
    c.render();
    expect(document.querySelector('textarea')!.value).toBe('亲，非常抱歉');
    expect(c.state.get('a1')).toBe('亲，非常抱歉');
  });
});

describe('fillReply on a 抖店-style controlled console', () => {
  it.each([
    ['closed editor (opens it with 回复)', false],
    ['already open editor', true],
  ])('%s: the text lands in the state, nothing is submitted', async (_, preOpen) => {
    const c = controlledConsole(['7350001', '7350002']);
    if (preOpen) (document.querySelectorAll('button')[1] as HTMLButtonElement).click();
    const r = await fillReply(box(douyin), document, '7350002', '亲您好，已为您补发', { sleep: noSleep });
    expect(r).toEqual({ ok: true });
    expect(c.state.get('7350002')).toBe('亲您好，已为您补发');
    expect(c.state.has('7350001')).toBe(false);
    expect(c.submitted).toEqual([]);
  });

  it('explains in Chinese when the row is not on the page', async () => {
    controlledConsole(['7350001']);
    const r = await fillReply(box(douyin), document, '999', '文字', { sleep: noSleep });
    expect(r).toEqual({ ok: false, reason: '页面上找不到这条评价' });
  });

  it('gives up when the editor never appears', async () => {
    controlledConsole(['7350001']);
    document
      .querySelector('button')!
      .replaceWith(Object.assign(document.createElement('button'), { textContent: '回复' }));
    const r = await fillReply(box(douyin), document, '7350001', '文字', { timeoutMs: 0, sleep: noSleep });
    expect(r.ok).toBe(false);
  });
});

describe.each([
  ['jd', jd, 'comment-table.html', 'https://shop.jd.com/jdm/comment/list'],
  ['kuaishou', kuaishou, 'comment-table.html', 'https://s.kwaixiaodian.com/zone/comment/list'],
] as const)('%s saved review page', (_, adapter, file, url) => {
  beforeEach(() => load(page(adapter.id, file)));

  it('finds every row readDom reads, under the same review ids', () => {
    const read = adapter.readDom!(document, new URL(url));
    const fromDom = read.reviews.map((r) => r.reviewId);
    const rows = box(adapter)
      .rows(document)
      .map((r) => r.reviewId);
    expect(fromDom.length).toBeGreaterThan(0);
    // Rows readDom rejected (e.g. no 评价时间) are still rows; the background has nothing for them.
    expect(rows.filter((id) => fromDom.includes(id))).toEqual(fromDom);
    expect(rows.length).toBe(fromDom.length + read.rejects.filter((r) => r.row !== undefined).length);
  });

  it('anchors the overlay in the 评价内容 cell', () => {
    const { row } = box(adapter).rows(document)[0]!;
    expect(box(adapter).anchor(row).textContent).toMatch(/裂纹|线头/);
    // rows() names the same anchor for every row, so the overlay need not ask per row (issue #15).
    for (const r of box(adapter).rows(document)) expect(r.anchor).toBe(box(adapter).anchor(r.row));
  });
});

describe('openers', () => {
  it.each([
    ['回复', true],
    ['追加回复', true],
    ['提交', false],
    ['发布回复', false],
    ['确定', false],
  ])('a button labelled %s opens the editor: %s', (label, opens) => {
    load(page('jd', 'comment-table.html'));
    const { row } = box(jd).rows(document)[0]!;
    row.querySelector('button')!.textContent = label;
    expect(box(jd).opener(row) !== null).toBe(opens);
  });

  it('jd: clicking the row’s 回复 opens an inline editor that gets the text', async () => {
    load(page('jd', 'comment-table.html'));
    const { row, reviewId } = box(jd).rows(document)[0]!;
    const submit = vi.fn();
    row.querySelector('button')!.addEventListener('click', () => {
      const ta = document.createElement('textarea');
      const ok = Object.assign(document.createElement('button'), { textContent: '提交' });
      ok.addEventListener('click', submit);
      row.lastElementChild!.append(ta, ok);
    });
    expect(await fillReply(box(jd), document, reviewId, '您好，抱歉', { sleep: noSleep })).toEqual({
      ok: true,
    });
    expect(row.querySelector('textarea')!.value).toBe('您好，抱歉');
    expect(submit).not.toHaveBeenCalled();
  });

  it('kuaishou saved page has no reply buttons: the filler says so', async () => {
    load(page('kuaishou', 'comment-table.html'));
    const { reviewId } = box(kuaishou).rows(document)[0]!;
    expect(await fillReply(box(kuaishou), document, reviewId, '文字', { sleep: noSleep })).toEqual({
      ok: false,
      reason: '找不到这条评价的“回复”按钮',
    });
  });
});

describe.each([
  ['taobao', taobao],
  ['pdd', pdd],
] as const)('%s (synthetic table: no saved review page yet)', (_, adapter) => {
  it('reads ids from an antd data-row-key and fills a dialog editor', async () => {
    load(`<table><thead><tr><th>评价内容</th><th>操作</th></tr></thead><tbody>
      <tr data-row-key="0"><td>loading</td><td></td></tr>
      <tr data-row-key="1284767962779"><td>物流太慢</td><td><a>回复</a></td></tr></tbody></table>`);
    expect(
      box(adapter)
        .rows(document)
        .map((r) => r.reviewId),
    ).toEqual(['1284767962779']);
    document.querySelector('a')!.addEventListener('click', () => {
      const dialog = Object.assign(document.createElement('div'), { role: 'dialog' });
      dialog.setAttribute('role', 'dialog');
      dialog.append(document.createElement('textarea'));
      document.body.append(dialog);
    });
    const r = await fillReply(box(adapter), document, '1284767962779', '抱歉让您久等', { sleep: noSleep });
    expect(r).toEqual({ ok: true });
    expect(document.querySelector<HTMLTextAreaElement>('[role="dialog"] textarea')!.value).toBe(
      '抱歉让您久等',
    );
  });
});

describe('dialog consoles (拼多多/京东 demo style: one dialog at a time, named by data-review-id)', () => {
  /** Rows with 回复 buttons; the dialog shows one review's controlled editor at a time. */
  function dialogConsole(ids: string[]) {
    const state = new Map<string, string>();
    let openId: string | undefined;
    const render = () => {
      const table = document.createElement('table');
      const head = document.createElement('tr');
      for (const t of ['评价内容', '操作'])
        head.append(Object.assign(document.createElement('th'), { textContent: t }));
      table.append(head);
      for (const id of ids) {
        const tr = document.createElement('tr');
        tr.setAttribute('data-row-key', id);
        const reply = Object.assign(document.createElement('button'), { textContent: '回复' });
        reply.addEventListener('click', () => ((openId = id), render()));
        tr.append(Object.assign(document.createElement('td'), { textContent: '发货太慢' }), reply);
        table.append(tr);
      }
      const nodes: Node[] = [table];
      if (openId) {
        const dialog = document.createElement('div');
        dialog.setAttribute('role', 'dialog');
        dialog.dataset.reviewId = openId;
        const ta = document.createElement('textarea');
        const id = openId;
        ta.value = state.get(id) ?? '';
        ta.addEventListener('input', () => state.set(id, ta.value));
        dialog.append(ta);
        nodes.push(dialog);
      }
      document.body.replaceChildren(...nodes);
    };
    render();
    return { state };
  }

  it('opens the dialog for this review even when another review’s dialog is open', async () => {
    const c = dialogConsole(['2001000001', '2001000002']);
    document.querySelector('button')!.click(); // the merchant opened the first one
    const r = await fillReply(box(pdd), document, '2001000002', '抱歉让您久等了', { sleep: noSleep });
    expect(r).toEqual({ ok: true });
    expect(c.state.get('2001000002')).toBe('抱歉让您久等了');
    expect(c.state.has('2001000001')).toBe(false);
    expect(document.querySelector('[role="dialog"]')!.getAttribute('data-review-id')).toBe('2001000002');
  });
});
