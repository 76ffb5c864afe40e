/**
 * Validate before destroying (issue 9): a workbook that cannot take the plan is refused with a
 * located reason before anything is queued, and the workbook is exactly as it was.
 */
import { PlanError, WriteRefusedError, applyPlanOffice, checkPlanOffice, type WriteRefusal } from '../../../src/adapters/officejs/applyPlan';
import { PLAN_WINDOW, loadWorkbook } from '../../../src/adapters/officejs/loadWorkbook';
import { type MemoryExcel, MemoryWorkbook, createMemoryExcel, memoryContext } from '../../../src/adapters/officejs/memory/memoryExcel';
import { OWNER_NAME } from '../../../src/workbook/layout';
import type { WritePlan } from '../../../src/workbook/plan/types';
import { RESULT, examplePlan } from './plans';

async function refusalOf(excel: MemoryExcel, plan: WritePlan): Promise<WriteRefusal | undefined> {
  const before = JSON.stringify(excel.workbook.snapshot());
  try {
    await excel.run((context) => applyPlanOffice(context, plan));
  } catch (error) {
    if (!(error instanceof WriteRefusedError)) throw error;
    expect(JSON.stringify(excel.workbook.snapshot())).toBe(before); // nothing written
    return error.refusal;
  }
  return undefined;
}

const resultPlan: WritePlan = [
  { kind: 'sheet', sheet: RESULT },
  { kind: 'values', sheet: RESULT, at: 'A1', rows: [['Resultat'], [3]] },
];

describe('applyPlanOffice refuses what the workbook cannot take, writing nothing', () => {
  it('a password-protected sheet: known at once on Excel on the web (isPasswordProtected)', async () => {
    const wb = new MemoryWorkbook(['Blad1', RESULT]);
    wb.sheet(RESULT).protect({}, 'hemligt');
    const excel = createMemoryExcel({ workbook: wb, online: true });
    expect(await refusalOf(excel, resultPlan)).toEqual({ code: 'sheet-password-protected', sheet: RESULT });
    expect(excel.contexts[0].syncCount).toBe(2); // names and load; no try, no write
  });

  it('a password-protected sheet elsewhere: found by trying to unprotect it, which changes nothing', async () => {
    const wb = new MemoryWorkbook(['Blad1', RESULT, 'Extra']);
    wb.sheet(RESULT).protect({ allowSort: true }); // no password: tried first, put back as it was
    wb.sheet('Extra').protect({ allowSort: true }, 'hemligt');
    const excel = createMemoryExcel({ workbook: wb });
    const plan: WritePlan = [...resultPlan, { kind: 'sheet', sheet: 'Extra' }];
    expect(await refusalOf(excel, plan)).toEqual({ code: 'sheet-password-protected', sheet: 'Extra' });
    expect(wb.sheet(RESULT).protection).toEqual({ protected: true, options: { allowSort: true } });
    expect(wb.sheet('Extra').protection).toEqual({ protected: true, options: { allowSort: true }, password: 'hemligt' });
  });

  it('a protected workbook structure when a sheet must be added; not when every sheet exists', async () => {
    const wb = new MemoryWorkbook(['Blad1']);
    wb.protection = { protected: true };
    const excel = createMemoryExcel({ workbook: wb });
    expect(await refusalOf(excel, resultPlan)).toEqual({ code: 'workbook-structure-protected', sheet: RESULT });
    wb.addSheet(RESULT);
    expect(await refusalOf(excel, resultPlan)).toBeUndefined();
    expect(wb.sheet(RESULT).cell('A2').value).toBe(3);
    // Renaming counts as a change of structure too.
    wb.sheet(RESULT).name = 'resultat';
    expect(await refusalOf(excel, resultPlan)).toEqual({ code: 'workbook-structure-protected', sheet: RESULT });
  });

  it('a table name the plan needs, taken by a table or a defined name of the user', async () => {
    const wb = new MemoryWorkbook(['Blad1', 'Mina']);
    const excel = createMemoryExcel({ workbook: wb });
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Mina');
      sheet.getRange('A1:B2').values = [['a', 'b'], [1, 2]];
      sheet.tables.add(sheet.getRange('A1:B2'), true).name = 'Resultat_omraden';
      await context.sync();
    });
    expect(await refusalOf(excel, examplePlan(5))).toEqual({ code: 'name-taken', name: 'Resultat_omraden', sheet: 'Mina' });
    wb.tables.splice(0, 1);
    wb.names.push({ name: 'resultat_omraden', formula: '=Mina!$A$1', visible: true, comment: '' });
    expect(await refusalOf(excel, examplePlan(5))).toEqual({ code: 'name-taken', name: 'Resultat_omraden' });
  });

  it('a table on a sheet the plan rebuilds is no conflict: it goes with the sheet', async () => {
    const excel = createMemoryExcel();
    await excel.run((context) => applyPlanOffice(context, examplePlan(5)));
    expect(await refusalOf(excel, examplePlan(5))).toBeUndefined();
  });

  it('a write outside the part of an updated sheet that was read', async () => {
    const wb = new MemoryWorkbook(['Handlingsplan']);
    const excel = createMemoryExcel({ workbook: wb });
    const beyond = `A${PLAN_WINDOW.rows + 1}`;
    expect(
      await refusalOf(excel, [
        { kind: 'sheet', sheet: 'Handlingsplan', mode: 'update' },
        { kind: 'values', sheet: 'Handlingsplan', at: beyond, rows: [['ny rad']] },
      ]),
    ).toEqual({ code: 'sheet-too-large', sheet: 'Handlingsplan', cell: beyond });
  });

  it('checks without touching the workbook (checkPlanOffice), and leaves plan errors to PlanError', async () => {
    const wb = new MemoryWorkbook(['Blad1']);
    wb.protection = { protected: true };
    const excel = createMemoryExcel({ workbook: wb });
    await excel.run(async (context) => {
      const loaded = await loadWorkbook(context, ['Resultat']);
      const pending = memoryContext(context).pendingActions;
      expect(checkPlanOffice(resultPlan, loaded)).toEqual({ code: 'workbook-structure-protected', sheet: RESULT });
      expect(memoryContext(context).pendingActions).toBe(pending);
      expect(() => checkPlanOffice([...resultPlan, ...resultPlan], loaded)).toThrow(PlanError);
    });
  });

  it('never lets the mark collide with a table of the user', async () => {
    const wb = new MemoryWorkbook(['Blad1']);
    const excel = createMemoryExcel({ workbook: wb });
    wb.sheet('Blad1').setValues('A1', [['a'], [1]]);
    wb.tables.push({ name: OWNER_NAME, sheet: wb.sheet('Blad1'), box: { top: 1, left: 1, bottom: 2, right: 1 }, style: '', showHeaders: true });
    expect(await refusalOf(excel, resultPlan)).toEqual({ code: 'name-taken', name: OWNER_NAME, sheet: 'Blad1' });
  });
});

describe('applyPlanOffice writes charts after the values they read', () => {
  it('works when the plan lists a chart before its values, on a new sheet', async () => {
    const plan: WritePlan = [
      { kind: 'sheet', sheet: 'Diagram' },
      {
        kind: 'chart',
        sheet: 'Diagram',
        name: 'Nivåer',
        type: 'bar',
        title: 'Nivå',
        categories: { sheet: 'Diagram', range: 'A2:A3' },
        series: [{ name: 'Nivå', values: { sheet: 'Diagram', range: 'B2:B3' } }],
        anchor: { from: 'D2', to: 'H10' },
      },
      { kind: 'values', sheet: 'Diagram', at: 'A2', rows: [['Styrning', 2], ['Risk', 3]] },
    ];
    const excel = createMemoryExcel();
    await excel.run((context) => applyPlanOffice(context, plan));
    expect(excel.workbook.sheet('Diagram').chartViews()[0].series).toEqual([
      { name: 'Nivå', values: { sheet: 'Diagram', range: 'B2:B3' }, categories: { sheet: 'Diagram', range: 'A2:A3' } },
    ]);
  });

  it('draws a line chart with markers, its series coloured by the line', async () => {
    const plan: WritePlan = [
      { kind: 'sheet', sheet: 'Trend' },
      { kind: 'values', sheet: 'Trend', at: 'A1', rows: [['2025', 1], ['2026', 2], ['2027', 3]] },
      {
        kind: 'chart',
        sheet: 'Trend',
        name: 'Nivå över tid',
        type: 'line',
        title: 'Nivå',
        categories: { sheet: 'Trend', range: 'A1:A3' },
        series: [{ name: 'Nivå', values: { sheet: 'Trend', range: 'B1:B3' }, color: '1F4E79' }],
        anchor: { from: 'D2', to: 'H10' },
      },
    ];
    const excel = createMemoryExcel();
    await excel.run((context) => applyPlanOffice(context, plan));
    expect(excel.workbook.sheet('Trend').chartViews()[0]).toMatchObject({ type: 'LineMarkers', series: [{ name: 'Nivå', color: '#1F4E79' }] });
  });

  it('refuses, before writing, a chart whose first series would be blank (Excel makes no series from it)', async () => {
    const plan: WritePlan = [
      { kind: 'sheet', sheet: 'Diagram' },
      {
        kind: 'chart',
        sheet: 'Diagram',
        name: 'Tomt',
        type: 'bar',
        title: 'Tomt',
        categories: { sheet: 'Diagram', range: 'A2:A3' },
        series: [{ name: 'Nivå', values: { sheet: 'Diagram', range: 'B2:B3' } }],
        anchor: { from: 'D2', to: 'H10' },
      },
    ];
    const excel = createMemoryExcel();
    await expect(excel.run((context) => applyPlanOffice(context, plan))).rejects.toThrow(/blank/);
    expect(excel.workbook.sheetNames()).toEqual(['Blad1']);
  });
});
