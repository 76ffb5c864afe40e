import { readFileSync } from 'node:fs';
import { applyPlanToXlsx } from '../../adapters/xlsx/applyPlan';
import { NotAWorkbookError, readXlsxGrid } from '../../adapters/xlsx/readGrid';
import type { AnswerSet } from '../../core/answers/types';
import type { Catalog } from '../../core/catalog/types';
import { computeFromWorkbook, localToday } from '../../workbook/compute';
import { INPUT_SHEETS, QUESTIONNAIRE_SHEETS } from '../../workbook/layout';
import { questionnairePlan } from '../../workbook/plan/questionnaire';
import type { WorkbookGrid, WritePlan } from '../../workbook/plan/types';
import { readWorkbook, type LocatedIssue } from '../../workbook/read';
import { describeIssue } from '../../i18n';
import { UsageError, type ParsedArgs } from '../args';
import { writeFileAtomic } from '../atomicWrite';
import { resultJson } from '../format/resultJson';
import { summaryText } from '../format/summary';
import { catalogFor, EXIT_INPUT_ERRORS, EXIT_OK, FatalError, fsReason, readAnswersFile } from '../io';
import type { Output } from '../main';
import { DEFAULT_CATALOG } from '../../core/catalog/registry';

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

/** Applies a plan; a plan the workbook cannot take (e.g. a table name the user already uses) is one clear line. */
export async function applyOrFail(path: string, base: Uint8Array | null, plan: WritePlan): Promise<Uint8Array> {
  try {
    return await applyPlanToXlsx(base, plan);
  } catch (e) {
    // A damaged part nobody read is found only when the package is written back.
    if (e instanceof NotAWorkbookError) throw notAWorkbook(path, e);
    throw new FatalError(`Kan inte skriva resultatet i ${path}: ${(e as Error).message.split('\n')[0]}`);
  }
}

async function gridOf(path: string, data: Uint8Array): Promise<WorkbookGrid> {
  try {
    return await readXlsxGrid(data, INPUT_SHEETS);
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
  const catalog = catalogFor(args.options.get('catalog') ?? DEFAULT_CATALOG);
  writeBytes(target, await applyOrFail(target, null, questionnairePlan(catalog)));
  out.stdout(`Skrev frågeformuläret ${catalog.id} till ${target}`);
  return EXIT_OK;
}

/** Overlays the answers file on what the workbook already holds, question by question. */
function mergeAnswers(current: AnswerSet | undefined, incoming: AnswerSet): AnswerSet {
  return {
    catalog: incoming.catalog,
    organisation: { ...(current?.organisation ?? {}), ...(incoming.organisation ?? {}) },
    answers: { ...(current?.answers ?? {}), ...incoming.answers },
    validation: { ...(current?.validation ?? {}), ...(incoming.validation ?? {}) },
  };
}

/** `infosak fill --answers <a.json> <in.xlsx> -o <out.xlsx>` */
export async function fillCommand(args: ParsedArgs, out: Output): Promise<number> {
  const answersPath = args.options.get('answers');
  const input = args.positionals[0];
  if (!answersPath || !input) throw new UsageError('fill needs --answers <a.json> <in.xlsx> -o <out.xlsx>');
  const target = outputPath(args, input);
  if (!target) throw new UsageError('fill needs -o <out.xlsx> or --in-place');
  const incoming = readAnswersFile(answersPath);
  const catalog: Catalog = catalogFor(incoming.catalog);
  const data = readBytes(input);
  const grid = await gridOf(input, data);
  const read = readWorkbook(grid);
  if (read.kind === 'foreign') {
    const taken = QUESTIONNAIRE_SHEETS.filter((s) => grid.sheetNames.includes(s));
    if (taken.length) throw new FatalError(`${input}: ${describeIssue(read.issue)} Bladen ${taken.join(', ')} finns redan och skrivs inte över.`);
  } else if (read.catalog.id !== catalog.id) {
    throw new FatalError(`${input} använder katalogen ${read.catalog.id} men svarsfilen ${catalog.id}`);
  }
  const merged = mergeAnswers(read.kind === 'questionnaire' ? read.answers : undefined, incoming);
  writeBytes(target, await applyOrFail(input, data, questionnairePlan(catalog, merged)));
  out.stdout(`Fyllde i ${Object.keys(incoming.answers).length} svar i ${target}`);
  return EXIT_OK;
}

/** `infosak read <in.xlsx> [--json]` */
export async function readCommand(args: ParsedArgs, out: Output): Promise<number> {
  const input = args.positionals[0];
  if (!input) throw new UsageError('read needs a workbook: infosak read <in.xlsx>');
  const read = readWorkbook(await gridOf(input, readBytes(input)));
  if (read.kind === 'foreign') throw foreign(input, read.issue);
  const errors = read.issues.filter((i) => i.severity === 'error');
  const warnings = read.issues.filter((i) => i.severity === 'warning');
  if (args.flags.has('json')) {
    out.stdout(JSON.stringify({ ...read.answers, errors: errors.map(locatedJson), warnings: warnings.map(locatedJson) }, null, 2));
  } else {
    out.stdout(`${input}: ${Object.keys(read.answers.answers).length} besvarade frågor (${read.catalog.id})`);
    for (const i of read.issues) out.stdout(`  ${i.severity === 'error' ? 'Fel' : 'Varning'}: ${describeIssue(i)}`);
  }
  return errors.length ? EXIT_INPUT_ERRORS : EXIT_OK;
}

/** `infosak score <in.xlsx> [-o <out.xlsx> | --in-place] [--json]` */
export async function scoreWorkbook(input: string, args: ParsedArgs, out: Output): Promise<number> {
  const data = readBytes(input);
  const outcome = computeFromWorkbook(await gridOf(input, data), localToday());
  if (outcome.kind === 'refused') throw foreign(input, outcome.issue);
  const target = outputPath(args, input);
  if (target) writeBytes(target, await applyOrFail(input, data, outcome.plan));
  const errors = outcome.issues.filter((i) => i.severity === 'error');
  const warnings = outcome.issues.filter((i) => i.severity === 'warning');
  if (args.flags.has('json')) {
    const json = { ...resultJson(outcome.result), errors: errors.map(locatedJson), warnings: warnings.map(locatedJson), ...(target ? { written: target } : {}) };
    out.stdout(JSON.stringify(json, null, 2));
  } else {
    out.stdout(summaryText(outcome.catalog, { ...outcome.result, errors: [], warnings: [] }));
    for (const i of outcome.issues) out.stdout(`  ${i.severity === 'error' ? 'Fel' : 'Varning'}: ${describeIssue(i)}`);
    if (target) out.stdout(`\nResultatet skrevs till ${target}`);
  }
  return errors.length ? EXIT_INPUT_ERRORS : EXIT_OK;
}
