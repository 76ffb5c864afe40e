/**
 * The command line as one file (issue 14): esbuild bundles src/cli/main.ts with its dependencies
 * (jszip, the catalogs' pre-validated bundles) into lib/infosak.js, which bin/infosak.js loads.
 * One file: no module resolution and no file look-ups at start (resolving and reading the ~200
 * modules of the unbundled build cost more than the work of `infosak score`).
 *
 * Two of JSZip's modules are swapped in the bundle for Node's zlib (scripts/cli-bundle/): pako's
 * Deflate and JSZip's CRC-32, which in JavaScript cost about as much as the rest of writing a
 * workbook. Inflate stays pako's (it streams, so a zip bomb stops at the reader's limits). The jest
 * tests run src/ with the packages as they are; test/bench/cliBundle.test.ts runs the bundle.
 *
 * Then the bundle runs once (`score` on the demo workbook) so that bin/infosak.js writes V8's code
 * cache for it (lib/infosak.js.cache): later starts skip compiling what that run compiled.
 *
 * Type checking is `npm run lint`'s job (esbuild only strips types). lib/infosak.js.map maps an
 * unexpected error's stack to src/ (bin/infosak.js turns source maps on with --debug).
 *
 *   npm run build:cli       (runs build:catalogs first)
 */
import { build, type Plugin } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');
export const CLI_BUNDLE = join(ROOT, 'lib', 'infosak.js');
const BIN = join(ROOT, 'bin', 'infosak.js');

/** JSZip's pako and crc32 → Node's zlib (see the header); nothing else is touched. */
export const nativeZip: Plugin = {
  name: 'native-zip',
  setup(b) {
    const fromJszip = (importer: string) => /[\\/]node_modules[\\/]jszip[\\/]lib[\\/]/.test(importer);
    b.onResolve({ filter: /^pako$/ }, (args) => (fromJszip(args.importer) ? { path: join(__dirname, 'cli-bundle', 'pako-deflate-native.ts') } : undefined));
    b.onResolve({ filter: /^\.\/crc32$/ }, (args) => (fromJszip(args.importer) ? { path: join(__dirname, 'cli-bundle', 'crc32-native.ts') } : undefined));
  },
};

export async function buildCli(outfile: string = CLI_BUNDLE): Promise<void> {
  await build({
    entryPoints: [join(ROOT, 'src', 'cli', 'main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    // package.json's engines: Node 20 or later.
    target: 'node20',
    format: 'cjs',
    plugins: [nativeZip],
    // Less to read and parse at every start; function names stay, for --debug's stack traces.
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: 'external',
    sourcesContent: false,
    legalComments: 'eof',
    logLevel: 'warning',
  });
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
    run(['score', join(dir, 'exempelkommun.xlsx'), '-o', join(dir, 'scored.xlsx'), '--json'], { INFOSAK_CODE_CACHE: 'write' });
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
