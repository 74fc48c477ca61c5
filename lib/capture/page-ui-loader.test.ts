import { describe, expect, it, vi } from 'vitest';
import type { PlatformAdapter } from '../platforms/types';
import type { Handled } from './content';
import type { PageUiDeps, StartPageUi } from './page-ui';
import { isListEndpoint, pageUiLoader } from './page-ui-loader';

const adapter = {
  id: 'douyin',
  endpoints: [
    { id: 'reviews', kind: 'reviews' },
    { id: 'orders', kind: 'orders' },
    { id: 'score', kind: 'score' },
  ],
} as unknown as PlatformAdapter;

const handled = (endpoint: string, n = 0) => ({ endpoint, result: { n }, sent: [] }) as unknown as Handled;

function fakeCapture() {
  const fns = new Set<(h: Handled) => void>();
  return {
    onHandled: (fn: (h: Handled) => void) => (fns.add(fn), () => void fns.delete(fn)),
    emit: (h: Handled) => fns.forEach((f) => f(h)),
    listeners: () => fns.size,
  };
}

/** A page-UI module whose two parts (overlay, walker) each record what they are told. */
function fakeModule() {
  const seen: [string, string][] = [];
  const stop = vi.fn();
  const start = vi.fn<StartPageUi>((d: PageUiDeps) => {
    d.capture.onHandled((h) => seen.push(['overlay', h.endpoint]));
    d.capture.onHandled((h) => seen.push(['walker', h.endpoint]));
    return stop;
  });
  return { seen, start, stop };
}

const flush = () => new Promise((r) => setTimeout(r, 0));
const deps = {} as Omit<PageUiDeps, 'capture'>;

describe('pageUiLoader', () => {
  it('loads nothing until a list is captured, then loads once and replays what came before, in order', async () => {
    const capture = fakeCapture();
    const m = fakeModule();
    const load = vi.fn(() => Promise.resolve(m.start));
    const onError = vi.fn();
    const ui = pageUiLoader({ adapter, capture, load, deps, onError });

    capture.emit(handled('score'));
    await flush();
    expect(load).not.toHaveBeenCalled();
    expect(ui.started()).toBe(false);

    capture.emit(handled('reviews (1/2)'));
    capture.emit(handled('reviews (2/2)')); // while the import is in flight
    expect(load).toHaveBeenCalledTimes(1);
    await flush();
    expect(ui.started()).toBe(true);
    expect(m.seen).toEqual([
      ['overlay', 'score'],
      ['overlay', 'reviews (1/2)'],
      ['overlay', 'reviews (2/2)'],
      ['walker', 'score'],
      ['walker', 'reviews (1/2)'],
      ['walker', 'reviews (2/2)'],
    ]);

    // Afterwards captures reach the module once, live; the loader no longer listens or loads.
    m.seen.length = 0;
    capture.emit(handled('orders'));
    ui.need();
    expect(m.seen).toEqual([
      ['overlay', 'orders'],
      ['walker', 'orders'],
    ]);
    expect(capture.listeners()).toBe(2);
    expect(load).toHaveBeenCalledTimes(1);
    expect(onError).not.toHaveBeenCalled();

    ui.stop();
    expect(m.stop).toHaveBeenCalledTimes(1);
  });

  it('loads on demand (a list read from the DOM) without any capture', async () => {
    const capture = fakeCapture();
    const m = fakeModule();
    const ui = pageUiLoader({
      adapter,
      capture,
      load: () => Promise.resolve(m.start),
      deps,
      onError: vi.fn(),
    });
    ui.need();
    await flush();
    expect(m.start).toHaveBeenCalledTimes(1);
    expect(ui.started()).toBe(true);
  });

  it('reports a failed import once, keeps capturing without the UI, and does not retry', async () => {
    const capture = fakeCapture();
    const load = vi.fn(() => Promise.reject(new Error('blocked')));
    const onError = vi.fn();
    const ui = pageUiLoader({ adapter, capture, load, deps, onError });
    capture.emit(handled('reviews'));
    await flush();
    capture.emit(handled('reviews'));
    ui.need();
    await flush();
    expect(load).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledTimes(1);
    expect((onError.mock.calls[0]![0] as Error).message).toBe('blocked');
    expect(ui.started()).toBe(false);
    expect(capture.listeners()).toBe(0);
  });

  it('reports a module that throws on start', async () => {
    const capture = fakeCapture();
    const onError = vi.fn();
    const start: StartPageUi = () => {
      throw new Error('boom');
    };
    const ui = pageUiLoader({ adapter, capture, load: () => Promise.resolve(start), deps, onError });
    capture.emit(handled('orders'));
    await flush();
    expect(onError).toHaveBeenCalledTimes(1);
    expect(ui.started()).toBe(false);
  });

  it('never starts the UI of a page context stopped while the import was in flight', async () => {
    const capture = fakeCapture();
    const m = fakeModule();
    let resolve!: (s: StartPageUi) => void;
    const ui = pageUiLoader({
      adapter,
      capture,
      load: () => new Promise<StartPageUi>((r) => (resolve = r)),
      deps,
      onError: vi.fn(),
    });
    capture.emit(handled('reviews'));
    ui.stop();
    resolve(m.start);
    await flush();
    expect(m.start).not.toHaveBeenCalled();
    expect(capture.listeners()).toBe(0);
  });
});

describe('isListEndpoint', () => {
  it('knows review and order lists, with or without a part suffix, and nothing else', () => {
    const isList = isListEndpoint(adapter);
    expect(['reviews', 'orders', 'reviews (3/4)'].map(isList)).toEqual([true, true, true]);
    expect(['score', 'reviewsX', 'dom:/x', 'reviews (a/b)'].map(isList)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
