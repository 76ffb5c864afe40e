/**
 * The bundled command line's entry (scripts/build-cli.ts): src/cli/main.ts with Node's zlib
 * installed as the xlsx package's native inflate (src/adapters/xlsx/package.ts, useNativeInflate).
 * A part is then inflated and CRC-checked in one native call instead of JSZip's JavaScript stream
 * (pako), which cost more than reading the sheets it inflates. The pane and the tests of src/ keep
 * the stream; so does this bundle for any part the native call does not find sound, which is how
 * a damaged part or a zip bomb still gets the stream's one-line verdict. A workbook is written back
 * the same way: the zip JSZip's generate would write, put together directly with zlib's deflate and
 * CRC-32 instead of through JSZip's stream of workers (issue 14).
 */
// Named imports, not `* as zlib`: esbuild would copy every export of zlib into a namespace object at each start.
import { crc32 as zlibCrc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { useNativeInflate } from '../../src/adapters/xlsx/package';

// zlib.crc32: Node 20.15 and later; before, package.ts's own table loop.
const crc32 = zlibCrc32 as ((data: Uint8Array) => number) | undefined;

useNativeInflate({
  // maxOutputLength: zlib stops (and throws) as soon as more would come out. One output chunk of the
  // whole part (up to 1 MiB) instead of 16 KB ones: one pass, no concatenation.
  inflateRaw: (data, maxOutputLength) => inflateRawSync(data, { maxOutputLength, chunkSize: Math.max(64, Math.min(maxOutputLength + 1, 1 << 20)) }),
  crc32: crc32 ? (data) => crc32(data) : undefined,
  // With crc32: save() writes the zip itself, as JSZip's generate would (package.ts, writeZipNatively).
  deflateRaw: (data, level) => deflateRawSync(data, { level }),
  // JSZip's default on Node is Buffer.from(bytes).toString('utf-8'): the same, without the copy for an ASCII name.
  decodeFileName: (bytes) => {
    for (let i = 0; i < bytes.length; i++) if (bytes[i] > 0x7f) return Buffer.from(bytes).toString('utf-8');
    return String.fromCharCode.apply(null, bytes as unknown as number[]);
  },
});

export { main } from '../../src/cli/main';
