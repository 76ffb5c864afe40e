/**
 * Issue 13, the goals in a computation: Mål is made once (when the workbook has none) and never
 * written again; Målgraf is rewritten every time; a user's own sheet of either name is kept and
 * only leaves out what would have gone there, with a warning, never a refusal.
 */
import { computeFromWorkbook } from '../../src/workbook/compute';
import { newGoalsSheet } from '../../src/workbook/plan/goalsSheet';
import type { Scalar, ValidationOp, WorkbookGrid, WriteOp } from '../../src/workbook/plan/types';
import { exampleAnswers, gridOfBytes, questionnaireBytes } from '../helpers/workbook';

const TODAY = '2027-02-01';

/** A Mål sheet as newGoalsSheet writes it (values ops applied to a grid), with some goals typed. */
function goalsGrid(typed: Record<string, Scalar[]>): Scalar[][] {
  const grid: Scalar[][] = [];
  for (const op of newGoalsSheet(TODAY)) {
    if (op.kind !== 'values') continue;
    const m = /^([A-Z]+)(\d+)$/.exec(op.at)!;
    const c0 = m[1].charCodeAt(0) - 65;
    op.rows.forEach((row, i) => {
      const r = Number(m[2]) - 1 + i;
      grid[r] ??= [];
      row.forEach((v, j) => {
        if (v !== null && typeof v !== 'object') grid[r][c0 + j] = v;
      });
    });
  }
  for (const [id, cells] of Object.entries(typed)) {
    const r = grid.findIndex((row) => row?.[0] === id);
    cells.forEach((v, j) => (grid[r][1 + j] = v));
  }
  return grid;
}

function withSheet(wb: WorkbookGrid, requested: string, name: string, values: Scalar[][], mark?: string): WorkbookGrid {
  return {
    ...wb,
    sheetNames: [...wb.sheetNames, name],
    sheets: new Map([...wb.sheets, [requested, { name, values }]]),
    owners: new Map([...(wb.owners ?? []), ...(mark ? [[name, mark] as [string, string]] : [])]),
  };
}

const sheetsOf = (plan: readonly WriteOp[], sheet: string) => plan.filter((o) => o.sheet.toLowerCase() === sheet.toLowerCase());

let questionnaire: WorkbookGrid;
beforeAll(async () => {
  questionnaire = await gridOfBytes(await questionnaireBytes(exampleAnswers()));
});

test('a workbook without Mål gets one, before the results, and a new plan offers its annual-goal ids', () => {
  const out = computeFromWorkbook(questionnaire, TODAY);
  if (out.kind !== 'computed') throw new Error(out.issue.code);
  const sheets = out.plan.filter((o) => o.kind === 'sheet').map((o) => o.sheet);
  expect(sheets.indexOf('Mål')).toBeLessThan(sheets.indexOf('Resultat'));
  expect(sheets.at(-1)).toBe('Målgraf');
  const goalCell = out.plan.find((o): o is ValidationOp => o.kind === 'validation' && o.sheet === 'Handlingsplan' && o.source !== undefined);
  expect(goalCell?.source).toEqual({ sheet: 'Mål', range: expect.stringMatching(/^A\d+:A\d+$/) });
  // The range holds the prefilled annual ids Å1…
  const [first] = goalCell!.source!.range.split(':');
  const row = Number(first.slice(1));
  const mal = goalsGrid({});
  expect(mal[row - 1][0]).toBe('Å1');
  expect(out.goalGraph).toMatchObject({ empty: true });
});

test('the product\'s Mål is read, never written; the målgraf counts its goals', () => {
  const mal = goalsGrid({ S1: ['Systematiskt arbete', 'Effektmål', 2029], K1: ['Alla system klassade', 'Andel', '100 %', 'CISO', '2027-12-31', 'S1'], Å1: ['Klassa systemen', 2027, 'K1'] });
  const out = computeFromWorkbook(withSheet(questionnaire, 'Mål', 'Mål', mal, 'Mål'), TODAY);
  if (out.kind !== 'computed') throw new Error(out.issue.code);
  expect(sheetsOf(out.plan, 'Mål')).toEqual([]);
  expect(out.goalGraph!.counts).toMatchObject({ strategic: 1, shortTerm: 1, annual: 1, activitiesWithGoal: 0 });
  expect(out.goalGraph!.flags.map((f) => f.code)).toContain('annual-without-activity');
  expect(out.issues.map((i) => i.code)).not.toContain('goals-sheet-theirs');
});

test('a user\'s own "MÅL" and "målgraf" are kept: warnings, nothing written there, the computation goes on', () => {
  let wb = withSheet(questionnaire, 'Mål', 'MÅL', [['Våra mål för 2027'], ['Fler e-tjänster']]);
  wb = withSheet(wb, 'Målgraf', 'målgraf', [['Min egen målgraf']]);
  const out = computeFromWorkbook(wb, TODAY);
  if (out.kind !== 'computed') throw new Error(out.issue.code);
  expect(sheetsOf(out.plan, 'Mål')).toEqual([]);
  expect(sheetsOf(out.plan, 'Målgraf')).toEqual([]);
  expect(out.issues.filter((i) => i.code.startsWith('goal')).map((i) => [i.code, i.sheet])).toEqual([
    ['goals-sheet-theirs', 'MÅL'],
    ['goal-graph-sheet-theirs', 'målgraf'],
  ]);
  // No Mål of ours: the new plan's "Årliga mål" has no drop-down to point at.
  expect(out.plan.some((o) => o.kind === 'validation' && o.source !== undefined)).toBe(false);
  expect(out.plan.some((o) => o.sheet === 'Resultat')).toBe(true);
});
