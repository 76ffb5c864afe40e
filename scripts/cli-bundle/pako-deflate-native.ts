/**
 * In the bundled command line only (scripts/build-cli.ts), JSZip's `require("pako")` lands here:
 * Deflate on Node's own zlib, Inflate still pako's (issue 14).
 *
 * Deflate: JSZip compresses the parts the product writes with pako's JavaScript port of zlib,
 * 16 KB at a time; Node's zlib does the same work natively, in one call when JSZip flushes (the
 * parts are the product's own, in memory already). Same format, and JSZip computes the CRC and
 * sizes of the uncompressed data itself, as before.
 *
 * Inflate stays pako's, for JSZip's stream: the bundle reads a sound part with one native call
 * (scripts/cli-bundle/entry.ts), and any other part (damaged, or a zip bomb passing the size it
 * declares) through this stream, which stops a bomb after its first chunks at the reader's limits
 * (src/adapters/xlsx/package.ts) and names the damage in a corrupt part exactly as the tests expect.
 */
import { deflateRawSync } from 'node:zlib';

// pako's inflate alone (the bare "pako" resolves to this file in the bundle; its deflate is not needed). No types shipped.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pako = require('pako/lib/inflate.js') as { Inflate: new (options?: object) => unknown };

type Chunk = Uint8Array | readonly number[];

/** pako's Deflate as JSZip's FlateWorker uses it: push(chunk, false)…, push([], true); onData, onEnd. */
export class Deflate {
  private readonly level: number;
  private parts: Uint8Array[] = [];
  private ended = false;
  err = 0;
  msg = '';

  constructor(options?: { level?: number }) {
    // JSZip passes `level || -1`: zlib's default (6) for -1, as in pako.
    this.level = typeof options?.level === 'number' ? options.level : -1;
  }

  push(data: Chunk, mode?: boolean | number): boolean {
    if (this.ended) return false;
    if (data.length > 0) this.parts.push(data instanceof Uint8Array ? data : Uint8Array.from(data));
    // pako: true means Z_FINISH (4).
    if (mode !== true && mode !== 4) return true;
    this.ended = true;
    const input = this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts);
    this.parts = [];
    const out = deflateRawSync(input, { level: this.level });
    this.onData(new Uint8Array(out.buffer, out.byteOffset, out.length));
    this.onEnd(0);
    return true;
  }

  onData(chunk: Uint8Array): void {
    void chunk;
  }

  onEnd(status: number): void {
    this.err = status;
  }
}

export const Inflate = pako.Inflate;
