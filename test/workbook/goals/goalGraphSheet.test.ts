/**
 * Målgraf (issue 13): the chain as an indented table with the flagged lines marked and worded, the
 * activities without a goal listed with their Handlingsplan row, a plain line when there are no
 * goals; written through the .xlsx adapter and checked by check-xlsx.
 */
import { applyPlanToXlsx } from '../../../src/adapters/xlsx/applyPlan';
import { readXlsxGrid } from '../../../src/adapters/xlsx/readGrid';
import { goalGraph } from '../../../src/core/goals/graph';
import { NO_GOALS, type Goals, type GraphActivity } from '../../../src/core/goals/types';
import { GOAL_GRAPH_SHEET } from '../../../src/workbook/goals/layout';
import { goalGraphSheet } from '../../../src/workbook/plan/goalGraphSheet';
import type { Scalar, SheetOp, StyleOp, WritePlan } from '../../../src/workbook/plan/types';
import { checkerMissing, checkXlsx } from '../../adapters/xlsx/checkXlsx';

const goals: Goals = {
  strategic: [
    { id: 'S1', text: 'Systematiskt arbete', kind: 'resultatmål', horizon: 2030, row: 6 },
    { id: 'S2', text: 'Ökat förtroende', kind: 'effektmål', row: 7 },
  ],
  shortTerm: [
    { id: 'K1', text: 'Alla system klassade', indicator: 'andel klassade', targetValue: '100 %', responsible: 'CISO', date: '2027-06-30', serves: ['S1'], row: 14 },
    { id: 'K2', text: 'Incidentrutin', serves: ['S9'], row: 15 },
  ],
  annual: [
    { id: 'Å1', text: 'Klassa verksamhetssystemen', year: 2026, serves: ['K1'], targetLevel: 'nivå 3 i Infosäkkollen 2027', row: 27 },
    { id: 'Å2', text: 'Klassa e-tjänsterna', year: 2026, serves: ['K1'], row: 28 },
  ],
};
const activities: GraphActivity[] = [
  { row: 5, id: 'HP-F01', name: 'Inventera system', goals: ['Å1'], status: 'Pågår' },
  { row: 6, id: 'HP-F02', name: 'Utbilda personalen', goals: [] },
  { row: 7, id: 'HP-F03', name: 'Skriv rutin', goals: ['Å9'], status: 'Ej påbörjad' },
];
const TODAY = '2026-03-01';

/** The values the plan writes, as rows of the sheet. */
function valuesOf(plan: WritePlan): Scalar[][] {
  const op = plan.find((o) => o.kind === 'values' && o.at === 'A1');
  if (!op || op.kind !== 'values') throw new Error('no values');
  return op.rows.map((r) => r.map((v) => v as Scalar));
}
const rowWith = (rows: Scalar[][], text: string) => rows.findIndex((r) => r.some((v) => typeof v === 'string' && v.startsWith(text))) + 1;
const fillOf = (plan: WritePlan, row: number) =>
  plan.filter((o): o is StyleOp => o.kind === 'style' && o.range === `A${row}:F${row}`).map((o) => o.style.fill)[0];

describe('goalGraphSheet', () => {
  const plan = goalGraphSheet(goalGraph(goals, activities), TODAY);
  const rows = valuesOf(plan);

  it('is a printable product sheet with the title, the note and the counts', () => {
    const sheet = plan[0] as SheetOp;
    expect(sheet).toMatchObject({ kind: 'sheet', sheet: 'Målgraf', landscape: true, fitToWidth: true });
    expect(sheet.mode ?? 'replace').toBe('replace');
    expect(rows[0]).toEqual(['Målgraf']);
    expect(rows[1][0]).toBe(
      'Skrivs om vid varje beräkning (senast 2026-03-01). Målen skrivs på bladet Mål, kopplingen till aktiviteter i Handlingsplanens kolumn Årliga mål.',
    );
    expect(rows[2][0]).toBe('2 strategiska mål · 2 kortsiktiga mål · 2 årliga mål · 3 aktiviteter, varav 1 kopplad till mål · 6 anmärkningar');
  });

  it('shows the chain indented, level by level, with remarks on the lines that break it', () => {
    const head = rowWith(rows, 'Strategiskt mål');
    expect(rows[head - 1]).toEqual(['Strategiskt mål', 'Kortsiktigt mål', 'Årligt mål', 'Aktivitet (Handlingsplan)', 'Status', 'Anmärkning']);
    expect(rows.slice(head, head + 9)).toEqual([
      ['S1 – Systematiskt arbete (Resultatmål, till 2030)', null, null, null, null, null],
      [null, 'K1 – Alla system klassade (mäts: andel klassade 100 %, CISO, klart 2027-06-30)', null, null, null, null],
      [null, null, 'Å1 – Klassa verksamhetssystemen (2026, nivå 3 i Infosäkkollen 2027)', null, null, null],
      [null, null, null, 'HP-F01 – Inventera system (rad 5)', 'Pågår', null],
      [null, null, 'Å2 – Klassa e-tjänsterna (2026)', null, null, 'Saknar aktivitet'],
      ['S2 – Ökat förtroende (Effektmål)', null, null, null, null, 'Inget kortsiktigt mål bidrar till målet'],
      ['Kortsiktiga mål som inte bidrar till något strategiskt mål:', null, null, null, null, null],
      [null, 'K2 – Incidentrutin', null, null, null, 'Okänt mål-id S9; Saknar årligt mål'],
      [],
    ]);
    // Flagged lines are light orange, the others not.
    expect(fillOf(plan, head + 5)).toBe('FCE4D6');
    expect(fillOf(plan, head + 6)).toBe('FCE4D6');
    expect(fillOf(plan, head + 1)).toBeUndefined();
  });

  it('lists the activities without a goal with their Handlingsplan row', () => {
    const title = rowWith(rows, 'Aktiviteter utan mål');
    expect(rows.slice(title, title + 3)).toEqual([
      ['Id', 'Aktivitet', 'Rad i Handlingsplan', 'Årliga mål (som skrivet)', 'Status', 'Anmärkning'],
      ['HP-F02', 'Utbilda personalen', 6, null, null, 'Aktiviteten saknar mål'],
      ['HP-F03', 'Skriv rutin', 7, 'Å9', 'Ej påbörjad', 'Okänt mål-id Å9'],
    ]);
    expect(fillOf(plan, title + 2)).toBe('FCE4D6');
  });

  it('says plainly when there are no goals', () => {
    const empty = valuesOf(goalGraphSheet(goalGraph(NO_GOALS, activities), TODAY));
    expect(empty[2][0]).toBe('0 strategiska mål · 0 kortsiktiga mål · 0 årliga mål · 3 aktiviteter, varav 0 kopplade till mål');
    expect(empty.flat()).toContain('Inga mål ifyllda ännu – fyll i bladet Mål.');
    expect(empty.flat()).not.toContain('Aktiviteter utan mål');
  });

  it('says when every activity has a goal', () => {
    const linked = valuesOf(goalGraphSheet(goalGraph(goals, [activities[0]]), TODAY));
    expect(linked.flat()).toContain('Alla aktiviteter i handlingsplanen har ett årligt mål.');
  });

  it('is written by the .xlsx adapter, read back as planned, and passes check-xlsx', async () => {
    const bytes = await applyPlanToXlsx(null, plan);
    const sheet = (await readXlsxGrid(bytes, [GOAL_GRAPH_SHEET])).sheets.get(GOAL_GRAPH_SHEET)!;
    const head = rowWith(rows, 'Strategiskt mål');
    expect(sheet.values[head + 4]?.[5]).toBe('Saknar aktivitet');
    expect(sheet.values[head + 3]?.[3]).toBe('HP-F01 – Inventera system (rad 5)');
    const missing = checkerMissing();
    if (missing) {
      console.warn(missing);
      return;
    }
    expect(checkXlsx({ malgraf: bytes })).toEqual({ status: 0, output: expect.stringContaining('0 violations') });
  });
});
