/**
 * `infosak snapshot` and `infosak compare` (issue 10): save the current measurement in the
 * workbook's Historik, and compare two measurements (answers files, workbooks, saved measurements).
 * The work is done by src/workbook/measurements.ts; this file reads and writes files and words.
 */
import { existsSync } from 'node:fs';
import { catalogIds } from '../../core/catalog/registry';
import { score } from '../../core/scoring/score';
import { describeIssue } from '../../i18n';
import { localToday } from '../../workbook/compute';
import { isIsoDate } from '../../workbook/history';
import { compareSides, comparisonSheetPlan, currentSide, savedSide, snapshotFromWorkbook, type MeasurementSide } from '../../workbook/measurements';
import type { WorkbookGrid } from '../../workbook/plan/types';
import type { LocatedIssue } from '../../workbook/read';
import { UsageError, type ParsedArgs } from '../args';
import { comparisonText, savedDatesText } from '../format/comparison';
import { catalogFor, EXIT_INPUT_ERRORS, EXIT_OK, FatalError, readAnswersFile } from '../io';
import type { Output } from '../main';
import { applyOrFail, gridOfWorkbook, readBytes, writeBytes } from './workbook';

const line = (i: LocatedIssue, prefix = '') => `  ${prefix}${i.severity === 'error' ? 'Fel' : 'Varning'}: ${describeIssue(i)}`;

/** `infosak snapshot <workbook.xlsx> (--in-place | -o out.xlsx) [--date YYYY-MM-DD]` */
export async function snapshotCommand(args: ParsedArgs, out: Output): Promise<number> {
  const input = args.positionals[0];
  if (!input) throw new UsageError('snapshot needs a workbook: infosak snapshot <in.xlsx> (--in-place | -o <out.xlsx>) [--date ÅÅÅÅ-MM-DD]');
  const target = args.flags.has('in-place') ? input : args.options.get('output');
  if (!target) throw new UsageError('snapshot needs -o <out.xlsx> or --in-place');
  const date = args.options.get('date') ?? localToday();
  if (!isIsoDate(date)) throw new FatalError(`Fel datum "${date}": skriv datumet som ÅÅÅÅ-MM-DD.`);
  const data = readBytes(input);
  const outcome = snapshotFromWorkbook(await gridOfWorkbook(input, data), date);
  if (outcome.kind === 'refused') throw new FatalError(`${input}: ${describeIssue(outcome.issue)}`);
  const written = await applyOrFail(input, data, outcome.plan);
  writeBytes(target, written.bytes);
  const r = outcome.result;
  out.stdout(
    `Sparade mätningen ${date} i Historik, rad ${outcome.row} (${outcome.replaced ? 'ersatte mätningen med samma datum' : 'ny rad'}), i ${target}: ` +
      `${r.level === 0 ? 'under nivå 1' : `nivå ${r.level}`}, ${r.totalPoints} poäng, ${r.measures.done} åtgärder. ` +
      `${outcome.trend.length} ${outcome.trend.length === 1 ? 'sparad mätning' : 'sparade mätningar'} i Trend.`,
  );
  for (const i of outcome.inputIssues) out.stdout(line(i));
  for (const i of outcome.historyIssues) out.stdout(line(i));
  for (const i of written.skipped) out.stdout(line(i));
  const errors = outcome.inputIssues.some((i) => i.severity === 'error');
  if (errors) out.stdout('  Frågor med fel sparades som obesvarade, så som de räknades.');
  return errors ? EXIT_INPUT_ERRORS : EXIT_OK;
}

interface LoadedSide {
  readonly side: MeasurementSide;
  /** "svar.json", "arbetsbok.xlsx (aktuella svar)", "arbetsbok.xlsx#2025-05-02". */
  readonly label: string;
  /** For the sheet: "sparad mätning 2025-05-02", "aktuella svar", "svar.json". */
  readonly sheetLabel: string;
  readonly workbook?: { readonly path: string; readonly data: Uint8Array; readonly grid: WorkbookGrid };
  /** Rows of Historik that were skipped while finding this side. */
  readonly historyIssues: readonly LocatedIssue[];
}

const isZip = (data: Uint8Array) => data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b;
const looksLikeWorkbook = (path: string, data: Uint8Array) => isZip(data) || /\.xls[xm]$/i.test(path);
const baseName = (path: string) => path.split(/[\\/]/).pop() ?? path;

/** `path`, `path#YYYY-MM-DD` (a saved measurement); a '#' that belongs to an existing file name stays. */
function parseSideSpec(spec: string): { path: string; date?: string } {
  const hash = spec.lastIndexOf('#');
  if (hash <= 0 || existsSync(spec)) return { path: spec };
  const date = spec.slice(hash + 1);
  if (!isIsoDate(date)) throw new FatalError(`${spec}: efter # ska datumet för en sparad mätning stå som ÅÅÅÅ-MM-DD.`);
  return { path: spec.slice(0, hash), date };
}

async function loadSide(spec: string): Promise<LoadedSide> {
  const { path, date } = parseSideSpec(spec);
  const data = readBytes(path);
  if (!looksLikeWorkbook(path, data)) {
    if (date) throw new FatalError(`${spec}: en sparad mätning finns bara i en arbetsbok (.xlsx), inte i ${path}.`);
    const set = readAnswersFile(path);
    const catalog = catalogFor(set.catalog);
    const result = score(catalog, set);
    const issues: LocatedIssue[] = [
      ...result.errors.map((e) => ({ ...e, severity: 'error' as const })),
      ...result.warnings.map((e) => ({ ...e, severity: 'warning' as const })),
    ];
    return { side: { catalog, answers: set, result, date: null, issues }, label: path, sheetLabel: baseName(path), historyIssues: [] };
  }
  const grid = await gridOfWorkbook(path, data);
  const workbook = { path, data, grid };
  if (!date) {
    const got = currentSide(grid);
    if (got.kind === 'refused') throw new FatalError(`${path}: ${describeIssue(got.issue)}`);
    if (got.kind === 'missing') throw new Error('unreachable: current answers are never missing');
    return { side: got.side, label: `${path} (aktuella svar)`, sheetLabel: `aktuella svar i ${baseName(path)}`, workbook, historyIssues: [] };
  }
  const got = savedSide(grid, date);
  if (got.kind === 'refused') throw new FatalError(`${spec}: ${describeIssue(got.issue)}`);
  if (got.kind === 'missing') {
    const skipped = got.issues.filter((i) => i.severity === 'error');
    const where = skipped.length ? ` ${skipped.length === 1 ? 'En rad' : `${skipped.length} rader`} i Historik kunde inte läsas (${[...new Set(skipped.map((i) => `${i.sheet}!${i.cell}`))].join(', ')}).` : '';
    const list = got.saved.length ? `Sparade mätningar: ${savedDatesText(got.saved, catalogIds)}.` : 'Arbetsboken har inga sparade mätningar (spara en med infosak snapshot).';
    throw new FatalError(`${path}: ingen sparad mätning ${date}. ${list}${where}`);
  }
  return { side: got.side, label: `${path}#${date}`, sheetLabel: `sparad mätning ${date}`, workbook, historyIssues: got.skipped ?? [] };
}

/** `infosak compare <earlier> <later> [--json] [-o out.xlsx]` */
export async function compareCommand(args: ParsedArgs, out: Output): Promise<number> {
  const [fromSpec, toSpec] = args.positionals;
  if (!fromSpec || !toSpec || args.positionals.length > 2) {
    throw new UsageError('compare needs two measurements: infosak compare <tidigare> <senare> [--json] [-o <ut.xlsx>] (svarsfil, arbetsbok eller arbetsbok.xlsx#ÅÅÅÅ-MM-DD)');
  }
  const from = await loadSide(fromSpec);
  const to = await loadSide(toSpec);
  const compared = compareSides(from.side, to.side);
  if (compared.kind === 'refused') throw new FatalError(describeIssue(compared.issue));
  if (compared.kind === 'mismatch') {
    throw new FatalError(`Mätningarna använder olika kataloger (${compared.from} i ${from.label}, ${compared.to} i ${to.label}) och kan inte jämföras fråga för fråga.`);
  }
  const comparison = compared.comparison;
  const target = args.options.get('output');
  let skipped: LocatedIssue[] = [];
  if (target) {
    // The comparison goes into the later side's workbook (or the earlier's); with two answers files, into a new one.
    const base = to.workbook ?? from.workbook;
    const planned = comparisonSheetPlan(
      base?.grid,
      to.side.catalog,
      comparison,
      { from: from.sheetLabel, to: to.sheetLabel, organisation: to.side.answers.organisation?.name ?? from.side.answers.organisation?.name },
      localToday(),
    );
    if (planned.kind === 'refused') throw new FatalError(`${base?.path ?? target}: ${describeIssue(planned.issue)}`);
    const written = await applyOrFail(base?.path ?? target, base?.data ?? null, planned.plan);
    writeBytes(target, written.bytes);
    skipped = written.skipped;
  }
  // Input errors of either side make exit 3; a skipped Historik row is said (with its cell) but was not compared.
  const errors = [...from.side.issues, ...to.side.issues].some((i) => i.severity === 'error');
  const sameWorkbook = from.workbook && to.workbook && from.workbook.path === to.workbook.path;
  const issues = [
    ...from.side.issues.map((i) => ({ i, side: 'tidigare' })),
    ...to.side.issues.map((i) => ({ i, side: 'senare' })),
    ...from.historyIssues.map((i) => ({ i, side: '' })),
    ...(sameWorkbook && from.historyIssues.length ? [] : to.historyIssues).map((i) => ({ i, side: '' })),
    ...skipped.map((i) => ({ i, side: '' })),
  ];
  if (args.flags.has('json')) {
    out.stdout(JSON.stringify(comparison, null, 2));
    // The JSON is the issue's contract; what went wrong on each side goes to stderr, one line each.
    for (const { i, side } of issues) out.stderr(line(i, side ? `(${side}) ` : '').trim());
  } else {
    out.stdout(comparisonText(to.side.catalog, comparison, { from: from.label, to: to.label }));
    if (issues.length) out.stdout('');
    for (const { i, side } of issues) out.stdout(line(i, side ? `(${side}) ` : ''));
    if (errors) out.stdout('  Frågor med fel räknas som obesvarade.');
    if (target) out.stdout(`\nJämförelsen skrevs till ${target} (bladet Jämförelse)`);
  }
  return errors ? EXIT_INPUT_ERRORS : EXIT_OK;
}
