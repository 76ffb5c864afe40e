/**
 * The benchmark file (issue 11, `infosak benchmark --save`): what MCF, a region's coordinator or a
 * kommunkoncern publishes — the catalog, the date, a source text and the groups' aggregates, never
 * a member. Read back by `score --benchmark` and the task pane; the JSON Schema beside it is
 * schemas/benchmark.schema.json.
 */
import type { Catalog } from '../catalog/types';
import { score } from '../scoring/score';
import { defaultGroupFor, GROUP_IDS, parseGroupId, type GroupId } from './groups';

export const BENCHMARK_FORMAT = 'infosakkollen-benchmark';
export const BENCHMARK_VERSION = 1;

interface Percentiles {
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
}

/** One group of a benchmark file (schemas/benchmark.schema.json, $defs/group). */
export interface BenchmarkGroupData {
  readonly id: GroupId;
  readonly members: number;
  readonly refused: boolean;
  readonly reason?: string;
  readonly answers: Readonly<Record<string, { selected: string[]; certainty: 'säker' | 'osäker' }>> | null;
  readonly result: { readonly level: number; readonly totalPoints: number; readonly areas: readonly { readonly id: string; readonly level: number; readonly points: number }[] } | null;
  readonly spread: { readonly levels: Readonly<Record<string, number>>; readonly totalPoints: Percentiles; readonly areas: Readonly<Record<string, Percentiles>> } | null;
}

export interface BenchmarkFile {
  readonly $schema?: string;
  readonly format: typeof BENCHMARK_FORMAT;
  readonly version: typeof BENCHMARK_VERSION;
  readonly catalog: string;
  readonly date: string;
  readonly source: string;
  readonly members: number;
  readonly groups: readonly BenchmarkGroupData[];
}

/*
 * The file's shape, checked by hand (the rules of schemas/benchmark.schema.json, which a test holds
 * this to): zod stays out of the command line's start and the task pane (issue 14).
 */
type Check = (value: unknown, path: string, problems: string[]) => void;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const count: Check = (v, path, problems) => {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) problems.push(`${path}: förväntade ett heltal 0 eller större`);
};
const level: Check = (v, path, problems) => {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 4) problems.push(`${path}: förväntade en nivå 0–4`);
};
const text: Check = (v, path, problems) => {
  if (typeof v !== 'string') problems.push(`${path}: förväntade en text`);
};
function object(fields: Record<string, Check>, optional: readonly string[] = []): Check {
  return (v, path, problems) => {
    if (!isObject(v)) return void problems.push(`${path}: förväntade ett objekt`);
    for (const key of Object.keys(v)) if (!(key in fields)) problems.push(`${path}.${key}: okänt fält`);
    for (const [key, check] of Object.entries(fields)) {
      if (!(key in v)) {
        if (!optional.includes(key)) problems.push(`${path}.${key}: saknas`);
      } else check(v[key], `${path}.${key}`, problems);
    }
  };
}
const record = (key: RegExp, each: Check): Check => (v, path, problems) => {
  if (!isObject(v)) return void problems.push(`${path}: förväntade ett objekt`);
  for (const [k, x] of Object.entries(v)) {
    if (!key.test(k)) problems.push(`${path}.${k}: okänd nyckel`);
    else each(x, `${path}.${k}`, problems);
  }
};
const nullable = (check: Check): Check => (v, path, problems) => (v === null ? undefined : check(v, path, problems));
const percentiles = object({ p10: count, p50: count, p90: count });
const entry = object({
  selected: (v, path, problems) => {
    if (!Array.isArray(v) || !v.length || v.some((x) => typeof x !== 'string' || !/^[a-z]$/.test(x))) problems.push(`${path}: förväntade en lista med svarsalternativ (a–z)`);
  },
  certainty: (v, path, problems) => {
    if (v !== 'säker' && v !== 'osäker') problems.push(`${path}: förväntade säker eller osäker`);
  },
});
const group = object(
  {
    id: (v, path, problems) => {
      if (!GROUP_IDS.includes(v as GroupId)) problems.push(`${path}: okänd grupp ${JSON.stringify(v)}`);
    },
    members: count,
    refused: (v, path, problems) => {
      if (typeof v !== 'boolean') problems.push(`${path}: förväntade true eller false`);
    },
    reason: text,
    answers: nullable(record(/^[1-9]\d*$/, entry)),
    result: nullable(object({ level, totalPoints: count, areas: (v, path, problems) => (Array.isArray(v) ? v.forEach((a, i) => object({ id: text, level, points: count })(a, `${path}.${i}`, problems)) : void problems.push(`${path}: förväntade en lista`)) })),
    spread: nullable(object({ levels: record(/^[0-4]$/, count), totalPoints: percentiles, areas: record(/^.+$/, percentiles) })),
  },
  ['reason'],
);
const file = object(
  {
    $schema: text,
    format: (v, path, problems) => {
      if (v !== BENCHMARK_FORMAT) problems.push(`${path}: förväntade "${BENCHMARK_FORMAT}"`);
    },
    version: (v, path, problems) => {
      if (v !== BENCHMARK_VERSION) problems.push(`${path}: förväntade ${BENCHMARK_VERSION}`);
    },
    catalog: (v, path, problems) => {
      if (typeof v !== 'string' || !v) problems.push(`${path}: förväntade ett katalog-id`);
    },
    date: (v, path, problems) => {
      if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) problems.push(`${path}: förväntade ÅÅÅÅ-MM-DD`);
    },
    source: text,
    members: count,
    groups: (v, path, problems) => {
      if (!Array.isArray(v)) return void problems.push(`${path}: förväntade en lista`);
      v.forEach((g, i) => {
        const at = `${path}.${i}`;
        const before = problems.length;
        group(g, at, problems);
        if (problems.length > before || !isObject(g)) return;
        // A refused group has a reason and nothing else; a shown group has all three.
        const shown = [g.answers, g.result, g.spread].map((x) => x !== null);
        if (g.refused ? shown.some(Boolean) || typeof g.reason !== 'string' : !shown.every(Boolean)) {
          problems.push(`${at}: en grupp som inte redovisas har ett skäl och answers, result och spread null; en redovisad grupp har alla tre`);
        }
      });
    },
  },
  ['$schema'],
);

/** Problems with a benchmark file's shape, each with its path ("groups.0.members: …"); empty when it is well formed. */
export function benchmarkFileProblems(data: unknown): string[] {
  const problems: string[] = [];
  file(data, '', problems);
  return problems.map((p) => (p.startsWith(':') ? `(roten)${p}` : p.replace(/^\./, '')));
}

/** What is wrong with a benchmark file, as data (worded in i18n). */
export type BenchmarkFileProblem =
  | { readonly code: 'benchmark-file-shape'; readonly params: { readonly problems: string } }
  | { readonly code: 'benchmark-file-catalog'; readonly params: { readonly catalog: string } }
  | { readonly code: 'benchmark-file-mismatch'; readonly params: { readonly group: string } };

/**
 * Parses a benchmark file and checks it against the catalog: every shown group's result must be
 * what its answer set scores (a hand-edited figure would otherwise be shown as the group's).
 * `catalogOf` returns undefined for a catalog the product does not know.
 */
export function parseBenchmarkFile(
  data: unknown,
  catalogOf: (id: string) => Catalog | undefined,
): { readonly kind: 'ok'; readonly file: BenchmarkFile; readonly catalog: Catalog } | { readonly kind: 'invalid'; readonly problem: BenchmarkFileProblem } {
  const problems = benchmarkFileProblems(data);
  if (problems.length) {
    return { kind: 'invalid', problem: { code: 'benchmark-file-shape', params: { problems: problems.slice(0, 3).join('; ') + (problems.length > 3 ? '; …' : '') } } };
  }
  const file = data as BenchmarkFile;
  const catalog = catalogOf(file.catalog);
  if (!catalog) return { kind: 'invalid', problem: { code: 'benchmark-file-catalog', params: { catalog: file.catalog } } };
  for (const g of file.groups) {
    if (g.refused || !g.answers || !g.result) continue;
    const scored = score(catalog, { catalog: catalog.id, answers: { ...g.answers } });
    const same =
      scored.errors.length === 0 &&
      scored.level === g.result.level &&
      scored.totalPoints === g.result.totalPoints &&
      scored.areas.every((a) => g.result!.areas.some((b) => b.id === a.id && b.level === a.level && b.points === a.points));
    if (!same) return { kind: 'invalid', problem: { code: 'benchmark-file-mismatch', params: { group: g.id } } };
  }
  return { kind: 'ok', file, catalog };
}

/** The shown group of a file, or why not: absent from the file, or refused there. */
export function groupOf(file: BenchmarkFile, id: GroupId): BenchmarkGroupData | undefined {
  return file.groups.find((g) => g.id === id);
}

/** A shown group: its answers and spread are there. */
export type ShownGroup = BenchmarkGroupData & {
  readonly answers: NonNullable<BenchmarkGroupData['answers']>;
  readonly spread: NonNullable<BenchmarkGroupData['spread']>;
  readonly result: NonNullable<BenchmarkGroupData['result']>;
};

export type GroupChoice =
  /** `insteadOf`: the organisation's own group is not shown in the file, so typförvaltning is used. */
  | { readonly kind: 'ok'; readonly group: ShownGroup; readonly insteadOf?: GroupId }
  | {
      readonly kind: 'refused';
      readonly problem:
        | { readonly code: 'benchmark-group-unknown'; readonly params: { readonly group: string; readonly groups: string } }
        | { readonly code: 'benchmark-group-refused'; readonly params: { readonly group: string; readonly reason: string } };
    };

const isShown = (g: BenchmarkGroupData | undefined): g is ShownGroup => !!g && !g.refused && !!g.answers && !!g.spread && !!g.result;

/**
 * The group to compare with: the one asked for (refused there: said why), else the organisation's
 * own type group, falling back to typförvaltning when the file does not show it.
 */
export function pickGroup(file: BenchmarkFile, requested: string | undefined, organisationType: unknown): GroupChoice {
  if (requested !== undefined) {
    const id = parseGroupId(requested);
    if (!id) return { kind: 'refused', problem: { code: 'benchmark-group-unknown', params: { group: requested, groups: GROUP_IDS.join(', ') } } };
    const g = groupOf(file, id);
    if (!isShown(g)) return { kind: 'refused', problem: { code: 'benchmark-group-refused', params: { group: id, reason: g?.reason ?? 'gruppen saknas i filen' } } };
    return { kind: 'ok', group: g };
  }
  const own = defaultGroupFor(organisationType);
  const g = groupOf(file, own);
  if (isShown(g)) return { kind: 'ok', group: g };
  const all = groupOf(file, 'typförvaltning');
  if (own !== 'typförvaltning' && isShown(all)) return { kind: 'ok', group: all, insteadOf: own };
  return { kind: 'refused', problem: { code: 'benchmark-group-refused', params: { group: own, reason: g?.reason ?? 'gruppen saknas i filen' } } };
}
