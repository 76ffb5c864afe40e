import { readFileSync } from 'node:fs';
import { applyPlanToXlsxWithReport } from '../../adapters/xlsx/applyPlan';
import { NotAWorkbookError, readXlsxGrid } from '../../adapters/xlsx/readGrid';
import type { AnswerSet } from '../../core/answers/types';
import type { Catalog } from '../../core/catalog/types';
import type { BenchmarkComparison } from '../../core/benchmark/compare';
import { benchmarkSheetFor, workbookTarget } from '../../workbook/benchmark';
import { localToday } from '../../workbook/compute';
import { computeFromWorkbookWithTarget } from '../../workbook/computeTarget';
import { BENCHMARK_SHEETS, INPUT_SHEETS, QUESTIONNAIRE_SHEETS, SHEETS } from '../../workbook/layout';
import { allInputSheets, fillPlanOf, modelOfWorkbook, questionnairePlanOf, questionnaireSheetsOf, readAnyWorkbook } from '../../workbook/models';
import type { WorkbookGrid, WritePlan } from '../../workbook/plan/types';
import type { LocatedIssue } from '../../workbook/read';
import { describeIssue } from '../../i18n';
import { STRICT_EVIDENCE, UsageError, type ParsedArgs } from '../args';
import { writeFileAtomic } from '../atomicWrite';
import { chooseGroup, comparisonLines, loadBenchmarkFile, targetJson, targetLines, targetRequest } from '../benchmarkOptions';
import { resultJson } from '../format/resultJson';
import { summaryText } from '../format/summary';
import { anyCatalogFor, EXIT_INPUT_ERRORS, EXIT_OK, FatalError, fsReason, readAnswersFile } from '../io';
import type { Output } from '../main';
import { DEFAULT_CATALOG } from '../../core/catalog/registry';
import { scoreStammerWorkbook } from './stammer';

export function readBytes(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new FatalError(`Kan inte läsa ${path}: ${fsReason(e, true)}`);
  }
}

/** Writes a file the CLI made: atomically, so the original survives any failure (see atomicWrite). */
export function writeBytes(path: string, data: Uint8Array): void {
  writeFileAtomic(path, data);
}

function notAWorkbook(path: string, e: NotAWorkbookError): FatalError {
  // The adapter's English lead-in ("Not an .xlsx workbook:") would repeat the Swedish one.
  return new FatalError(`${path} är ingen läsbar Excel-arbetsbok: ${e.message.replace(/^Not (?:a|an) [^:]*:\s*/, '')}`);
}

/**
 * Applies a plan; a plan the workbook cannot take (e.g. a table name the user already uses) is one
 * clear line. Cells the adapter refused to write (a shared formula's first cell) come back as
 * warnings the user sees.
 */
export async function applyOrFail(path: string, base: Uint8Array | null, plan: WritePlan): Promise<{ bytes: Uint8Array; skipped: LocatedIssue[] }> {
  try {
    const { bytes, skipped } = await applyPlanToXlsxWithReport(base, plan);
    return {
      bytes,
      skipped: skipped.map((c) => ({ severity: 'warning', code: 'cell-not-written', sheet: c.sheet, cell: c.cell, params: { reason: c.reason } })),
    };
  } catch (e) {
    // A damaged part nobody read is found only when the package is written back.
    if (e instanceof NotAWorkbookError) throw notAWorkbook(path, e);
    throw new FatalError(`Kan inte skriva resultatet i ${path}: ${(e as Error).message.split('\n')[0]}`);
  }
}

/**
 * Sheets the commands replace whole (a computation: the results and Målgraf; spara mätning and
 * jämför: Trend and Jämförelse) and whose cells no command reads: when such a sheet carries the
 * product's mark with its own name, ownerOf decides from the mark alone, so its cells are not
 * parsed (readXlsxGrid's skipMarked; issue 14). Without that mark the sheet is read as before, so
 * a user's sheet of one of these names is still judged by its content. Handlingsplan, Nästa nivå,
 * Benchmark, Historik, Mål and the questionnaire are always read.
 */
const CELLS_NOT_READ: readonly string[] = [SHEETS.result, SHEETS.summary, SHEETS.areas, SHEETS.feedback, SHEETS.goalGraph, SHEETS.trend, SHEETS.comparison];

/**
 * The workbook's grid for the reader; a damaged or foreign file is one clear line. The sheets of
 * CELLS_NOT_READ that carry their own mark are in sheetNames, owners and objects but not in sheets.
 */
export async function gridOfWorkbook(path: string, data: Uint8Array, extra: readonly string[] = []): Promise<WorkbookGrid> {
  try {
    return await readXlsxGrid(data, [...allInputSheets(), ...extra], { skipMarked: CELLS_NOT_READ });
  } catch (e) {
    if (e instanceof NotAWorkbookError) throw notAWorkbook(path, e);
    throw e;
  }
}

function foreign(path: string, issue: LocatedIssue): FatalError {
  return new FatalError(`${path}: ${describeIssue(issue)}`);
}

export function locatedJson(i: LocatedIssue) {
  return {
    code: i.code,
    ...(i.question !== undefined ? { question: i.question } : {}),
    ...(i.statement !== undefined ? { statement: i.statement } : {}),
    ...(i.option !== undefined ? { option: i.option } : {}),
    ...(i.sheet ? { sheet: i.sheet } : {}),
    ...(i.cell ? { cell: i.cell } : {}),
    message: describeIssue(i),
  };
}

function outputPath(args: ParsedArgs, input: string): string | undefined {
  if (args.flags.has('in-place')) return input;
  return args.options.get('output');
}

/** `infosak template <out.xlsx> [--catalog id]` */
export async function templateCommand(args: ParsedArgs, out: Output): Promise<number> {
  const target = args.positionals[0] ?? args.options.get('output');
  if (!target) throw new UsageError('template needs an output file: infosak template <out.xlsx>');
  const catalog = anyCatalogFor(args.options.get('catalog') ?? DEFAULT_CATALOG);
  writeBytes(target, (await applyOrFail(target, null, questionnairePlanOf(catalog))).bytes);
  out.stdout(`Skrev frågeformuläret ${catalog.id} till ${target}`);
  return EXIT_OK;
}

/** `infosak fill --answers <a.json> <in.xlsx> -o <out.xlsx>` */
export async function fillCommand(args: ParsedArgs, out: Output): Promise<number> {
  const answersPath = args.options.get('answers');
  const input = args.positionals[0];
  if (!answersPath || !input) throw new UsageError('fill needs --answers <a.json> <in.xlsx> -o <out.xlsx>');
  const target = outputPath(args, input);
  if (!target) throw new UsageError('fill needs -o <out.xlsx> or --in-place');
  const incoming = readAnswersFile(answersPath);
  const catalog = anyCatalogFor(incoming.catalog);
  const data = readBytes(input);
  const grid = await gridOfWorkbook(input, data);
  const read = readAnyWorkbook(grid);
  let plan: WritePlan;
  if (read.kind === 'foreign') {
    // A questionnaire we cannot read (a header row gone) is refused, never rebuilt over the user's edits.
    if (read.issue.code !== 'foreign-workbook') throw foreign(input, read.issue);
    // No questionnaire yet: it is added as new sheets, unless a sheet of the user's has one of their names (in any case).
    const taken = grid.sheetNames.filter((n) => questionnaireSheetsOf(catalog).some((q) => q.toLowerCase() === n.toLowerCase()));
    if (taken.length) throw new FatalError(`${input}: ${describeIssue(read.issue)} Bladen ${taken.join(', ')} finns redan och skrivs inte över.`);
    plan = questionnairePlanOf(catalog, incoming);
  } else {
    if (read.catalog.id !== catalog.id) throw new FatalError(`${input} använder katalogen ${read.catalog.id} men svarsfilen ${catalog.id}`);
    // Only the answer cells of the questions in the file are written; everything else stays as the user left it.
    const fill = fillPlanOf(catalog, grid, incoming);
    if (fill.kind === 'refused') throw foreign(input, fill.issue);
    plan = fill.plan;
  }
  const written = await applyOrFail(input, data, plan);
  writeBytes(target, written.bytes);
  out.stdout(`Fyllde i ${Object.keys(incoming.answers).length} svar i ${target}`);
  for (const i of written.skipped) out.stdout(`  Varning: ${describeIssue(i)}`);
  return EXIT_OK;
}

/** `infosak read <in.xlsx> [--json]` */
export async function readCommand(args: ParsedArgs, out: Output): Promise<number> {
  const input = args.positionals[0];
  if (!input) throw new UsageError('read needs a workbook: infosak read <in.xlsx>');
  const read = readAnyWorkbook(await gridOfWorkbook(input, readBytes(input)));
  if (read.kind === 'foreign') throw foreign(input, read.issue);
  const errors = read.issues.filter((i) => i.severity === 'error');
  const warnings = read.issues.filter((i) => i.severity === 'warning');
  if (args.flags.has('json')) {
    out.stdout(JSON.stringify({ ...read.answers, errors: errors.map(locatedJson), warnings: warnings.map(locatedJson) }, null, 2));
  } else {
    const answered = Object.keys(read.answers.answers).length;
    out.stdout(`${input}: ${answered} ${read.model === 'stammer-mean-v1' ? 'besvarade påståenden och frågor' : 'besvarade frågor'} (${read.catalog.id})`);
    for (const i of read.issues) out.stdout(`  ${i.severity === 'error' ? 'Fel' : 'Varning'}: ${describeIssue(i)}`);
  }
  return errors.length ? EXIT_INPUT_ERRORS : EXIT_OK;
}

/** `infosak score <in.xlsx> [-o <out.xlsx> | --in-place] [--json] [--benchmark <b.json> [--group id]] [--target mål]` */
export async function scoreWorkbook(input: string, args: ParsedArgs, out: Output): Promise<number> {
  const data = readBytes(input);
  const grid = await gridOfWorkbook(input, data, BENCHMARK_SHEETS);
  // Issue 12: a workbook of a catalog of statements has its own result sheets.
  if (modelOfWorkbook(grid) === 'stammer-mean-v1') return scoreStammerWorkbook(input, data, grid, outputPath(args, input), args, out);
  const today = localToday();
  // Issue 11: a benchmark to compare with, and a target (asked for, or the one the workbook remembers).
  const benchmark = args.options.has('benchmark') ? loadBenchmarkFile(args.options.get('benchmark')!) : undefined;
  const targetText = args.options.get('target') ?? workbookTarget(grid);
  let targetLabel = '';
  const request = (catalog: Catalog) => {
    const r = targetRequest(targetText!, catalog, benchmark, grid);
    targetLabel = r?.label ?? '';
    return r;
  };
  // --strict-evidence turns the option on for this computation only; the workbook's Start is not changed.
  const outcome = computeFromWorkbookWithTarget(grid, today, targetText ? request : undefined, args.flags.has(STRICT_EVIDENCE) ? { strictEvidence: true } : {});
  if (outcome.kind === 'refused') throw foreign(input, outcome.issue);
  let plan = outcome.plan;
  let comparison: BenchmarkComparison | undefined;
  let groupNote: string | undefined;
  if (benchmark) {
    const targetGroup = outcome.target?.kind === 'benchmark' ? outcome.target.group : undefined;
    const { group, note } = chooseGroup(benchmark, outcome.catalog, args.options.get('group') ?? targetGroup, outcome.result.organisation.type);
    const sheet = benchmarkSheetFor(grid, outcome.catalog, outcome.result, { group, source: benchmark.file.source, date: benchmark.file.date }, today);
    if (sheet.kind === 'refused') throw foreign(input, sheet.issue);
    plan = [...plan, ...sheet.plan];
    comparison = sheet.comparison;
    groupNote = note;
  }
  const target = outputPath(args, input);
  const written = target ? await applyOrFail(input, data, plan) : undefined;
  if (target && written) writeBytes(target, written.bytes);
  const issues = [...outcome.issues, ...(written?.skipped ?? [])];
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');
  if (args.flags.has('json')) {
    const json = {
      ...resultJson(outcome.result, 'sv', outcome.evidence),
      ...(outcome.target ? { target: targetJson(outcome.target) } : {}),
      ...(comparison ? { benchmark: comparison } : {}),
      ...(outcome.actionPlan ? { actionPlan: outcome.actionPlan } : {}),
      errors: errors.map(locatedJson),
      warnings: warnings.map(locatedJson),
      ...(target ? { written: target } : {}),
    };
    out.stdout(JSON.stringify(json, null, 2));
    if (groupNote) out.stderr(groupNote);
  } else {
    out.stdout(summaryText(outcome.catalog, { ...outcome.result, errors: [], warnings: [] }, outcome.evidence));
    if (outcome.target) out.stdout(['', ...targetLines(outcome.target, targetLabel)].join('\n'));
    if (outcome.actionPlan?.line) out.stdout(`\nKostnad enligt handlingsplanen: ${outcome.actionPlan.line}`);
    if (comparison && benchmark) out.stdout(['', ...(groupNote ? [groupNote] : []), ...comparisonLines(comparison, benchmark.file.source)].join('\n'));
    for (const i of issues) out.stdout(`  ${i.severity === 'error' ? 'Fel' : 'Varning'}: ${describeIssue(i)}`);
    if (target) out.stdout(`\nResultatet skrevs till ${target}`);
  }
  return errors.length ? EXIT_INPUT_ERRORS : EXIT_OK;
}
