/**
 * In the bundled command line only (scripts/build-cli.ts), JSZip's lib/crc32.js is this: the same
 * CRC-32 from Node's zlib (native) where Node has it (20.15 and later), else JSZip's table loop.
 * JSZip checks every part it writes with it; in JavaScript that cost as much as compressing them.
 * JSZip requires it as `require("./crc32")` (zipEntry.js) and `require("../crc32")` (the CRC probe of
 * every part written, and ZipFileWorker): both land here.
 */
import zlib = require('node:zlib');
import { CRC_START, crc32Update } from '../../src/adapters/xlsx/crc32';

const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

/** JSZip's signed running value: its complement is the running state crc32Update takes and gives. */
const crc32Loop = (crc: number, bytes: ArrayLike<number>): number => crc32Update(crc ^ CRC_START, bytes) ^ CRC_START;

/**
 * JSZip's crc32wrapper(input, crc): input a string of bytes (one per char code, as JSZip's binary
 * strings are), an array or a Uint8Array; crc the running value; the result signed, as JSZip's.
 */
function crc32wrapper(input: string | ArrayLike<number> | undefined, crc?: number): number {
  if (input === undefined || !input.length) return 0;
  const bytes = typeof input === 'string' ? Buffer.from(input, 'latin1') : input;
  if (nativeCrc32 && bytes instanceof Uint8Array) return nativeCrc32(bytes, (crc ?? 0) >>> 0) | 0;
  return crc32Loop(crc ?? 0, bytes);
}

// JSZip requires the module itself as the function (`var crc32 = require("../crc32")`): CommonJS's export.
export = crc32wrapper;
