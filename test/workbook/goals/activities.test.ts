/** graphActivities (issue 13): Handlingsplan rows as the målgraf's activities, found by header text. */
import { graphActivities } from '../../../src/workbook/goals/activities';
import { PLAN_COLUMNS } from '../../../src/workbook/layout';
import type { Scalar, SheetGrid } from '../../../src/workbook/plan/types';

const column = (prefix: string) => PLAN_COLUMNS.findIndex((c) => c.startsWith(prefix));

/** A plan with its header on row 4 and the given rows under it; cells by header prefix. */
function plan(rows: Record<string, Scalar>[], shift = 0): SheetGrid {
  const line = (cells: Record<string, Scalar>) => {
    const out: Scalar[] = new Array(shift + PLAN_COLUMNS.length).fill(null);
    for (const [prefix, v] of Object.entries(cells)) out[shift + column(prefix)] = v;
    return out;
  };
  const values: Scalar[][] = [['Handlingsplan för informationssäkerhet'], [], [], [...new Array(shift).fill('egen'), ...PLAN_COLUMNS]];
  for (const r of rows) values.push(line(r));
  return { name: 'Handlingsplan', values };
}

describe('graphActivities', () => {
  it('reads id, name, the annual goal ids (split) and status, with the row', () => {
    const sheet = plan([
      { Id: 'HP-F01', Aktivitet: 'Inventera system', 'Årliga mål': 'Å1, å2;Å3\nÅ4', Status: 'Pågår' },
      {},
      { Id: 'Egen-1', 'Årliga mål': '' },
      { Aktivitet: 'Utan id', 'Årliga mål': 7 },
    ]);
    expect(graphActivities(sheet)).toEqual([
      { row: 5, id: 'HP-F01', name: 'Inventera system', goals: ['Å1', 'å2', 'Å3', 'Å4'], status: 'Pågår' },
      { row: 7, id: 'Egen-1', name: '', goals: [] },
      { row: 8, id: '', name: 'Utan id', goals: ['7'] },
    ]);
  });

  it('follows columns the user inserted, and reads nothing without the plan header', () => {
    expect(graphActivities(plan([{ Id: 'HP-F01', 'Årliga mål': 'Å1' }], 2))).toEqual([{ row: 5, id: 'HP-F01', name: '', goals: ['Å1'] }]);
    expect(graphActivities({ name: 'Handlingsplan', values: [['Min egen plan'], ['a', 'b']] })).toEqual([]);
  });
});
