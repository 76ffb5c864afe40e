import { findCatalog } from '../../src/core/catalog/registry';
import example from '../../src/examples/exempelkommun.answers.json';
import type { AnswerSet } from '../../src/core/answers/types';
import { applyPlanToXlsx } from '../../src/adapters/xlsx/applyPlan';
import { readXlsxGrid } from '../../src/adapters/xlsx/readGrid';
import { computeFromWorkbook } from '../../src/workbook/compute';
import { INPUT_SHEETS, SHEETS } from '../../src/workbook/layout';
import { questionnairePlan } from '../../src/workbook/plan/questionnaire';
import type { WorkbookGrid } from '../../src/workbook/plan/types';

const catalog = findCatalog('infosakkollen-2023-v1')!;

async function questionnaireGrid(extra?: { name: string; values: (string | number | null)[][] }): Promise<WorkbookGrid> {
  const plan = [...questionnairePlan(catalog, example as AnswerSet)];
  if (extra) plan.push({ kind: 'sheet', sheet: extra.name }, { kind: 'values', sheet: extra.name, at: 'A1', rows: extra.values });
  const grid = await readXlsxGrid(await applyPlanToXlsx(null, plan), INPUT_SHEETS);
  if (!extra) return grid;
  // The adapter marks every sheet a plan makes; a sheet the user made has no mark.
  const owners = new Map(grid.owners);
  owners.delete(extra.name);
  return { ...grid, owners };
}

describe('result sheets are rewritten only when they are ours', () => {
  it('refuses when the user has a sheet of their own named Handlingsplan, naming it', async () => {
    const grid = await questionnaireGrid({ name: SHEETS.actionPlan, values: [['Vår handlingsplan 2027'], ['Aktivitet', 'Ansvarig'], ['Ny brandvägg', 'IT']] });
    const out = computeFromWorkbook(grid, '2026-11-24');
    expect(out).toEqual({ kind: 'refused', issue: expect.objectContaining({ code: 'result-sheet-taken', sheet: SHEETS.actionPlan, cell: 'A1' }) });
  });

  it('accepts an empty sheet with a result name, and its own sheets from an earlier computation', async () => {
    const empty = await questionnaireGrid({ name: SHEETS.result, values: [] });
    expect(computeFromWorkbook(empty, '2026-11-24').kind).toBe('computed');

    const first = computeFromWorkbook(await questionnaireGrid(), '2026-11-24');
    if (first.kind !== 'computed') throw new Error('not computed');
    const base = await applyPlanToXlsx(null, questionnairePlan(catalog, example as AnswerSet));
    const scored = await readXlsxGrid(await applyPlanToXlsx(base, first.plan), INPUT_SHEETS);
    expect(computeFromWorkbook(scored, '2026-11-25').kind).toBe('computed');
  });

  it.each([
    ['resultat', [['Resultat']]],
    ['HANDLINGSPLAN', [['Handlingsplan för informationssäkerhet']]],
    ['Resultat', [['Resultat per förvaltning 2025']]],
    ['Arbetsområden', [['Arbetsområden och ansvariga']]],
  ])('a user sheet "%s" (A1 %j) is the user\'s: refused, naming it', async (name, values) => {
    const grid = await questionnaireGrid({ name: name as string, values: values as string[][] });
    const out = computeFromWorkbook(grid, '2026-11-24');
    expect(out).toEqual({ kind: 'refused', issue: expect.objectContaining({ code: 'result-sheet-taken', sheet: name }) });
  });

  it('a result sheet the user renamed only in case is still the product\'s (its mark says so)', async () => {
    const grid = await questionnaireGrid({ name: 'resultat', values: [['Resultat – Exempelkommun']] });
    const marked = { ...grid, owners: new Map([...(grid.owners ?? []), ['resultat', 'Resultat']]) };
    expect(computeFromWorkbook(marked, '2026-11-24').kind).toBe('computed');
  });
});
