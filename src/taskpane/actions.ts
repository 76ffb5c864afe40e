/**
 * The task pane's use cases (model.ts) over an ExcelHost: inspect the workbook, insert the questionnaire,
 * compute and write the result. The only taskpane module besides index.tsx that imports the
 * Office.js adapter; components get these functions through props (STYLE 2).
 */
import { readGridOffice } from '../adapters/officejs/readGrid';
import { applyPlanOffice } from '../adapters/officejs/applyPlan';
import { DEFAULT_CATALOG, findCatalog } from '../core/catalog/registry';
import { progressOf } from '../core/scoring/progress';
import { computeFromWorkbook, localToday } from '../workbook/compute';
import { INPUT_SHEETS, QUESTIONNAIRE_SHEETS, RESULT_SHEETS } from '../workbook/layout';
import { questionnairePlan } from '../workbook/plan/questionnaire';
import type { WorkbookGrid } from '../workbook/plan/types';
import { findCatalogId, readWorkbook } from '../workbook/read';
import type { ExcelHost } from './host';
import { PaneError, type PaneActions, type Stage, type WorkbookState } from './model';

/** Sheet names are case-insensitive in Excel. */
function existing(sheetNames: readonly string[], wanted: readonly string[]): string[] {
  const have = new Set(sheetNames.map((n) => n.toLowerCase()));
  return wanted.filter((n) => have.has(n.toLowerCase()));
}

export function stateOf(grid: WorkbookGrid): WorkbookState {
  const sheetNames = grid.sheetNames;
  if (!findCatalogId(grid)) {
    const conflicting = existing(sheetNames, QUESTIONNAIRE_SHEETS);
    if (conflicting.length > 0) return { kind: 'conflict', sheetNames, conflicting };
    return { kind: 'empty', sheetNames, questions: findCatalog(DEFAULT_CATALOG)!.questions.length };
  }
  const read = readWorkbook(grid);
  if (read.kind === 'foreign') return { kind: 'foreign', sheetNames, issue: read.issue };
  return { kind: 'questionnaire', sheetNames, catalog: read.catalog, progress: progressOf(read.catalog, read.answers), issues: read.issues };
}

async function stage<T>(name: Stage, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw error instanceof PaneError ? error : new PaneError(name, error);
  }
}

/** Lets React paint the step text before a long synchronous computation. */
const nextFrame = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export function paneActions(host: ExcelHost): PaneActions {
  const readGrid = (): Promise<WorkbookGrid> => stage('read', () => host.run((ctx) => readGridOffice(ctx, INPUT_SHEETS)));

  return {
    mode: host.mode,

    inspect: async () => stateOf(await readGrid()),

    insertQuestionnaire: async () => {
      // Read first: the plan's sheet ops would clear same-named sheets, and a user's own "Start" is not ours.
      const before = stateOf(await readGrid());
      if (before.kind === 'questionnaire' || before.kind === 'foreign') return { kind: 'inserted', state: before };
      if (before.kind === 'conflict') return { kind: 'conflict', conflicting: before.conflicting };
      const plan = questionnairePlan(findCatalog(DEFAULT_CATALOG)!);
      await stage('insert', () => host.run((ctx) => applyPlanOffice(ctx, plan)));
      // Land the user on the first question; a failed selection is no failed insert.
      await host.select(QUESTIONNAIRE_SHEETS[0], 'A1').catch(() => undefined);
      return { kind: 'inserted', state: stateOf(await readGrid()) };
    },

    compute: async (onStep) => {
      onStep?.('reading');
      const grid = await readGrid();
      onStep?.('computing');
      await nextFrame();
      // Everything is computed before the first write, so a failure here leaves the workbook untouched.
      const outcome = await stage('compute', async () => computeFromWorkbook(grid, localToday()));
      // The pane shows a refused workbook like a foreign one: the issue says why, nothing was written.
      if (outcome.kind === 'refused') return { kind: 'foreign', issue: outcome.issue };
      onStep?.('writing');
      await stage('write', () => host.run((ctx) => applyPlanOffice(ctx, outcome.plan)));
      return {
        kind: 'computed',
        catalog: outcome.catalog,
        result: outcome.result,
        progress: progressOf(outcome.catalog, outcome.answers),
        issues: outcome.issues,
        written: RESULT_SHEETS,
      };
    },

    select: (sheet, cell) => stage('select', () => host.select(sheet, cell)),
  };
}
