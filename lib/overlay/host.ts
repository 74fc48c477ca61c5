/**
 * Everything the extension draws on a console page lives in shadow roots attached to our own host
 * elements, so the console's CSS cannot restyle it and our CSS cannot leak into the console. Text is
 * always set with `textContent` (review text is page-derived; see eslint's HTML-sink bans).
 *
 * The roots are `open` so that end-to-end tests (and assistive technology) can reach them; a closed root
 * would not protect anything here — all it shows is derived from data the page already has.
 */
export const HOST_ATTR = 'data-koubei-host';

/** Our host `name` among `parent`'s children, if any (hosts are appended: the last child is looked at first). */
export const hostIn = (parent: Element, name: string): Element | undefined => {
  const last = parent.lastElementChild;
  if (last?.getAttribute(HOST_ATTR) === name) return last;
  return Array.from(parent.children).find((c) => c.getAttribute(HOST_ATTR) === name);
};

/** A shadow host `name` not yet in the document, with `css` inside: filled first, inserted later. */
export function detachedHost(
  doc: Document,
  name: string,
  css: string,
): { host: HTMLElement; root: ShadowRoot } {
  const host = doc.createElement('koubei-ui');
  host.setAttribute(HOST_ATTR, name);
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  root.append(style);
  return { host, root };
}

/** Creates (or returns) a shadow host `name` under `parent`, with `css` inside. */
export function shadowHost(
  doc: Document,
  parent: Element,
  name: string,
  css: string,
  before?: Node | null,
): ShadowRoot {
  const existing = hostIn(parent, name);
  if (existing?.shadowRoot) return existing.shadowRoot;
  const { host, root } = detachedHost(doc, name, css);
  parent.insertBefore(host, before ?? null);
  return root;
}

/** Builds an element with text and attributes — never HTML. */
export function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  props: {
    class?: string;
    text?: string;
    attrs?: Record<string, string>;
    on?: Record<string, (e: Event) => void>;
  } = {},
  ...children: (Node | null | undefined | false)[]
): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  if (props.class) e.className = props.class;
  if (props.text !== undefined) e.textContent = props.text;
  for (const [k, v] of Object.entries(props.attrs ?? {})) e.setAttribute(k, v);
  for (const [k, fn] of Object.entries(props.on ?? {})) e.addEventListener(k, fn);
  for (const c of children) if (c) e.append(c);
  return e;
}

/** Shared look for in-page UI (kept small: it ships in every content script). */
export const BASE_CSS = `:host{all:initial}*{box-sizing:border-box;font-family:'PingFang SC','Noto Sans CJK SC','Microsoft YaHei',system-ui,sans-serif}
button{font:inherit;font-size:12px;border:1px solid #d0d7de;background:#fff;color:#1f2328;border-radius:6px;padding:3px 9px;cursor:pointer}
button:hover{background:#f6f8fa}button.primary{background:#1456f0;border-color:#1456f0;color:#fff}button:disabled{opacity:.5;cursor:default}`;
