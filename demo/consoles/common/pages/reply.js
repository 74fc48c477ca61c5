// Reply editors of the review pages, inline in the row or in a dialog. They behave like React-controlled
// inputs: the page's state changes only on `input` events, and every render (and 提交) writes the state
// back into the box. A filler that sets `.value` without dispatching `input` is therefore ignored on 提交,
// exactly what a naive filler would run into on the real consoles.
import { h } from './kit.js';

const MAX_REPLY = 500;

/**
 * Editors keyed by review id.
 * mode: 'inline' (editor(id) inside the row) or 'dialog' (dialog() once per page, role="dialog").
 * send(id, content) posts the reply and resolves to { error } or {}; render redraws the page; reload
 * fetches the list again; describe(id) is the review text the dialog quotes.
 */
export function createReplyEditors({ mode, send, render, reload, describe = () => '' }) {
  /** Drafts by review id: the "React state". */
  const drafts = new Map();
  const open = new Set();
  const notices = new Map();

  const counterText = (id) => `${(drafts.get(id) ?? '').length}/${MAX_REPLY}`;

  async function submit(id, textarea) {
    const content = drafts.get(id) ?? '';
    // Controlled input: the box shows the state, whatever was written into `.value` behind our back.
    textarea.value = content;
    const counter = textarea.parentElement?.querySelector('.counter_5c3a');
    if (counter) counter.textContent = counterText(id);
    if (content.trim() === '') {
      notices.set(id, { error: true, text: '请输入回复内容' });
      return render();
    }
    const res = await send(id, content);
    if (res.error) {
      notices.set(id, { error: true, text: res.error });
      return render();
    }
    drafts.delete(id);
    open.delete(id);
    notices.set(id, { error: false, text: '回复成功' });
    await reload();
  }

  function box(id) {
    const textarea = h('textarea', {
      className: 'input_2b9d',
      attrs: { rows: 4, maxlength: MAX_REPLY, placeholder: '请输入回复内容，回复将公开展示在评价下方' },
      on: {
        input: (e) => {
          drafts.set(id, e.target.value);
          const counter = e.target.parentElement?.querySelector('.counter_5c3a');
          if (counter) counter.textContent = counterText(id);
        },
      },
    });
    textarea.value = drafts.get(id) ?? '';
    const notice = notices.get(id);
    return [
      textarea,
      h(
        'div',
        { className: 'bar_8e0c' },
        h('span', { className: 'counter_5c3a' }, counterText(id)),
        notice
          ? h('span', { className: notice.error ? 'noticeError_1e6d' : 'noticeOk_1e6d' }, notice.text)
          : null,
        h(
          'button',
          { className: 'primary_3d8e', attrs: { type: 'button' }, on: { click: () => submit(id, textarea) } },
          '提交',
        ),
        h(
          'button',
          {
            className: 'link_7c2b',
            attrs: { type: 'button' },
            on: {
              click: () => {
                open.delete(id);
                render();
              },
            },
          },
          '取消',
        ),
      ),
    ];
  }

  return {
    isOpen: (id) => open.has(id),
    /** Opens the editor of `id` (a dialog shows one review at a time). */
    open(id) {
      if (mode === 'dialog') open.clear();
      open.add(id);
      notices.delete(id);
      render();
      const selector =
        mode === 'dialog' ? '[role="dialog"] textarea' : `tr[data-review-id="${CSS.escape(id)}"] textarea`;
      document.querySelector(selector)?.focus();
    },
    /** The inline editor of a row (mode 'inline'), or null when closed. */
    editor(id) {
      return mode === 'inline' && open.has(id) ? h('div', { className: 'editor_6a4f' }, box(id)) : null;
    },
    /** The notice of the last submission of a row (shown next to its reply state). */
    notice(id) {
      const n = notices.get(id);
      return n && !open.has(id)
        ? h('span', { className: n.error ? 'noticeError_1e6d' : 'noticeOk_1e6d' }, n.text)
        : null;
    },
    /** The reply dialog (mode 'dialog'), or null when none is open. */
    dialog() {
      const [id] = open;
      if (mode !== 'dialog' || id === undefined) return null;
      return h(
        'div',
        { className: 'mask_0d3e' },
        h(
          'div',
          {
            className: 'dialog_7f9a',
            attrs: { role: 'dialog', 'aria-modal': 'true', 'aria-label': '回复评价' },
            dataset: { reviewId: id },
          },
          h('h3', {}, '回复评价'),
          h('div', { className: 'note_2f7e' }, describe(id) || '（该用户未填写评价内容）'),
          h('div', { className: 'editor_6a4f' }, box(id)),
        ),
      );
    },
  };
}
