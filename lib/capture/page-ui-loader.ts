/**
 * Loads the console page's own UI (lib/capture/page-ui.ts: review overlay and walker) the first time the
 * page captures a review or order list, instead of shipping it in every console tab's content script
 * (issue #15: content scripts ≤ 20 kB gzip). Dashboards, score pages and settings never load it.
 *
 * Captures handled before the module is running are kept and replayed to it, in order, so the walker
 * counts the list responses it missed and resumes a walk saved before a reload exactly as when it was in
 * the first load. A failed load is reported once (`onError`) and capture goes on without the UI.
 */
import type { PlatformAdapter } from '../platforms/types';
import type { Capture, Handled } from './content';
import type { PageUiDeps, StartPageUi } from './page-ui';

/** Where `page-ui.js` leaves its entry point in the content scripts' isolated world (never the page's). */
export const PAGE_UI_KEY = Symbol.for('koubei.page-ui');

/** At most this many early captures are kept for the replay (a list arrives every page turn, not 50). */
const EARLY_MAX = 50;

export interface PageUiLoaderDeps {
  adapter: PlatformAdapter;
  capture: Pick<Capture, 'onHandled'>;
  /** Imports page-ui.js; resolves with its entry point. */
  load: () => Promise<StartPageUi>;
  /** What the module gets besides the (replaying) capture. */
  deps: Omit<PageUiDeps, 'capture'>;
  onError: (e: unknown) => void;
}

export interface PageUiLoader {
  /** Loads and starts the UI if it is not yet (a list read from the DOM); does nothing after `stop`. */
  need(): void;
  /** Whether the UI is running. */
  started(): boolean;
  stop(): void;
}

/** The endpoint ids of `adapter`'s lists; handled endpoints may carry a part suffix ("id (2/3)"). */
export const isListEndpoint = (adapter: PlatformAdapter) => {
  const ids = new Set(
    adapter.endpoints.filter((e) => e.kind === 'reviews' || e.kind === 'orders').map((e) => e.id),
  );
  return (endpoint: string) => ids.has(endpoint.replace(/ \(\d+\/\d+\)$/, ''));
};

export function pageUiLoader(o: PageUiLoaderDeps): PageUiLoader {
  const isList = isListEndpoint(o.adapter);
  const early: Handled[] = [];
  let state: 'idle' | 'loading' | 'started' | 'failed' | 'stopped' = 'idle';
  let stopUi: (() => void) | undefined;

  const need = () => {
    if (state !== 'idle') return;
    state = 'loading';
    o.load().then(
      (start) => {
        if (state !== 'loading') return;
        // The module subscribes synchronously inside `start`, so no capture can fall between the replay
        // and its own subscription.
        const capture: PageUiDeps['capture'] = {
          onHandled: (fn) => {
            for (const h of early) fn(h);
            return o.capture.onHandled(fn);
          },
        };
        try {
          stopUi = start({ ...o.deps, capture });
          state = 'started';
        } catch (e) {
          state = 'failed';
          o.onError(e);
        }
        early.length = 0;
        unsubscribe();
      },
      (e: unknown) => {
        if (state !== 'loading') return;
        state = 'failed';
        early.length = 0;
        unsubscribe();
        o.onError(e);
      },
    );
  };

  const unsubscribe = o.capture.onHandled((h) => {
    if (state !== 'idle' && state !== 'loading') return;
    early.push(h);
    if (early.length > EARLY_MAX) early.shift();
    if (isList(h.endpoint)) need();
  });

  return {
    need,
    started: () => state === 'started',
    stop: () => {
      state = 'stopped';
      early.length = 0;
      unsubscribe();
      stopUi?.();
    },
  };
}
