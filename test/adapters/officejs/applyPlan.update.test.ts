/**
 * Update mode and the ownership mark (src/workbook/plan/types.ts, SheetOp): an updated sheet keeps
 * everything the plan does not name, cell by cell, and every sheet op's sheet carries the mark.
 */
import { PlanError, applyPlanOffice } from '../../../src/adapters/officejs/applyPlan';
import { type MemoryExcel, MemoryWorkbook, createMemoryExcel } from '../../../src/adapters/officejs/memory/memoryExcel';
import { readGridOffice } from '../../../src/adapters/officejs/readGrid';
import { GANTT_MARKER, OWNER_NAME } from '../../../src/workbook/layout';
import type { WritePlan } from '../../../src/workbook/plan/types';

const PLAN = 'Handlingsplan';

async function apply(excel: MemoryExcel, plan: WritePlan): Promise<number> {
  return (await excel.run((context) => applyPlanOffice(context, plan))).syncs;
}

/** A Handlingsplan as a user keeps it: typed text, a formula, a link, a fill, a blank row, a note column. */
function userPlan(): MemoryExcel {
  const wb = new MemoryWorkbook(['Start', PLAN]);
  const sheet = wb.sheet(PLAN);
  sheet.addName(OWNER_NAME, `="${PLAN}"`, false);
  sheet.setValues('A4', [
    ['Id', 'Aktivitet', 'Ansvarig', 'Start', 'Slut', 'Beräknat läge'],
    ['HP-F01', 'Ta fram policy', 'Kim', { date: '2027-01-15' }, { formula: 'D5+90' }, 'gammalt'],
    [null, null, null, null, null, null],
    ['EGEN-1', 'Rutinen på intranätet', 'Alex', null, null, null],
  ]);
  sheet.cellAt(7, 2).hyperlink = { address: 'https://intranat.example/rutin', textToDisplay: 'Rutinen på intranätet' };
  sheet.cellAt(5, 3).format.fill = '#FFFF00';
  sheet.cellAt(5, 6).format.bold = true;
  sheet.setValues('H5', [['min anteckning']]);
  sheet.conditionalFormats.push(
    { box: { top: 5, left: 10, bottom: 20, right: 21 }, type: 'Custom', formula: `=AND(J$4>0,${GANTT_MARKER}=0)`, fill: '#5B9BD5' },
    { box: { top: 5, left: 3, bottom: 20, right: 3 }, type: 'Custom', formula: '=C5="Kim"', fill: '#FFC7CE' },
    { box: { top: 5, left: 2, bottom: 20, right: 2 }, type: 'DataBar' },
  );
  return createMemoryExcel({ workbook: wb });
}

const updatePlan: WritePlan = [
  { kind: 'sheet', sheet: PLAN, mode: 'update' },
  // Row 5: only "Beräknat läge"; null leaves every other cell as it is.
  { kind: 'values', sheet: PLAN, at: 'A5', rows: [[null, null, null, null, null, 'Behövs (prioritet 1)']], style: { wrap: true } },
  // '' clears a value and keeps the cell's format.
  { kind: 'values', sheet: PLAN, at: 'F7', rows: [['']] },
  // A new activity below everything.
  { kind: 'values', sheet: PLAN, at: 'A8', rows: [['HP-F02', 'Ny aktivitet', null, null, null, 'Behövs (prioritet 2)']], style: { vAlign: 'top' } },
  { kind: 'conditionalFormat', sheet: PLAN, range: 'J5:U8', formula: `AND(J$4>0,${GANTT_MARKER}=0)`, fill: '5B9BD5', replaces: GANTT_MARKER },
];

describe('applyPlanOffice: update mode', () => {
  it('writes only the cells the plan names; null leaves value, formula, format and link alone', async () => {
    const excel = userPlan();
    const sheet = excel.workbook.sheet(PLAN);
    const before = (address: string) => JSON.stringify(sheet.cell(address));
    const untouched = ['A5', 'B5', 'C5', 'D5', 'E5', 'A6', 'B6', 'A7', 'B7', 'C7', 'H5'].map((a) => [a, before(a)]);
    await apply(excel, updatePlan);
    for (const [address, json] of untouched) expect([address, JSON.stringify(sheet.cell(address))]).toEqual([address, json]);
    expect(sheet.cell('E5').formula).toBe('=D5+90');
    expect(sheet.cell('B7').hyperlink).toEqual({ address: 'https://intranat.example/rutin', textToDisplay: 'Rutinen på intranätet' });
    expect(sheet.cell('C5').format.fill).toBe('#FFFF00');
    // Written cells keep their format, with the op's style laid over.
    expect(sheet.cell('F5')).toMatchObject({ value: 'Behövs (prioritet 1)', format: { bold: true, wrapText: true } });
    // The style of a values op goes to the written cells only.
    expect(sheet.cell('C8').format.verticalAlignment).toBeUndefined();
    expect(sheet.cell('A8').format.verticalAlignment).toBe('Top');
    expect(sheet.cell('F8').format.verticalAlignment).toBe('Top');
    expect(sheet.cell('F7').value).toBeNull();
    // Blank row 6 stays blank; nothing moved.
    expect(sheet.values('A6:F6')).toEqual([[null, null, null, null, null, null]]);
    expect(excel.workbook.sheetNames()).toEqual(['Start', PLAN]);
  });

  it('replaces only the conditional formats whose formula holds the `replaces` text', async () => {
    const excel = userPlan();
    await apply(excel, updatePlan);
    const cfs = excel.workbook.sheet(PLAN).conditionalFormatViews();
    expect(cfs.filter((cf) => cf.formula?.includes(GANTT_MARKER))).toEqual([{ range: 'J5:U8', type: 'Custom', formula: `=AND(J$4>0,${GANTT_MARKER}=0)`, fill: '#5B9BD5' }]);
    expect(cfs.map((cf) => cf.formula ?? cf.type)).toEqual([`=AND(J$4>0,${GANTT_MARKER}=0)`, '=C5="Kim"', 'DataBar']);
  });

  it('gives the same sheet when the update is applied again, and keeps the one mark it had', async () => {
    const excel = userPlan();
    await apply(excel, updatePlan);
    const once = JSON.stringify(excel.workbook.snapshot());
    await apply(excel, updatePlan);
    expect(JSON.stringify(excel.workbook.snapshot())).toBe(once);
    expect(excel.workbook.sheet(PLAN).names.filter((n) => n.name === OWNER_NAME)).toHaveLength(1);
  });

  it('updates a sheet protected without a password and protects it again with the same options', async () => {
    const excel = userPlan();
    excel.workbook.sheet(PLAN).protect({ allowFormatColumns: true, allowSort: true });
    await apply(excel, updatePlan);
    expect(excel.workbook.sheet(PLAN).cell('F5').value).toBe('Behövs (prioritet 1)');
    expect(excel.workbook.sheet(PLAN).protection).toEqual({ protected: true, options: { allowFormatColumns: true, allowSort: true } });
  });

  it('refuses, before writing anything, ops that would rebuild an updated sheet, and updates of a missing sheet', async () => {
    const excel = userPlan();
    const before = JSON.stringify(excel.workbook.snapshot());
    for (const op of [
      { kind: 'merge', sheet: PLAN, range: 'A1:B1' },
      { kind: 'rowHeight', sheet: PLAN, rows: [5], height: 30 },
      { kind: 'table', sheet: PLAN, name: 'Plan', range: 'A4:F8' },
      { kind: 'validation', sheet: PLAN, range: 'C5', list: ['Ja'], strict: true },
      { kind: 'validation', sheet: PLAN, range: 'C5', source: { sheet: PLAN, range: 'A5:A9' }, strict: true },
    ] as const) {
      await expect(apply(excel, [...updatePlan, op])).rejects.toThrow(PlanError);
    }
    await expect(apply(excel, [{ kind: 'sheet', sheet: 'Finns inte', mode: 'update' }])).rejects.toThrow(PlanError);
    expect(JSON.stringify(excel.workbook.snapshot())).toBe(before);
  });
});

describe('applyPlanOffice: the ownership mark', () => {
  it('marks every sheet op\'s sheet with a hidden sheet-scoped name holding the sheet name, where missing', async () => {
    const wb = new MemoryWorkbook(['Blad1', 'resultat']);
    const excel = createMemoryExcel({ workbook: wb });
    await apply(excel, [
      { kind: 'sheet', sheet: 'Resultat' },
      { kind: 'values', sheet: 'Resultat', at: 'A1', rows: [['Resultat']] },
      { kind: 'sheet', sheet: 'Ny "flik"' },
    ]);
    // The existing sheet found under another case is renamed (replace mode) and marked.
    expect(wb.sheetNames()).toEqual(['Blad1', 'Resultat', 'Ny "flik"']);
    expect(wb.sheet('Resultat').names).toEqual([{ name: OWNER_NAME, formula: '="Resultat"', visible: false, comment: '' }]);
    expect(wb.sheet('Ny "flik"').names[0].formula).toBe('="Ny ""flik"""');
    expect(wb.sheet('Blad1').names).toEqual([]);
    const grid = await excel.run((context) => readGridOffice(context, []));
    expect(grid.owners).toEqual(new Map([
      ['Resultat', 'Resultat'],
      ['Ny "flik"', 'Ny "flik"'],
    ]));
  });

  it('keeps a mark that is already there, even when the sheet was renamed since', async () => {
    const wb = new MemoryWorkbook([PLAN]);
    wb.sheet(PLAN).addName(OWNER_NAME, '="Handlingsplan"', false);
    wb.sheet(PLAN).name = 'Handlingsplan 2027';
    const excel = createMemoryExcel({ workbook: wb });
    await apply(excel, [{ kind: 'sheet', sheet: 'Handlingsplan 2027', mode: 'update' }]);
    expect(wb.sheet('Handlingsplan 2027').names).toEqual([{ name: OWNER_NAME, formula: '="Handlingsplan"', visible: false, comment: '' }]);
  });
});
