import type { AnswerSet } from '../core/answers/types';
import type { Catalog } from '../core/catalog/types';
import { feedbackFor } from '../core/feedback/feedback';
import { suggestActivities } from '../core/plans/activities';
import { indicateRegulation, type RegulationResult } from '../core/regulation/indication';
import { findRegulation } from '../core/regulation/registry';
import { score, type ScoreResult } from '../core/scoring/score';
import { SHEETS } from './layout';
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

export type WorkbookOutcome =
  | { readonly kind: 'foreign'; readonly issue: LocatedIssue }
  | (Computed & { readonly kind: 'computed'; readonly issues: readonly LocatedIssue[] });

/** The one-way flow: workbook grid → answers → result → write plan. */
export function computeFromWorkbook(grid: WorkbookGrid, today: string): WorkbookOutcome {
  const read = readWorkbook(grid);
  if (read.kind === 'foreign') return read;
  const computed = computeResult(read.catalog, read.answers, today, grid.sheets.get(SHEETS.actionPlan));
  return { kind: 'computed', ...computed, issues: read.issues };
}

/** Today's date in the local time zone, YYYY-MM-DD (Swedish users expect their own calendar day). */
export function localToday(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
