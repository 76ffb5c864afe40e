/**
 * Zip's CRC-32 in JavaScript: the package's check of each part as it inflates, and the CLI bundle's
 * stand-in for JSZip's CRC module where Node has no zlib.crc32 (before Node 20.15).
 */
export const CRC_START = 0xffffffff;

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** CRC-32 over one more chunk; start with CRC_START, finish with ^ CRC_START. */
export function crc32Update(crc: number, bytes: ArrayLike<number>): number {
  let c = crc;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return c;
}
