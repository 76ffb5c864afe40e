/**
 * Issue 12: the It-säkkollen questionnaire, generated from the catalog: one sheet per work area with
 * four tick cells per statement (stämmer inte → stämmer helt), the context question K1, drop-downs
 * and protection as on Infosäkkollen's form; read back by header text and row id.
 */
import { applyPlanToXlsx } from '../../../src/adapters/xlsx/applyPlan';
import { readXlsxGrid } from '../../../src/adapters/xlsx/readGrid';
import { allInputSheets, questionnairePlanOf, questionnaireSheetsOf, readAnyWorkbook } from '../../../src/workbook/models';
import { stammerQuestionnairePlan } from '../../../src/workbook/stammer/questionnaire';
import type { SheetOp, ValidationOp, ValuesOp, WorkbookGrid } from '../../../src/workbook/plan/types';
import { findCatalogId } from '../../../src/workbook/read';
import { ITSAK_ID, itsak, itsakAnswers } from '../../helpers/itsak';
import { editableGrid, getCell, rowOf } from '../../helpers/workbook';

const catalog = itsak();
const AREA_SHEETS = ['FS Förutsättningar', 'NS Nätverk och system', 'BA Behörigheter', 'KR Kryptering', 'KT Konfigurering och test', 'LO Loggning', 'SU Utrustning och utrymmen', 'RE Redundans'];

describe('the questionnaire plan', () => {
  const plan = stammerQuestionnairePlan(catalog);
  const sheets = plan.filter((op): op is SheetOp => op.kind === 'sheet');

  it('has Start, Organisation, one sheet per area (named in the catalog) and Bakgrundsfrågor, all protected', () => {
    expect(sheets.map((s) => s.sheet)).toEqual(['Start', 'Organisation', ...AREA_SHEETS, 'Bakgrundsfrågor']);
    expect(questionnaireSheetsOf(catalog)).toEqual(sheets.map((s) => s.sheet));
    expect(sheets.every((s) => s.protect)).toBe(true);
    expect(questionnairePlanOf(catalog)).toEqual(plan);
  });

  it('writes each statement with four tick cells in scale order, inte → helt, and a drop-down on each', () => {
    const header = plan.find((op): op is ValuesOp => op.kind === 'values' && op.sheet === 'KR Kryptering' && op.at === 'A4')!;
    expect(header.rows[0]).toEqual(['Id', 'Påstående', 'Stämmer inte', 'Stämmer knappt', 'Stämmer väl', 'Stämmer helt', 'Kommentar']);
    const rows = plan.filter((op): op is ValuesOp => op.kind === 'values' && op.sheet === 'KR Kryptering' && op.rows[0][0] !== null && /^S\d\d$/.test(String(op.rows[0][0])));
    expect(rows.map((r) => r.rows[0][0])).toEqual(['S18', 'S19', 'S20', 'S21']);
    const validations = plan.filter((op): op is ValidationOp => op.kind === 'validation' && op.sheet === 'KR Kryptering');
    expect(validations.map((v) => v.range)).toEqual(rows.map((r) => `C${r.at.slice(1)}:F${r.at.slice(1)}`));
    expect(validations.every((v) => v.list?.join() === 'x' && !v.strict)).toBe(true);
  });

  it('says on Start where the statements come from, and carries the catalog id', () => {
    const start = plan.find((op): op is ValuesOp => op.kind === 'values' && op.sheet === 'Start')!;
    const texts = start.rows.map((r) => r.join(' '));
    expect(texts).toContain('Om katalogen');
    expect(texts).toContain(catalog.about.sv);
    expect(texts).toContain(`Katalog-id ${ITSAK_ID}`);
    expect(texts.some((t) => t.includes('1 otillräckligt skydd, 2 bristfälligt skydd, 3 visst skydd, 4 gott skydd'))).toBe(true);
  });
});

describe('through the .xlsx adapter', () => {
  let grid: WorkbookGrid;
  const answers = itsakAnswers({ KR: [1, 2, null, 4] }, 3, { K1: { selected: ['c'], comment: 'Drift hos kommunalförbund' }, S03: { selected: ['s2'], comment: 'Rad 1\nRad 2 & <mer>' } });
  answers.organisation = { name: 'Exempelkommun', type: 'kommun', periodEnd: '2026-11-30' };
  beforeAll(async () => {
    grid = editableGrid(await readXlsxGrid(await applyPlanToXlsx(null, stammerQuestionnairePlan(catalog, answers)), allInputSheets()));
  });

  it('reads back exactly the answers written, organisation included', () => {
    expect(findCatalogId(grid)).toBe(ITSAK_ID);
    const read = readAnyWorkbook(grid);
    if (read.kind !== 'questionnaire' || read.model !== 'stammer-mean-v1') throw new Error(JSON.stringify(read));
    expect(read.issues).toEqual([]);
    expect(read.answers.answers).toEqual(answers.answers);
    expect(read.answers.organisation).toEqual({ name: 'Exempelkommun', type: 'kommun', periodEnd: '2026-11-30' });
  });

  it('puts the ticks in the step columns of the statement row, and K1 on its option rows', () => {
    const row = rowOf(grid, 'KR Kryptering', 'S18');
    expect([getCell(grid, 'KR Kryptering', `C${row}`), getCell(grid, 'KR Kryptering', `D${row}`)]).toEqual(['x', null]);
    const s21 = rowOf(grid, 'KR Kryptering', 'S21');
    expect(getCell(grid, 'KR Kryptering', `F${s21}`)).toBe('x');
    expect(getCell(grid, 'Bakgrundsfrågor', `C${rowOf(grid, 'Bakgrundsfrågor', 'K1.c')}`)).toBe('x');
    expect(getCell(grid, 'Bakgrundsfrågor', `C${rowOf(grid, 'Bakgrundsfrågor', 'K1.a')}`)).toBeNull();
  });

  it('an empty questionnaire reads as nothing answered, without issues', async () => {
    const empty = await readXlsxGrid(await applyPlanToXlsx(null, stammerQuestionnairePlan(catalog)), allInputSheets());
    const read = readAnyWorkbook(empty);
    expect(read).toMatchObject({ kind: 'questionnaire', model: 'stammer-mean-v1', issues: [] });
    expect(read.kind === 'questionnaire' && read.answers.answers).toEqual({});
  });
});
