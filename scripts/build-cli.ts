/**
 * The command line as one file (issue 14): esbuild bundles src/cli/main.ts with its dependencies
 * (jszip, the catalogs' pre-validated bundles) into lib/infosak.js, which bin/infosak.js loads.
 * One file: no module resolution and no file look-ups at start (resolving and reading the ~200
 * modules of the unbundled build cost more than the work of `infosak score`).
 *
 * The entry is scripts/cli-bundle/entry.ts: src/cli/main.ts with Node's zlib installed as the xlsx
 * package's native inflate (src/adapters/xlsx/package.ts, useNativeInflate). A sound part is then
 * inflated and CRC-checked in one native call, to at most the size the zip directory declares (which
 * the reader has held to its part-size and ratio limits already), instead of pako's JavaScript
 * inflate through JSZip's stream of 16 KB ticks, which cost more than parsing the sheets. Anything
 * the native call does not find sound (damaged deflate data, a size or CRC that does not match, a
 * bomb passing its declared size) goes back to JSZip's stream, which gives the one-line verdict it
 * always gave and stops a bomb at the limits while inflating. With zlib's deflate installed too, a
 * workbook is written back as the zip JSZip's generate would write, put together directly
 * (package.ts, writeZipNatively). src/ itself stays platform-neutral.
 *
 * JSZip's modules swapped in the bundle (nativeZip below, files in scripts/cli-bundle/):
 *   - pako → Deflate on Node's zlib (pako's Inflate stays, for that stream); writing a workbook in
 *     JavaScript cost about as much as the rest of it.
 *   - lib/crc32.js → zlib.crc32, for both `./crc32` and `../crc32` (the CRC of every part written).
 *   - the reader of a Uint8Array without ArrayReader's pass over every byte of the file.
 *   - readable-stream (only for generateNodeStream, unused) → Node's stream: less to load.
 * The jest tests run src/ with the packages as they are (test/adapters/xlsx/zipLimits.test.ts runs its
 * cases with and without the native inflate); test/bench/cliBundle.test.ts runs the bundle.
 *
 * Then the bundle runs `score` on the demo workbook (with --json and as text) so that bin/infosak.js
 * writes V8's code cache for it (lib/infosak.js.cache): later starts skip compiling what those runs
 * compiled, and deserialize no more than that.
 *
 * Type checking is `npm run lint`'s job (esbuild only strips types). lib/infosak.js.map maps an
 * unexpected error's stack to src/ (bin/infosak.js turns source maps on with --debug).
 *
 *   npm run build:cli       (runs build:catalogs first)
 */
import { build, type Plugin } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';

const ROOT = resolve(__dirname, '..');
export const CLI_BUNDLE = join(ROOT, 'lib', 'infosak.js');
const BIN = join(ROOT, 'bin', 'infosak.js');

/** JSZip's modules swapped in the bundle (see the header); nothing else is touched. */
export const nativeZip: Plugin = {
  name: 'native-zip',
  setup(b) {
    const fromJszip = (importer: string) => /[\\/]node_modules[\\/]jszip[\\/]lib[\\/]/.test(importer);
    const shim = (file: string) => ({ path: join(__dirname, 'cli-bundle', file) });
    b.onResolve({ filter: /^pako$/ }, (args) => (fromJszip(args.importer) ? shim('pako-deflate-native.ts') : undefined));
    b.onResolve({ filter: /^\.\.?\/crc32$/ }, (args) => (fromJszip(args.importer) ? shim('crc32-native.ts') : undefined));
    // JSZip's copy of readable-stream (for generateNodeStream, which the product does not use): Node's own.
    b.onResolve({ filter: /^readable-stream$/ }, (args) => (fromJszip(args.importer) ? { path: 'node:stream', external: true } : undefined));
    b.onResolve({ filter: /^\.\/ArrayReader$/ }, (args) => (/[\\/]jszip[\\/]lib[\\/]reader[\\/]Uint8ArrayReader\.js$/.test(args.importer) ? shim('array-reader.ts') : undefined));
  },
};

/**
 * The catalogs' generated bundles (src/catalogs/generated/*.json) as JSON.parse of one ASCII string
 * instead of esbuild's object literals: a string is one flat entry in V8's code cache, where the
 * literals' ~140 KB of keys and values made the biggest part of the cache every start deserializes,
 * and JSON.parse builds the same objects faster than the literal's bytecode (issue 14).
 */
export const catalogsAsJsonParse: Plugin = {
  name: 'catalogs-as-json-parse',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]catalogs[\\/]generated[\\/][^\\/]+\.json$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      // Parsed here first: a damaged file fails the build, and the string holds the JSON without its
      // layout, every character past ASCII as a JSON escape: a one-byte string (one '–' would make
      // all of it two bytes a character in memory and in the code cache).
      const json = JSON.stringify(JSON.parse(text)).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
      return { contents: `export default JSON.parse(${JSON.stringify(json)});`, loader: 'js' };
    });
  },
};

/** Builds the bundle; the source files it holds (paths relative to the repository), for the tests. */
export async function buildCli(outfile: string = CLI_BUNDLE): Promise<string[]> {
  const result = await build({
    entryPoints: [join(__dirname, 'cli-bundle', 'entry.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    // package.json's engines: Node 20 or later.
    target: 'node20',
    format: 'cjs',
    plugins: [nativeZip, catalogsAsJsonParse],
    // Less to read and parse at every start; function names stay, for --debug's stack traces.
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: 'external',
    sourcesContent: false,
    legalComments: 'eof',
    logLevel: 'warning',
    metafile: true,
  });
  return Object.keys(result.metafile.inputs).map((input) => relative(ROOT, resolve(input)).split(sep).join('/'));
}

/** Runs the bundled CLI like a user would, with bin/infosak.js writing the code cache as it exits. */
function warmCodeCache(): void {
  const dir = mkdtempSync(join(tmpdir(), 'infosak-build-'));
  try {
    const run = (args: string[], env: Record<string, string> = {}) => {
      const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
      if (r.status !== 0) throw new Error(`infosak ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    };
    run(['demo', '--out-dir', dir]);
    // The demo's run wrote a cache too (of everything it compiled): gone, so that the cache holds what
    // `score` compiles and no more (a smaller cache is deserialized faster at every start): with
    // --json, then as text (that run starts from the first one's cache and adds what it compiles).
    rmSync(`${CLI_BUNDLE}.cache`, { force: true });
    const input = join(dir, 'exempelkommun.xlsx');
    run(['score', input, '-o', join(dir, 'scored.xlsx'), '--json'], { INFOSAK_CODE_CACHE: 'write' });
    run(['score', input, '-o', join(dir, 'scored.xlsx')], { INFOSAK_CODE_CACHE: 'write' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  // The unbundled tsc output that lib/ used to hold would otherwise linger beside the bundle.
  rmSync(join(ROOT, 'lib'), { recursive: true, force: true });
  await buildCli();
  warmCodeCache();
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
