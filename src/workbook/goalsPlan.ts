/**
 * The goals in a computation (issue 13): Mål is made once (with the questionnaire, or on the first
 * computation of a workbook that has none) and is the user's from then on, never written again;
 * Målgraf is the product's view of the chain strategic → short-term → annual → activity, rewritten
 * on every computation from Mål and Handlingsplan's "Årliga mål".
 */
import { goalGraph, type GoalGraph } from '../core/goals/graph';
import { NO_GOALS, type GraphActivity } from '../core/goals/types';
import type { PlanActivity } from './plan/actionPlan';
import { ownerOf } from './ownership';
import { GOAL_GRAPH_SHEET, GOALS_SHEET, newBlockRows } from './goals/layout';
import { toGraphActivities } from './goals/activities';
import { readGoals } from './goals/read';
import { PLAN_HEADER_ROW } from './layout';
import { goalGraphSheet } from './plan/goalGraphSheet';
import { newGoalsSheet } from './plan/goalsSheet';
import type { PlanRows } from './plan/planRows';
import type { LocatedIssue } from './read';
import type { RangeRef, WorkbookGrid, WriteOp } from './plan/types';

export interface GoalsOutcome {
  /** A new Mål, when the workbook has none. */
  readonly goalsSheet: readonly WriteOp[];
  /** The Målgraf, unless a sheet of the user's has its name. */
  readonly graphSheet: readonly WriteOp[];
  readonly issues: readonly LocatedIssue[];
  readonly graph: GoalGraph;
  /** The annual goals' Id cells on Mål: the drop-down of a new Handlingsplan's "Årliga mål". */
  readonly annualGoals?: RangeRef;
}

/** The annual-goal Id cells of a Mål sheet as this plan makes it. */
function newAnnualIds(): RangeRef {
  const rows = newBlockRows().annual;
  return { sheet: GOALS_SHEET, range: `A${rows.first}:A${rows.last}` };
}

/**
 * `plan`: the user's Handlingsplan as read (readPlanRows), or undefined when this computation makes
 * a new one from `activities` (then no activity has a goal yet).
 */
export function goalsForComputation(grid: WorkbookGrid, plan: PlanRows | undefined, activities: readonly PlanActivity[], today: string): GoalsOutcome {
  const goalsSheet: WriteOp[] = [];
  const graphSheet: WriteOp[] = [];
  const issues: LocatedIssue[] = [];
  let goals = NO_GOALS;
  let annualGoals: RangeRef | undefined;
  const goalsOwner = ownerOf(grid, GOALS_SHEET);
  if (goalsOwner.kind === 'absent') {
    goalsSheet.push(...newGoalsSheet(today));
    annualGoals = newAnnualIds();
  } else if (goalsOwner.kind === 'ours') {
    // Ours but not read (a caller that asked for other sheets): no goals, and nothing written.
    const sheet = grid.sheets.get(GOALS_SHEET);
    const read = sheet ? readGoals(sheet) : { goals: NO_GOALS, idRanges: {}, issues: [] };
    goals = read.goals;
    issues.push(...read.issues);
    if (read.idRanges.annual) annualGoals = { sheet: goalsOwner.sheet, range: read.idRanges.annual };
  } else {
    // A sheet of the user's called "mål": theirs, never read as ours nor written.
    issues.push({ severity: 'warning', code: 'goals-sheet-theirs', sheet: goalsOwner.sheet, params: { sheet: goalsOwner.sheet, ours: GOALS_SHEET } });
  }
  const mapped: GraphActivity[] = plan
    ? toGraphActivities(plan.rows)
    : activities.map((a, i) => ({ row: PLAN_HEADER_ROW + 1 + i, id: a.id, name: a.name, goals: [], status: 'Ej påbörjad' }));
  const graph = goalGraph(goals, mapped);
  const graphOwner = ownerOf(grid, GOAL_GRAPH_SHEET);
  if (graphOwner.kind === 'theirs') {
    // MCF's guidance has its own "Utforma målgraf" tool: a user's sheet of that name is kept.
    issues.push({ severity: 'warning', code: 'goal-graph-sheet-theirs', sheet: graphOwner.sheet, params: { sheet: graphOwner.sheet, ours: GOAL_GRAPH_SHEET } });
  } else {
    graphSheet.push(...goalGraphSheet(graph, today));
  }
  return { goalsSheet, graphSheet, issues, graph, ...(annualGoals ? { annualGoals } : {}) };
}
