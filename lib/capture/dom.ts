/**
 * The DOM fallback: for consoles whose JSON we do not know for sure (京东, 快手), read the review/order
 * tables the page renders. It only runs when the page showed a table but no whitelisted API response was
 * captured for a while — when the JSON capture works, the DOM is left alone (the two would give the same
 * rows different ids).
 */
import type { CaptureBatch, IngestResult } from './batch';
import { toBatches } from './batch';
import type { PlatformAdapter } from '../platforms/types';

export interface DomDeps {
  adapter: PlatformAdapter;
  doc: Document;
  pageUrl: () => URL;
  send: (batch: CaptureBatch) => Promise<IngestResult>;
  /** When the last JSON response with rows was captured on this page (ms), if ever. */
  lastApiAt: () => number | undefined;
  now: () => number;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (id: unknown) => void;
}

/** Quiet period after the last DOM change, and how recent an API capture must be to skip the DOM. */
export const DOM_DEBOUNCE_MS = 800;
export const API_GRACE_MS = 5_000;

/** Starts watching; returns a stop function. Returns undefined when the adapter has no DOM reader. */
export function watchDom(deps: DomDeps): (() => void) | undefined {
  const read = deps.adapter.readDom;
  if (!read) return undefined;
  let timer: unknown;
  let lastFingerprint = '';
  const run = () => {
    const api = deps.lastApiAt();
    if (api !== undefined && deps.now() - api < API_GRACE_MS) return;
    const url = deps.pageUrl();
    const r = read(deps.doc, url);
    if (r.reviews.length === 0 && r.orders.length === 0) return;
    const fp = [
      ...r.reviews.map((x) => x.reviewId + (x.replied ? 'r' : '')),
      ...r.orders.map((o) => o.orderId + o.status),
    ].join(',');
    if (fp === lastFingerprint) return;
    lastFingerprint = fp;
    const meta = {
      platform: deps.adapter.id,
      endpoint: `dom:${url.pathname}`.slice(0, 100),
      page: url.pathname.slice(0, 300),
      source: 'dom' as const,
      bytes: 0,
    };
    void (async () => {
      for (const b of toBatches(r, meta)) await deps.send(b).catch(() => undefined);
    })();
  };
  const schedule = () => {
    if (timer !== undefined) deps.clearTimeout(timer);
    timer = deps.setTimeout(run, DOM_DEBOUNCE_MS);
  };
  const observer = new MutationObserver(schedule);
  const start = () => {
    observer.observe(deps.doc.body, { childList: true, subtree: true, characterData: true });
    schedule();
  };
  if (deps.doc.body) start();
  else deps.doc.addEventListener('DOMContentLoaded', start, { once: true });
  return () => observer.disconnect();
}
