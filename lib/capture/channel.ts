/**
 * The private channel between the main-world hook and the isolated content script.
 *
 * Both scripts start at document_start, before any page script, but in no guaranteed order. Each side
 * announces itself; the hook answers every announcement with a fresh MessagePort, the content script
 * keeps the first port and acknowledges on it, and from then on the hook talks only on that port. Page
 * scripts that start later never see the port, so they cannot read what the hook forwards; anything they
 * post on `window` is ignored. (Forged *responses* remain possible for a hostile page — they are parsed
 * like any other and can only land in the store this tab is bound to; see lib/background/stores.ts.)
 */
export const HOOK_READY = 'koubei:hook-ready';
export const CS_READY = 'koubei:cs-ready';
export const ACK = 'koubei:ack';

/** What the hook forwards for one whitelisted response. */
export interface HookMessage {
  url: string;
  method: string;
  status: number;
  contentType: string;
  /** Response text (fetch / text XHR) … */
  text?: string;
  /**
   * … or its undecoded bytes (fetch bodies up to MAX_BODY_CHARS bytes), transferred to the content
   * script, which decodes them by `contentType` off the page's click path (issue #15) …
   */
  body?: ArrayBuffer;
  /** … or the already-parsed value (XHR with responseType "json"). */
  json?: unknown;
  /** Size in characters (approximate bytes). */
  bytes: number;
  /** Set when the body exceeded the hook's limit and was not copied. */
  tooLarge?: boolean;
  at: number;
}

/** Posts `m`, moving its body bytes (no copy on the page's thread). */
const send = (port: MessagePort, m: HookMessage) => port.postMessage(m, m.body ? [m.body] : []);

/** Hook side: returns `post`, which buffers until the content script has acknowledged a port. */
export function hookChannel(win: Window): (m: HookMessage) => void {
  const queue: HookMessage[] = [];
  let live: MessagePort | undefined;
  const offer = () => {
    const ch = new MessageChannel();
    ch.port1.onmessage = (e) => {
      if (e.data !== ACK || live) return;
      live = ch.port1;
      for (const m of queue.splice(0)) send(live, m);
    };
    win.postMessage({ type: HOOK_READY }, win.location.origin, [ch.port2]);
  };
  win.addEventListener('message', (e) => {
    if (e.source === win && (e.data as { type?: unknown } | null)?.type === CS_READY && !live) offer();
  });
  offer();
  return (m) => {
    if (live) send(live, m);
    else if (queue.length < 200) queue.push(m);
  };
}

/** Content-script side: calls `onMessage` for every forwarded response. */
export function contentChannel(win: Window, onMessage: (m: HookMessage) => void): void {
  let port: MessagePort | undefined;
  win.addEventListener('message', (e) => {
    if (port || e.source !== win || (e.data as { type?: unknown } | null)?.type !== HOOK_READY) return;
    const p = e.ports[0];
    if (!p) return;
    port = p;
    p.onmessage = (ev) => onMessage(ev.data as HookMessage);
    p.postMessage(ACK);
  });
  win.postMessage({ type: CS_READY }, win.location.origin);
}
