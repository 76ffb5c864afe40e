/**
 * The task pane's use cases (model.ts) over an ExcelHost: inspect the workbook, insert the questionnaire,
 * compute and write the result. The only taskpane module besides index.tsx that imports the
 * Office.js adapter; components get these functions through props (STYLE 2).
 *
 * Insert and compute are each one Excel.run (issue 9): load everything, decide, check, write. What
 * a co-author types meanwhile is not overwritten with an older read, and nothing is written before
 * everything that can refuse the write has been checked.
 */
import { type LoadedWorkbook, loadWorkbook } from '../adapters/officejs/loadWorkbook';
import { CATALOG_MODELS, findAnyCatalog } from '../core/catalog/models';
import { DEFAULT_CATALOG, catalogIds, catalogSummaries, loadCatalogs } from '../core/catalog/registry';
import { progressOf } from '../core/scoring/progress';
import { stammerProgressOf } from '../core/stammer/progress';
import { stammerCatalogIds } from '../core/stammer/registry';
import { GOAL_SHEETS, QUESTIONNAIRE_SHEETS, RESULT_SHEETS } from '../workbook/layout';
import { allInputSheets, questionnaireSheetsOf, readAnyWorkbook } from '../workbook/models';
import { resultSheets as stammerResultSheets } from '../workbook/stammer/layout';
import type { WorkbookGrid, WritePlan } from '../workbook/plan/types';
import { findCatalogId, readWorkbook, type LocatedIssue } from '../workbook/read';
import { downloadFile, exportFileOf } from './exportFile';
import type { ExcelHost } from './host';
import { PaneError, type CatalogChoice, type ComputeOutcome, type InsertOutcome, type PaneActions, type Stage, type WorkbookState } from './model';

/** Mål (made once) and Målgraf, when this plan writes them (issue 13): named with the result sheets. */
const writtenGoalSheets = (plan: WritePlan): string[] => GOAL_SHEETS.filter((name) => plan.some((op) => op.kind === 'sheet' && op.sheet === name));

/** The issue code of a chart, picture or shape of the user's that the write would drop (src/workbook). */
export const USER_OBJECT_DROPPED = 'user-object-dropped';
/** The issue code of a "Säker kräver underlag" value that is neither Ja nor Nej (src/workbook/settings.ts). */
const BAD_EVIDENCE_SETTING = 'bad-evidence-setting';

/** Sheet names are case-insensitive in Excel. */
function existing(sheetNames: readonly string[], wanted: readonly string[]): string[] {
  const have = new Set(sheetNames.map((n) => n.toLowerCase()));
  return wanted.filter((n) => have.has(n.toLowerCase()));
}

/**
 * Every catalog of every model the product has, the default first (issue 12: "Infoga frågeformulär"
 * picks one), from the registry's summaries: the pane loads no catalog before one is chosen (issue 14).
 */
export function catalogChoices(): CatalogChoice[] {
  const first = catalogSummaries.filter((c) => c.id === DEFAULT_CATALOG);
  return [...first, ...catalogSummaries.filter((c) => c.id !== DEFAULT_CATALOG)].map(({ id, name, model, items, areas }) => ({ id, name, model, items, areas }));
}

export function stateOf(grid: WorkbookGrid): WorkbookState {
  const sheetNames = grid.sheetNames;
  if (!findCatalogId(grid)) {
    const conflicting = existing(sheetNames, QUESTIONNAIRE_SHEETS);
    if (conflicting.length > 0) return { kind: 'conflict', sheetNames, conflicting };
    const choices = catalogChoices();
    return { kind: 'empty', sheetNames, questions: choices.find((c) => c.id === DEFAULT_CATALOG)!.items, catalogs: choices };
  }
  const read = readAnyWorkbook(grid);
  if (read.kind === 'foreign') return { kind: 'foreign', sheetNames, issue: read.issue };
  if (read.model === 'stammer-mean-v1') {
    return { kind: 'questionnaire', model: read.model, sheetNames, catalog: read.catalog, progress: stammerProgressOf(read.catalog, read.answers), issues: read.issues };
  }
  return { kind: 'questionnaire', model: read.model, sheetNames, catalog: read.catalog, progress: progressOf(read.catalog, read.answers), issues: read.issues };
}

/**
 * What writes (the computation, the write plans, the Office.js writer) is a chunk of its own (issue
 * 14): opening the pane and showing the progress need none of it. The browser prefetches it when
 * idle once the pane has loaded; a use case awaits it only right before it computes or writes.
 */
const writer = () =>
  Promise.all([
    import(/* webpackChunkName: "write", webpackPrefetch: true */ '../workbook/compute'),
    import(/* webpackChunkName: "write" */ '../workbook/models'),
    import(/* webpackChunkName: "write" */ '../adapters/officejs/applyPlan'),
    import(/* webpackChunkName: "write" */ '../workbook/computeTarget'),
    import(/* webpackChunkName: "write" */ '../workbook/targetRequest'),
    import(/* webpackChunkName: "write" */ '../workbook/benchmark'),
    import(/* webpackChunkName: "write" */ '../workbook/settings'),
  ]).then(([{ computeFromWorkbook, localToday }, { questionnairePlanOf }, { WriteRefusedError, applyPlanOffice }, { computeFromWorkbookWithTarget }, { targetRequestFor }, { workbookTarget }, { evidenceSettingPlan }]) => ({
    evidenceSettingPlan,
    computeFromWorkbook,
    computeFromWorkbookWithTarget,
    targetRequestFor,
    workbookTarget,
    localToday,
    questionnairePlanOf,
    WriteRefusedError,
    applyPlanOffice,
  }));

/** Starts fetching the writer; a failed fetch surfaces where it is awaited, as a failure of that stage. */
function startWriter(): ReturnType<typeof writer> {
  const pending = writer();
  pending.catch(() => undefined);
  return pending;
}

/** Lets React paint the step text before a long synchronous computation. */
const nextFrame = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Identifies a dropped object across two runs (what the user confirmed). */
const droppedKey = (issue: LocatedIssue): string => JSON.stringify([issue.sheet ?? '', issue.cell ?? '', issue.params ?? {}]);

/**
 * One Excel.run; a failure becomes a PaneError of the stage it happened in. `stage.current` is
 * moved on by the batch as it goes.
 */
async function runStaged<T>(host: ExcelHost, first: Stage, batch: (context: Excel.RequestContext, stage: { current: Stage }) => Promise<T>): Promise<T> {
  const stage = { current: first };
  try {
    return await host.run((context) => batch(context, stage));
  } catch (error) {
    throw error instanceof PaneError ? error : new PaneError(stage.current, error);
  }
}

/**
 * The catalogs a workbook needs before it is read (the pane fetches each catalog's chunk once, issue
 * 14): its own; none for a workbook without a questionnaire (the picker shows the registry's
 * summaries, and inserting loads the one chosen). A compute needs every leveled catalog too, since a
 * saved measurement in Historik may be of any edition.
 */
const catalogsToRead = (grid: WorkbookGrid): readonly string[] => {
  const id = findCatalogId(grid);
  return id ? [id] : [];
};
const catalogsToCompute = (grid: WorkbookGrid): string[] => [...catalogsToRead(grid), ...catalogIds];

export function paneActions(host: ExcelHost): PaneActions {
  // The sheet names of the last read: with them, the next load is a single round trip.
  let knownSheets: readonly string[] | undefined;
  const load = async (context: Excel.RequestContext, catalogs: (grid: WorkbookGrid) => readonly string[] = catalogsToRead): Promise<LoadedWorkbook> => {
    // allInputSheets() names the area sheets of every catalog of statements, so those (small) catalogs come first.
    await loadCatalogs(stammerCatalogIds);
    const loaded = await loadWorkbook(context, allInputSheets(), { expectSheets: knownSheets });
    knownSheets = loaded.grid.sheetNames;
    // No round trip: the catalog's script, on the pane's own server (nothing at all after the first time).
    await loadCatalogs(catalogs(loaded.grid));
    return loaded;
  };
  const readState = (): Promise<WorkbookState> => runStaged(host, 'read', async (context) => stateOf((await load(context)).grid));

  return {
    mode: host.mode,

    inspect: readState,

    insertQuestionnaire: async (catalogId = DEFAULT_CATALOG) => {
      const writing = startWriter();
      let firstSheet = QUESTIONNAIRE_SHEETS[0];
      const outcome = await runStaged<InsertOutcome | null>(host, 'read', async (context, stage) => {
        const loaded = await load(context);
        await loadCatalogs([catalogId]);
        const catalog = findAnyCatalog(catalogId);
        if (!catalog) throw new Error(`Unknown catalog ${catalogId}`);
        // The plan's sheet ops would clear same-named sheets, and a user's own "Start" is not ours.
        const before = stateOf(loaded.grid);
        if (before.kind === 'questionnaire' || before.kind === 'foreign') return { kind: 'inserted', state: before };
        if (before.kind === 'conflict') return { kind: 'conflict', conflicting: before.conflicting };
        const conflicting = existing(loaded.grid.sheetNames, questionnaireSheetsOf(catalog));
        if (conflicting.length > 0) return { kind: 'conflict', conflicting };
        firstSheet = questionnaireSheetsOf(catalog)[0];
        stage.current = 'insert';
        const { WriteRefusedError, applyPlanOffice, questionnairePlanOf } = await writing;
        try {
          knownSheets = (await applyPlanOffice(context, questionnairePlanOf(catalog), loaded)).sheetNames;
        } catch (error) {
          if (error instanceof WriteRefusedError) return { kind: 'blocked', refusal: error.refusal };
          throw error;
        }
        return null;
      });
      if (outcome) return outcome;
      // Land the user on the first question; a failed selection is no failed insert.
      await host.select(firstSheet, 'A1').catch(() => undefined);
      return { kind: 'inserted', state: await readState() };
    },

    compute: (onStep, options = {}) => {
      const writing = startWriter();
      return runStaged<ComputeOutcome>(host, 'read', async (context, stage) => {
        onStep?.('reading');
        const loaded = await load(context, catalogsToCompute);
        stage.current = 'compute';
        onStep?.('computing');
        const { WriteRefusedError, applyPlanOffice, computeFromWorkbook, computeFromWorkbookWithTarget, targetRequestFor, workbookTarget, localToday, evidenceSettingPlan } = await writing;
        await nextFrame();
        // Issue 13: the switch's choice, when the user just made one; else the workbook's own setting.
        const evidence = options.strictEvidence === undefined ? {} : { strictEvidence: options.strictEvidence };
        // Everything is computed before the first write, so a failure here leaves the workbook untouched.
        let outcome = computeFromWorkbook(loaded.grid, localToday(), CATALOG_MODELS, evidence);
        // The target the user chose (remembered on Nästa nivå) holds on every recompute, as in the CLI.
        const remembered = outcome.kind === 'computed' && outcome.model !== 'stammer-mean-v1' ? workbookTarget(loaded.grid) : undefined;
        if (remembered) {
          outcome = computeFromWorkbookWithTarget(loaded.grid, localToday(), (catalog) => {
            const request = targetRequestFor(remembered, catalog, undefined, loaded.grid);
            return request.kind === 'ok' ? request.request : undefined;
          }, evidence);
        }
        // The pane shows a refused workbook like a foreign one: the issue says why, nothing was written.
        if (outcome.kind === 'refused') return { kind: 'foreign', issue: outcome.issue };
        const allowed = new Set((options.allowDropped ?? []).map(droppedKey));
        const dropped = outcome.issues.filter((issue) => issue.code === USER_OBJECT_DROPPED);
        if (dropped.some((issue) => !allowed.has(droppedKey(issue)))) return { kind: 'confirm', dropped };
        stage.current = 'write';
        onStep?.('writing');
        // The switch's choice goes into Start in the same write as the result computed with it.
        const setting = options.strictEvidence !== undefined && outcome.model !== 'stammer-mean-v1' ? evidenceSettingPlan(loaded.grid, options.strictEvidence) : [];
        try {
          knownSheets = (await applyPlanOffice(context, [...setting, ...outcome.plan], loaded)).sheetNames;
        } catch (error) {
          if (error instanceof WriteRefusedError) return { kind: 'blocked', refusal: error.refusal };
          throw error;
        }
        // A value that was neither Ja nor Nej has just been replaced: its warning no longer holds.
        const issues = setting.length ? outcome.issues.filter((i) => i.code !== BAD_EVIDENCE_SETTING) : outcome.issues;
        const common = { kind: 'computed', answers: outcome.answers, issues } as const;
        switch (outcome.model) {
          case 'stammer-mean-v1':
            return { ...common, model: outcome.model, catalog: outcome.catalog, result: outcome.result, progress: stammerProgressOf(outcome.catalog, outcome.answers), written: stammerResultSheets(outcome.catalog) };
          default:
            return { ...common, model: outcome.model, catalog: outcome.catalog, result: outcome.result, evidence: outcome.evidence, actionPlan: outcome.actionPlan, goalGraph: outcome.goalGraph, progress: progressOf(outcome.catalog, outcome.answers), written: [...RESULT_SHEETS, ...writtenGoalSheets(outcome.plan)] };
        }
      });
    },

    exportResult: async (computed, format) => {
      const { localToday } = await import(/* webpackChunkName: "write" */ '../workbook/compute');
      const file = await exportFileOf(computed, format, localToday());
      downloadFile(file);
      return file.name;
    },

    select: async (sheet, cell) => {
      try {
        await host.select(sheet, cell);
      } catch (error) {
        throw new PaneError('select', error);
      }
    },
  };
}
