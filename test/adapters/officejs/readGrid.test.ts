import { applyPlanOffice } from '../../../src/adapters/officejs/applyPlan';
import { type MemoryExcel, MemoryWorkbook, createMemoryExcel, memoryContext } from '../../../src/adapters/officejs/memory/memoryExcel';
import { readGridOffice } from '../../../src/adapters/officejs/readGrid';
import type { WorkbookGrid } from '../../../src/workbook/plan/types';
import { QUESTIONS, RESULT, examplePlan } from './plans';

async function read(excel: MemoryExcel, names: readonly string[]): Promise<{ grid: WorkbookGrid; syncs: number }> {
  let syncs = 0;
  const grid = await excel.run(async (context) => {
    const result = await readGridOffice(context, names);
    syncs = memoryContext(context).syncCount;
    return result;
  });
  return { grid, syncs };
}

describe('readGridOffice on the memory Excel', () => {
  it('reads the used values as a grid from A1: offset padded, dates as YYYY-MM-DD, empty cells null', async () => {
    const wb = new MemoryWorkbook(['Blad1', 'Start']);
    wb.sheet('Start').setValues('C3', [
      ['Kommun', 'Exempel', true],
      [{ date: '2024-03-15' }, 12.5, null],
      ['', 'x', { formula: 'A1' }],
    ]);
    const { grid, syncs } = await read(createMemoryExcel({ workbook: wb }), ['Start', 'Saknas']);
    expect(grid.sheetNames).toEqual(['Blad1', 'Start']);
    expect([...grid.sheets.keys()]).toEqual(['Start']);
    expect(grid.sheets.get('Start')).toEqual({
      name: 'Start',
      values: [
        [null, null, null, null, null],
        [null, null, null, null, null],
        [null, null, 'Kommun', 'Exempel', true],
        [null, null, '2024-03-15', 12.5, null],
        [null, null, null, 'x', null], // the memory Excel does not calculate formulas
      ],
      formulas: [[], [], [], [], [null, null, null, null, 'A1']],
    });
    expect(syncs).toBe(2);
  });

  it('reads dates under any date format and leaves other numbers alone', async () => {
    const wb = new MemoryWorkbook();
    const sheet = wb.sheet('Blad1').setValues('A1', [[45366, 45366, 45366, 45366, 0.5, 45366]]);
    ['d mmm yyyy', '[$-sv-SE]yyyy-mm-dd', 'mm/dd/yy', '0.00', 'h:mm', '#,##0'].forEach((format, i) => (sheet.cellAt(1, i + 1).numberFormat = format));
    const { grid } = await read(createMemoryExcel({ workbook: wb }), ['Blad1']);
    expect(grid.sheets.get('Blad1')!.values).toEqual([['2024-03-15', '2024-03-15', '2024-03-15', 45366, 0.5, 45366]]);
  });

  it('matches sheet names case-insensitively and gives an existing empty sheet an empty grid', async () => {
    const wb = new MemoryWorkbook(['Blad1', 'Start']);
    const { grid, syncs } = await read(createMemoryExcel({ workbook: wb }), ['start', 'BLAD1']);
    expect(grid.sheets.get('start')).toEqual({ name: 'Start', values: [] });
    expect(grid.sheets.get('BLAD1')).toEqual({ name: 'Blad1', values: [] });
    expect(syncs).toBe(2);
  });

  it('needs one round trip when none of the requested sheets exists', async () => {
    const { grid, syncs } = await read(createMemoryExcel(), ['Start', 'Nivå 1']);
    expect(grid.sheets.size).toBe(0);
    expect(syncs).toBe(1);
  });

  it('takes 2 round trips whatever the number of sheets and rows', async () => {
    for (const [sheets, rows] of [
      [1, 10],
      [40, 500],
    ]) {
      const names = Array.from({ length: sheets }, (_, i) => `S${i + 1}`);
      const wb = new MemoryWorkbook(names);
      for (const name of names) wb.sheet(name).setValues('A1', Array.from({ length: rows }, (_, r) => [r, `rad ${r}`]));
      const { grid, syncs } = await read(createMemoryExcel({ workbook: wb }), names);
      expect(syncs).toBe(2);
      expect(grid.sheets.get(names[sheets - 1])!.values).toHaveLength(rows);
    }
  });

  it('reads back what applyPlanOffice wrote', async () => {
    const excel = createMemoryExcel();
    await excel.run((context) => applyPlanOffice(context, examplePlan(20)));
    const { grid } = await read(excel, [QUESTIONS, RESULT]);
    const q = grid.sheets.get(QUESTIONS)!.values;
    expect(q[0].slice(0, 4)).toEqual(['Id', 'Fråga', 'Svar', 'Kommentar']);
    expect(q[1].slice(0, 4)).toEqual(['1.1', 'Fråga 1: finns en dokumenterad rutin?', 'Ja', '- se bilaga']);
    expect(q[1][6]).toBe('2024-03-15');
    expect(q).toHaveLength(21);
    expect(grid.sheets.get(RESULT)!.values[1]).toEqual(['Styrning', 1, 3, null, 1]);
  });
});

describe('readGridOffice formulas', () => {
  it('returns the formula text of cells that hold formulas, from A1, and none for plain sheets', async () => {
    const { createMemoryExcel } = await import('../../../src/adapters/officejs/memory/memoryExcel');
    const excel = createMemoryExcel();
    await excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.add('Handlingsplan');
      sheet.getRange('B3:C3').values = [[5, '=B3+90']];
      ctx.workbook.worksheets.add('Plain').getRange('A1').values = [['x']];
      await ctx.sync();
    });
    const grid = await excel.run((ctx) => readGridOffice(ctx as never, ['Handlingsplan', 'Plain']));
    const plan = grid.sheets.get('Handlingsplan')!;
    expect(plan.formulas?.[2]?.[2]).toBe('B3+90');
    expect(plan.formulas?.[2]?.[1] ?? null).toBeNull();
    expect(grid.sheets.get('Plain')!.formulas).toBeUndefined();
  });
});
