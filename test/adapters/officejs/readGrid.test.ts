import { applyPlanOffice } from '../../../src/adapters/officejs/applyPlan';
import { PLAN_WINDOW, QUESTIONNAIRE_WINDOW, loadWorkbook } from '../../../src/adapters/officejs/loadWorkbook';
import { type MemoryExcel, MemoryWorkbook, createMemoryExcel, memoryContext } from '../../../src/adapters/officejs/memory/memoryExcel';
import { readGridOffice } from '../../../src/adapters/officejs/readGrid';
import { OWNER_NAME } from '../../../src/workbook/layout';
import type { WorkbookGrid } from '../../../src/workbook/plan/types';
import { QUESTIONS, RESULT, examplePlan } from './plans';

async function read(excel: MemoryExcel, names: readonly string[], expectSheets?: readonly string[]): Promise<{ grid: WorkbookGrid; syncs: number }> {
  let syncs = 0;
  const grid = await excel.run(async (context) => {
    const result = await readGridOffice(context, names, { expectSheets });
    syncs = memoryContext(context).syncCount;
    return result;
  });
  return { grid, syncs };
}

/** A grid row as the workbook layer reads it: holes and nulls alike. */
const row = (values: readonly unknown[] | undefined, width: number) => Array.from({ length: width }, (_, c) => values?.[c] ?? null);

describe('readGridOffice on the memory Excel', () => {
  it('reads the used values as a sparse grid from A1: dates as YYYY-MM-DD, empty cells holes, formulas beside', async () => {
    const wb = new MemoryWorkbook(['Blad1', 'Start']);
    wb.sheet('Start').setValues('C3', [
      ['Kommun', 'Exempel', true],
      [{ date: '2024-03-15' }, 12.5, null],
      ['', 'x', { formula: 'A1' }],
    ]);
    const { grid, syncs } = await read(createMemoryExcel({ workbook: wb }), ['Start', 'Saknas']);
    expect(grid.sheetNames).toEqual(['Blad1', 'Start']);
    expect([...grid.sheets.keys()]).toEqual(['Start']);
    const start = grid.sheets.get('Start')!;
    expect(start.name).toBe('Start');
    expect([0, 1, 2, 3, 4].map((r) => row(start.values[r], 5))).toEqual([
      [null, null, null, null, null],
      [null, null, null, null, null],
      [null, null, 'Kommun', 'Exempel', true],
      [null, null, '2024-03-15', 12.5, null],
      [null, null, null, 'x', null], // the memory Excel does not calculate formulas
    ]);
    // Sparse: rows without content are holes, not arrays of nulls.
    expect(0 in start.values).toBe(false);
    expect(start.formulas?.[4]?.[4]).toBe('A1');
    expect(3 in (start.formulas ?? [])).toBe(false);
    expect(syncs).toBe(2);
  });

  it('reads dates under any date format and leaves other numbers alone', async () => {
    const wb = new MemoryWorkbook();
    const sheet = wb.sheet('Blad1').setValues('A1', [[45366, 45366, 45366, 45366, 0.5, 45366]]);
    ['d mmm yyyy', '[$-sv-SE]yyyy-mm-dd', 'mm/dd/yy', '0.00', 'h:mm', '#,##0'].forEach((format, i) => (sheet.cellAt(1, i + 1).numberFormat = format));
    const { grid } = await read(createMemoryExcel({ workbook: wb }), ['Blad1']);
    expect(grid.sheets.get('Blad1')!.values).toEqual([['2024-03-15', '2024-03-15', '2024-03-15', 45366, 0.5, 45366]]);
  });

  it('matches sheet names case-insensitively, keyed by the name asked for; an empty sheet has an empty grid', async () => {
    const wb = new MemoryWorkbook(['Blad1', 'Start']);
    const { grid, syncs } = await read(createMemoryExcel({ workbook: wb }), ['start', 'BLAD1']);
    expect(grid.sheets.get('start')).toEqual({ name: 'Start', values: [], formulas: [] });
    expect(grid.sheets.get('BLAD1')).toEqual({ name: 'Blad1', values: [], formulas: [] });
    expect(syncs).toBe(2);
  });

  it('takes one round trip when the sheet names are as expected, whatever the number of sheets and rows', async () => {
    for (const [sheets, rows] of [
      [1, 10],
      [40, 500],
    ]) {
      const names = Array.from({ length: sheets }, (_, i) => `S${i + 1}`);
      const wb = new MemoryWorkbook(names);
      for (const name of names) wb.sheet(name).setValues('A1', Array.from({ length: rows }, (_, r) => [r, `rad ${r}`]));
      const cold = await read(createMemoryExcel({ workbook: wb }), names);
      const warm = await read(createMemoryExcel({ workbook: wb }), names, names);
      expect([cold.syncs, warm.syncs]).toEqual([2, 1]);
      expect(warm.grid.sheets.get(names[sheets - 1])!.values).toHaveLength(rows);
      expect(warm.grid).toEqual(cold.grid);
    }
  });

  it('reads the names again when a sheet was added, renamed or deleted since the expected names', async () => {
    const wb = new MemoryWorkbook(['Blad1', 'Start']);
    wb.sheet('Start').setValues('A1', [['Start']]);
    const excel = createMemoryExcel({ workbook: wb });
    const added = await read(excel, ['Start', 'Ny'], ['Blad1']); // Start appeared: names differ, one more load
    expect(added.syncs).toBe(2);
    expect(added.grid.sheets.get('Start')!.values).toEqual([['Start']]);
    const deleted = await read(excel, ['Start'], ['Blad1', 'Start', 'Borta']); // Borta is gone: ItemNotFound, names, load
    expect(deleted.syncs).toBe(3);
    expect(deleted.grid.sheetNames).toEqual(['Blad1', 'Start']);
    expect(deleted.grid.sheets.get('Start')!.values).toEqual([['Start']]);
  });

  it('does not load 17 billion cells for a stray value at XFD1048576: only the window A:Z is read', async () => {
    const wb = new MemoryWorkbook(['Nivå 1', 'Handlingsplan']);
    wb.sheet('Nivå 1').setValues('A1', [['Id', 'Nr']]).setValues('A5', [['Q01', 1]]).setValues('XFD1048576', [['oj']]);
    wb.sheet('Handlingsplan').setValues('A4', [['Id', 'Aktivitet']]).setValues('CV20000', [['sista i fönstret']]).setValues('XFD1048576', [['oj']]);
    const excel = createMemoryExcel({ workbook: wb });
    const { grid } = await read(excel, ['Nivå 1', 'Handlingsplan']);
    const level = grid.sheets.get('Nivå 1')!;
    expect(level.values[4]).toEqual(['Q01', 1]);
    expect(level.values.length).toBe(5);
    const plan = grid.sheets.get('Handlingsplan')!;
    expect(plan.values.length).toBe(PLAN_WINDOW.rows);
    expect(plan.values[PLAN_WINDOW.rows - 1]?.[PLAN_WINDOW.columns - 1]).toBe('sista i fönstret');
    // Rows between are holes: the grid costs what the sheet holds, not its extent.
    expect(Object.keys(plan.values)).toHaveLength(2);
    // The whole sheet's used range is known, for the write check.
    const loaded = await excel.run((context) => loadWorkbook(context, ['Nivå 1']));
    expect(loaded.sheets.get('nivå 1')!.detail).toMatchObject({ window: { bottom: QUESTIONNAIRE_WINDOW.rows, right: 26 }, used: { top: 1, left: 1, bottom: 1048576, right: 16384 } });
  });

  it("returns every sheet's ownership mark and the charts, pictures and shapes of the sheets asked for", async () => {
    const wb = new MemoryWorkbook(['Blad1', 'Resultat', 'resultat (2)', 'Mina']);
    wb.sheet('Resultat').addName(OWNER_NAME, '="Resultat"', false).addShape('Logga', 'Image').addShape('Pil');
    wb.sheet('Mina').addName(OWNER_NAME, '="Handlingsplan"', false); // a renamed Handlingsplan
    wb.sheet('Mina').setValues('A1', [['a', 1]]);
    const excel = createMemoryExcel({ workbook: wb });
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Resultat');
      sheet.getRange('A1:A2').values = [[1], [2]];
      sheet.charts.add('Pie', sheet.getRange('A1:A2'), 'Columns').name = 'Användarens diagram';
      await context.sync();
    });
    const { grid } = await read(excel, ['resultat', 'Blad1']);
    expect(grid.owners).toEqual(new Map([
      ['Resultat', 'Resultat'],
      ['Mina', 'Handlingsplan'],
    ]));
    expect(grid.objects).toEqual(
      new Map([
        [
          'resultat',
          [
            { kind: 'chart', name: 'Användarens diagram' },
            { kind: 'picture', name: 'Logga' },
            { kind: 'shape', name: 'Pil' },
          ],
        ],
      ]),
    );
  });

  it('reads no shapes on hosts before ExcelApi 1.9, and still reads', async () => {
    const wb = new MemoryWorkbook(['Resultat']);
    wb.sheet('Resultat').addShape('Logga', 'Image');
    const { grid } = await read(createMemoryExcel({ workbook: wb, apiVersion: '1.8' }), ['Resultat']);
    expect(grid.objects?.get('Resultat')).toBeUndefined();
  });

  it('reads back what applyPlanOffice wrote', async () => {
    const excel = createMemoryExcel();
    await excel.run((context) => applyPlanOffice(context, examplePlan(20)));
    const { grid } = await read(excel, [QUESTIONS, RESULT]);
    const q = grid.sheets.get(QUESTIONS)!.values;
    expect(q[0].slice(0, 4)).toEqual(['Id', 'Fråga', 'Svar', 'Kommentar']);
    expect(row(q[1], 4)).toEqual(['1.1', 'Fråga 1: finns en dokumenterad rutin?', 'Ja', '- se bilaga']);
    expect(q[1][6]).toBe('2024-03-15');
    expect(q).toHaveLength(21);
    expect(row(grid.sheets.get(RESULT)!.values[1], 5)).toEqual(['Styrning', 1, 3, null, 1]);
    expect(grid.owners?.get(QUESTIONS)).toBe(QUESTIONS);
  });

  it('returns the formula text of cells that hold formulas, from A1', async () => {
    const excel = createMemoryExcel();
    await excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.add('Handlingsplan');
      sheet.getRange('B3:C3').values = [[5, '=B3+90']];
      ctx.workbook.worksheets.add('Plain').getRange('A1').values = [['x']];
      await ctx.sync();
    });
    const grid = await excel.run((ctx) => readGridOffice(ctx, ['Handlingsplan', 'Plain']));
    const plan = grid.sheets.get('Handlingsplan')!;
    expect(plan.formulas?.[2]?.[2]).toBe('B3+90');
    expect(plan.formulas?.[2]?.[1] ?? null).toBeNull();
    expect(grid.sheets.get('Plain')!.formulas).toEqual([]);
  });
});
