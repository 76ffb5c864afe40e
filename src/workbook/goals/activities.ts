/**
 * The action plan's activities as the målgraf needs them (issue 13): each Handlingsplan row with an
 * id or a name, and the annual goal ids its "Årliga mål" cell names. Read by the plan's header
 * texts, as the plan's own update does, so the user's moved columns are followed.
 */
import type { GraphActivity } from '../../core/goals/types';
import { readPlanRows, type PlanRow } from '../plan/planRows';
import type { SheetGrid } from '../plan/types';

/** Plan rows as read once by readPlanRows (which also sums their costs), as the målgraf's activities. */
export function toGraphActivities(rows: readonly PlanRow[]): GraphActivity[] {
  return rows.map((r) => ({ row: r.row, id: r.id, name: r.name, goals: r.goals, ...(r.status ? { status: r.status } : {}) }));
}

/** Activities in row order; none when the plan's header row cannot be found. */
export function graphActivities(plan: SheetGrid): GraphActivity[] {
  return toGraphActivities(readPlanRows(plan)?.rows ?? []);
}
