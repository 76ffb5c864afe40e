/**
 * Offline manifest validation (`npm run validate`):
 *
 *   npx tsx scripts/validate-manifest.ts [manifest.xml]
 *
 * Exit 0 with "manifest.xml: OK (…)"; exit 1 with every problem on its own line. The rules live in
 * scripts/manifest/checkManifest.ts; this file only reads files and prints.
 * Microsoft's online validator: scripts/validate-online.sh.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { checkManifest, describeManifest } from './manifest/checkManifest';

/** Width and height from a PNG's IHDR chunk, or undefined when the file is not a PNG. */
function pngSize(file: string): { width: number; height: number } | undefined {
  const bytes = readFileSync(file);
  const signature = '89504e470d0a1a0a';
  if (bytes.length < 24 || bytes.subarray(0, 8).toString('hex') !== signature || bytes.toString('latin1', 12, 16) !== 'IHDR') {
    return undefined;
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function main(argv: readonly string[]): number {
  const manifest = resolve(argv[0] ?? 'manifest.xml');
  const shown = relative(process.cwd(), manifest) || manifest;
  if (!existsSync(manifest)) {
    console.error(`${shown}: no such file; expected the add-in manifest (default manifest.xml)`);
    return 1;
  }
  const xml = readFileSync(manifest, 'utf8');
  const base = dirname(manifest);
  const isFile = (path: string) => existsSync(resolve(base, path)) && statSync(resolve(base, path)).isFile();
  const problems = checkManifest(xml, {
    assetExists: isFile,
    imageSize: (path) => (isFile(path) ? pngSize(resolve(base, path)) : undefined),
  });
  if (problems.length === 0) {
    console.log(`${shown}: OK (${describeManifest(xml)})`);
    return 0;
  }
  for (const problem of problems) console.error(`${shown}: ${problem}`);
  console.error(`${shown}: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
  return 1;
}

process.exitCode = main(process.argv.slice(2));
