/**
 * The main-world hook: wraps `fetch` and `XMLHttpRequest` and copies — read-only — the responses of
 * whitelisted endpoints. It never changes a request or a response, never issues a request of its own, and
 * reads bodies from a clone after the page has its response. Kept tiny (no zod) because it runs on every
 * console page load.
 */
import type { HookMessage } from './channel';

/** Bodies above this are reported (capture health) but not copied: real list pages are ~50–300 kB. */
export const MAX_BODY_CHARS = 4 * 1024 * 1024;

type Accept = (url: URL) => boolean;

/** Bytes → text by the `charset` of the content type; UTF-8 when absent or unknown. */
export function decodeBody(buf: ArrayBuffer, contentType: string): string {
  const charset = /charset=["']?([\w-]+)/i.exec(contentType)?.[1];
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(buf);
  } catch {
    return new TextDecoder().decode(buf);
  }
}

export function installHook(
  win: Window & typeof globalThis,
  accept: Accept,
  post: (m: HookMessage) => void,
): void {
  const urlOf = (raw: string): URL | undefined => {
    try {
      return new URL(raw, win.location.href);
    } catch {
      return undefined;
    }
  };

  const origFetch = win.fetch;
  const wrapped = function (this: unknown, input: RequestInfo | URL, init?: RequestInit) {
    const p = origFetch.call(this ?? win, input, init);
    const raw = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const url = urlOf(raw);
    if (url && accept(url)) {
      const method = (
        init?.method ?? (typeof input === 'object' && 'method' in input ? input.method : 'GET')
      ).toUpperCase();
      p.then(async (res) => {
        const base = {
          url: url.href,
          method,
          status: res.status,
          contentType: res.headers.get('content-type') ?? '',
          // The page's world has no access to the extension's clock: a trace of arrival, never business time.
          // eslint-disable-next-line no-restricted-properties
          at: Date.now(),
        };
        const declared = Number(res.headers.get('content-length') ?? 0);
        if (declared > MAX_BODY_CHARS) return post({ ...base, bytes: declared, tooLarge: true });
        const buf = await res.clone().arrayBuffer();
        // Nothing more on the page's thread here (issue #15): the bytes are transferred, not copied, and
        // the content script decodes them when the page is idle. A body of at most MAX_BODY_CHARS bytes
        // has at most that many characters in any charset; a bigger one is decoded here to be measured.
        if (buf.byteLength <= MAX_BODY_CHARS) return post({ ...base, body: buf, bytes: buf.byteLength });
        // Decoded by the response's own charset (the legacy 淘宝 trade pages answer in GBK; issue #12).
        const text = decodeBody(buf, base.contentType);
        post(
          text.length > MAX_BODY_CHARS
            ? { ...base, bytes: text.length, tooLarge: true }
            : { ...base, text, bytes: text.length },
        );
      }).catch(() => undefined);
    }
    return p;
  };
  Object.defineProperty(wrapped, 'name', { value: 'fetch' });
  win.fetch = wrapped as typeof fetch;

  const meta = new WeakMap<XMLHttpRequest, { url: URL; method: string }>();
  const proto = win.XMLHttpRequest.prototype;
  const origOpen = proto.open;
  const origSend = proto.send;
  proto.open = function (this: XMLHttpRequest, method: string, url: string | URL, ...rest: unknown[]) {
    const u = urlOf(String(url));
    if (u && accept(u)) meta.set(this, { url: u, method: String(method).toUpperCase() });
    else meta.delete(this);
    return (origOpen as (...a: unknown[]) => void).call(this, method, url, ...rest);
  } as typeof proto.open;
  proto.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    const m = meta.get(this);
    if (m) {
      this.addEventListener('loadend', () => {
        const base = {
          url: m.url.href,
          method: m.method,
          status: this.status,
          contentType: this.getResponseHeader('content-type') ?? '',
          // The page's world has no access to the extension's clock: a trace of arrival, never business time.
          // eslint-disable-next-line no-restricted-properties
          at: Date.now(),
        };
        if (this.responseType === '' || this.responseType === 'text') {
          const text = this.responseText;
          post(
            text.length > MAX_BODY_CHARS
              ? { ...base, bytes: text.length, tooLarge: true }
              : { ...base, text, bytes: text.length },
          );
        } else if (this.responseType === 'json') {
          post({ ...base, json: this.response as unknown, bytes: 0 });
        }
      });
    }
    return origSend.call(this, body);
  };
}
