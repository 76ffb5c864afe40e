/**
 * `score --benchmark <file.json> [--group id] [--target n|group|föreskrift]` (issue 11): reading
 * the benchmark file, choosing the group and the target, and wording them for the terminal.
 */
import { readFileSync } from 'node:fs';
import type { BenchmarkComparison } from '../core/benchmark/compare';
import { parseBenchmarkFile, pickGroup, type BenchmarkFile, type ShownGroup } from '../core/benchmark/file';
import { GROUP_LABELS, type GroupId } from '../core/benchmark/groups';
import { findCatalog } from '../core/catalog/registry';
import type { Catalog } from '../core/catalog/types';
import type { TargetPath } from '../core/targets/target';
import { describeIssue } from '../i18n';
import { POSITION_TEXT } from '../workbook/plan/benchmarkSheet';
import type { TargetRequest } from '../workbook/plan/targetSheet';
import type { WorkbookGrid } from '../workbook/plan/types';
import { targetRequestFor } from '../workbook/targetRequest';
import { FatalError, fsReason } from './io';

export interface LoadedBenchmark {
  readonly path: string;
  readonly file: BenchmarkFile;
  readonly catalog: Catalog;
}

export function loadBenchmarkFile(path: string): LoadedBenchmark {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new FatalError((e as NodeJS.ErrnoException).code ? `Kan inte läsa ${path}: ${fsReason(e, true)}` : `${path} är inte giltig JSON: ${(e as Error).message}`);
  }
  const parsed = parseBenchmarkFile(data, findCatalog);
  if (parsed.kind === 'invalid') throw new FatalError(`${path}: ${describeIssue(parsed.problem)}`);
  return { path, file: parsed.file, catalog: parsed.catalog };
}

/** The group to compare with; a benchmark of another catalog or a refused group stops the command. */
export function chooseGroup(benchmark: LoadedBenchmark, catalog: Catalog, requested: string | undefined, organisationType: unknown): { group: ShownGroup; note?: string } {
  if (benchmark.catalog.id !== catalog.id) {
    throw new FatalError(`${benchmark.path}: ${describeIssue({ code: 'benchmark-other-catalog', params: { benchmark: benchmark.catalog.id, catalog: catalog.id } })}`);
  }
  const choice = pickGroup(benchmark.file, requested, organisationType);
  if (choice.kind === 'refused') throw new FatalError(`${benchmark.path}: ${describeIssue(choice.problem)}`);
  const note = choice.insteadOf
    ? `${GROUP_LABELS[choice.insteadOf].sv} redovisas inte i benchmarkfilen; jämförelsen görs med ${GROUP_LABELS[choice.group.id].sv}.`
    : undefined;
  return { group: choice.group, note };
}

/**
 * `--target` (or the target the workbook remembers) as a request; undefined for "nästa". A group
 * target takes the group's answers from the benchmark file, or else from the workbook's own
 * Benchmark sheet (where the last comparison left them).
 */
export function targetRequest(text: string, catalog: Catalog, benchmark: LoadedBenchmark | undefined, grid?: WorkbookGrid): TargetRequest | undefined {
  const outcome = targetRequestFor(text, catalog, benchmark, grid);
  if (outcome.kind === 'ok') return outcome.request;
  const { problem } = outcome;
  switch (problem.code) {
    case 'target-unknown':
      throw new FatalError(`Okänt mål "${text}": ange en nivå (1–${catalog.maxLevel}), en grupp ur benchmarkfilen (t.ex. typkommun), föreskrift eller nästa.`);
    case 'target-needs-benchmark':
      throw new FatalError(`Målet ${problem.params.group} är en grupp ur en benchmark: ange också --benchmark <benchmark.json>.`);
    default:
      throw new FatalError(`${benchmark?.path ?? ''}: ${describeIssue(problem)}`);
  }
}

/** The `target` field of `score --json`: the issue's fields first, then the details. */
export function targetJson(path: TargetPath) {
  const { kind, level, group, cheapestAdditionalMeasures, uncertainOverLimit, makeCertain, steps, ...rest } = path;
  return {
    kind,
    ...(level !== undefined ? { level } : {}),
    ...(group !== undefined ? { group } : {}),
    cheapestAdditionalMeasures,
    ...(uncertainOverLimit !== undefined ? { uncertainOverLimit } : {}),
    makeCertain,
    steps,
    ...rest,
  };
}

/** A few lines on the comparison for the terminal. */
export function comparisonLines(c: BenchmarkComparison, source: string): string[] {
  const label = GROUP_LABELS[c.group as GroupId]?.sv ?? c.group;
  const level = (n: number) => (n === 0 ? 'under nivå 1' : `nivå ${n}`);
  return [
    `Jämfört med ${label} (${c.members} organisationer, ${source}):`,
    `  Nivå: ni ${level(c.level.organisation)}, gruppen ${level(c.level.group)} · ${c.levelRank.below} på lägre, ${c.levelRank.same} på samma och ${c.levelRank.above} på högre nivå än ni`,
    `  Totalpoäng: ni ${c.totalPoints.organisation}, gruppen ${c.totalPoints.group} · ${POSITION_TEXT[c.totalPoints.position]}`,
    `  Gruppen ligger före på ${c.ahead.length} ${c.ahead.length === 1 ? 'fråga' : 'frågor'}${c.ahead.length ? `: ${c.ahead.slice(0, 12).map((q) => `F${q.number}`).join(', ')}${c.ahead.length > 12 ? ' …' : ''}` : ''}`,
  ];
}

/** One line on the chosen target's path for the terminal. */
export function targetLines(path: TargetPath, label: string): string[] {
  const lines = [`Mål ${label}: ${path.reached ? 'nått' : `minst ${path.cheapestAdditionalMeasures} ytterligare åtgärder på ${path.steps.length} frågor`}` + (path.makeCertain.length ? `; gör säkra: ${path.makeCertain.map((n) => `F${n}`).join(', ')}` : '')];
  if (path.paragraphs?.closed.length) lines.push(`  Vägen uppfyller paragraferna ${path.paragraphs.closed.map((p) => `${p} §`).join(', ')}`);
  return lines;
}
