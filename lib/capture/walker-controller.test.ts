// @vitest-environment happy-dom
/**
 * The controller's side of "quiet while paging" (issue #15): while 自动翻页采集 runs, the capture must not
 * wait for the paging to pause (the walk clicks only after a page's rows were stored), so the controller
 * says when a walk starts and when it ends — whatever way it ends.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Handled } from './content';
import { startWalkerController } from './walker-controller';
import { douyin } from '../platforms/douyin';

const handled = (seen: number): Handled =>
  ({
    endpoint: 'commentList',
    result: {
      reviews: Array.from({ length: seen }, (_, i) => ({ reviewId: `r${i}` })),
      orders: [],
      rejects: [],
      seen,
    },
    sent: [{ storeKey: 'douyin:1', added: seen, updated: 0, unchanged: 0, rejected: 0 }],
  }) as unknown as Handled;

function setup() {
  const next = document.createElement('button');
  next.textContent = '下一页';
  document.body.replaceChildren(next);
  const listeners: ((h: Handled) => void)[] = [];
  const walking: boolean[] = [];
  const stop = startWalkerController({
    adapter: douyin,
    doc: document,
    capture: { onHandled: (fn) => (listeners.push(fn), () => undefined) },
    pageUrl: () => new URL('https://fxg.jinritemai.com/ffa/g/comment'),
    persist: { save: async () => undefined, load: async () => null },
    now: () => 0,
    sleep: async () => undefined,
    random: () => 0,
    walking: (on) => void walking.push(on),
  });
  const emit = (h: Handled) => listeners.forEach((fn) => fn(h));
  const button = (text: string) =>
    Array.from(document.querySelector('[data-koubei-host]')!.shadowRoot!.querySelectorAll('button')).find(
      (b) => b.textContent === text,
    )!;
  return { stop, emit, walking, button };
}

const flush = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

// The panel's host may sit outside <body>: remove every one, so a test never clicks an earlier test's panel.
afterEach(() => {
  document.body.replaceChildren();
  document.querySelectorAll('[data-koubei-host]').forEach((h) => h.remove());
});

describe('walker controller: walking', () => {
  it('says a walk started, and that it ended when the last page came', async () => {
    const w = setup();
    w.emit(handled(20)); // the first list page: the panel appears
    expect(w.walking).toEqual([]);
    w.button('采集全部').click();
    await flush();
    expect(w.walking).toEqual([true]);
    w.emit(handled(20)); // page 2
    await flush();
    expect(w.walking).toEqual([true]);
    w.emit(handled(0)); // an empty page ends the walk
    await flush();
    expect(w.walking).toEqual([true, false]);
    w.stop();
  });

  it('says the walk ended when the merchant pauses it', async () => {
    const w = setup();
    w.emit(handled(20));
    w.button('采集全部').click();
    await flush();
    w.button('暂停').click();
    w.emit(handled(20));
    await flush();
    expect(w.walking).toEqual([true, false]);
    w.stop();
  });
});
