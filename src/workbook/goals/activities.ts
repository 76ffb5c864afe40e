/**
 * The action plan's activities as the målgraf needs them (issue 13): each Handlingsplan row with an
 * id or a name, and the annual goal ids its "Årliga mål" cell names. Read by the plan's header
 * texts, as the plan's own update does, so the user's moved columns are followed.
 */
import type { GraphActivity } from '../../core/goals/types';
import { eachRow, valueAt } from '../headers';
import { locatePlan } from '../plan/actionPlan';
import type { SheetGrid } from '../plan/types';
import { text } from '../read';
import { splitGoalIds } from './read';

/** Activities in row order; none when the plan's header row cannot be found. */
export function graphActivities(plan: SheetGrid): GraphActivity[] {
  const header = locatePlan(plan);
  if (!header) return [];
  const col = header.columns;
  const get = (row: number, key: 'id' | 'name' | 'goal' | 'status') => {
    const c = col.get(key);
    return c === undefined ? '' : text(valueAt(plan, row, c));
  };
  const out: GraphActivity[] = [];
  eachRow(plan.values, (_, row) => {
    if (row <= header.row) return;
    const id = get(row, 'id');
    const name = get(row, 'name');
    if (!id && !name) return;
    const status = get(row, 'status');
    out.push({ row, id, name, goals: splitGoalIds(get(row, 'goal')), ...(status ? { status } : {}) });
  });
  return out;
}
