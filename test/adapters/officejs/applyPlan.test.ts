import { PRODUCT_PROTECTION, PlanError, applyPlanOffice, columnWidthPoints, planSheetNames } from '../../../src/adapters/officejs/applyPlan';
import { loadWorkbook } from '../../../src/adapters/officejs/loadWorkbook';
import { isoToSerial } from '../../../src/adapters/officejs/cells';
import { type MemoryExcel, MemoryWorkbook, createMemoryExcel, memoryContext } from '../../../src/adapters/officejs/memory/memoryExcel';
import type { WritePlan } from '../../../src/workbook/plan/types';
import { AREAS, QUESTIONS, RESULT, examplePlan, planSheets } from './plans';

async function apply(excel: MemoryExcel, plan: WritePlan): Promise<{ syncs: number; contextSyncs: number }> {
  let contextSyncs = 0;
  const { syncs } = await excel.run(async (context) => {
    const result = await applyPlanOffice(context, plan);
    contextSyncs = memoryContext(context).syncCount;
    expect(memoryContext(context).pendingActions).toBe(0); // nothing left for run()'s final flush
    return result;
  });
  return { syncs, contextSyncs };
}

/** A user's own sheet: values and a chart added through the API, as a user would have them. */
async function addUserSheet(excel: MemoryExcel, name = 'Mina anteckningar'): Promise<void> {
  excel.workbook.addSheet(name).setValues('A1', [
    ['Område', 'Poäng'],
    ['Styrning', 3],
    ['Risk', 4],
  ]);
  await excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(name);
    const chart = sheet.charts.add('Pie', sheet.getRange('A1:B3'), 'Columns');
    chart.name = 'Min graf';
    sheet.getRange('A1:B1').format.font.bold = true;
    await context.sync();
  });
}

describe('applyPlanOffice on the memory Excel', () => {
  it('writes values, formats, merges, validations, a table, charts, conditional formats and protection', async () => {
    const excel = createMemoryExcel();
    const { syncs } = await apply(excel, examplePlan(200));
    const wb = excel.workbook;
    expect(wb.sheetNames()).toEqual(['Blad1', QUESTIONS, RESULT]);
    expect(syncs).toBeLessThanOrEqual(5);

    const q = wb.sheet(QUESTIONS);
    // Values: question ids stay text, "-…" stays text, null answers are empty, 200 rows written.
    expect(q.cell('A1').value).toBe('Id');
    expect(q.cell('A2').value).toBe('1.1');
    expect(q.cell('A201').value).toBe('20.10');
    expect(q.cell('B201').value).toBe('Fråga 200: finns en dokumenterad rutin?');
    expect(q.cell('C2').value).toBe('Ja');
    expect(q.cell('C3').value).toBeNull();
    expect(q.cell('D2').value).toBe('- se bilaga');
    expect(q.cell('D2').formula).toBeNull();
    expect(q.cell('D3').value).toBeNull();
    expect(q.values().length).toBe(201);
    // Date as a serial with a date format; formula; hyperlink; ragged rows leave other cells alone.
    expect(q.cell('G2').value).toBe(isoToSerial('2024-03-15'));
    expect(q.cell('G2').numberFormat).toBe('yyyy-mm-dd');
    expect(q.cell('G3').formula).toBe('=COUNTA(C2:C201)');
    expect(q.cell('G4').value).toBe('MCF');
    expect(q.cell('G4').hyperlink).toEqual({ address: 'https://www.mcf.se/', textToDisplay: 'MCF' });
    expect(q.cell('G4').format.underline).toBe('Single');
    expect(q.cell('H4').value).toBe('extra');
    expect(q.cell('F1').mergedArea).toBe('F1:H1');
    expect(q.cell('F1').value).toBe('Infosäkkollen');

    // Formats.
    expect(q.cell('A1').format).toMatchObject({ bold: true, fill: '#1F4E79', fontColor: '#FFFFFF' });
    expect(q.cell('B1').format.borders.bottom).toEqual({ style: 'Continuous', weight: 'Thin', color: '#000000' });
    expect(q.cell('B1').format.borders.top).toBeUndefined();
    expect(q.cell('B2').format).toMatchObject({ wrapText: true, verticalAlignment: 'Top', indentLevel: 1, locked: true });
    expect(q.cell('C100').format).toMatchObject({ locked: false, fill: '#FFF2CC', horizontalAlignment: 'Center' });
    expect(q.cell('C100').format.borders).toMatchObject({ top: { style: 'Continuous' }, bottom: { style: 'Continuous' }, left: { style: 'Continuous' }, right: { style: 'Continuous' } });
    expect(q.columnWidth('A')).toBe(44.25); // 8.43 as an .xlsx width: 59 px
    expect(q.columnWidth('B')).toBe(columnWidthPoints(60));
    expect(columnWidthPoints(9.140625)).toBe(48); // Excel's default column, 64 px
    expect(columnWidthPoints(20)).toBe(105);
    expect(q.columnWidth('E')).toBe(48);
    expect([1, 2, 3, 4, 5].map((r) => q.rowHeight(r))).toEqual([30, 15, 30, 30, 30]);

    // Sheet settings.
    expect(q.tabColor).toBe('#1F4E79');
    expect(q.freeze).toEqual({ rows: 1, columns: 0 });
    expect(q.showGridlines).toBe(false);
    expect(q.pageLayout).toEqual({ orientation: 'Landscape', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } });
    expect(q.protection.protected).toBe(true);
    expect(q.protection.options).toMatchObject({ allowFormatColumns: false, allowFormatCells: false, allowInsertRows: false, allowEditObjects: false });
    // Evidence asks for links and comments are long: links may be inserted and rows made taller.
    expect(q.protection.options).toMatchObject({ allowInsertHyperlinks: true, allowFormatRows: true });
    expect(q.protection.password).toBeUndefined();

    // Validation and conditional format on the answer cells.
    expect(q.cell('C150').validation).toEqual({
      rule: { list: { inCellDropDown: true, source: 'Ja,Nej,Delvis' } },
      errorAlert: { showAlert: true, style: 'Stop', title: '', message: '' },
      prompt: { showPrompt: true, title: '', message: 'Välj Ja, Nej eller Delvis.' },
      ignoreBlanks: true,
    });
    expect(q.cell('C202').validation).toBeNull();
    expect(q.conditionalFormatViews()).toEqual([{ range: 'C2:C201', type: 'Custom', formula: '=C2="Nej"', fill: '#FFC7CE', fontColor: '#9C0006' }]);

    // Result sheet: table and charts.
    const r = wb.sheet(RESULT);
    expect(r.values('A1:C2')).toEqual([
      ['Område', 'Nivå', 'Mål'],
      ['Styrning', 1, 3],
    ]);
    expect(r.cell('B2').numberFormat).toBe('0');
    expect(r.tableViews()).toEqual([{ name: 'Resultat_omraden', range: 'A1:C11', style: 'TableStyleMedium2' }]);
    expect(r.chartViews()).toEqual([
      {
        name: 'Nivåer',
        type: 'BarClustered',
        title: 'Nivå per område',
        position: { from: 'G2', to: 'N20' },
        series: [{ name: 'Nivå', values: { sheet: RESULT, range: 'B2:B11' }, categories: { sheet: RESULT, range: 'A2:A11' }, color: '#2E75B6' }],
        valueAxis: { minimum: 0, maximum: 5, majorUnit: 1, title: { text: 'Nivå', visible: true } },
        legendVisible: false,
      },
      {
        name: 'Jämförelse',
        type: 'ColumnClustered',
        title: 'I år och förra året',
        position: { from: 'G22', to: 'N40' },
        series: [
          { name: 'I år', values: { sheet: RESULT, range: 'B2:B11' }, categories: { sheet: RESULT, range: 'A2:A11' }, color: '#2E75B6' },
          { name: 'Förra året', values: { sheet: RESULT, range: 'E2:E11' }, categories: { sheet: RESULT, range: 'A2:A11' }, color: '#A5A5A5' },
        ],
        valueAxis: { minimum: 0, maximum: 5, title: { text: '', visible: false } },
        legendVisible: true,
      },
    ]);
    expect(r.protection.protected).toBe(false);
  });

  it('keeps the number of round trips fixed whatever the rows and sheets', async () => {
    const counts: number[] = [];
    for (const [rows, extra] of [
      [10, 0],
      [10, 1],
      [500, 1],
      [500, 20],
    ] as const) {
      const excel = createMemoryExcel();
      const first = await apply(excel, examplePlan(rows, extra));
      const again = await apply(excel, examplePlan(rows, extra)); // existing sheets: the reset path
      expect(first.syncs).toBe(first.contextSyncs);
      expect(again.syncs).toBe(again.contextSyncs);
      counts.push(first.syncs, again.syncs);
    }
    // Sheet names, the load, the write. Again: the protected questionnaire sheet is tried for a
    // password first (this host cannot tell; Excel on the web can, see below).
    expect(counts).toEqual([3, 4, 3, 4, 3, 4, 3, 4]);
  });

  it('writes in one round trip after a load that expected the sheet names, on Excel on the web', async () => {
    const excel = createMemoryExcel({ online: true });
    await apply(excel, examplePlan(50, 2));
    const names = excel.workbook.sheetNames();
    const syncs = await excel.run(async (context) => {
      const loaded = await loadWorkbook(context, planSheetNames(examplePlan(50, 2)), { expectSheets: names });
      const { syncs: writes } = await applyPlanOffice(context, examplePlan(50, 2), loaded);
      return [loaded.syncs, writes, memoryContext(context).syncCount];
    });
    expect(syncs).toEqual([1, 1, 2]);
  });

  it('gives the same workbook when the same plan is applied twice (no duplicate charts or tables)', async () => {
    const excel = createMemoryExcel();
    await apply(excel, examplePlan(50, 2));
    const once = JSON.stringify(excel.workbook.snapshot());
    await apply(excel, examplePlan(50, 2));
    expect(JSON.stringify(excel.workbook.snapshot())).toBe(once);
    expect(excel.workbook.sheet(RESULT).charts).toHaveLength(2);
    expect(excel.workbook.tables).toHaveLength(1);
    expect(excel.workbook.sheetNames()).toEqual(['Blad1', QUESTIONS, RESULT, 'Extra 1', 'Extra 2']);
  });

  it('clears the old content of an owned sheet, keeping its position', async () => {
    const wb = new MemoryWorkbook([QUESTIONS, 'Blad1']);
    const excel = createMemoryExcel({ workbook: wb });
    await apply(excel, examplePlan(300));
    // Stray content in a free corner of the owned sheet.
    wb.sheet(QUESTIONS).setValues('Z500', [['kvar?']]);
    await apply(excel, examplePlan(20));
    const q = wb.sheet(QUESTIONS);
    expect(wb.sheetNames()).toEqual([QUESTIONS, 'Blad1', RESULT]);
    expect(q.values().length).toBe(21);
    expect(q.cell('A22').value).toBeNull();
    expect(q.cell('Z500').value).toBeNull();
    expect(q.cell('C100').format.locked).toBe(true);
    expect(q.cell('C100').validation).toBeNull();
    expect(q.conditionalFormatViews()).toEqual([{ range: 'C2:C21', type: 'Custom', formula: '=C2="Nej"', fill: '#FFC7CE', fontColor: '#9C0006' }]);
    expect(q.protection.protected).toBe(true);
    expect(JSON.stringify(wb.snapshot())).toBe(JSON.stringify(await freshSnapshot([QUESTIONS, 'Blad1'], examplePlan(20))));
  });

  it('resets settings an earlier plan made and the new one does not ask for', async () => {
    const excel = createMemoryExcel();
    await apply(excel, examplePlan(10));
    const plain: WritePlan = [
      { kind: 'sheet', sheet: QUESTIONS },
      { kind: 'values', sheet: QUESTIONS, at: 'A1', rows: [['ny']] },
    ];
    await apply(excel, plain);
    const q = excel.workbook.sheet(QUESTIONS);
    expect(q.tabColor).toBe('');
    expect(q.freeze).toBeNull();
    expect(q.showGridlines).toBe(true);
    // Protection is never taken away silently: whoever protected the sheet, it comes back as it was.
    expect(q.protection).toEqual({ protected: true, options: PRODUCT_PROTECTION });
    expect(q.pageLayout).toEqual({ orientation: 'Portrait', zoom: { scale: 100 } });
    expect(q.columnWidth('B')).toBe(48);
    expect(q.rowHeight(3)).toBe(15);
    expect(q.mergedAreas()).toEqual([]);
    expect(q.values()).toEqual([['ny']]);
  });

  it('leaves a sheet the plan does not name untouched (values, formats and chart)', async () => {
    const excel = createMemoryExcel();
    await addUserSheet(excel);
    const user = excel.workbook.sheet('Mina anteckningar');
    const before = JSON.stringify(user.snapshot());
    await apply(excel, examplePlan(100));
    await apply(excel, examplePlan(30));
    expect(JSON.stringify(user.snapshot())).toBe(before);
    expect(user.chartViews().map((c) => c.name)).toEqual(['Min graf']);
    expect(user.cell('A1').format.bold).toBe(true);
  });

  it('removes the charts and tables of an owned sheet, unprotects it before clearing and protects it again as the user had it', async () => {
    const wb = new MemoryWorkbook(['Blad1', RESULT]);
    const excel = createMemoryExcel({ workbook: wb });
    wb.sheet(RESULT).setValues('A1', [
      ['x', 'y'],
      ['a', 1],
    ]);
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(RESULT);
      sheet.charts.add('Line', sheet.getRange('A1:B2'), 'Columns');
      sheet.tables.add(sheet.getRange('A1:B2'), true).name = 'Resultat_omraden';
      sheet.getRange('D1:E1').merge(false);
      sheet.protection.protect({ allowFormatCells: true });
      await context.sync();
    });
    await apply(excel, examplePlan(10));
    const r = wb.sheet(RESULT);
    expect(r.chartViews().map((c) => c.name)).toEqual(['Nivåer', 'Jämförelse']);
    expect(r.tableViews().map((t) => t.name)).toEqual(['Resultat_omraden']);
    expect(r.mergedAreas()).toEqual([]);
    expect(r.protection).toEqual({ protected: true, options: { allowFormatCells: true } });
  });

  it('unprotects a protected sheet it writes into without owning it, and protects it again', async () => {
    const excel = createMemoryExcel();
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Blad1').protection.protect({ allowSort: true });
      await context.sync();
    });
    const { syncs } = await apply(excel, [{ kind: 'values', sheet: 'Blad1', at: 'B2', rows: [['skrivet']] }]);
    const sheet = excel.workbook.sheet('Blad1');
    expect(sheet.cell('B2').value).toBe('skrivet');
    expect(sheet.protection).toEqual({ protected: true, options: { allowSort: true } });
    expect(syncs).toBe(4);
  });

  it('refuses a plan that writes to a sheet that neither exists nor is created, before writing anything', async () => {
    const excel = createMemoryExcel();
    const before = JSON.stringify(excel.workbook.snapshot());
    const plan: WritePlan = [...examplePlan(5), { kind: 'values', sheet: 'Finns inte', at: 'A1', rows: [[1]] }];
    await expect(apply(excel, plan)).rejects.toThrow(PlanError);
    await expect(apply(excel, plan)).rejects.toThrow('"Finns inte"');
    expect(JSON.stringify(excel.workbook.snapshot())).toBe(before);
  });

  it('skips page layout and indent on hosts without ExcelApi 1.9, and validation and gridlines without 1.8', async () => {
    const on18 = createMemoryExcel({ apiVersion: '1.8' });
    await apply(on18, examplePlan(10));
    const q18 = on18.workbook.sheet(QUESTIONS);
    expect(q18.pageLayout.orientation).toBe('Portrait');
    expect(q18.cell('B2').format.indentLevel).toBeUndefined();
    expect(q18.cell('C2').validation).not.toBeNull();

    const on17 = createMemoryExcel({ apiVersion: '1.7' });
    await apply(on17, examplePlan(10));
    expect(on17.workbook.sheet(QUESTIONS).cell('C2').validation).toBeNull();
    expect(on17.workbook.sheet(QUESTIONS).showGridlines).toBe(true);
    expect(on17.workbook.sheet(RESULT).charts).toHaveLength(2);

    await expect(apply(createMemoryExcel({ apiVersion: '1.6' }), examplePlan(1))).rejects.toThrow('ExcelApi 1.7');
  });

  it('rejects validation lists Excel cannot hold', async () => {
    const plan: WritePlan = [
      { kind: 'sheet', sheet: 'V' },
      { kind: 'validation', sheet: 'V', range: 'A1', list: ['Ja', 'Nej, inte alls'], strict: false },
    ];
    await expect(apply(createMemoryExcel(), plan)).rejects.toThrow('comma');
  });

  it('writes a drop-down whose values come from cells on another sheet, and it offers ids typed there later', async () => {
    const excel = createMemoryExcel({ workbook: new MemoryWorkbook(['Blad1', 'mål']) });
    excel.workbook.sheet('mål').setValues('A29', [['Id'], ['M1'], ['M2']]);
    const plan: WritePlan = [
      { kind: 'sheet', sheet: 'Handlingsplan' },
      { kind: 'values', sheet: 'Handlingsplan', at: 'A1', rows: [['Aktivitet', 'Årliga mål', 'Status', 'Typ']] },
      { kind: 'validation', sheet: 'Handlingsplan', range: 'B2:B200', source: { sheet: 'Mål', range: 'A30:A49' }, strict: false, prompt: 'Välj ett mål.' },
      { kind: 'validation', sheet: 'Handlingsplan', range: 'C2:C200', list: ['Planerad', 'Klar'], strict: true },
      { kind: 'sheet', sheet: "Team's <mål>" },
      { kind: 'values', sheet: "Team's <mål>", at: 'B2', rows: [['x', 'y']] },
      { kind: 'validation', sheet: 'Handlingsplan', range: 'D2', source: { sheet: "Team's <mål>", range: 'C2:B2' }, strict: true },
    ];
    await apply(excel, plan);
    const sheet = excel.workbook.sheet('Handlingsplan');
    // The workbook's spelling of the sheet, quoted; absolute cells.
    expect(sheet.cell('B57').validation).toEqual({
      rule: { list: { inCellDropDown: true, source: "='mål'!$A$30:$A$49" } },
      errorAlert: { showAlert: true, style: 'Warning', title: '', message: '' },
      prompt: { showPrompt: true, title: '', message: 'Välj ett mål.' },
      ignoreBlanks: true,
    });
    expect(sheet.dropDown('B2')).toEqual({ source: { sheet: 'mål', range: 'A30:A49' }, items: ['M1', 'M2'] });
    excel.workbook.sheet('mål').setValues('A32', [['M3']]);
    expect(sheet.dropDown('B200')!.items).toEqual(['M1', 'M2', 'M3']);
    expect(sheet.cell('B201').validation).toBeNull();
    // A sheet the same plan creates; an apostrophe in the name is doubled.
    expect(sheet.cell('D2').validation!.rule).toEqual({ list: { inCellDropDown: true, source: "='Team''s <mål>'!$B$2:$C$2" } });
    expect(sheet.cell('D2').validation!.errorAlert!.style).toBe('Stop');
    expect(sheet.dropDown('D2')).toEqual({ source: { sheet: "Team's <mål>", range: 'B2:C2' }, items: ['x', 'y'] });
    // The list form beside it still works.
    expect(sheet.cell('C2').validation!.rule).toEqual({ list: { inCellDropDown: true, source: 'Planerad,Klar' } });
    expect(sheet.dropDown('C2')).toEqual({ source: null, items: ['Planerad', 'Klar'] });
    // Applied again: the same workbook.
    const once = JSON.stringify(excel.workbook.snapshot());
    await apply(excel, plan);
    expect(JSON.stringify(excel.workbook.snapshot())).toBe(once);
  });

  it('rejects, before writing anything, a drop-down source on a missing sheet or over more than one row and column', async () => {
    const excel = createMemoryExcel();
    const before = JSON.stringify(excel.workbook.snapshot());
    const on = (source: { sheet: string; range: string }): WritePlan => [
      { kind: 'sheet', sheet: 'V' },
      { kind: 'validation', sheet: 'V', range: 'A1:A5', source, strict: true },
    ];
    await expect(apply(excel, on({ sheet: 'Mål', range: 'A30:A49' }))).rejects.toThrow(/from sheet "Mål", which neither exists nor is created/);
    await expect(apply(excel, on({ sheet: 'V', range: 'B1:C9' }))).rejects.toThrow(/neither one row nor one column/);
    const both = { kind: 'validation', sheet: 'V', range: 'A1', list: ['a'], source: { sheet: 'V', range: 'B1:B2' }, strict: true } as unknown as WritePlan[number];
    await expect(apply(excel, [{ kind: 'sheet', sheet: 'V' }, both])).rejects.toThrow(/both a list and a source/);
    expect(JSON.stringify(excel.workbook.snapshot())).toBe(before);
  });

  it('does not change the plan', async () => {
    const plan = examplePlan(5, 1);
    const copy = JSON.parse(JSON.stringify(plan));
    await apply(createMemoryExcel(), Object.freeze(plan));
    expect(plan).toEqual(copy);
    expect(planSheets(plan)).toEqual([QUESTIONS, RESULT, 'Extra 1']);
    expect(AREAS).toHaveLength(10);
  });
});

async function freshSnapshot(sheets: string[], plan: WritePlan): Promise<unknown> {
  const excel = createMemoryExcel({ workbook: new MemoryWorkbook(sheets) });
  await apply(excel, plan);
  return excel.workbook.snapshot();
}
