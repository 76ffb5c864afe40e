import { MemoryExcelError, MemoryWorkbook, createMemoryExcel, memoryContext } from '../../../../src/adapters/officejs/memory/memoryExcel';

describe('memory Excel: batching like Office.js', () => {
  it('starts as an empty workbook with one sheet "Blad1"', () => {
    const excel = createMemoryExcel();
    expect(excel.workbook.sheetNames()).toEqual(['Blad1']);
    expect(excel.workbook.sheet('Blad1').values()).toEqual([]);
  });

  it('queues writes until sync() and counts the syncs', async () => {
    const excel = createMemoryExcel();
    const sheet = excel.workbook.sheet('Blad1');
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Blad1').getRange('A1:B1');
      range.values = [['a', 1]];
      range.format.font.bold = true;
      expect(sheet.cell('A1').value).toBeNull(); // not yet
      expect(memoryContext(context).pendingActions).toBe(2);
      await context.sync();
      expect(sheet.cell('A1').value).toBe('a');
      expect(sheet.cell('B1').format.bold).toBe(true);
      expect(memoryContext(context).syncCount).toBe(1);
    });
    expect(excel.syncCount).toBe(1);
  });

  it('flushes what is still queued when run() ends, as Excel.run does (one more round trip)', async () => {
    const excel = createMemoryExcel();
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Blad1').getRange('C3').values = [[5]];
    });
    expect(excel.workbook.sheet('Blad1').cell('C3').value).toBe(5);
    expect(excel.syncCount).toBe(1);
  });

  it('throws PropertyNotLoaded for a property that was not loaded and synced', async () => {
    const excel = createMemoryExcel();
    excel.workbook.sheet('Blad1').setValues('A1', [['x']]);
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Blad1').getRange('A1');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      range.load('values');
      expect(() => range.values).toThrow(/not available/); // loaded but not synced
      await context.sync();
      expect(range.values).toEqual([['x']]);
      expect(() => range.numberFormat).toThrow(MemoryExcelError);
      expect(() => range.format.font.bold).toThrow(/PropertyNotLoaded|not available/);
      const sheets = context.workbook.worksheets;
      expect(() => sheets.items).toThrow(/not available/);
      sheets.load('items/name');
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(['Blad1']);
      expect(() => sheets.items[0].position).toThrow(/not available/);
    });
  });

  it('loads paths through navigation properties', async () => {
    const excel = createMemoryExcel();
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Blad1').getRange('A1:B2');
      range.format.font.bold = true;
      range.load('format/font/bold, address, rowCount');
      await context.sync();
      expect(range.format.font.bold).toBe(true);
      expect(range.address).toBe('Blad1!A1:B2');
      expect(range.rowCount).toBe(2);
    });
  });

  it('refuses to load or set what it does not emulate, instead of pretending', async () => {
    const excel = createMemoryExcel();
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Blad1').getRange('A1');
      expect(() => range.load('valueTypes')).toThrow('does not emulate');
      expect(() => {
        (range.format.font as unknown as Record<string, unknown>).strikethrough = true;
      }).toThrow(TypeError);
      expect(() => {
        (range as unknown as Record<string, unknown>).address = 'B2';
      }).toThrow('read-only');
    });
  });

  it('reports null objects after a sync and fails on anything done through a missing sheet', async () => {
    const excel = createMemoryExcel();
    await excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const missing = sheets.getItemOrNullObject('Saknas');
      const present = sheets.getItemOrNullObject('blad1');
      expect(() => missing.isNullObject).toThrow(/not available/);
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      const used = present.getUsedRangeOrNullObject(true);
      used.load('values');
      await context.sync();
      expect(used.isNullObject).toBe(true); // an empty sheet has no used range
      sheets.getItem('Saknas').getRange('A1').values = [[1]];
      await expect(context.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
      missing.getUsedRangeOrNullObject(true).load('values');
      await expect(context.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
    });
  });

  it('drops the rest of a batch after a failing action, keeping what ran before it', async () => {
    const excel = createMemoryExcel();
    await expect(
      excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('Blad1');
        sheet.getRange('A1').values = [[1]];
        sheet.getRange('A2:B2').values = [[1]]; // wrong shape
        sheet.getRange('A3').values = [[3]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    expect(excel.workbook.sheet('Blad1').values()).toEqual([[1]]);
  });

  it('refuses a context used after its run finished', async () => {
    const excel = createMemoryExcel();
    let saved: Excel.RequestContext | undefined;
    await excel.run(async (context) => {
      saved = context;
    });
    expect(() => saved!.workbook.worksheets.load('items')).toThrow(/after its run/);
  });

  it('fails with ApiNotFound for APIs newer than the emulated host', async () => {
    const excel = createMemoryExcel({ apiVersion: '1.8' });
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('Blad1').pageLayout.orientation = 'Landscape';
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
  });
});

describe('memory Excel: what Excel does with writes', () => {
  it('interprets written strings as typing does', async () => {
    const excel = createMemoryExcel();
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Blad1').getRange('A1:G1').values = [['=B1*2', '- punkt', "'1.1", '1.1', '2024-03-15', 'true', null]];
      await context.sync();
    });
    const sheet = excel.workbook.sheet('Blad1');
    expect(sheet.cell('A1').formula).toBe('=B1*2');
    expect(sheet.cell('B1').formula).toBe('=- punkt');
    expect(sheet.cell('C1').value).toBe('1.1');
    expect(sheet.cell('D1').value).toBe(1.1);
    expect(sheet.cell('E1')).toMatchObject({ value: 45366, numberFormat: 'yyyy-mm-dd' });
    expect(sheet.cell('F1').value).toBe(true);
    expect(sheet.cell('G1').value).toBeNull();
  });

  it('protects sheets: locked cells, formats and charts are refused, unlocked cells take values', async () => {
    const excel = createMemoryExcel();
    const attempt = (change: (sheet: Excel.Worksheet) => void) =>
      excel.run(async (context) => {
        change(context.workbook.worksheets.getItem('Blad1'));
        await context.sync();
      });
    await attempt((sheet) => {
      sheet.getRange('B2').format.protection.locked = false;
      sheet.protection.protect({ allowFormatColumns: false });
    });
    await expect(attempt((sheet) => (sheet.getRange('A1').values = [['x']]))).rejects.toMatchObject({ code: 'AccessDenied' });
    await expect(attempt((sheet) => (sheet.getRange('B2').format.fill.color = '#FF0000'))).rejects.toMatchObject({ code: 'AccessDenied' });
    await expect(attempt((sheet) => sheet.charts.add('Pie', sheet.getRange('B2'), 'Columns'))).rejects.toMatchObject({ code: 'AccessDenied' });
    await expect(attempt((sheet) => sheet.protection.protect())).rejects.toMatchObject({ code: 'InvalidOperation' });
    await attempt((sheet) => (sheet.getRange('B2').values = [['svar']]));
    expect(excel.workbook.sheet('Blad1').cell('B2').value).toBe('svar');
  });

  it('keeps table names unique and refuses overlapping tables', async () => {
    const excel = createMemoryExcel({ workbook: new MemoryWorkbook(['A', 'B']) });
    const add = (sheetName: string, address: string, name: string) =>
      excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem(sheetName);
        sheet.tables.add(sheet.getRange(address), true).name = name;
        await context.sync();
      });
    await add('A', 'A1:B3', 'Svar');
    await expect(add('B', 'A1:B3', 'svar')).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
    await expect(add('A', 'B2:C4', 'Annan')).rejects.toMatchObject({ code: 'InvalidOperation' });
    expect(excel.workbook.sheet('A').tableViews()).toEqual([{ name: 'Svar', range: 'A1:B3', style: 'TableStyleMedium2' }]);
    expect(excel.workbook.sheet('A').values('A1:B1')).toEqual([['Column1', 'Column2']]); // Excel names empty headers
  });

  it('keeps the top-left value of a merged area', async () => {
    const excel = createMemoryExcel();
    excel.workbook.sheet('Blad1').setValues('A1', [['kvar', 'bort']]);
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Blad1').getRange('A1:B1').merge(false);
      await context.sync();
    });
    expect(excel.workbook.sheet('Blad1').values('A1:B1')).toEqual([['kvar', null]]);
    expect(excel.workbook.sheet('Blad1').cell('B1').mergedArea).toBe('A1:B1');
  });

  it('makes chart series from a source block like Excel, and from explicit ranges', async () => {
    const excel = createMemoryExcel();
    excel.workbook.sheet('Blad1').setValues('A1', [
      ['a', 1, 2],
      ['b', 3, 4],
    ]);
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Blad1');
      const chart = sheet.charts.add('ColumnClustered', sheet.getRange('A1:C2'), 'Columns');
      chart.title.text = 'Titel';
      chart.setPosition('E1', 'J10');
      const extra = chart.series.add('Extra');
      extra.setValues(sheet.getRange('B1:B2'));
      chart.series.load('items/name');
      await context.sync();
      expect(chart.series.items.map((s) => s.name)).toEqual(['Series1', 'Series2', 'Extra']);
    });
    const [chart] = excel.workbook.sheet('Blad1').chartViews();
    expect(chart).toMatchObject({ title: 'Titel', position: { from: 'E1', to: 'J10' } });
    expect(chart.series.map((s) => [s.values?.range, s.categories?.range ?? null])).toEqual([
      ['B1:B2', 'A1:A2'],
      ['C1:C2', 'A1:A2'],
      ['B1:B2', null],
    ]);
  });

  it('refuses values Excel would refuse', async () => {
    const excel = createMemoryExcel();
    const write = (change: (sheet: Excel.Worksheet) => void) =>
      excel.run(async (context) => {
        change(context.workbook.worksheets.getItem('Blad1'));
        await context.sync();
      });
    await expect(write((s) => (s.getRange('A1').format.horizontalAlignment = 'middle' as Excel.HorizontalAlignment))).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(write((s) => (s.tabColor = 'blue-ish'))).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(write((s) => s.charts.add('bar' as Excel.ChartType, s.getRange('A1'), 'Columns'))).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(write((s) => (s.getRange('A1').dataValidation.rule = { list: { inCellDropDown: true, source: 'x'.repeat(256) } }))).rejects.toMatchObject({
      code: 'InvalidArgument',
    });
  });
});

describe('memory Excel: list validation sources', () => {
  const excel = createMemoryExcel({ workbook: new MemoryWorkbook(['Blad1', 'Mål']) });
  const setRule = (source: string) =>
    excel.run(async (context) => {
      context.workbook.worksheets.getItem('Blad1').getRange('A1:A3').dataValidation.rule = { list: { inCellDropDown: true, source } };
      await context.sync();
    });

  it('keeps a reference source as set and offers what its cells hold now', async () => {
    await setRule("='Mål'!$A$1:$A$3");
    expect(excel.workbook.sheet('Blad1').cell('A2').validation!.rule).toEqual({ list: { inCellDropDown: true, source: "='Mål'!$A$1:$A$3" } });
    expect(excel.workbook.sheet('Blad1').dropDown('A2')).toEqual({ source: { sheet: 'Mål', range: 'A1:A3' }, items: [] });
    excel.workbook.sheet('Mål').setValues('A1', [['M1'], [null], [2]]);
    expect(excel.workbook.sheet('Blad1').dropDown('A3')!.items).toEqual(['M1', '2']);
    expect(excel.workbook.sheet('Blad1').dropDown('A4')).toBeNull();
  });

  it('reads a reference without a sheet name on the validated sheet', async () => {
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Blad1').getRange('A1:A3').dataValidation.clear();
      await context.sync();
    });
    await setRule('=$C$1:D1');
    excel.workbook.sheet('Blad1').setValues('C1', [[true, 'x']]);
    expect(excel.workbook.sheet('Blad1').dropDown('A1')).toEqual({ source: { sheet: 'Blad1', range: 'C1:D1' }, items: ['TRUE', 'x'] });
  });

  it('refuses a reference to a missing sheet or to more than one row and column, and does not emulate other formulas', async () => {
    await expect(setRule("='Saknas'!$A$1:$A$3")).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(setRule('=Mål!A1:B3')).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(setRule('=OFFSET(Mål!A1,0,0,3)')).rejects.toMatchObject({ code: 'NotImplemented' });
  });
});

describe('memory Excel: copies for tests', () => {
  it('clones a workbook with everything observable, independent of the original', async () => {
    const excel = createMemoryExcel({ workbook: new MemoryWorkbook(['A', 'B']) });
    excel.workbook.sheet('A').setValues('A1', [['x', 1], ['y', 2]]).addName('Namn', '="A"', false).addShape('Logga', 'Image');
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('A');
      sheet.charts.add('Pie', sheet.getRange('A1:B2'), 'Columns');
      sheet.tables.add(sheet.getRange('A1:B2'), true).name = 'T';
      sheet.getRange('C1').format.borders.getItem('EdgeTop').style = 'Continuous';
      sheet.protection.protect({ allowSort: true });
      await context.sync();
    });
    const copy = excel.workbook.clone();
    expect(JSON.stringify(copy.snapshot())).toBe(JSON.stringify(excel.workbook.snapshot()));
    copy.sheet('A').setValues('A1', [['ändrad']]);
    expect(excel.workbook.sheet('A').cell('A1').value).toBe('x');
    expect(copy.sheet('A').charts[0].series[0].values!.sheet).toBe(copy.sheet('A'));
  });
});
