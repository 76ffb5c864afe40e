/**
 * Byte-level zip work for damaged packages: entry offsets, a corrupted deflate stream, a CRC
 * mismatch, and a zip bomb entry built without holding its inflated text in memory.
 */
import { constants, createGzip } from 'node:zlib';

const TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes: Uint8Array, start = 0xffffffff): number {
  let c = start;
  for (let i = 0; i < bytes.length; i++) c = TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  /** Offset of the central directory record. */
  readonly centralOffset: number;
  /** Offset of the local file header. */
  readonly localOffset: number;
  /** Offset of the entry's data. */
  readonly dataOffset: number;
}

export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('no end of central directory');
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const out: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (view.getUint32(p, true) !== 0x02014b50) throw new Error('bad central directory');
    const method = view.getUint16(p + 10, true);
    const crc = view.getUint32(p + 16, true);
    const compressedSize = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const localOffset = view.getUint32(p + 42, true);
    const name = Buffer.from(bytes.subarray(p + 46, p + 46 + nameLen)).toString('utf8');
    const localName = view.getUint16(localOffset + 26, true);
    const localExtra = view.getUint16(localOffset + 28, true);
    out.push({ name, method, crc, compressedSize, size, centralOffset: p, localOffset, dataOffset: localOffset + 30 + localName + localExtra });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** Overwrites `length` bytes in the middle of an entry's compressed data (CRC and sizes unchanged). */
export function corruptEntryData(bytes: Uint8Array, name: string, fill = 0xff, length = 24): Uint8Array {
  const out = Uint8Array.from(bytes);
  const e = zipEntries(out).find((x) => x.name === name);
  if (!e) throw new Error(`no entry ${name}`);
  const at = e.dataOffset + Math.floor(e.compressedSize / 2);
  for (let i = 0; i < length && at + i < e.dataOffset + e.compressedSize; i++) out[at + i] = fill ^ (i * 37);
  return out;
}

/** Replaces bytes of a STORED entry's data in place (same length), leaving the CRC as it was. */
export function patchStoredEntry(bytes: Uint8Array, name: string, from: string, to: string): Uint8Array {
  if (Buffer.byteLength(from) !== Buffer.byteLength(to)) throw new Error('patch must keep the length');
  const out = Uint8Array.from(bytes);
  const e = zipEntries(out).find((x) => x.name === name);
  if (!e) throw new Error(`no entry ${name}`);
  if (e.method !== 0) throw new Error(`${name} is not stored`);
  const data = Buffer.from(out.buffer, out.byteOffset + e.dataOffset, e.compressedSize);
  const at = data.indexOf(Buffer.from(from));
  if (at < 0) throw new Error(`"${from}" not in ${name}`);
  data.write(to, at);
  return out;
}

/**
 * Raw deflate data and CRC of `head + filler × repeat + tail`, computed by zlib (gzip's trailer
 * carries the CRC) without ever holding the inflated text.
 */
export async function deflateRepeated(head: string, filler: string, repeat: number, tail: string): Promise<{ data: Buffer; crc: number; size: number }> {
  const gzip = createGzip({ level: 9, memLevel: 9, strategy: constants.Z_RLE });
  const chunks: Buffer[] = [];
  gzip.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    gzip.on('end', resolve);
    gzip.on('error', reject);
  });
  const block = Buffer.from(filler.repeat(Math.max(1, Math.floor((1 << 20) / filler.length))));
  const perBlock = Math.max(1, Math.floor((1 << 20) / filler.length));
  gzip.write(Buffer.from(head));
  let left = repeat;
  while (left > 0) {
    const n = Math.min(left, perBlock);
    const buf = n === perBlock ? block : Buffer.from(filler.repeat(n));
    if (!gzip.write(buf)) await new Promise((r) => gzip.once('drain', r));
    left -= n;
  }
  gzip.end(Buffer.from(tail));
  await done;
  const all = Buffer.concat(chunks);
  // gzip: 10-byte header (no optional fields from zlib), raw deflate, CRC32 and ISIZE.
  const crc = all.readUInt32LE(all.length - 8);
  const size = Buffer.byteLength(head) + filler.length * repeat + Buffer.byteLength(tail);
  return { data: all.subarray(10, all.length - 8), crc, size };
}

/**
 * Writes a zip: the entries of `base` (kept as they are, compressed bytes copied) plus `extra`
 * entries given as raw deflate data with their CRC and size (for entries too big to build in memory).
 */
export function rebuildZip(base: Uint8Array, replace: Map<string, { data: Buffer; crc: number; size: number }>): Uint8Array {
  const entries = zipEntries(base);
  const names = new Set(entries.map((e) => e.name));
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  const add = (name: string, method: number, crc: number, compressed: Buffer, size: number) => {
    const nameBytes = Buffer.from(name, 'utf8');
    if (size > 0xffffffff || compressed.length > 0xffffffff) throw new Error('zip64 not supported here');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x5c21, 12); // 2026-01-01
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x5c21, 14);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size >>> 0, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, compressed);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + compressed.length;
  };
  for (const e of entries) {
    const r = replace.get(e.name);
    if (r) add(e.name, 8, r.crc, r.data, r.size);
    else add(e.name, e.method, e.crc, Buffer.from(base.subarray(e.dataOffset, e.dataOffset + e.compressedSize)), e.size);
  }
  for (const [name, r] of replace) if (!names.has(name)) add(name, 8, r.crc, r.data, r.size);
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  const count = centrals.length / 2;
  eocd.writeUInt16LE(count, 8);
  eocd.writeUInt16LE(count, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, eocd]));
}
