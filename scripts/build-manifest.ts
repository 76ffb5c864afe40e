/**
 * The production manifest, dist/manifest.xml, for the host an organisation publishes dist/ at.
 * `npm run build` runs it after webpack:
 *
 *   BASE_URL=https://infosak.example.se/addin/ [NEW_ADDIN_ID=1] npm run build
 *   BASE_URL=… tsx scripts/build-manifest.ts [--out-dir dist]      (after npm run build:web)
 *
 * Every URL of manifest.xml moves under BASE_URL; the add-in Id stays that of manifest.xml unless
 * NEW_ADDIN_ID=1 (a second, separate deployment beside this one). The result is checked against the
 * built folder (https, nothing on localhost, every page and icon there) before it is written: on a
 * problem nothing is written and the exit code is 1. Without BASE_URL nothing is written:
 * manifest.xml stays the development manifest for `npm start`.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { checkProductionManifest, describeManifest } from './manifest/checkManifest';
import { filesUnder } from './manifest/files';
import { baseUrlProblems, normalizeBaseUrl, productionManifest } from './manifest/productionManifest';

function arg(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

function main(argv: readonly string[], env: NodeJS.ProcessEnv): number {
  const outDir = resolve(arg(argv, '--out-dir') ?? 'dist');
  const source = resolve(arg(argv, '--manifest') ?? 'manifest.xml');
  const target = join(outDir, 'manifest.xml');
  const shown = relative(process.cwd(), target) || target;
  const baseUrl = (env.BASE_URL ?? '').trim();
  if (baseUrl === '') {
    console.log(`build-manifest: no BASE_URL, so no production manifest written (manifest.xml is the development manifest; BASE_URL=https://…/ npm run build writes ${shown})`);
    return 0;
  }
  const newId = (env.NEW_ADDIN_ID ?? '').trim();
  if (!['', '0', '1'].includes(newId)) {
    console.error(`build-manifest: NEW_ADDIN_ID is ${JSON.stringify(env.NEW_ADDIN_ID)}; expected 1 for a new add-in Id, or nothing to keep manifest.xml's`);
    return 1;
  }
  const baseProblems = baseUrlProblems(baseUrl);
  if (baseProblems.length > 0) {
    for (const problem of baseProblems) console.error(`build-manifest: ${problem}`);
    return 1;
  }
  if (!existsSync(join(outDir, 'taskpane.html'))) {
    console.error(`build-manifest: ${relative(process.cwd(), outDir) || outDir}/taskpane.html not found; expected the built pane (npm run build:web) first`);
    return 1;
  }

  const xml = productionManifest(readFileSync(source, 'utf8'), { baseUrl, id: newId === '1' ? randomUUID() : undefined });
  const problems = checkProductionManifest(xml, filesUnder(outDir));
  if (problems.length > 0) {
    for (const problem of problems) console.error(`${shown}: ${problem}`);
    console.error(`${shown}: ${problems.length} problem${problems.length === 1 ? '' : 's'}, not written`);
    return 1;
  }
  // Through a temporary file, so that an upload never picks up half a manifest.
  writeFileSync(`${target}.tmp`, xml);
  renameSync(`${target}.tmp`, target);
  const base = normalizeBaseUrl(baseUrl);
  console.log(`${shown}: written for ${'base' in base ? base.base : baseUrl} (${describeManifest(xml)}${newId === '1' ? ', a new Id' : ''})`);
  return 0;
}

process.exitCode = main(process.argv.slice(2), process.env);
