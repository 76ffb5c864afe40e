/**
 * Issue 12: `fill` into an existing It-säkkollen questionnaire writes the answer cells of the
 * statements in the file and nothing else, as Infosäkkollen's fill does.
 */
import { applyPlanToXlsx } from '../../../src/adapters/xlsx/applyPlan';
import { readXlsxGrid } from '../../../src/adapters/xlsx/readGrid';
import { allInputSheets, fillPlanOf } from '../../../src/workbook/models';
import type { WorkbookGrid } from '../../../src/workbook/plan/types';
import { stammerQuestionnairePlan } from '../../../src/workbook/stammer/questionnaire';
import { itsak, itsakAnswers } from '../../helpers/itsak';
import { editableGrid, rowOf, setCell } from '../../helpers/workbook';

const catalog = itsak();
const FS = 'FS Förutsättningar';
let grid: WorkbookGrid;
beforeAll(async () => {
  grid = editableGrid(await readXlsxGrid(await applyPlanToXlsx(null, stammerQuestionnairePlan(catalog, itsakAnswers({ FS: [4, 3, null, null, null, null] }))), allInputSheets()));
});

it('writes only the cells that change: ticks, a cleared step, a comment, K1 and organisation values', () => {
  const g = editableGrid(grid);
  const s01 = rowOf(g, FS, 'S01');
  const s02 = rowOf(g, FS, 'S02');
  setCell(g, FS, `F${s01}`, 'X'); // typed by hand: stays, the option stays selected
  const k1c = rowOf(g, 'Bakgrundsfrågor', 'K1.c');
  const fill = fillPlanOf(catalog, g, {
    catalog: catalog.id,
    organisation: { name: 'Exempelkommun' },
    answers: { S01: { selected: ['s4'] }, S02: { selected: ['s1'], comment: 'Riskanalyser saknas' }, K1: { selected: ['c'] } },
  });
  if (fill.kind !== 'plan') throw new Error('refused');
  expect(fill.plan.filter((op) => op.kind === 'sheet')).toEqual([
    { kind: 'sheet', sheet: FS, mode: 'update' },
    { kind: 'sheet', sheet: 'Bakgrundsfrågor', mode: 'update' },
    { kind: 'sheet', sheet: 'Organisation', mode: 'update' },
  ]);
  const writes = fill.plan.flatMap((op) => (op.kind === 'values' ? [[op.sheet, op.at, op.rows[0][0]]] : []));
  expect(writes).toEqual([
    [FS, `C${s02}`, 'x'],
    [FS, `E${s02}`, ''],
    [FS, `G${s02}`, 'Riskanalyser saknas'],
    ['Bakgrundsfrågor', `C${k1c}`, 'x'],
    ['Organisation', 'C4', 'Exempelkommun'],
  ]);
  expect(fill.cells).toBe(5);
});

it('a questionnaire whose header row is gone is refused, never rebuilt over the user\'s edits', () => {
  const g = editableGrid(grid);
  g.sheets.get(FS)!.values[3] = ['Id', 'Påstående'];
  expect(fillPlanOf(catalog, g, { catalog: catalog.id, answers: { S01: { selected: ['s1'] } } })).toMatchObject({ kind: 'refused', issue: { code: 'layout-unrecognised', sheet: FS } });
});
