import { describe, expect, it } from 'vitest';
import { Utf8Chunks, crc32 } from './zip';

const enc = new TextEncoder();
const joined = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.byteLength;
  }
  return out;
};

describe('Utf8Chunks', () => {
  it('gives the same bytes as encoding the joined text, in chunks no larger than asked', () => {
    const strings = Array.from(
      { length: 500 },
      (_, i) => `<row r="${i}">好评${'😀'.repeat(i % 5)}&amp;</row>`,
    );
    const c = new Utf8Chunks(256);
    const parts: Uint8Array[] = [];
    for (const s of strings) {
      const full = c.push(s);
      if (full) parts.push(full);
    }
    const rest = c.take();
    if (rest) parts.push(rest);
    expect(parts.length).toBeGreaterThan(10);
    for (const p of parts) expect(p.byteLength).toBeLessThanOrEqual(256);
    expect(joined(parts)).toEqual(enc.encode(strings.join('')));
  });

  it('takes a string longer than its chunk size whole, after handing over what it had', () => {
    const c = new Utf8Chunks(16);
    expect(c.push('abc')).toBeNull();
    const long = '质量'.repeat(40);
    expect(c.push(long)).toEqual(enc.encode('abc'));
    expect(c.take()).toEqual(enc.encode(long));
    expect(c.take()).toBeNull();
  });

  it('hands over its buffer: bytes already taken are not overwritten by later pushes', () => {
    const c = new Utf8Chunks(8);
    c.push('aaaa');
    const first = c.take()!;
    c.push('bbbb');
    expect(new TextDecoder().decode(first)).toBe('aaaa');
  });
});

describe('crc32', () => {
  it('matches the check value of CRC-32/ISO-HDLC and continues across pieces', () => {
    expect(crc32(enc.encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(enc.encode('56789'), crc32(enc.encode('1234')))).toBe(0xcbf43926);
  });
});
