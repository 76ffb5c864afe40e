/**
 * Comparing a workbook with a benchmark (issue 11): the Benchmark sheet, refused when a sheet of
 * the user's has its name (in any case); and the target the workbook remembers on Nästa nivå.
 * Shared by the command line and the task pane; nothing here reads files or calls Excel.
 */
import { compareWithBenchmark, type BenchmarkComparison } from '../core/benchmark/compare';
import type { ShownGroup } from '../core/benchmark/file';
import { GROUP_LABELS, parseGroupId, type GroupId } from '../core/benchmark/groups';
import type { AnswerEntry } from '../core/answers/types';
import { score } from '../core/scoring/score';
import type { Catalog } from '../core/catalog/types';
import type { ScoreResult } from '../core/scoring/score';
import { ownerOf } from './compute';
import { parseRowId, SHEETS } from './layout';
import { benchmarkSheetPlan, DATE_LABEL, GROUP_ID_LABEL, SOURCE_LABEL } from './plan/benchmarkSheet';
import { rememberedTarget } from './plan/targetSheet';
import type { WorkbookGrid, WritePlan } from './plan/types';
import type { LocatedIssue } from './read';

export type BenchmarkSheetOutcome =
  | { readonly kind: 'refused'; readonly issue: LocatedIssue }
  | { readonly kind: 'planned'; readonly plan: WritePlan; readonly comparison: BenchmarkComparison };

/** The Benchmark sheet for a scored workbook (or for no workbook: an answers file), with its comparison. */
export function benchmarkSheetFor(
  grid: WorkbookGrid | undefined,
  catalog: Catalog,
  result: ScoreResult,
  benchmark: { readonly group: ShownGroup; readonly source: string; readonly date: string },
  today: string,
): BenchmarkSheetOutcome {
  const owner = grid ? ownerOf(grid, SHEETS.benchmark) : { kind: 'absent' as const };
  if (owner.kind === 'theirs') {
    return { kind: 'refused', issue: { severity: 'error', code: 'product-sheet-taken', sheet: owner.sheet, cell: 'A1', params: { sheet: owner.sheet, ours: SHEETS.benchmark } } };
  }
  const comparison = compareWithBenchmark(catalog, result, benchmark.group);
  const plan = benchmarkSheetPlan({
    catalog,
    comparison,
    groupLabel: GROUP_LABELS[benchmark.group.id].sv,
    source: benchmark.source,
    date: benchmark.date,
    organisation: typeof result.organisation.name === 'string' ? result.organisation.name : undefined,
    today,
    groupAnswers: benchmark.group.answers,
  });
  return { kind: 'planned', plan, comparison };
}

/** The target the workbook remembers ("nivå 3", "typkommun", "föreskrift"), when Nästa nivå is the product's. */
export function workbookTarget(grid: WorkbookGrid): string | undefined {
  return ownerOf(grid, SHEETS.nextLevel).kind === 'ours' ? rememberedTarget(grid.sheets.get(SHEETS.nextLevel)) : undefined;
}

/** A benchmark group's answer set as the Benchmark sheet keeps it (the last comparison's group). */
export interface RememberedBenchmark {
  readonly group: GroupId;
  readonly answers: Readonly<Record<string, AnswerEntry>>;
  readonly source: string;
  readonly date: string;
}

/**
 * The group answers on the product's Benchmark sheet, so a remembered benchmark target can be
 * computed again without the benchmark file. Undefined when there is none, it is not the
 * product's, or what it holds does not score cleanly (edited by hand: better to ask for the file).
 */
export function rememberedBenchmark(grid: WorkbookGrid, catalog: Catalog): RememberedBenchmark | undefined {
  if (ownerOf(grid, SHEETS.benchmark).kind !== 'ours') return undefined;
  const sheet = grid.sheets.get(SHEETS.benchmark);
  if (!sheet) return undefined;
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');
  let group: GroupId | undefined;
  let source = '';
  let date = '';
  const answers: Record<string, AnswerEntry> = {};
  sheet.values.forEach((row) => {
    const a = text(row?.[0]);
    const label = text(row?.[1]);
    if (label === GROUP_ID_LABEL) group = parseGroupId(text(row?.[2]));
    else if (label === SOURCE_LABEL) source = text(row?.[2]);
    else if (label === DATE_LABEL) date = text(row?.[2]);
    const id = group ? parseRowId(a) : undefined;
    if (!id || id.option || !catalog.question(id.question)) return;
    const selected = text(row?.[2]).split(/[\s,]+/).filter(Boolean);
    if (selected.length) answers[String(id.question)] = { selected, certainty: text(row?.[3]) || 'osäker' };
  });
  if (!group || !Object.keys(answers).length) return undefined;
  if (score(catalog, { catalog: catalog.id, answers }).errors.length) return undefined;
  return { group, answers, source, date };
}
