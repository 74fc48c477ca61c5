// The reply editor of the comment page. It behaves like a React-controlled input: the page's own
// state changes only on `input` events, and every render writes the state back into the box. A filler
// that sets `.value` without dispatching `input` is therefore ignored on 提交 (and the box is visibly
// reset to the state), exactly what a naive filler would run into on the real console.
import { h, postJson } from './common.js';

const MAX_REPLY = 500;

/** Editors keyed by comment id; `render` redraws the page, `reload` fetches the list again. */
export function createReplyEditors({ render, reload }) {
  /** Reply drafts by comment id: the "React state". */
  const drafts = new Map();
  const openEditors = new Set();
  const notices = new Map();

  async function submit(id, textarea) {
    const content = drafts.get(id) ?? '';
    // Controlled input: the DOM shows the state, whatever was written into `.value` behind our back.
    textarea.value = content;
    updateCounter(id, textarea);
    if (content.trim() === '') {
      notices.set(id, { error: true, text: '请输入回复内容' });
      render();
      return;
    }
    const res = await postJson('/product/tcomment/reply', { comment_id: id, content });
    if (res.error) {
      notices.set(id, { error: true, text: res.error });
      render();
      return;
    }
    drafts.delete(id);
    openEditors.delete(id);
    notices.set(id, { error: false, text: '回复成功' });
    await reload();
  }

  function updateCounter(id, textarea) {
    const counter = textarea.parentElement?.querySelector('.counter_1f5b');
    if (counter) counter.textContent = `${(drafts.get(id) ?? '').length}/${MAX_REPLY}`;
  }

  function editor(id) {
    const textarea = h('textarea', {
      className: 'replyInput_7e3a',
      attrs: { rows: 3, maxlength: MAX_REPLY, placeholder: '请输入回复内容，回复将展示在商品评价下' },
      on: {
        input: (e) => {
          drafts.set(id, e.target.value);
          updateCounter(id, e.target);
        },
      },
    });
    textarea.value = drafts.get(id) ?? '';
    const notice = notices.get(id);
    return h(
      'div',
      { className: 'replyEditor_4b8d' },
      textarea,
      h(
        'div',
        { className: 'replyBar_0a6e' },
        h('span', { className: 'counter_1f5b' }, `${(drafts.get(id) ?? '').length}/${MAX_REPLY}`),
        notice
          ? h('span', { className: notice.error ? 'noticeError_6c1a' : 'noticeOk_3e7b' }, notice.text)
          : null,
        h(
          'button',
          {
            className: 'btnPrimary_8d2c',
            attrs: { type: 'button' },
            on: { click: () => submit(id, textarea) },
          },
          '提交',
        ),
        h(
          'button',
          {
            className: 'btnText_2f4e',
            attrs: { type: 'button' },
            on: {
              click: () => {
                openEditors.delete(id);
                render();
              },
            },
          },
          '取消',
        ),
      ),
    );
  }

  return {
    isOpen: (id) => openEditors.has(id),
    open(id) {
      openEditors.add(id);
      notices.delete(id);
      render();
    },
    editor,
  };
}
