// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CaptureBatch, IngestResult } from './batch';
import { API_GRACE_MS, DOM_DEBOUNCE_MS, watchDom } from './dom';
import { douyin } from '../platforms/douyin';
import { jd } from '../platforms/jd';

const html = readFileSync('lib/platforms/__fixtures__/jd/comment-table.html', 'utf8');

function setup(lastApiAt?: number) {
  vi.useFakeTimers();
  const doc = new DOMParser().parseFromString(html, 'text/html');
  document.body.replaceChildren(...Array.from(doc.body.childNodes).map((n) => document.importNode(n, true)));
  const sent: CaptureBatch[] = [];
  const stop = watchDom({
    adapter: jd,
    doc: document,
    pageUrl: () => new URL('https://shop.jd.com/jdm/comment/list'),
    send: async (b) => (
      sent.push(b),
      { added: 0, updated: 0, unchanged: 0, rejected: 0 } satisfies IngestResult
    ),
    lastApiAt: () => lastApiAt,
    now: () => Date.now(),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (id) => clearTimeout(id as number),
  });
  return { sent, stop };
}

afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe('watchDom', () => {
  it('reads the rendered table after the page settles and sends it as a DOM capture', async () => {
    const { sent, stop } = setup();
    await vi.advanceTimersByTimeAsync(DOM_DEBOUNCE_MS + 10);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ platform: 'jd', source: 'dom', endpoint: 'dom:/jdm/comment/list' });
    expect(sent[0]!.reviews.length).toBeGreaterThan(0);
    // The same table again (an unrelated DOM change) is not re-sent.
    document.body.append(document.createElement('div'));
    await vi.advanceTimersByTimeAsync(DOM_DEBOUNCE_MS + 10);
    expect(sent).toHaveLength(1);
    stop?.();
  });

  it('stays off while JSON capture works on the page', async () => {
    const { sent, stop } = setup(Date.now());
    await vi.advanceTimersByTimeAsync(DOM_DEBOUNCE_MS + 10);
    expect(sent).toHaveLength(0);
    expect(API_GRACE_MS).toBeGreaterThan(DOM_DEBOUNCE_MS);
    stop?.();
  });

  it('does nothing for an adapter without a DOM reader', () => {
    const stop = watchDom({
      adapter: douyin,
      doc: document,
      pageUrl: () => new URL('https://fxg.jinritemai.com/'),
      send: async () => ({ added: 0, updated: 0, unchanged: 0, rejected: 0 }),
      lastApiAt: () => undefined,
      now: Date.now,
      setTimeout,
      clearTimeout: () => undefined,
    });
    expect(stop).toBeUndefined();
  });
});
