/**
 * Collects an export's output as Blob parts. Parts are folded into a Blob every few MB so the text and
 * bytes leave the JS heap for the browser's blob store (which spills to disk for big files): heap use
 * stays flat however many rows are written.
 */
export class BlobSink {
  private blobs: Blob[] = [];
  private pending: BlobPart[] = [];
  private pendingBytes = 0;
  /** Bytes (or UTF-16 units for strings, close enough for a progress figure) written so far. */
  size = 0;

  constructor(private readonly foldAt = 4 * 1024 * 1024) {}

  push(part: string | Uint8Array): void {
    const n = typeof part === 'string' ? part.length : part.byteLength;
    this.pending.push(part as BlobPart);
    this.pendingBytes += n;
    this.size += n;
    if (this.pendingBytes >= this.foldAt) this.fold();
  }

  private fold(): void {
    if (!this.pending.length) return;
    this.blobs.push(new Blob(this.pending));
    this.pending = [];
    this.pendingBytes = 0;
  }

  /** The whole output. The sink must not be used afterwards. */
  finish(type: string): Blob {
    this.fold();
    const out = new Blob(this.blobs, { type });
    this.blobs = [];
    return out;
  }
}
