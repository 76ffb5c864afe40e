/**
 * The memory Excel is the only Excel these tests meet, so it must refuse what Excel refuses. Each
 * test names the Microsoft documentation it follows; where the documentation leaves the exact
 * behaviour open, the stricter reading is modelled (TOOLCHAIN.md) and the test says so.
 */
import { MemoryExcelError, MemoryWorkbook, createMemoryExcel, memoryContext } from '../../../../src/adapters/officejs/memory/memoryExcel';

async function batch(excel: ReturnType<typeof createMemoryExcel>, work: (context: Excel.RequestContext) => unknown): Promise<void> {
  await excel.run(async (context) => {
    await work(context);
    await context.sync();
  });
}

describe('memory Excel follows documented Excel behaviour', () => {
  // https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values
  // "null input in 2-D array": null leaves the cell's value, number format or formula as it is;
  // "Blank input for a property": '' clears the value; numberFormat '' resets to General.
  it('null in a values, formulas or numberFormat array leaves the cell unchanged; "" clears it', async () => {
    const excel = createMemoryExcel();
    const sheet = excel.workbook.sheet('Blad1').setValues('A1', [['kvar', { formula: 'B9+1' }, 'bort', 7]]);
    sheet.cellAt(1, 3).format.bold = true;
    sheet.cellAt(1, 4).numberFormat = '0.0';
    await batch(excel, (context) => {
      const range = context.workbook.worksheets.getItem('Blad1').getRange('A1:D1');
      range.values = [[null, null, '', null]];
      range.formulas = [[null, null, null, '=A1']];
      range.numberFormat = [[null, null, null, null]];
    });
    expect(sheet.cell('A1').value).toBe('kvar');
    expect(sheet.cell('B1').formula).toBe('=B9+1');
    expect(sheet.cell('C1')).toMatchObject({ value: null, format: { bold: true } });
    expect(sheet.cell('D1')).toMatchObject({ formula: '=A1', numberFormat: '0.0' });
  });

  // https://learn.microsoft.com/javascript/api/excel/excel.errorcodes (EmptyChartSeries: "The
  // attempted operation failed because the chart series is empty"). Which calls fail is not spelled
  // out: modelled strictly, a chart added from blank cells gets no series and reaching its first
  // series fails the batch.
  it('makes no chart series from an all-blank source; the first series cannot be reached', async () => {
    const excel = createMemoryExcel();
    const attempt = batch(excel, (context) => {
      const sheet = context.workbook.worksheets.getItem('Blad1');
      const chart = sheet.charts.add('BarClustered', sheet.getRange('B2:B5'), 'Columns');
      chart.series.getItemAt(0).name = 'Nivå';
    });
    await expect(attempt).rejects.toMatchObject({ code: 'EmptyChartSeries' });
    // The chart itself was added before the failing call (see the partial commit below).
    expect(excel.workbook.sheet('Blad1').chartViews()[0].series).toEqual([]);
  });

  // https://learn.microsoft.com/javascript/api/office/officeextension.error#office-officeextension-error-tracemessages-member
  // ("If there was an error, this contains all trace messages that were executed before the error
  // occurred"; the example's first paragraphs stay inserted): a failed batch is not rolled back.
  it('keeps what a failed batch did before the failing operation, and drops the rest', async () => {
    const excel = createMemoryExcel();
    await expect(
      batch(excel, (context) => {
        const sheet = context.workbook.worksheets.getItem('Blad1');
        sheet.getRange('A1').values = [['före']];
        sheet.getRange('A2:B2').values = [['fel form']];
        sheet.getRange('A3').values = [['efter']];
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    expect(excel.workbook.sheet('Blad1').values()).toEqual([['före']]);
  });

  it('fails the chosen action of a test (fault injection) in the same way', async () => {
    const excel = createMemoryExcel();
    excel.faults.failAt = excel.faults.actionsRun + 2;
    await expect(
      batch(excel, (context) => {
        const sheet = context.workbook.worksheets.getItem('Blad1');
        sheet.getRange('A1').values = [[1]];
        sheet.getRange('A2').values = [[2]];
      }),
    ).rejects.toMatchObject({ code: 'GeneralException' });
    expect(excel.workbook.sheet('Blad1').values()).toEqual([[1]]);
  });

  // https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotection
  // protect(): "Fails if the worksheet has already been protected"; unprotect(password): the
  // password is needed if one was set (ErrorCodes.BadPassword); isPasswordProtected is ExcelApiOnline.
  it('refuses protect on a protected sheet, and unprotect without the password', async () => {
    const excel = createMemoryExcel({ workbook: new MemoryWorkbook(['Låst', 'Öppen']) });
    excel.workbook.sheet('Låst').protect({ allowSort: true }, 'hemligt');
    excel.workbook.sheet('Öppen').protect();
    await expect(batch(excel, (c) => c.workbook.worksheets.getItem('Låst').protection.unprotect())).rejects.toMatchObject({ code: 'BadPassword' });
    await expect(batch(excel, (c) => c.workbook.worksheets.getItem('Öppen').protection.protect())).rejects.toMatchObject({ code: 'InvalidOperation' });
    await expect(batch(excel, (c) => (c.workbook.worksheets.getItem('Låst').getRange('A1').values = [['x']]))).rejects.toMatchObject({ code: 'AccessDenied' });
    await batch(excel, (c) => c.workbook.worksheets.getItem('Öppen').protection.unprotect());
    await batch(excel, (c) => c.workbook.worksheets.getItem('Låst').protection.unprotect('hemligt'));
    expect(excel.workbook.sheetNames().map((n) => excel.workbook.sheet(n).protection.protected)).toEqual([false, false]);
  });

  it('reports isPasswordProtected only on hosts with ExcelApiOnline', async () => {
    const wb = new MemoryWorkbook(['Låst']);
    wb.sheet('Låst').protect({}, 'hemligt');
    const online = createMemoryExcel({ workbook: wb, online: true });
    await online.run(async (context) => {
      const protection = context.workbook.worksheets.getItem('Låst').protection.load('protected,isPasswordProtected');
      await context.sync();
      expect([protection.protected, protection.isPasswordProtected]).toEqual([true, true]);
    });
    const desktop = createMemoryExcel({ workbook: wb });
    await expect(batch(desktop, (c) => void c.workbook.worksheets.getItem('Låst').protection.load('isPasswordProtected'))).rejects.toMatchObject({ code: 'ApiNotFound' });
  });

  // https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-workbooks#protect-the-workbooks-structure
  // and "Protect a workbook" (https://support.microsoft.com/office/7e365a4d-3e89-4616-84ca-1931257c1517):
  // a protected structure keeps users from adding, deleting or renaming sheets. The error code of
  // the API call is not documented; it is modelled as AccessDenied.
  it('refuses to add, rename or delete a sheet while the workbook structure is protected', async () => {
    const excel = createMemoryExcel({ workbook: new MemoryWorkbook(['Blad1', 'Blad2']) });
    await batch(excel, (c) => c.workbook.protection.protect());
    await expect(batch(excel, (c) => void c.workbook.worksheets.add('Ny'))).rejects.toMatchObject({ code: 'AccessDenied' });
    await expect(batch(excel, (c) => (c.workbook.worksheets.getItem('Blad2').name = 'Annat'))).rejects.toMatchObject({ code: 'AccessDenied' });
    await expect(batch(excel, (c) => c.workbook.worksheets.getItem('Blad2').delete())).rejects.toMatchObject({ code: 'AccessDenied' });
    // Cells are not part of the structure.
    await batch(excel, (c) => (c.workbook.worksheets.getItem('Blad2').getRange('A1').values = [['ok']]));
    expect(excel.workbook.sheetNames()).toEqual(['Blad1', 'Blad2']);
  });

  // https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-named-items and
  // https://learn.microsoft.com/javascript/api/excel/excel.errorcodes (ItemAlreadyExists). Table
  // names and defined names share one namespace (TOOLCHAIN.md); names compare case-insensitively.
  it('refuses a duplicate table name and a table named like a defined name, and the other way round', async () => {
    const excel = createMemoryExcel({ workbook: new MemoryWorkbook(['A', 'B']) });
    excel.workbook.sheet('A').setValues('A1', [['h'], [1]]);
    excel.workbook.sheet('B').setValues('A1', [['h'], [1]]).setValues('D1', [['h'], [1]]);
    await batch(excel, (c) => {
      const a = c.workbook.worksheets.getItem('A');
      a.tables.add(a.getRange('A1:A2'), true).name = 'Svar';
      c.workbook.names.add('Mål', '=A!$A$2');
    });
    const table = (name: string, at: string) => (c: Excel.RequestContext) => {
      const b = c.workbook.worksheets.getItem('B');
      b.tables.add(b.getRange(at), true).name = name;
    };
    await expect(batch(excel, table('SVAR', 'A1:A2'))).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
    await expect(batch(excel, table('mål', 'D1:D2'))).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
    await expect(batch(excel, (c) => void c.workbook.names.add('svar', '=1'))).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
    await expect(batch(excel, (c) => void c.workbook.names.add('MÅL', '=2'))).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
  });

  // https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-names-member
  // (ExcelApi 1.4: "names scoped to the current worksheet"); NamedItem.visible and .formula (1.7).
  it('keeps sheet-scoped names with their sheet: one per sheet may share a name, and a rename keeps them', async () => {
    const excel = createMemoryExcel({ workbook: new MemoryWorkbook(['Resultat', 'Handlingsplan']) });
    await batch(excel, (c) => {
      for (const name of ['Resultat', 'Handlingsplan']) c.workbook.worksheets.getItem(name).names.add('Infosakkollen_blad', `="${name}"`).visible = false;
    });
    await expect(batch(excel, (c) => void c.workbook.worksheets.getItem('Resultat').names.add('INFOSAKKOLLEN_BLAD', '="x"'))).rejects.toMatchObject({
      code: 'ItemAlreadyExists',
    });
    await batch(excel, (c) => (c.workbook.worksheets.getItem('Handlingsplan').name = 'Plan 2027'));
    await excel.run(async (context) => {
      const names = context.workbook.worksheets.getItem('Plan 2027').names.load('items/name,items/formula,items/value,items/visible');
      const global = context.workbook.names.load('items/name');
      await context.sync();
      expect(names.items.map((n) => [n.name, n.formula, n.value, n.visible])).toEqual([['Infosakkollen_blad', '="Handlingsplan"', 'Handlingsplan', false]]);
      expect(global.items).toEqual([]);
    });
  });

  // https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#ornullobject-methods-and-properties
  // The documentation does not say what a method called on a null object does: modelled strictly,
  // it fails the batch; loading through a *OrNullObject navigation gives a null object instead.
  it('reports null objects after a sync, and loads a custom rule through customOrNullObject without failing on other rules', async () => {
    const excel = createMemoryExcel();
    excel.workbook.sheet('Blad1').conditionalFormats.push(
      { box: { top: 1, left: 1, bottom: 5, right: 1 }, type: 'Custom', formula: '=A1>1', fill: '#FF0000' },
      { box: { top: 1, left: 2, bottom: 5, right: 2 }, type: 'DataBar' },
    );
    await excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('Saknas');
      const formats = context.workbook.worksheets.getItem('Blad1').getRange().conditionalFormats.load('items/type,items/customOrNullObject/rule/formula');
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(formats.items.map((f) => (f.customOrNullObject.isNullObject ? f.type : f.customOrNullObject.rule.formula))).toEqual(['=A1>1', 'DataBar']);
      expect(memoryContext(context).pendingActions).toBe(0);
      missing.getRange('A1').values = [[1]];
      await expect(context.sync()).rejects.toBeInstanceOf(MemoryExcelError);
    });
  });
});
