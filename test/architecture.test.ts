/**
 * Dependencies point inward (STYLE "A layout that shows the architecture"):
 * taskpane, cli → adapters → workbook → core. A layer that imports an outer one fails here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SRC = join(__dirname, '..', 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

function importsOf(path: string): string[] {
  const source = readFileSync(path, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  return [...source.matchAll(/^\s*(?:import|export)[^'"]*?from\s+'([^']+)'|require\('([^']+)'\)|import\('([^']+)'\)/gm)].map((m) => m[1] ?? m[2] ?? m[3]);
}

/** The top-level folder of src an import lands in ("core", "adapters/xlsx", …), or the package name. */
function target(from: string, spec: string): string {
  if (!spec.startsWith('.')) return `pkg:${spec.split('/')[0].startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]}`;
  const rel = relative(SRC, resolve(dirname(from), spec)).split(/[\\/]/);
  return rel[0] === 'adapters' ? `adapters/${rel[1]}` : rel[0];
}

const layer = (path: string) => {
  const rel = relative(SRC, path).split(/[\\/]/);
  return rel[0] === 'adapters' ? `adapters/${rel[1]}` : rel[0];
};

/** What each layer may import from this repository, and which packages. */
const ALLOWED: Record<string, { local: string[]; packages: string[] }> = {
  core: { local: ['core', 'catalogs'], packages: ['pkg:zod'] },
  i18n: { local: ['i18n'], packages: [] },
  workbook: { local: ['workbook', 'core', 'i18n', 'catalogs'], packages: [] },
  'adapters/xlsx': { local: ['adapters/xlsx', 'workbook'], packages: ['pkg:jszip'] },
  'adapters/officejs': { local: ['adapters/officejs', 'workbook'], packages: [] },
  cli: { local: ['cli', 'core', 'workbook', 'adapters/xlsx', 'i18n', 'examples'], packages: ['pkg:node:fs', 'pkg:node:path'] },
};

describe('architecture', () => {
  for (const [name, allowed] of Object.entries(ALLOWED)) {
    it(`${name} imports only ${[...allowed.local, ...allowed.packages].join(', ')}`, () => {
      const offending: string[] = [];
      const inLayer = files(SRC).filter((f) => layer(f) === name);
      expect(inLayer.length).toBeGreaterThan(0);
      for (const file of inLayer) {
        for (const spec of importsOf(file)) {
          const t = target(file, spec);
          const ok = t.startsWith('pkg:') ? allowed.packages.includes(t) : allowed.local.includes(t);
          if (!ok) offending.push(`${relative(SRC, file)} imports ${spec}`);
        }
      }
      expect(offending).toEqual([]);
    });
  }
});
