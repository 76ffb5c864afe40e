/**
 * Draws the add-in icons (assets/icon-{16,32,64,80,128}.png): a white shield with a check mark
 * on a dark blue (#1F4E79) rounded square.
 *
 *   npx tsx scripts/make-icons.ts [outDir]     (default: assets/)
 *
 * Only node's zlib: the PNG chunks are written here, so the files are byte for byte reproducible
 * (no timestamps, fixed compression level) and need no image library.
 */
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** 16/32/80 are the ribbon sizes, 64 the IconUrl, 128 the HighResolutionIconUrl. */
export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

type Rgba = readonly [number, number, number, number];
const BLUE: Rgba = [0x1f, 0x4e, 0x79, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

// Shape geometry in unit coordinates (0..1, y down).
const CORNER = 0.2;
const SHIELD_TOP = 0.16;
const SHIELD_SHOULDER = 0.5; // the sides are straight down to here, then curve to the point
const SHIELD_BOTTOM = 0.88;
const SHIELD_HALF_WIDTH = 0.29;
const CHECK: readonly (readonly [number, number])[] = [
  [0.355, 0.5],
  [0.465, 0.61],
  [0.65, 0.405],
];
const CHECK_HALF_THICKNESS = 0.05;

function insideRoundedSquare(x: number, y: number): boolean {
  const dx = Math.max(CORNER - x, 0, x - (1 - CORNER));
  const dy = Math.max(CORNER - y, 0, y - (1 - CORNER));
  return dx * dx + dy * dy <= CORNER * CORNER;
}

function shieldHalfWidth(y: number): number {
  if (y < SHIELD_TOP || y > SHIELD_BOTTOM) return -1;
  if (y < SHIELD_SHOULDER) return SHIELD_HALF_WIDTH;
  const t = (y - SHIELD_SHOULDER) / (SHIELD_BOTTOM - SHIELD_SHOULDER);
  return SHIELD_HALF_WIDTH * Math.pow(1 - t * t, 0.75);
}

function insideShield(x: number, y: number): boolean {
  // A slight dip in the middle of the top edge, as on a heraldic shield.
  const topDip = 0.035 * Math.cos(((x - 0.5) / SHIELD_HALF_WIDTH) * (Math.PI / 2));
  if (y < SHIELD_TOP + topDip) return false;
  return Math.abs(x - 0.5) <= shieldHalfWidth(y);
}

function distanceToSegment(x: number, y: number, a: readonly [number, number], b: readonly [number, number]): number {
  const [ax, ay] = a;
  const [bx, by] = b;
  const len2 = (bx - ax) ** 2 + (by - ay) ** 2;
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / len2));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
}

function onCheck(x: number, y: number): boolean {
  for (let i = 1; i < CHECK.length; i++) {
    if (distanceToSegment(x, y, CHECK[i - 1], CHECK[i]) <= CHECK_HALF_THICKNESS) return true;
  }
  return false;
}

function colourAt(x: number, y: number): Rgba {
  if (!insideRoundedSquare(x, y)) return CLEAR;
  if (insideShield(x, y) && !onCheck(x, y)) return WHITE;
  return BLUE;
}

/** RGBA pixels, 8×8 supersampled (averaged with premultiplied alpha, so edges stay clean). */
export function drawIcon(size: number): Uint8Array {
  const SS = 8;
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const c = colourAt((px + (sx + 0.5) / SS) / size, (py + (sy + 0.5) / SS) / size);
          r += c[0] * c[3];
          g += c[1] * c[3];
          b += c[2] * c[3];
          a += c[3];
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        pixels[o] = Math.round(r / a);
        pixels[o + 1] = Math.round(g / a);
        pixels[o + 2] = Math.round(b / a);
        pixels[o + 3] = Math.round(a / (SS * SS));
      }
    }
  }
  return pixels;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** A truecolour-with-alpha, 8 bits per channel, non-interlaced PNG. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  // compression, filter and interlace method: 0
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type None: the files are tiny, simplicity wins
    Buffer.from(rgba.buffer, rgba.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

function main(): void {
  const outDir = resolve(process.argv[2] ?? join(__dirname, '..', 'assets'));
  mkdirSync(outDir, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = join(outDir, `icon-${size}.png`);
    writeFileSync(file, encodePng(size, size, drawIcon(size)));
    console.log(`wrote ${file}`);
  }
}

if (require.main === module) main();
