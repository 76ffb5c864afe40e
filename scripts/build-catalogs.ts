/**
 * Validates the catalog data files when the product is built, so nothing parses a schema at run time
 * (issue 14: zod stays out of the task pane and out of the command line's start).
 *
 * Every src/catalogs/*.json is checked against its zod schema (a catalog also by its model's
 * consistency checks), then one bundle per catalog id is written to src/catalogs/generated/<id>.json:
 * a leveled-points catalog as loadCatalog returns it (option sets expanded, defaults filled in) with
 * its feedback texts and regulation mappings; a stammer-mean catalog as its data file holds it
 * (expandStammerCatalog builds it at run time). src/core/catalog/sources.ts imports the bundles; the
 * task pane fetches each as a chunk of its own when a workbook needs it (sources.lazy.ts). Beside
 * them, index.json lists every catalog with its model, name and size: all the pane's catalog picker
 * needs, so a new workbook loads no catalog before the user has chosen one.
 *
 *   npm run build:catalogs              validates and writes the bundles (build:cli, build:web and test run it)
 *   npx tsx scripts/build-catalogs.ts --check   exits 1 when a bundle is missing or out of date
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { modelOfBundle, type CatalogBundle, type CatalogData } from '../src/core/catalog/bundle';
import type { CatalogSummary } from '../src/core/catalog/registry';
import { loadCatalog } from '../src/core/catalog/load';
import { FeedbackSpec } from '../src/core/feedback/schema';
import { RegulationSpec } from '../src/core/regulation/schema';
import type { StammerCatalogData } from '../src/core/stammer/expand';
import { loadStammerCatalog } from '../src/core/stammer/load';

export const CATALOG_DIR = resolve(__dirname, '..', 'src', 'catalogs');
export const GENERATED_DIR = join(CATALOG_DIR, 'generated');
export type DataFileKind = 'catalog' | 'stammer-catalog' | 'feedback' | 'regulation';

/** What a data file is, from its content (the file names are free). */
export function kindOf(data: unknown): DataFileKind {
  const o = (data ?? {}) as Record<string, unknown>;
  if (o.model === 'stammer-mean-v1') return 'stammer-catalog';
  if (o.model !== undefined && o.model !== 'leveled-points-v1') throw new Error(`a catalog of the model ${String(o.model)}, which nothing here builds`);
  if ('questions' in o) return 'catalog';
  if ('managementQuestions' in o) return 'feedback';
  if ('paragraphs' in o) return 'regulation';
  throw new Error('neither a catalog (questions), feedback texts (managementQuestions) nor a regulation mapping (paragraphs)');
}

/** Zod's issues as "path: message" lines. */
function problemsOf(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  return error.issues.map((i) => `  - ${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('\n');
}

export interface BuiltCatalogs {
  /** Bundles by catalog id, in id order. */
  readonly bundles: ReadonlyMap<string, CatalogBundle>;
}

/** Validates every data file of the folder and groups them into bundles; throws naming every problem. */
export function buildCatalogs(dir: string = CATALOG_DIR): BuiltCatalogs {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const catalogs = new Map<string, CatalogData>();
  const stammer = new Map<string, StammerCatalogData>();
  const feedback = new Map<string, { file: string; spec: FeedbackSpec }>();
  const regulations: { file: string; spec: RegulationSpec }[] = [];
  const problems: string[] = [];
  const taken = (id: string) => {
    if (catalogs.has(id) || stammer.has(id)) throw new Error(`a second catalog with the id ${id}`);
  };

  for (const file of files) {
    try {
      const data: unknown = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      const kind = kindOf(data);
      if (kind === 'catalog') {
        const catalog = loadCatalog(data);
        // JSON round trip: the lookups go, what remains is the data the registry rebuilds them from.
        const { question, area, ...rest } = catalog;
        void question;
        void area;
        taken(catalog.id);
        catalogs.set(catalog.id, JSON.parse(JSON.stringify(rest)) as CatalogData);
      } else if (kind === 'stammer-catalog') {
        // Its schema and its consistency; the bundle keeps the data file as it is, as the model builds it.
        const catalog = loadStammerCatalog(data);
        taken(catalog.id);
        stammer.set(catalog.id, data as StammerCatalogData);
      } else if (kind === 'feedback') {
        const parsed = FeedbackSpec.safeParse(data);
        if (!parsed.success) throw new Error(`does not match the feedback schema:\n${problemsOf(parsed.error)}`);
        const other = feedback.get(parsed.data.catalog);
        if (other) throw new Error(`a second feedback file for ${parsed.data.catalog} (${other.file})`);
        feedback.set(parsed.data.catalog, { file, spec: parsed.data });
      } else {
        const parsed = RegulationSpec.safeParse(data);
        if (!parsed.success) throw new Error(`does not match the regulation mapping schema:\n${problemsOf(parsed.error)}`);
        regulations.push({ file, spec: parsed.data });
      }
    } catch (error) {
      problems.push(`${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  for (const [id, f] of feedback) if (!catalogs.has(id)) problems.push(`${f.file}: names the catalog ${id}, which has no catalog file`);
  for (const r of regulations) if (!catalogs.has(r.spec.catalog) && !stammer.has(r.spec.catalog)) problems.push(`${r.file}: names the catalog ${r.spec.catalog}, which has no catalog file`);
  for (const id of catalogs.keys()) if (!feedback.has(id)) problems.push(`${id}: has no feedback texts (*.feedback.json); a result cannot be written without them`);
  if (problems.length > 0) throw new Error(`Catalog data in ${dir} is not valid:\n${problems.join('\n')}`);

  const bundles = new Map<string, CatalogBundle>();
  for (const id of [...catalogs.keys(), ...stammer.keys()].sort()) {
    bundles.set(id, {
      catalog: catalogs.get(id),
      stammer: stammer.get(id),
      feedback: feedback.get(id)?.spec,
      regulations: regulations.filter((r) => r.spec.catalog === id).map((r) => r.spec),
    });
  }
  return { bundles };
}

export const INDEX_FILE = 'index.json';

/** Every catalog in the picker's order (the leveled-points ones first, as the product's default is one), each with what the picker shows. */
export function summariesOf(built: BuiltCatalogs): CatalogSummary[] {
  const summaries = [...built.bundles].map(([id, b]): CatalogSummary => {
    const model = modelOfBundle(b);
    const catalog = b.catalog ?? b.stammer!;
    const items = b.catalog ? b.catalog.questions.length : b.stammer!.statements.length;
    return { id, model, name: catalog.name, items, areas: catalog.areas.length };
  });
  const rank = (s: CatalogSummary) => (s.model === 'leveled-points-v1' ? 0 : 1);
  return summaries.sort((a, b) => rank(a) - rank(b) || a.id.localeCompare(b.id));
}

export function indexText(built: BuiltCatalogs): string {
  const header = { $comment: 'Generated by scripts/build-catalogs.ts: the shipped catalogs, for the pane\'s picker; do not edit (npm run build:catalogs).' };
  return `${JSON.stringify({ ...header, catalogs: summariesOf(built) }, null, 1)}\n`;
}

/** The text of a bundle's generated file. */
export function bundleText(id: string, bundle: CatalogBundle): string {
  const header = {
    $comment: `Generated by scripts/build-catalogs.ts from src/catalogs/*.json for ${id}, validated; do not edit (npm run build:catalogs).`,
  };
  return `${JSON.stringify({ ...header, ...bundle }, null, 1)}\n`;
}

/** Generated files that differ from what the data files give now (missing, changed or left over). */
export function staleFiles(built: BuiltCatalogs, dir: string = GENERATED_DIR): string[] {
  const wanted = new Map([...built.bundles].map(([id, b]) => [`${id}.json`, bundleText(id, b)]));
  wanted.set(INDEX_FILE, indexText(built));
  const present = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
  const stale = [...wanted].filter(([file, text]) => !existsSync(join(dir, file)) || readFileSync(join(dir, file), 'utf8') !== text).map(([file]) => file);
  return [...stale, ...present.filter((f) => !wanted.has(f))];
}

function main(argv: readonly string[]): number {
  const built = buildCatalogs();
  const stale = staleFiles(built);
  if (argv.includes('--check')) {
    if (stale.length > 0) {
      console.error(`build-catalogs: out of date in src/catalogs/generated: ${stale.join(', ')} (run npm run build:catalogs)`);
      return 1;
    }
    console.log(`build-catalogs: ${built.bundles.size} catalog bundles valid and up to date`);
    return 0;
  }
  mkdirSync(GENERATED_DIR, { recursive: true });
  for (const file of stale) {
    const id = file.replace(/\.json$/, '');
    const bundle = built.bundles.get(id);
    if (file === INDEX_FILE) writeFileSync(join(GENERATED_DIR, file), indexText(built));
    else if (bundle) writeFileSync(join(GENERATED_DIR, file), bundleText(id, bundle));
    else unlinkSync(join(GENERATED_DIR, file));
  }
  console.log(`build-catalogs: ${built.bundles.size} catalog bundles valid, ${stale.length} files written or removed`);
  return 0;
}

if (require.main === module) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
