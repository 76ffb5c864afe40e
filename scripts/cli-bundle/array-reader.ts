/**
 * In the bundled command line only (scripts/build-cli.ts), JSZip's Uint8ArrayReader (and so its
 * NodeBufferReader) inherits from this instead of lib/reader/ArrayReader.js: the same reader
 * without the constructor's pass that masks every byte of the zip with 0xFF, which plain arrays of
 * numbers need and the bytes of a Uint8Array do not (each already is one). It cost a loop over the
 * whole file, in JavaScript, every time a package was opened.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const DataReader = require('jszip/lib/reader/DataReader.js') as (this: unknown, data: unknown) => void;
const ArrayReader = require('jszip/lib/reader/ArrayReader.js') as { prototype: object };

function ByteArrayReader(this: unknown, data: Uint8Array): void {
  DataReader.call(this, data);
}
// Every method is ArrayReader's (Uint8ArrayReader's prototype chain is unchanged).
ByteArrayReader.prototype = ArrayReader.prototype;

export = ByteArrayReader;
