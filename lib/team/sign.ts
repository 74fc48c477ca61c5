/**
 * Webhook signatures with Web Crypto (`crypto.subtle`: the same code runs in Node 20 tests and in the MV3
 * service worker; no Node `crypto`, no dependency).
 *
 * - 飞书 签名校验: HMAC-SHA256 whose KEY is `timestamp + "\n" + secret` over an EMPTY message, base64;
 *   timestamp in seconds, within one hour of the server's clock; sent as `timestamp`/`sign` in the JSON
 *   body (docs/team.md cites the guide).
 * - 钉钉 加签: HMAC-SHA256 keyed by the secret over `timestamp + "\n" + secret`, base64, then URL-encoded
 *   into the `sign` query parameter; timestamp in milliseconds, within one hour.
 */

const enc = new TextEncoder();

function toBase64(bytes: ArrayBuffer): string {
  let s = '';
  for (const b of new Uint8Array(bytes)) s += String.fromCharCode(b);
  return btoa(s);
}

/** base64(HMAC-SHA256(key, message)). */
export async function hmacSha256Base64(key: string, message: string): Promise<string> {
  const k = await crypto.subtle.importKey('raw', enc.encode(key), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  return toBase64(await crypto.subtle.sign('HMAC', k, enc.encode(message)));
}

/** 飞书: `sign` for `timestampSec` (the key is `ts\nsecret`, the message empty). */
export function feishuSign(timestampSec: number, secret: string): Promise<string> {
  return hmacSha256Base64(`${timestampSec}\n${secret}`, '');
}

/** 钉钉: the base64 signature (not yet URL-encoded) for `timestampMs`. */
export function dingtalkSign(timestampMs: number, secret: string): Promise<string> {
  return hmacSha256Base64(secret, `${timestampMs}\n${secret}`);
}
