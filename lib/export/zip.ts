/**
 * A streaming ZIP writer on the browser's own `CompressionStream('deflate-raw')` (Chrome 103+, Node 20):
 * no library in the bundle, native zlib speed, and entries are written as their data arrives (sizes and
 * CRC go in a data descriptor after the data, APPNOTE §4.3.9). No ZIP64: an entry or the archive past
 * 4 GiB is refused (an XLSX of one million reviews is ≈ 80 MB compressed, ≈ 700 MB inflated).
 */
import type { BlobSink } from './sink';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 (ISO-HDLC), continued from `crc`. */
export function crc32(data: Uint8Array, crc = 0): number {
  let c = ~crc;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/**
 * UTF-8 bytes of many short strings (an XLSX row each), gathered into chunks of about `size` bytes.
 * Encoding each short string into the chunk with `encodeInto` is several times faster than joining them
 * into one long string and encoding that: V8 first flattens the joined string (docs/perf-export.md).
 */
export class Utf8Chunks {
  private static readonly enc = new TextEncoder();
  private buf: Uint8Array;
  private off = 0;

  constructor(private readonly size = 1 << 20) {
    this.buf = new Uint8Array(size);
  }

  /** Adds `s`; returns the chunk gathered so far when it had no room left for `s`, else null. */
  push(s: string): Uint8Array | null {
    let full: Uint8Array | null = null;
    // A UTF-16 unit takes at most 3 bytes of UTF-8 (a surrogate pair 4 for its 2 units).
    if (this.off + s.length * 3 > this.buf.length) {
      full = this.take();
      if (s.length * 3 > this.buf.length) this.buf = new Uint8Array(s.length * 3);
    }
    this.off += Utf8Chunks.enc.encodeInto(s, this.buf.subarray(this.off)).written;
    return full;
  }

  /** The bytes gathered (handed over: the next ones go to a new buffer), or null when there are none. */
  take(): Uint8Array | null {
    if (!this.off) return null;
    const out = this.buf.subarray(0, this.off);
    this.buf = new Uint8Array(this.size);
    this.off = 0;
    return out;
  }
}

const LIMIT = 0xffffffff;
const FLAGS = 0x0808; // bit 3: sizes in data descriptor; bit 11: UTF-8 names
const DOS_DATE_1980 = 0x21; // 1980-01-01: fixed, so identical input gives identical bytes

interface Entry {
  name: Uint8Array;
  offset: number;
  crc: number;
  csize: number;
  usize: number;
}

function header(size: number, fill: (v: DataView) => void): Uint8Array {
  const b = new Uint8Array(size);
  fill(new DataView(b.buffer));
  return b;
}

export class ZipWriter {
  private entries: Entry[] = [];
  private offset = 0;
  private readonly enc = new TextEncoder();

  constructor(private readonly sink: BlobSink) {}

  private out(b: Uint8Array): void {
    this.sink.push(b);
    this.offset += b.byteLength;
    if (this.offset > LIMIT) throw new Error('文件超过 4 GB，无法写成 XLSX：请缩小日期范围或改用 CSV');
  }

  /**
   * Adds one entry whose content is produced by `produce(write)`; `write` takes UTF-8 text or bytes.
   * Resolves when the entry is fully compressed and written.
   */
  async add(path: string, produce: (write: (s: string | Uint8Array) => Promise<void>) => Promise<void>) {
    const name = this.enc.encode(path);
    const entry: Entry = { name, offset: this.offset, crc: 0, csize: 0, usize: 0 };
    this.out(
      header(30 + name.length, (v) => {
        v.setUint32(0, 0x04034b50, true);
        v.setUint16(4, 20, true);
        v.setUint16(6, FLAGS, true);
        v.setUint16(8, 8, true);
        v.setUint16(10, 0, true);
        v.setUint16(12, DOS_DATE_1980, true);
        v.setUint16(26, name.length, true);
        new Uint8Array(v.buffer).set(name, 30);
      }),
    );
    const cs = new CompressionStream('deflate-raw');
    const writer = cs.writable.getWriter();
    const reader = cs.readable.getReader();
    const drain = (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        entry.csize += value.byteLength;
        this.out(value);
      }
    })();
    const write = async (s: string | Uint8Array) => {
      const bytes = typeof s === 'string' ? this.enc.encode(s) : s;
      entry.crc = crc32(bytes, entry.crc);
      entry.usize += bytes.byteLength;
      if (entry.usize > LIMIT) throw new Error('单个工作表超过 4 GB，无法写成 XLSX');
      await writer.write(bytes as Uint8Array<ArrayBuffer>);
    };
    try {
      await produce(write);
      await writer.close();
    } catch (e) {
      await writer.abort(e).catch(() => undefined);
      await drain.catch(() => undefined);
      throw e;
    }
    await drain;
    this.out(
      header(16, (v) => {
        v.setUint32(0, 0x08074b50, true);
        v.setUint32(4, entry.crc, true);
        v.setUint32(8, entry.csize, true);
        v.setUint32(12, entry.usize, true);
      }),
    );
    this.entries.push(entry);
  }

  /** Writes the central directory. */
  finish(): void {
    const start = this.offset;
    for (const e of this.entries) {
      this.out(
        header(46 + e.name.length, (v) => {
          v.setUint32(0, 0x02014b50, true);
          v.setUint16(4, 20, true);
          v.setUint16(6, 20, true);
          v.setUint16(8, FLAGS, true);
          v.setUint16(10, 8, true);
          v.setUint16(14, DOS_DATE_1980, true);
          v.setUint32(16, e.crc, true);
          v.setUint32(20, e.csize, true);
          v.setUint32(24, e.usize, true);
          v.setUint16(28, e.name.length, true);
          v.setUint32(42, e.offset, true);
          new Uint8Array(v.buffer).set(e.name, 46);
        }),
      );
    }
    const size = this.offset - start;
    this.out(
      header(22, (v) => {
        v.setUint32(0, 0x06054b50, true);
        v.setUint16(8, this.entries.length, true);
        v.setUint16(10, this.entries.length, true);
        v.setUint32(12, size, true);
        v.setUint32(16, start, true);
      }),
    );
  }
}
