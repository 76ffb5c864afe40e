import type { AnswerSet } from '../core/answers/types';
import { findAnyCatalog, type CatalogModel } from '../core/catalog/models';
import { LEVELED_MODEL, type Catalog } from '../core/catalog/types';
import { feedbackFor } from '../core/feedback/feedback';
import { suggestActivities } from '../core/plans/activities';
import { indicateRegulation, type RegulationResult } from '../core/regulation/indication';
import { findRegulation } from '../core/regulation/registry';
import type { ScoreResult } from '../core/scoring/score';
import { scoreWithEvidenceRule, type EvidenceRule } from '../core/answers/strictEvidence';
import { targetPath, type TargetPath } from '../core/targets/target';
import { previousMeasurement } from './history';
import { RESULT_SHEETS, SHEETS } from './layout';
import { goalsForComputation } from './goalsPlan';
import { ownerOf } from './ownership';
import { sincePreviousLine } from './plan/history';
import { readPlanRows, type PathCostSummary } from './plan/planRows';
import { resultPlan } from './plan/results';
import type { TargetRequest } from './plan/targetSheet';
import type { SheetGrid, WorkbookGrid, WritePlan } from './plan/types';
import { findCatalogId, modelUnsupported, readWorkbook, type LocatedIssue } from './read';
import { readEvidenceSetting } from './settings';
import { resultSheets as stammerResultSheets } from './stammer/layout';
import { readStammerWorkbook } from './stammer/read';
import { computeStammerResult, type StammerComputed } from './stammer/results';
import type { StammerCatalog } from '../core/stammer/types';
import type { GoalGraph } from '../core/goals/graph';

export { ownerOf, type Owner } from './ownership';

export interface Computed {
  readonly model: typeof LEVELED_MODEL;
  readonly catalog: Catalog;
  readonly answers: AnswerSet;
  readonly result: ScoreResult;
  /** "Säker kräver underlag" (issue 13): whether it was on, and the säker answers without underlag it affects (or would). */
  readonly evidence: EvidenceRule;
  readonly regulation?: RegulationResult;
  readonly plan: WritePlan;
  /** What writing the plan will do that the user should know (a plan date Excel cannot read, a Gantt with no room). */
  readonly planIssues: readonly LocatedIssue[];
  /** The path to the chosen target, when one was given. */
  readonly target?: TargetPath;
  /** What the activities on the path to the next level (or the target) are estimated to cost (issue 13). */
  readonly actionPlan?: PathCostSummary;
  /** The chain strategic → short-term → annual goal → activity with its gaps (issue 13); only from a workbook. */
  readonly goalGraph?: GoalGraph;
}

/** Choices beyond the answers: a target (issue 11) that Nästa nivå and Handlingsplan follow instead of the next level. */
export interface ComputeOptions {
  readonly target?: TargetRequest;
  /** Issue 13: score säker answers without underlag as osäker; undefined = as the workbook says (Start), else off. */
  readonly strictEvidence?: boolean;
  /** The workbook computed (issue 13): its Mål sheet feeds the målgraf, and is made when missing. */
  readonly workbook?: WorkbookGrid;
}

/** From an answer set to the result and the full write plan; nothing is written here. */
export function computeResult(catalog: Catalog, answers: AnswerSet, today: string, existingPlan?: SheetGrid, history?: SheetGrid, options: ComputeOptions = {}): Computed {
  const { result, evidence } = scoreWithEvidenceRule(catalog, answers, options.strictEvidence ?? false);
  // Issue 10: the summary says what changed since the last measurement saved before today.
  const previous = history ? previousMeasurement(history, catalog, today) : undefined;
  const spec = findRegulation(catalog.id);
  const regulation = spec ? indicateRegulation(catalog, result, spec) : undefined;
  const request = options.target;
  const target = request ? { ...request, path: targetPath(catalog, result, request.spec, spec) } : undefined;
  const activities = suggestActivities(catalog, result, spec, target?.path);
  const planRows = existingPlan ? readPlanRows(existingPlan) : undefined;
  const goals = options.workbook ? goalsForComputation(options.workbook, planRows, activities, today) : undefined;
  const { plan: results, issues, cost } = resultPlan({
    catalog,
    result,
    evidence,
    feedback: feedbackFor(catalog, result),
    activities,
    target,
    regulation,
    existingPlan,
    ...(planRows ? { planRows } : {}),
    today,
    sincePrevious: previous?.result ? sincePreviousLine({ date: previous.date, result: previous.result }, result) : undefined,
    ...(goals?.annualGoals ? { annualGoals: goals.annualGoals } : {}),
  });
  // Mål before the results: a new Handlingsplan's drop-down points at it, so it must exist first.
  const plan = goals ? [...goals.goalsSheet, ...results, ...goals.graphSheet] : results;
  const planIssues = [...issues, ...(goals?.issues ?? [])];
  return {
    model: LEVELED_MODEL,
    catalog,
    answers,
    result,
    evidence,
    regulation,
    plan,
    planIssues,
    ...(target ? { target: target.path } : {}),
    ...(cost ? { actionPlan: cost } : {}),
    ...(goals ? { goalGraph: goals.graph } : {}),
  };
}

type Refused = { readonly kind: 'refused'; readonly issue: LocatedIssue };
type Located<C> = C & { readonly kind: 'computed'; readonly issues: readonly LocatedIssue[] };

/** 'refused': not a questionnaire of ours, or a result sheet's name is taken by a sheet of the user's. */
export type WorkbookOutcome = Refused | Located<Computed>;
/** The outcome for a workbook of any model (issue 12): `model` says which result it carries. */
export type AnyWorkbookOutcome = Refused | Located<Computed> | Located<StammerComputed>;
export type OutcomeOf<M extends CatalogModel> = Refused | Extract<Located<Computed> | Located<StammerComputed>, { readonly model: M }>;

/**
 * The one-way flow: workbook grid → answers → result → write plan, for the model the workbook's
 * catalog names. `models` are the models the caller can present: a workbook of another model is
 * refused with one clear line (the default, Infosäkkollen's model only, is what callers written
 * before issue 12 expect; pass CATALOG_MODELS to take every model).
 */
export function computeFromWorkbook<M extends CatalogModel = typeof LEVELED_MODEL>(
  grid: WorkbookGrid,
  today: string,
  models: readonly M[] = [LEVELED_MODEL] as unknown as readonly M[],
  options: ComputeOptions = {},
): OutcomeOf<M> {
  const id = findCatalogId(grid);
  const catalog = id === undefined ? undefined : findAnyCatalog(id);
  if (catalog && !(models as readonly CatalogModel[]).includes(catalog.model)) return { kind: 'refused', issue: modelUnsupported(catalog) };
  // The one switch on the model in this layer's flow; an unknown catalog is refused by the reader.
  switch (catalog?.model) {
    case 'stammer-mean-v1':
      return computeStammerFromWorkbook(catalog, grid, today) as OutcomeOf<M>;
    default:
      return computeLeveledFromWorkbook(grid, today, options) as OutcomeOf<M>;
  }
}

/** The refusal when a result sheet's name is taken by a sheet of the user's (in any case). */
function takenBy(grid: WorkbookGrid, names: readonly string[]): Refused | undefined {
  for (const name of names) {
    const owner = ownerOf(grid, name);
    if (owner.kind === 'theirs') return { kind: 'refused', issue: { severity: 'error', code: 'result-sheet-taken', sheet: owner.sheet, cell: 'A1', params: { sheet: owner.sheet, ours: name } } };
  }
  return undefined;
}

function computeLeveledFromWorkbook(grid: WorkbookGrid, today: string, options: ComputeOptions): WorkbookOutcome {
  const read = readWorkbook(grid);
  if (read.kind === 'foreign') return { kind: 'refused', issue: read.issue };
  const taken = takenBy(grid, RESULT_SHEETS);
  if (taken) return taken;
  const plan = ownerOf(grid, SHEETS.actionPlan).kind === 'ours' ? grid.sheets.get(SHEETS.actionPlan) : undefined;
  const history = ownerOf(grid, SHEETS.history).kind === 'ours' ? grid.sheets.get(SHEETS.history) : undefined;
  // Issue 13: the option as the workbook keeps it on Start, unless the caller decides (the CLI's --strict-evidence).
  const setting = readEvidenceSetting(grid);
  const computed = computeResult(read.catalog, read.answers, today, plan, history, { ...options, strictEvidence: options.strictEvidence ?? setting.strict, workbook: grid });
  return { kind: 'computed', ...computed, issues: [...read.issues, ...setting.issues, ...computed.planIssues, ...droppedObjects(grid, computed.plan)] };
}

function computeStammerFromWorkbook(catalog: StammerCatalog, grid: WorkbookGrid, today: string): Refused | Located<StammerComputed> {
  const read = readStammerWorkbook(catalog, grid);
  if (read.kind === 'foreign') return { kind: 'refused', issue: read.issue };
  const taken = takenBy(grid, stammerResultSheets(catalog));
  if (taken) return taken;
  const plan = ownerOf(grid, SHEETS.actionPlan).kind === 'ours' ? grid.sheets.get(SHEETS.actionPlan) : undefined;
  const computed = computeStammerResult(catalog, read.answers, today, { existingPlan: plan, issues: read.issues });
  return { kind: 'computed', ...computed, issues: [...read.issues, ...computed.planIssues, ...droppedObjects(grid, computed.plan)] };
}

/** Charts, pictures and shapes a user put on a result sheet the plan replaces: said before writing, never dropped silently. */
function droppedObjects(grid: WorkbookGrid, plan: WritePlan): LocatedIssue[] {
  const replaced = new Set(plan.filter((op) => op.kind === 'sheet' && op.mode !== 'update').map((op) => op.sheet.toLowerCase()));
  const ours = new Set(plan.flatMap((op) => (op.kind === 'chart' ? [`${op.sheet.toLowerCase()}\u0000${op.name}`] : [])));
  const issues: LocatedIssue[] = [];
  for (const [requested, objects] of grid.objects ?? []) {
    if (!replaced.has(requested.toLowerCase())) continue;
    // A sheet whose cells the reader skipped (readXlsxGrid's skipMarked) is named as ownerOf finds it.
    const owner = ownerOf(grid, requested);
    const sheet = grid.sheets.get(requested)?.name ?? (owner.kind === 'absent' ? requested : owner.sheet);
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
