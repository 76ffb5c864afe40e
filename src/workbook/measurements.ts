/**
 * Follow-up over time on a workbook (issue 10): save the current measurement, find a saved one,
 * compare two. Shared by the command line and the task pane; nothing here reads files or calls
 * Excel — it takes the grid the adapters read and returns plans and located issues.
 */
import type { AnswerSet } from '../core/answers/types';
import type { Catalog } from '../core/catalog/types';
import { compareMeasurements, type Comparison } from '../core/compare/compare';
import { score, type ScoreResult } from '../core/scoring/score';
import { ownerOf } from './compute';
import { isIsoDate, knownCatalogs, readHistory, type HistoryRead, type SavedMeasurement } from './history';
import { SHEETS } from './layout';
import { comparisonPlan } from './plan/comparison';
import { snapshotPlan, type TrendPoint } from './plan/history';
import { cellAddress } from './plan/address';
import type { WorkbookGrid, WritePlan } from './plan/types';
import { readWorkbook, type LocatedIssue } from './read';

/** The refusal when a sheet the product would write is a sheet of the user's (in any case). */
function taken(grid: WorkbookGrid, names: readonly string[]): LocatedIssue | undefined {
  for (const name of names) {
    const owner = ownerOf(grid, name);
    if (owner.kind === 'theirs') return { severity: 'error', code: 'product-sheet-taken', sheet: owner.sheet, cell: 'A1', params: { sheet: owner.sheet, ours: name } };
  }
  return undefined;
}

/** Historik as the product wrote it, read; undefined when there is none (or it is a sheet of the user's). */
export function historyOf(grid: WorkbookGrid, catalogs: readonly Catalog[] = knownCatalogs()): HistoryRead | undefined {
  if (ownerOf(grid, SHEETS.history).kind !== 'ours') return undefined;
  const sheet = grid.sheets.get(SHEETS.history);
  return sheet ? readHistory(sheet, catalogs) : undefined;
}

/** A measurement ready to compare: its answers, its score, and where it came from. */
export interface MeasurementSide {
  readonly catalog: Catalog;
  readonly answers: AnswerSet;
  readonly result: ScoreResult;
  /** The saved measurement's date; null for current answers. */
  readonly date: string | null;
  /** Input errors and warnings of this side, located where the answers are (a level sheet or Historik). */
  readonly issues: readonly LocatedIssue[];
}

export type SideOutcome =
  /** `skipped`: rows of Historik that did not read (each an error naming its cell); the others stay usable. */
  | { readonly kind: 'side'; readonly side: MeasurementSide; readonly skipped?: readonly LocatedIssue[] }
  /** Not a questionnaire, an unknown catalog, or the saved measurement of a catalog the product does not know. */
  | { readonly kind: 'refused'; readonly issue: LocatedIssue }
  /** No saved measurement of that date: the saved ones are listed. */
  | { readonly kind: 'missing'; readonly date: string; readonly saved: readonly SavedMeasurement[]; readonly issues: readonly LocatedIssue[] };

/** The workbook's current answers, scored. */
export function currentSide(grid: WorkbookGrid): SideOutcome {
  const read = readWorkbook(grid);
  if (read.kind === 'foreign') return { kind: 'refused', issue: read.issue };
  return { kind: 'side', side: { catalog: read.catalog, answers: read.answers, result: score(read.catalog, read.answers), date: null, issues: read.issues } };
}

/**
 * The measurement saved on `date`. Rows of Historik that do not read are reported (in `missing`
 * too, so the user sees why a date they expected is not there) and skipped.
 */
export function savedSide(grid: WorkbookGrid, date: string, catalogs: readonly Catalog[] = knownCatalogs()): SideOutcome {
  const history = historyOf(grid, catalogs);
  const found = history?.saved.find((m) => m.date === date);
  if (!history || !found) return { kind: 'missing', date, saved: history?.saved ?? [], issues: history?.issues ?? [] };
  const catalog = catalogs.find((c) => c.id === found.catalog);
  if (!catalog || !found.answers || !found.result) {
    return {
      kind: 'refused',
      issue: {
        severity: 'error',
        code: 'history-unknown-catalog',
        sheet: history.sheet,
        cell: cellAddress(found.row, history.header!.columns.get('catalog')!),
        params: { date, catalog: found.catalog, known: catalogs.map((c) => c.id).join(', ') },
      },
    };
  }
  // Input errors a hand-edited row makes (a and y ticked together) are placed on its answer cell.
  const column = (q: number | string) => history.header?.columns.get(`q:${q}`);
  // Evidence is not part of a saved measurement, so "säker without evidence" would be said of every säker answer.
  const warnings = found.result.warnings.filter((w) => w.code !== 'certain-without-evidence');
  const located = [...found.result.errors.map((e) => ({ e, severity: 'error' as const })), ...warnings.map((e) => ({ e, severity: 'warning' as const }))].map(
    ({ e, severity }): LocatedIssue => {
      const c = column(e.question);
      return {
        severity,
        code: e.code,
        question: e.question,
        option: e.option,
        params: e.params,
        sheet: history.sheet,
        ...(c !== undefined ? { cell: cellAddress(found.row, c) } : {}),
      };
    },
  );
  // A figure edited by hand on this row is worth saying where the side is used.
  const ofRow = history.issues.filter((i) => i.params?.row === found.row);
  const skipped = history.issues.filter((i) => i.severity === 'error');
  return { kind: 'side', side: { catalog, answers: found.answers, result: found.result, date, issues: [...located, ...ofRow] }, skipped };
}

export type SnapshotOutcome =
  | { readonly kind: 'refused'; readonly issue: LocatedIssue }
  | {
      readonly kind: 'planned';
      readonly plan: WritePlan;
      readonly catalog: Catalog;
      readonly result: ScoreResult;
      readonly date: string;
      readonly row: number;
      /** A measurement of the same date is replaced (the pane asks first). */
      readonly replaced: boolean;
      readonly trend: readonly TrendPoint[];
      /** The current answers' input errors and warnings (those questions are saved as unanswered). */
      readonly inputIssues: readonly LocatedIssue[];
      /** What reading Historik found: rows skipped, figures edited by hand. */
      readonly historyIssues: readonly LocatedIssue[];
    };

/** "Spara mätning": the current answers, scored, as a plan for Historik and Trend. */
export function snapshotFromWorkbook(grid: WorkbookGrid, date: string): SnapshotOutcome {
  if (!isIsoDate(date)) return { kind: 'refused', issue: { severity: 'error', code: 'bad-date', params: { value: date } } };
  const read = readWorkbook(grid);
  if (read.kind === 'foreign') return { kind: 'refused', issue: read.issue };
  const refusal = taken(grid, [SHEETS.history, SHEETS.trend]);
  if (refusal) return { kind: 'refused', issue: refusal };
  const existing = ownerOf(grid, SHEETS.history).kind === 'ours' ? grid.sheets.get(SHEETS.history) : undefined;
  const result = score(read.catalog, read.answers);
  const planned = snapshotPlan({ catalog: read.catalog, answers: read.answers, result, date, existing });
  if (planned.kind === 'refused') return planned;
  return {
    kind: 'planned',
    plan: planned.plan,
    catalog: read.catalog,
    result,
    date,
    row: planned.row,
    replaced: planned.replaced,
    trend: planned.trend,
    inputIssues: read.issues,
    historyIssues: planned.issues,
  };
}

export type CompareOutcome =
  | { readonly kind: 'refused'; readonly issue: LocatedIssue }
  | { readonly kind: 'mismatch'; readonly from: string; readonly to: string }
  | { readonly kind: 'compared'; readonly comparison: Comparison };

/** Two sides of one catalog compared (MODEL.md "Change over time"); different catalogs are not. */
export function compareSides(earlier: MeasurementSide, later: MeasurementSide): CompareOutcome {
  if (earlier.catalog.id !== later.catalog.id) return { kind: 'mismatch', from: earlier.catalog.id, to: later.catalog.id };
  return { kind: 'compared', comparison: compareMeasurements({ result: earlier.result, date: earlier.date }, { result: later.result, date: later.date }) };
}

/**
 * The Jämförelse sheet for a workbook, refused when a sheet of the user's has its name. `labels`
 * name the sides for people ("sparad mätning 2025-05-02", "aktuella svar").
 */
export function comparisonSheetPlan(
  grid: WorkbookGrid | undefined,
  catalog: Catalog,
  comparison: Comparison,
  labels: { readonly from: string; readonly to: string; readonly organisation?: string },
  today: string,
): { readonly kind: 'refused'; readonly issue: LocatedIssue } | { readonly kind: 'planned'; readonly plan: WritePlan } {
  const refusal = grid ? taken(grid, [SHEETS.comparison]) : undefined;
  if (refusal) return { kind: 'refused', issue: refusal };
  return { kind: 'planned', plan: comparisonPlan({ catalog, comparison, fromLabel: labels.from, toLabel: labels.to, organisation: labels.organisation, today }) };
}
