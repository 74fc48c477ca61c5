/** The tiny request/response model shared by every simulated console and the server. */

/** A request as the router sees it (Playwright route or the loopback server). */
export interface DemoRequest {
  method: string;
  url: URL;
  body?: string;
  /** Lower-case header names (Playwright's `allHeaders()` and node:http both give lower case). */
  headers?: Record<string, string>;
}

export interface DemoResponse {
  status: number;
  contentType: string;
  body: string;
  /** Extra response headers (lower-case names), e.g. CORS headers of a cross-host API. */
  headers?: Record<string, string>;
}

export const JSON_TYPE = 'application/json; charset=utf-8';
export const HTML_TYPE = 'text/html; charset=utf-8';

/** A JSON response. */
export function json(value: unknown, status = 200): DemoResponse {
  return { status, contentType: JSON_TYPE, body: JSON.stringify(value) };
}

/** The value of cookie `name` in a Cookie header, if any. */
export function cookie(headers: Record<string, string> | undefined, name: string): string | undefined {
  const raw = headers?.cookie ?? headers?.Cookie;
  if (!raw) return undefined;
  for (const part of raw.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
