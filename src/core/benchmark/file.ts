/**
 * The benchmark file (issue 11, `infosak benchmark --save`): what MCF, a region's coordinator or a
 * kommunkoncern publishes — the catalog, the date, a source text and the groups' aggregates, never
 * a member. Read back by `score --benchmark` and the task pane; the JSON Schema beside it is
 * schemas/benchmark.schema.json.
 */
import { z } from 'zod';
import type { Catalog } from '../catalog/types';
import { score } from '../scoring/score';
import { defaultGroupFor, GROUP_IDS, parseGroupId, type GroupId } from './groups';

export const BENCHMARK_FORMAT = 'infosakkollen-benchmark';
export const BENCHMARK_VERSION = 1;

const Int = z.number().int().min(0);
const Percentiles = z.object({ p10: Int, p50: Int, p90: Int }).strict();
const Entry = z
  .object({ selected: z.array(z.string().regex(/^[a-z]$/)).min(1), certainty: z.enum(['säker', 'osäker']) })
  .strict();

export const BenchmarkGroupSpec = z
  .object({
    id: z.enum(GROUP_IDS),
    members: Int,
    refused: z.boolean(),
    reason: z.string().optional(),
    answers: z.record(z.string().regex(/^[1-9]\d*$/), Entry).nullable(),
    result: z
      .object({
        level: Int.max(4),
        totalPoints: Int,
        areas: z.array(z.object({ id: z.string().min(1), level: Int.max(4), points: Int }).strict()),
      })
      .strict()
      .nullable(),
    spread: z
      .object({
        levels: z.record(z.string().regex(/^[0-4]$/), Int),
        totalPoints: Percentiles,
        areas: z.record(z.string().min(1), Percentiles),
      })
      .strict()
      .nullable(),
  })
  .strict()
  .refine((g) => g.refused === (g.answers === null) && g.refused === (g.result === null) && g.refused === (g.spread === null) && (!g.refused || g.reason !== undefined), {
    message: 'a refused group has a reason and answers, result and spread null; a shown group has all three',
  });

export const BenchmarkFileSpec = z
  .object({
    $schema: z.string().optional(),
    format: z.literal(BENCHMARK_FORMAT),
    version: z.literal(BENCHMARK_VERSION),
    catalog: z.string().min(1),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    source: z.string(),
    members: Int,
    groups: z.array(BenchmarkGroupSpec),
  })
  .strict();

export type BenchmarkFile = z.infer<typeof BenchmarkFileSpec>;
export type BenchmarkGroupData = z.infer<typeof BenchmarkGroupSpec>;

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
  const parsed = BenchmarkFileSpec.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || '(roten)'}: ${i.message}`)
      .join('; ');
    return { kind: 'invalid', problem: { code: 'benchmark-file-shape', params: { problems } } };
  }
  const file = parsed.data;
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
