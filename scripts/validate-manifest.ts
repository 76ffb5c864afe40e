/**
 * Offline manifest validation (`npm run validate`):
 *
 *   npx tsx scripts/validate-manifest.ts                        manifest.xml, and dist/manifest.xml when it exists
 *   npx tsx scripts/validate-manifest.ts some.xml               the development rules on one file
 *   npx tsx scripts/validate-manifest.ts --production dist/manifest.xml
 *
 * The development manifest (manifest.xml, https://localhost:3000) gets the schema and project rules;
 * a production manifest (written by `BASE_URL=https://…/ npm run build`) also the production rules:
 * https, nothing on localhost, every page and icon it names present in its folder (dist/).
 * Exit 0 with "<file>: OK (…)" per file; exit 1 with every problem on its own line. The rules live
 * in scripts/manifest/checkManifest.ts; this file only reads files and prints.
 * Microsoft's online validator: scripts/validate-online.sh.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { checkManifest, checkProductionManifest, describeManifest } from './manifest/checkManifest';
import { filesUnder } from './manifest/files';

interface Target {
  readonly file: string;
  readonly production: boolean;
}

function validate({ file, production }: Target): boolean {
  const manifest = resolve(file);
  const shown = relative(process.cwd(), manifest) || manifest;
  if (!existsSync(manifest)) {
    console.error(`${shown}: no such file; expected the add-in manifest (default manifest.xml)`);
    return false;
  }
  const xml = readFileSync(manifest, 'utf8');
  const files = filesUnder(dirname(manifest));
  const problems = production ? checkProductionManifest(xml, files) : checkManifest(xml, files);
  if (problems.length === 0) {
    console.log(`${shown}: OK (${production ? 'production, ' : ''}${describeManifest(xml)})`);
    return true;
  }
  for (const problem of problems) console.error(`${shown}: ${problem}`);
  console.error(`${shown}: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
  return false;
}

function targets(argv: readonly string[]): Target[] {
  if (argv.length === 0) {
    const found: Target[] = [{ file: 'manifest.xml', production: false }];
    if (existsSync('dist/manifest.xml')) found.push({ file: 'dist/manifest.xml', production: true });
    return found;
  }
  const out: Target[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--production') out.push({ file: argv[++i] ?? 'dist/manifest.xml', production: true });
    else out.push({ file: argv[i], production: false });
  }
  return out;
}

function main(argv: readonly string[]): number {
  // Every file is checked, also after a failing one.
  const results = targets(argv).map(validate);
  return results.every(Boolean) ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
