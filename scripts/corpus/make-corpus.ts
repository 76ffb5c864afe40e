/**
 * Writes the corpus of issue 8: `npm run corpus [-- --out out/corpus] [--check] [--only id,id]`.
 * One file per case plus manifest.json (id, description, expected outcome). The folder is never
 * committed; test/corpus/corpus.test.ts builds the same corpus in a temp folder.
 * --check runs ../shared/ooxml-check/check-xlsx over the inputs (the .xlsx ones meant to be valid).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { makeBases, type Bases } from './bases';
import { CASES } from './cases';
import { INSTALL_HINT, toolPath } from './external';
import type { CaseSpec, ManifestEntry } from './types';

export interface BuiltCase {
  readonly spec: CaseSpec;
  readonly file?: string;
  /** Why the case could not be built (a missing tool); the file is then absent. */
  readonly skipped?: string;
}

export function missingTools(spec: CaseSpec): string | undefined {
  const missing = (spec.requires ?? []).filter((t) => !toolPath(t));
  return missing.length ? missing.map((t) => INSTALL_HINT[t]).join('; ') : undefined;
}

/** Builds every case (or those in `only`) into `dir`; returns them with their files. */
export async function buildCorpus(dir: string, opts: { only?: readonly string[]; log?: (s: string) => void; bases?: Bases } = {}): Promise<BuiltCase[]> {
  const log = opts.log ?? (() => {});
  mkdirSync(dir, { recursive: true });
  const bases = opts.bases ?? (await makeBases(log));
  const out: BuiltCase[] = [];
  for (const spec of CASES) {
    if (opts.only && !opts.only.includes(spec.id)) continue;
    const missing = missingTools(spec);
    if (missing) {
      out.push({ spec, skipped: missing });
      continue;
    }
    const file = join(dir, `${spec.id}.${spec.ext ?? 'xlsx'}`);
    writeFileSync(file, await spec.build(bases));
    out.push({ spec, file });
  }
  return out;
}

export function manifestOf(built: readonly BuiltCase[], dir: string): ManifestEntry[] {
  return built
    .filter((b) => b.file)
    .map(({ spec, file }) => {
      const { build: _build, ...rest } = spec;
      void _build;
      return { ...rest, file: relative(dir, file!) };
    });
}

/** ../shared/ooxml-check/check-xlsx relative to the repository, or undefined when it or its tools are missing. */
export function checkerPath(): string | undefined {
  const p = resolve(__dirname, '..', '..', '..', 'shared', 'ooxml-check', 'check-xlsx');
  return existsSync(p) ? p : undefined;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const value = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const dir = resolve(value('--out') ?? join('out', 'corpus'));
  const only = value('--only')?.split(',');
  if (existsSync(dir) && !only) rmSync(dir, { recursive: true, force: true });
  const t0 = Date.now();
  const built = await buildCorpus(dir, { only, log: (s) => console.log(s) });
  const manifest = manifestOf(built, dir);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  for (const b of built) console.log(`${b.skipped ? 'skipped' : 'built  '} ${b.spec.id}${b.skipped ? ` (${b.skipped})` : ''}`);
  console.log(`${manifest.length} workbooks and manifest.json in ${relative(process.cwd(), dir) || '.'} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  if (args.includes('--check')) {
    const checker = checkerPath();
    if (!checker) {
      console.log('check-xlsx not found beside the repository (../shared/ooxml-check)');
      return;
    }
    const valid = built.filter((b) => b.file && b.spec.group !== 'bad-file' && !['crash-corrupt-deflate', 'crash-crc-mismatch', 'crash-sharedstrings-bomb'].includes(b.spec.id));
    const r = spawnSync(checker, ['--quiet', ...valid.map((b) => b.file!)], { encoding: 'utf8' });
    console.log(r.stdout.trim(), r.stderr.trim());
  }
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
