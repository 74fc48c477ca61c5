/**
 * Connects the walker to a console page: it learns list pages from captured responses, shows the panel,
 * turns captured responses into page outcomes, and persists state through the background so a reload or
 * a service-worker restart resumes the walk.
 */
import { mountWalkerPanel } from '../overlay/walker-panel';
import type { WalkerPanel } from '../overlay/walker-panel';
import type { PlatformAdapter } from '../platforms/types';
import type { IngestResult } from './batch';
import type { Capture, Handled } from './content';
import { isListEndpoint } from './page-ui-loader';
import { findNextControl } from './pager';
import type { ListOutcome, WalkerState } from './walker';
import { newWalk, walk } from './walker';

export interface WalkerPersistence {
  save(state: WalkerState): Promise<void>;
  load(platform: string, path: string): Promise<WalkerState | null>;
}

export interface WalkerControllerDeps {
  adapter: PlatformAdapter;
  doc: Document;
  capture: Pick<Capture, 'onHandled'>;
  pageUrl: () => URL;
  persist: WalkerPersistence;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  /**
   * Told when a walk starts and ends: a walk paces itself (it clicks only after the page's rows were
   * stored), so the capture does not wait for the paging to pause meanwhile (lib/capture/start.ts).
   */
  walking?: (on: boolean) => void;
}

const FATAL = new Set(['envelope_error', 'not_json', 'invalid_json', 'too_large', 'schema']);

/** What one handled list response means for the walk. */
export function outcomeOf(h: Handled): ListOutcome {
  const result = h.sent.reduce(
    (a, r) => ({
      added: a.added + r.added,
      updated: a.updated + r.updated,
      unchanged: a.unchanged + r.unchanged,
      rejected: a.rejected + r.rejected,
      parked: (a.parked ?? 0) + (r.parked ?? 0),
    }),
    { added: 0, updated: 0, unchanged: 0, rejected: 0, parked: 0 } as IngestResult,
  );
  const rows = h.result.reviews.length + h.result.orders.length;
  const fatal =
    rows === 0 ? h.result.rejects.find((r) => FATAL.has(r.code) && r.row === undefined)?.message : undefined;
  return { result, seen: h.result.seen, fatal };
}

/** Starts the controller; returns a function that stops listening to captures. */
export function startWalkerController(d: WalkerControllerDeps): () => void {
  const isList = isListEndpoint(d.adapter);
  let panel: WalkerPanel | undefined;
  let state: WalkerState | undefined;
  let running = false;
  let pauseRequested = false;
  let stopRequested = false;
  /** List responses seen in this document ≈ the page the console shows. */
  let position = 0;
  let last: ListOutcome | undefined;
  let waiter: ((o: ListOutcome) => void) | undefined;

  const path = () => d.pageUrl().pathname;
  const show = (s: WalkerState | undefined) => {
    state = s;
    panel?.update(s);
  };

  const run = async (s: WalkerState, first?: ListOutcome, skip = 0) => {
    if (running) return;
    running = true;
    pauseRequested = stopRequested = false;
    d.walking?.(true);
    try {
      const page = {
        next: () => findNextControl(d.doc),
        nextListResult: (timeoutMs: number) =>
          new Promise<ListOutcome>((resolve, reject) => {
            const t = setTimeout(() => reject(new Error('timeout')), timeoutMs);
            waiter = (o) => {
              clearTimeout(t);
              resolve(o);
            };
          }),
      };
      const deps = {
        page,
        save: d.persist.save,
        sleep: d.sleep,
        random: d.random,
        now: d.now,
        onProgress: show,
      };
      show(await walk(s, deps, { paused: () => pauseRequested, stopped: () => stopRequested }, first, skip));
    } finally {
      running = false;
      d.walking?.(false);
      waiter = undefined;
    }
  };

  const mount = (kind: string) => {
    panel ??= mountWalkerPanel(d.doc, kind === 'orders' ? '订单' : '评价', {
      start: (mode) => {
        const s = newWalk(d.adapter.id, path(), mode, d.now());
        void run(s, last, 0);
      },
      pause: () => (pauseRequested = true),
      resume: () =>
        state &&
        void run(
          { ...state, status: 'running', note: undefined },
          undefined,
          Math.max(0, state.pages - position),
        ),
      stop: () => {
        stopRequested = true;
        if (!running && state)
          void d.persist
            .save({ ...state, status: 'stopped', note: '已手动停止' })
            .then(() => show({ ...state!, status: 'stopped', note: '已手动停止' }));
      },
    });
    panel.update(state);
  };

  return d.capture.onHandled((h) => {
    if (!isList(h.endpoint)) return;
    const o = outcomeOf(h);
    position++;
    last = o;
    const w = waiter;
    waiter = undefined;
    w?.(o);
    if (!panel) {
      const kind = d.adapter.endpoints.find((e) => e.id === h.endpoint)?.kind ?? 'reviews';
      mount(kind);
      // A walk that was running when the tab reloaded (or the browser restarted) picks up again.
      void d.persist.load(d.adapter.id, path()).then((saved) => {
        if (!saved) return;
        show(saved);
        if (saved.status === 'running') void run(saved, undefined, Math.max(0, saved.pages - position + 1));
      });
    }
  });
}
