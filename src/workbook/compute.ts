import type { AnswerSet } from '../core/answers/types';
import type { Catalog } from '../core/catalog/types';
import { feedbackFor } from '../core/feedback/feedback';
import { suggestActivities } from '../core/plans/activities';
import { indicateRegulation, type RegulationResult } from '../core/regulation/indication';
import { findRegulation } from '../core/regulation/registry';
import { score, type ScoreResult } from '../core/scoring/score';
import { RESULT_SHEETS, RESULT_TITLES, SHEETS } from './layout';
import { resultPlan } from './plan/results';
import type { SheetGrid, WorkbookGrid, WritePlan } from './plan/types';
import { readWorkbook, type LocatedIssue } from './read';

export interface Computed {
  readonly catalog: Catalog;
  readonly answers: AnswerSet;
  readonly result: ScoreResult;
  readonly regulation?: RegulationResult;
  readonly plan: WritePlan;
}

/** From an answer set to the result and the full write plan; nothing is written here. */
export function computeResult(catalog: Catalog, answers: AnswerSet, today: string, existingPlan?: SheetGrid): Computed {
  const result = score(catalog, answers);
  const spec = findRegulation(catalog.id);
  const regulation = spec ? indicateRegulation(catalog, result, spec) : undefined;
  const plan = resultPlan({
    catalog,
    result,
    feedback: feedbackFor(catalog, result),
    activities: suggestActivities(catalog, result, spec),
    regulation,
    existingPlan,
    today,
  });
  return { catalog, answers, result, regulation, plan };
}

/** 'refused': not a questionnaire of ours, or a result sheet's name is taken by a sheet of the user's. */
export type WorkbookOutcome =
  | { readonly kind: 'refused'; readonly issue: LocatedIssue }
  | (Computed & { readonly kind: 'computed'; readonly issues: readonly LocatedIssue[] });

/** The one-way flow: workbook grid → answers → result → write plan. */
export function computeFromWorkbook(grid: WorkbookGrid, today: string): WorkbookOutcome {
  const read = readWorkbook(grid);
  if (read.kind === 'foreign') return { kind: 'refused', issue: read.issue };
  const taken = takenResultSheet(grid);
  if (taken) return { kind: 'refused', issue: { severity: 'error', code: 'result-sheet-taken', sheet: taken, cell: 'A1', params: { sheet: taken } } };
  const computed = computeResult(read.catalog, read.answers, today, grid.sheets.get(SHEETS.actionPlan));
  return { kind: 'computed', ...computed, issues: read.issues };
}

/** The first result sheet that exists but is not the product's (A1 does not start with its title). */
export function takenResultSheet(grid: WorkbookGrid): string | undefined {
  return RESULT_SHEETS.find((name) => {
    const sheet = grid.sheets.get(name);
    if (!sheet) return false;
    const hasValues = sheet.values.some((row) => row.some((v) => v !== null && v !== ''));
    const a1 = sheet.values[0]?.[0];
    return hasValues && !(typeof a1 === 'string' && a1.startsWith(RESULT_TITLES[name]));
  });
}

/** Today's date in the local time zone, YYYY-MM-DD (Swedish users expect their own calendar day). */
export function localToday(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
