/**
 * Reading entries of a ZIP archive (an XLSX) with the browser's own `DecompressionStream('deflate-raw')`:
 * the central directory gives each entry's method and compressed size, so entries written with a data
 * descriptor (streaming writers, ours included) read the same as any other. No ZIP64 and no encryption:
 * a merchant's export file is far below 4 GB.
 */

export class ZipFormatError extends Error {}

export interface ZipEntry {
  name: string;
  method: number;
  offset: number;
  csize: number;
  usize: number;
}

/** The central directory of `bytes`, by entry name. */
export function listZip(bytes: Uint8Array): Map<string, ZipEntry> {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is in the last 22 + 65535 (max comment) bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (v.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError('不是有效的 XLSX/ZIP 文件（找不到目录）');
  const count = v.getUint16(eocd + 10, true);
  let p = v.getUint32(eocd + 16, true);
  const dec = new TextDecoder();
  const out = new Map<string, ZipEntry>();
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || v.getUint32(p, true) !== 0x02014b50)
      throw new ZipFormatError('XLSX 文件目录已损坏');
    const nameLen = v.getUint16(p + 28, true);
    const extraLen = v.getUint16(p + 30, true);
    const commentLen = v.getUint16(p + 32, true);
    const name = dec.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    out.set(name, {
      name,
      method: v.getUint16(p + 10, true),
      csize: v.getUint32(p + 20, true),
      usize: v.getUint32(p + 24, true),
      offset: v.getUint32(p + 42, true),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** One entry's bytes, inflated. */
export async function readZipEntry(bytes: Uint8Array, e: ZipEntry): Promise<Uint8Array> {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (v.getUint32(e.offset, true) !== 0x04034b50) throw new ZipFormatError(`XLSX 内 ${e.name} 已损坏`);
  const start = e.offset + 30 + v.getUint16(e.offset + 26, true) + v.getUint16(e.offset + 28, true);
  const data = bytes.subarray(start, start + e.csize);
  if (e.method === 0) return data;
  if (e.method !== 8) throw new ZipFormatError(`XLSX 使用了不支持的压缩方式 ${e.method}`);
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** An entry as UTF-8 text, or undefined when the archive has no such entry. */
export async function readZipText(bytes: Uint8Array, entries: Map<string, ZipEntry>, name: string) {
  const e = entries.get(name);
  return e ? new TextDecoder().decode(await readZipEntry(bytes, e)) : undefined;
}
