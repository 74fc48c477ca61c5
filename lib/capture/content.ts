/**
 * The isolated-world side of capture: receives responses from the main-world hook, parses them with the
 * platform adapter, attaches the shop identity the page shows, and sends batches to the background.
 * Pure of `browser.*`: the entrypoint passes `send` (typed messaging) so this runs in unit tests.
 */
import type { CaptureBatch, IngestResult, ParseResult } from './batch';
import { emptyResult, toBatches } from './batch';
import type { HookMessage } from './channel';
import { matchEndpoint } from '../platforms/endpoints';
import type { PlatformAdapter } from '../platforms/types';
import type { StoreIdentity } from '../model';
import { reject } from '../platforms/parse-utils';

export interface CaptureDeps {
  adapter: PlatformAdapter;
  doc: Document;
  pageUrl: () => URL;
  send: (batch: CaptureBatch) => Promise<IngestResult>;
  /** Tells the background which store the page is, once the page shows it. */
  identify?: (store: StoreIdentity) => Promise<void>;
  now: () => number;
}

/** One handled response: what was parsed and what the background did with it. */
export interface Handled {
  endpoint: string;
  result: ParseResult;
  sent: IngestResult[];
}

const MB = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** Turns one hook message into a parse result, never throwing. */
export function parseHookMessage(
  adapter: PlatformAdapter,
  m: HookMessage,
  pageUrl: URL,
  now: number,
): { endpoint: string; result: ParseResult } {
  const url = new URL(m.url);
  const spec = matchEndpoint(adapter.id, url, pageUrl.hostname);
  const endpoint = spec?.id ?? url.pathname.slice(0, 100);
  const result = emptyResult();
  if (!spec) {
    result.rejects.push(reject('unknown_endpoint', `未登记的接口 ${url.pathname}`));
    return { endpoint, result };
  }
  if (m.tooLarge) {
    result.rejects.push(reject('too_large', `响应过大（${MB(m.bytes)}），已跳过；页面其他数据不受影响`));
    return { endpoint, result };
  }
  let body: unknown = m.json;
  if (m.text !== undefined) {
    const t = m.text.trimStart();
    if (t.startsWith('<')) {
      result.rejects.push(
        reject('not_json', `接口返回了网页而不是数据（HTTP ${m.status}）：登录可能已过期，请刷新或重新登录`),
      );
      return { endpoint, result };
    }
    try {
      body = JSON.parse(m.text);
    } catch {
      result.rejects.push(
        reject('invalid_json', `接口返回的 JSON 不完整或损坏（${m.bytes} 字符，HTTP ${m.status}）`),
      );
      return { endpoint, result };
    }
  }
  try {
    return { endpoint, result: adapter.parse(spec.id, body, { url, pageUrl, now }) };
  } catch (e) {
    result.rejects.push(reject('internal', `解析失败：${e instanceof Error ? e.message : String(e)}`));
    return { endpoint, result };
  }
}

export interface Capture {
  (m: HookMessage): Promise<void>;
  /** Subscribes to handled responses (the walker, the overlay); returns an unsubscribe function. */
  onHandled(fn: (h: Handled) => void): () => void;
  /** When a JSON response with rows was last captured (the DOM fallback stays off while this is recent). */
  lastApiAt(): number | undefined;
}

/** Starts handling hook messages; returns the handler (the entrypoint wires it to the channel). */
export function createCapture(deps: CaptureDeps): Capture {
  let identity: StoreIdentity | undefined;
  let lastApiAt: number | undefined;
  const listeners = new Set<(h: Handled) => void>();
  // Responses are handled one at a time, in arrival order, so batches reach the background in order.
  let chain: Promise<void> = Promise.resolve();

  let announcing = false;
  /** Once the header has rendered, tell the background which store this page is (flushes parked batches). */
  const announceWhenKnown = () => {
    if (announcing || !deps.identify) return;
    announcing = true;
    const tryNow = (attempt: number) => {
      const id = identity ?? deps.adapter.identifyFromDom?.(deps.doc);
      if (id) {
        identity = id;
        void deps.identify!(id).catch(() => undefined);
      } else if (attempt < 20) setTimeout(() => tryNow(attempt + 1), 500);
    };
    if (deps.doc.readyState === 'loading')
      deps.doc.addEventListener('DOMContentLoaded', () => tryNow(0), { once: true });
    else setTimeout(() => tryNow(0), 0);
  };

  const identify = (r: ParseResult): StoreIdentity | undefined => {
    if (r.store) identity = r.store;
    identity ??= deps.adapter.identifyFromDom?.(deps.doc);
    return identity;
  };

  const handle = async (m: HookMessage) => {
    const pageUrl = deps.pageUrl();
    const { endpoint, result } = parseHookMessage(deps.adapter, m, pageUrl, deps.now());
    if (result.reviews.length || result.orders.length) lastApiAt = deps.now();
    // Sent at once, identity or not: a page that navigates away must not lose its data. Without an
    // identity the background parks the batch until `identify` (below) says which store it is.
    if (!identify(result)) announceWhenKnown();
    const batches = toBatches(result, {
      platform: deps.adapter.id,
      endpoint,
      page: pageUrl.pathname.slice(0, 300),
      source: 'api',
      bytes: m.bytes,
      store: identity,
    });
    const sent: IngestResult[] = [];
    for (const b of batches) sent.push(await sendWithRetry(deps.send, b));
    for (const fn of listeners) fn({ endpoint, result, sent });
  };

  const capture = ((m: HookMessage) => {
    chain = chain.then(() => handle(m)).catch(() => undefined);
    return chain;
  }) as Capture;
  capture.lastApiAt = () => lastApiAt;
  capture.onHandled = (fn) => {
    listeners.add(fn);
    return () => listeners.delete(fn);
  };
  return capture;
}

/** The service worker may be restarting: retry a few times before giving up on a batch. */
function sendWithRetry(send: CaptureDeps['send'], b: CaptureBatch): Promise<IngestResult> {
  return withRetry(() => send(b));
}

/**
 * Retries a message to the service worker. A worker stopped while it handles a message loses the answer
 * ("message channel closed"), and a cold start that also refreshes scores can take seconds: six attempts
 * over ≈8 s (250 ms … 4 s apart) ride that out and still answer within the walker's 15 s page timeout.
 * Ingest is idempotent, so a repeat of a batch that did land only counts it as unchanged (issue #8).
 */
export async function withRetry<T>(fn: () => Promise<T>, attempts = 6): Promise<T> {
  let last: unknown;
  for (let i = 0; i < attempts; i++) {
    try {
      return await fn();
    } catch (e) {
      last = e;
      if (i < attempts - 1) await new Promise((res) => setTimeout(res, 250 * 2 ** i));
    }
  }
  throw last;
}
