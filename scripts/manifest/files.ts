/**
 * File access for the manifest checks: paths relative to the folder a manifest is served from
 * (the project root for manifest.xml, dist/ for the production manifest).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ManifestCheckOptions } from './checkManifest';

/** Width and height from a PNG file's IHDR chunk, or undefined when the file is not a PNG. */
export function pngSize(file: string): { width: number; height: number } | undefined {
  return pngSizeOf(readFileSync(file));
}

/** Width and height from a PNG's IHDR chunk, or undefined when the bytes are not a PNG. */
export function pngSizeOf(bytes: Buffer): { width: number; height: number } | undefined {
  const signature = '89504e470d0a1a0a';
  if (bytes.length < 24 || bytes.subarray(0, 8).toString('hex') !== signature || bytes.toString('latin1', 12, 16) !== 'IHDR') {
    return undefined;
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The checks' view of the files under `dir`. */
export function filesUnder(dir: string): ManifestCheckOptions {
  const isFile = (path: string) => existsSync(resolve(dir, path)) && statSync(resolve(dir, path)).isFile();
  return {
    assetExists: isFile,
    imageSize: (path) => (isFile(path) ? pngSize(resolve(dir, path)) : undefined),
  };
}
