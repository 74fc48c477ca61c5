/**
 * The isolated-world side of capture: receives responses from the main-world hook, parses them with the
 * platform adapter, attaches the shop identity the page shows, and sends batches to the background.
 * Pure of `browser.*`: the entrypoint passes `send` (typed messaging) so this runs in unit tests.
 */
import type { CaptureBatch, IngestResult, ParseResult } from './batch';
import { emptyResult, toBatches } from './batch';
import { driftOf } from './drift';
import { MAX_BODY_CHARS, decodeBody } from './hook';
import type { HookMessage } from './channel';
import { matchEndpoint } from '../platforms/endpoints';
import type { PlatformAdapter } from '../platforms/types';
import type { PlatformId, StoreIdentity } from '../model';
import type { EndpointSpec } from '../platforms/endpoints';
import type { Resolved } from '../platforms/identity';
import {
  IdentityTracker,
  hash32,
  identityFromJson,
  identityFromUrl,
  loginFromJson,
  missingSignals,
} from '../platforms/identity';
import { reject } from '../platforms/parse-utils';

export interface CaptureDeps {
  adapter: PlatformAdapter;
  doc: Document;
  pageUrl: () => URL;
  send: (batch: CaptureBatch) => Promise<IngestResult>;
  /** Tells the background which store the page is (or that no signal said so, or two disagreed). */
  identify?: (m: IdentifyMessage) => Promise<void>;
  now: () => number;
  /** Salt of the ids hashed in redacted samples (random per page; fixed in tests). */
  salt?: string;
  /**
   * Resolves when the page's thread is free (lib/capture/idle.ts): awaited before a response is parsed
   * and again before its batches are sent, so neither runs on the page's click path (issue #15).
   * Absent: no waiting (unit tests).
   */
  whenIdle?: () => Promise<void>;
  /**
   * Called as each response arrives, with its size; a response is parsed and sent only once the promise
   * it returned has resolved (lib/capture/idle.ts `arrivalQuiet`: the console stopped loading lists for a
   * moment, or too much is waiting). Absent: no waiting.
   */
  quiet?: (bytes: number) => Promise<void>;
}

/** One handled response: what was parsed and what the background did with it. */
export interface Handled {
  endpoint: string;
  result: ParseResult;
  sent: IngestResult[];
}

const MB = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/**
 * A message whose body came as bytes (lib/capture/hook.ts) → the same message with its text, decoded by
 * the response's charset, exactly as the hook used to post it; any other message unchanged.
 */
export function withText(m: HookMessage): HookMessage {
  if (!m.body) return m;
  const { body: buf, ...rest } = m;
  const text = decodeBody(buf, m.contentType);
  return text.length > MAX_BODY_CHARS
    ? { ...rest, bytes: text.length, tooLarge: true }
    : { ...rest, text, bytes: text.length };
}

/** Turns one hook message into a parse result, never throwing. */
export function parseHookMessage(
  adapter: PlatformAdapter,
  raw: HookMessage,
  pageUrl: URL,
  now: number,
): { endpoint: string; result: ParseResult; body?: unknown; kind?: EndpointSpec['kind'] } {
  const m = withText(raw);
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
  // Identity endpoints (user-info, shop-info) carry no records: only the shop they name is read.
  if (spec.kind === 'identity') return { endpoint, result, body, kind: spec.kind };
  try {
    return { endpoint, result: adapter.parse(spec.id, body, { url, pageUrl, now }), body, kind: spec.kind };
  } catch (e) {
    result.rejects.push(reject('internal', `解析失败：${e instanceof Error ? e.message : String(e)}`));
    return { endpoint, result, body, kind: spec.kind };
  }
}

/** No signal within this long after the first capture → the provisional store and the question. */
export const PROVISIONAL_AFTER_MS = 1500;

/** What the page says about its store: one identity, or none yet (with what was missing or in conflict). */
export type IdentifyMessage = {
  platform: PlatformId;
  /** Hashed hint of the logged-in console account (remembers the merchant's answer per login). */
  login?: string;
} & ({ store: StoreIdentity } | { unidentified: { missing: string[]; candidates: StoreIdentity[] } });

export interface Capture {
  (m: HookMessage): Promise<void>;
  /** Subscribes to handled responses (the walker, the overlay); returns an unsubscribe function. */
  onHandled(fn: (h: Handled) => void): () => void;
  /**
   * When a JSON response with rows was last captured, or now while a list response is still being handled
   * (the DOM fallback stays off while this is recent).
   */
  lastApiAt(): number | undefined;
}

/** Starts handling hook messages; returns the handler (the entrypoint wires it to the channel). */
export function createCapture(deps: CaptureDeps): Capture {
  const platform = deps.adapter.id;
  const tracker = new IdentityTracker(platform);
  const salt = deps.salt ?? '';
  let login: string | undefined;
  let lastApiAt: number | undefined;
  const listeners = new Set<(h: Handled) => void>();
  // Responses are handled one at a time, in arrival order, so batches reach the background in order.
  let chain: Promise<void> = Promise.resolve();

  /** What was last told to the background (a store and its name, or "unidentified"), so it is said once. */
  let announced = '';
  const announce = async (m: IdentifyMessage): Promise<void> => {
    const sig =
      'store' in m
        ? `s:${m.store.shopId}|${m.store.name ?? ''}|${login ?? ''}`
        : `u:${m.unidentified.candidates.map((c) => c.shopId).join(',')}`;
    if (sig === announced || !deps.identify) return;
    announced = sig;
    // Dispatched now (the worker handles one document's messages in the order they were sent,
    // lib/background/doc-queue.ts); the answer is waited for only by those who need it.
    await deps.identify({ ...m, login }).catch(() => undefined);
  };

  /** Every signal the page offers now; the DOM header only while no stronger signal exists. */
  const resolve = (): Resolved => {
    tracker.observe(identityFromUrl(platform, deps.pageUrl(), 'page'));
    if (!tracker.has('api') && !tracker.has('url')) {
      const dom = deps.adapter.identifyFromDom?.(deps.doc);
      if (dom) tracker.observe({ kind: 'dom', source: 'dom:header', shopId: dom.shopId, name: dom.name });
    }
    return tracker.resolve();
  };

  /** Tells the background; awaited before a batch so that a shop switch is bound before its rows arrive. */
  const tell = async (r: Resolved): Promise<void> => {
    if ('store' in r) await announce({ platform, store: r.store });
    else if ('conflict' in r)
      await announce({ platform, unidentified: { missing: [], candidates: r.conflict } });
  };

  let waiting = false;
  /** Waits a little for the header; then the provisional store and the merchant's question. */
  const waitForIdentity = () => {
    if (waiting) return;
    waiting = true;
    // Elapsed time is counted in timer steps, not read from the business clock: that clock may be pinned
    // (frozen in tests, a merchant's chosen date), and a frozen clock must not keep the page waiting forever.
    const STEP_MS = 250;
    let waited = 0;
    const tryNow = () => {
      const r = resolve();
      if (!('none' in r)) {
        waiting = false;
        return void tell(r);
      }
      if (waited < PROVISIONAL_AFTER_MS) {
        waited += STEP_MS;
        return void setTimeout(tryNow, STEP_MS);
      }
      waiting = false;
      void announce({ platform, unidentified: { missing: missingSignals(platform), candidates: [] } });
    };
    if (deps.doc.readyState === 'loading')
      deps.doc.addEventListener('DOMContentLoaded', () => tryNow(), { once: true });
    else setTimeout(tryNow, 0);
  };

  const handle = async (raw: HookMessage, quiet?: Promise<void>) => {
    await quiet;
    await deps.whenIdle?.();
    const m = withText(raw);
    const pageUrl = deps.pageUrl();
    const { endpoint, result, body, kind } = parseHookMessage(deps.adapter, m, pageUrl, deps.now());
    if (result.reviews.length || result.orders.length) lastApiAt = deps.now();
    if (body !== undefined) {
      tracker.observe(identityFromJson(platform, body, endpoint));
      if (kind === 'identity') {
        const hint = loginFromJson(platform, body);
        if (hint) login = hash32(`${platform}|${hint}`);
      }
    }
    if (result.store)
      tracker.observe({
        kind: 'api',
        source: `api:${endpoint}`,
        shopId: result.store.shopId,
        name: result.store.name,
      });
    try {
      tracker.observe(identityFromUrl(platform, new URL(m.url), 'request'));
    } catch {
      // an unparsable request URL carries no identity
    }
    await deps.whenIdle?.();
    const r = resolve();
    // Not awaited: what the page says about its store is dispatched before its batches, and the worker
    // keeps that order per document. Waiting here for the worker's answer let a page that was left right
    // after a response lose it (the content script dies on unload).
    const told = tell(r);
    if ('none' in r) waitForIdentity();
    const store = 'store' in r ? r.store : undefined;
    const sending: Promise<IngestResult>[] = [];
    // Identity-only responses with nothing to report send no batch.
    if (kind !== 'identity' || result.rejects.length) {
      // Sent at once, identity or not: a page that navigates away must not lose its data. Without an
      // identity the background parks the batch until the page says which store it is, or files it under
      // the provisional store.
      const batches = toBatches(result, {
        platform,
        endpoint,
        page: pageUrl.pathname.slice(0, 300),
        source: 'api',
        bytes: m.bytes,
        store,
      });
      const drift = body !== undefined ? driftOf(platform, endpoint, body, result, salt) : undefined;
      // Dispatched in order without waiting for each answer (see `told` above).
      for (const [i, b] of batches.entries())
        sending.push(
          sendWithRetry(deps.send, { ...b, store, login, ...(i === 0 && drift ? { drift } : {}) }),
        );
    }
    const settled = Promise.all([told, ...sending]).then(([, ...sent]) => {
      for (const fn of listeners) fn({ endpoint, result, sent });
    });
    return { settled };
  };

  /** List responses that arrived and are not parsed yet (they wait for the page to be idle). */
  let pendingLists = 0;
  const isList = (m: HookMessage) => {
    try {
      const kind = matchEndpoint(platform, new URL(m.url), deps.pageUrl().hostname)?.kind;
      return kind === 'reviews' || kind === 'orders';
    } catch {
      return false;
    }
  };

  const capture = ((m: HookMessage) => {
    // Responses are parsed and dispatched one at a time, in arrival order; the chain does not wait for
    // the worker's answers. The caller's promise resolves once this response's messages were answered.
    const list = isList(m);
    if (list) pendingLists++;
    // The wait starts now, at arrival, not when the chain reaches this response.
    const quiet = deps.quiet?.(m.bytes);
    const run = chain.then(() => handle(m, quiet));
    chain = run.then(
      () => undefined,
      () => undefined,
    );
    void run.then(
      () => void (list && pendingLists--),
      () => void (list && pendingLists--),
    );
    return run.then((h) => h.settled).catch(() => undefined);
  }) as Capture;
  // A list response still waiting to be parsed counts as "API capture now": the DOM fallback must not read
  // the same rows from the table meanwhile (a table shows whole seconds, so it would rewrite their times).
  capture.lastApiAt = () => (pendingLists > 0 ? deps.now() : lastApiAt);
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
