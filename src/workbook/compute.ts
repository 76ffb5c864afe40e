import type { AnswerSet } from '../core/answers/types';
import type { Catalog } from '../core/catalog/types';
import { feedbackFor } from '../core/feedback/feedback';
import { suggestActivities } from '../core/plans/activities';
import { indicateRegulation, type RegulationResult } from '../core/regulation/indication';
import { findRegulation } from '../core/regulation/registry';
import { score, type ScoreResult } from '../core/scoring/score';
import { lastFilledRow } from './headers';
import { previousMeasurement } from './history';
import { RESULT_SHEETS, RESULT_TITLES, SHEETS } from './layout';
import { sincePreviousLine } from './plan/history';
import { resultPlan } from './plan/results';
import type { SheetGrid, WorkbookGrid, WritePlan } from './plan/types';
import { readWorkbook, type LocatedIssue } from './read';

export interface Computed {
  readonly catalog: Catalog;
  readonly answers: AnswerSet;
  readonly result: ScoreResult;
  readonly regulation?: RegulationResult;
  readonly plan: WritePlan;
  /** What writing the plan will do that the user should know (a plan date Excel cannot read, a Gantt with no room). */
  readonly planIssues: readonly LocatedIssue[];
}

/** From an answer set to the result and the full write plan; nothing is written here. */
export function computeResult(catalog: Catalog, answers: AnswerSet, today: string, existingPlan?: SheetGrid, history?: SheetGrid): Computed {
  const result = score(catalog, answers);
  // Issue 10: the summary says what changed since the last measurement saved before today.
  const previous = history ? previousMeasurement(history, catalog, today) : undefined;
  const spec = findRegulation(catalog.id);
  const regulation = spec ? indicateRegulation(catalog, result, spec) : undefined;
  const { plan, issues: planIssues } = resultPlan({
    catalog,
    result,
    feedback: feedbackFor(catalog, result),
    activities: suggestActivities(catalog, result, spec),
    regulation,
    existingPlan,
    today,
    sincePrevious: previous?.result ? sincePreviousLine({ date: previous.date, result: previous.result }, result) : undefined,
  });
  return { catalog, answers, result, regulation, plan, planIssues };
}

/** 'refused': not a questionnaire of ours, or a result sheet's name is taken by a sheet of the user's. */
export type WorkbookOutcome =
  | { readonly kind: 'refused'; readonly issue: LocatedIssue }
  | (Computed & { readonly kind: 'computed'; readonly issues: readonly LocatedIssue[] });

/** The one-way flow: workbook grid → answers → result → write plan. */
export function computeFromWorkbook(grid: WorkbookGrid, today: string): WorkbookOutcome {
  const read = readWorkbook(grid);
  if (read.kind === 'foreign') return { kind: 'refused', issue: read.issue };
  const owners = RESULT_SHEETS.map((name) => ({ name, owner: ownerOf(grid, name) }));
  const taken = owners.find((o) => o.owner.kind === 'theirs');
  if (taken && taken.owner.kind === 'theirs') {
    const sheet = taken.owner.sheet;
    return { kind: 'refused', issue: { severity: 'error', code: 'result-sheet-taken', sheet, cell: 'A1', params: { sheet, ours: taken.name } } };
  }
  const plan = owners.find((o) => o.name === SHEETS.actionPlan)!.owner.kind === 'ours' ? grid.sheets.get(SHEETS.actionPlan) : undefined;
  const history = ownerOf(grid, SHEETS.history).kind === 'ours' ? grid.sheets.get(SHEETS.history) : undefined;
  const computed = computeResult(read.catalog, read.answers, today, plan, history);
  return { kind: 'computed', ...computed, issues: [...read.issues, ...computed.planIssues, ...droppedObjects(grid, computed.plan)] };
}

export type Owner = { readonly kind: 'absent' } | { readonly kind: 'ours' | 'theirs'; readonly sheet: string };

/**
 * Whose the sheet called `name` (in any case, as Excel compares names) is. The product's own
 * carry its mark (OWNER_NAME); a sheet written before the mark existed is recognised by its exact
 * name and the exact title the product wrote in A1. Anything else is the user's and is never
 * renamed, replaced or deleted.
 */
export function ownerOf(grid: WorkbookGrid, name: string): Owner {
  const sheet = grid.sheetNames.find((n) => n.toLowerCase() === name.toLowerCase());
  if (sheet === undefined) return { kind: 'absent' };
  const mark = grid.owners?.get(sheet);
  if (mark !== undefined) return { kind: mark.toLowerCase() === name.toLowerCase() ? 'ours' : 'theirs', sheet };
  const content = grid.sheets.get(name);
  // An empty sheet (no values, no formulas, nothing drawn) loses nothing when the product takes it.
  const empty = content !== undefined && lastFilledRow(content) === 0 && !(grid.objects?.get(name)?.length);
  if (empty) return { kind: 'ours', sheet };
  const a1 = content?.values[0]?.[0];
  const title = RESULT_TITLES[name];
  const legacy = sheet === name && title !== undefined && typeof a1 === 'string' && (a1 === title || a1.startsWith(`${title} – `));
  return { kind: legacy ? 'ours' : 'theirs', sheet };
}

/** Charts, pictures and shapes a user put on a result sheet the plan replaces: said before writing, never dropped silently. */
function droppedObjects(grid: WorkbookGrid, plan: WritePlan): LocatedIssue[] {
  const replaced = new Set(plan.filter((op) => op.kind === 'sheet' && op.mode !== 'update').map((op) => op.sheet.toLowerCase()));
  const ours = new Set(plan.flatMap((op) => (op.kind === 'chart' ? [`${op.sheet.toLowerCase()}\u0000${op.name}`] : [])));
  const issues: LocatedIssue[] = [];
  for (const [requested, objects] of grid.objects ?? []) {
    if (!replaced.has(requested.toLowerCase())) continue;
    const sheet = grid.sheets.get(requested)?.name ?? requested;
    for (const object of objects) {
      if (object.kind === 'chart' && ours.has(`${requested.toLowerCase()}\u0000${object.name}`)) continue;
      issues.push({ severity: 'warning', code: 'user-object-dropped', sheet, params: { sheet, kind: object.kind, name: object.name } });
    }
  }
  return issues;
}

/** Today's date in the local time zone, YYYY-MM-DD (Swedish users expect their own calendar day). */
export function localToday(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
