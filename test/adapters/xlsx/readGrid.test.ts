import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { applyPlanToXlsx } from '../../../src/adapters/xlsx/applyPlan';
import { NotAWorkbookError, readXlsxGrid } from '../../../src/adapters/xlsx/readGrid';
import type { Scalar } from '../../../src/workbook/plan/types';
import { userWorkbook } from './fixtures';
import { handmadeParts, handmadeWorkbook, rawZip, storedEntry, type RawEntry } from './handmade';
import { ownerOf } from '../../../src/workbook/ownership';

async function excelJsWorkbook(date1904 = false): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  if (date1904) wb.properties.date1904 = true;
  const ws = wb.addWorksheet('Svar');
  ws.getCell('A1').value = 'Fråga';
  ws.getCell('B1').value = { richText: [{ text: 'Sv', font: { bold: true } }, { text: 'ar' }] };
  ws.getCell('A2').value = 1.5;
  ws.getCell('B2').value = true;
  ws.getCell('C2').value = new Date(Date.UTC(2026, 0, 31));
  ws.getCell('D2').value = { formula: 'A2*2', result: 3 };
  ws.getCell('E2').value = { formula: 'B1&"!"', result: 'Svar!' };
  ws.getCell('F2').value = { text: 'MCF', hyperlink: 'https://www.mcf.se/' };
  ws.getCell('G2').value = { error: '#N/A' };
  ws.getCell('A4').value = 'a & <b>';
  ws.getCell('C4').numFmt = '0.00'; // styled but empty: not a value
  ws.mergeCells('A5:B5');
  ws.getCell('A5').value = 'sammanslagen';
  wb.addWorksheet('Tom');
  wb.addWorksheet('Annan').getCell('B2').value = 'x';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The sparse grid as a rectangle from A1 to the last value, empty cells null (what a user sees). */
function dense(values: readonly (readonly Scalar[])[]): Scalar[][] {
  let width = 0;
  values.forEach((row) => row.forEach((_, c) => (width = Math.max(width, c + 1))));
  return Array.from({ length: values.length }, (_, r) => Array.from({ length: width }, (_, c) => values[r]?.[c] ?? null));
}

describe('readXlsxGrid', () => {
  it('reads strings, rich text, numbers, booleans, dates, formula results, links and errors from A1', async () => {
    const grid = await readXlsxGrid(await excelJsWorkbook());
    expect(grid.sheetNames).toEqual(['Svar', 'Tom', 'Annan']);
    expect(dense(grid.sheets.get('Svar')!.values)).toEqual([
      ['Fråga', 'Svar', null, null, null, null, null],
      [1.5, true, '2026-01-31', 3, 'Svar!', 'MCF', '#N/A'],
      [null, null, null, null, null, null, null],
      ['a & <b>', null, null, null, null, null, null],
      ['sammanslagen', null, null, null, null, null, null],
    ]);
    expect(grid.sheets.get('Tom')!.values).toEqual([]);
    expect(dense(grid.sheets.get('Annan')!.values)).toEqual([
      [null, null],
      [null, 'x'],
    ]);
  });

  it('reads only the sheets asked for, and skips names that do not exist', async () => {
    const grid = await readXlsxGrid(await excelJsWorkbook(), ['Annan', 'Saknas']);
    expect(grid.sheetNames).toEqual(['Svar', 'Tom', 'Annan']);
    expect([...grid.sheets.keys()]).toEqual(['Annan']);
  });

  it('converts dates in the 1904 date system', async () => {
    const grid = await readXlsxGrid(await excelJsWorkbook(true));
    expect(grid.sheets.get('Svar')!.values[1][2]).toBe('2026-01-31');
  });

  it('reads cells without r attributes, inline strings and t="d" dates', async () => {
    const base = await applyPlanToXlsx(null, [{ kind: 'sheet', sheet: 'S' }]);
    const zip = await JSZip.loadAsync(base);
    const sheet = (await zip.file('xl/worksheets/sheet1.xml')!.async('string')).replace(
      /<sheetData>[\s\S]*<\/sheetData>/,
      '<sheetData><row><c t="inlineStr"><is><r><t>a</t></r><r><t xml:space="preserve"> b_x000A_</t></r><rPh><t>x</t></rPh></is></c><c><v>2</v></c></row>' +
        '<row r="3"><c r="B3" t="d"><v>2026-05-01T00:00:00Z</v></c></row></sheetData>',
    );
    zip.file('xl/worksheets/sheet1.xml', sheet);
    const grid = await readXlsxGrid(await zip.generateAsync({ type: 'uint8array' }));
    expect(dense(grid.sheets.get('S')!.values)).toEqual([
      ['a b\n', 2],
      [null, null],
      [null, '2026-05-01'],
    ]);
  });

  it("reads a user's workbook with pictures, notes and tables", async () => {
    const grid = await readXlsxGrid(await userWorkbook(), ['Mina anteckningar']);
    const values = grid.sheets.get('Mina anteckningar')!.values;
    expect(values[0][0]).toBe('Egen rubrik');
    expect(values[1][1]).toBe(42);
    expect(values[2][1]).toBe(84);
    expect(values[0].slice(3, 5)).toEqual(['Kol1', 'Kol2']);
  });

  describe('throws NotAWorkbookError', () => {
    it('for bytes that are not a zip', async () => {
      const error = await readXlsxGrid(new TextEncoder().encode('Fråga;Svar\n1;Säker\n')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotAWorkbookError);
      expect((error as Error).message).toMatch(/not a zip package/);
    });

    it('for an empty file', async () => {
      await expect(readXlsxGrid(new Uint8Array())).rejects.toThrow(NotAWorkbookError);
    });

    it('for an old .xls (or encrypted) file, saying so', async () => {
      const cfb = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
      await expect(readXlsxGrid(cfb)).rejects.toThrow(/\.xls.*save it as/);
    });

    it('for a zip that is not a workbook', async () => {
      const zip = new JSZip();
      zip.file('hello.txt', 'hej');
      await expect(readXlsxGrid(await zip.generateAsync({ type: 'uint8array' }))).rejects.toThrow(NotAWorkbookError);
    });

    it('for a truncated zip', async () => {
      const data = await excelJsWorkbook();
      await expect(readXlsxGrid(data.slice(0, data.length >> 1))).rejects.toThrow(NotAWorkbookError);
    });
  });
});

describe('readXlsxGrid on hand-made sheets', () => {
  const cell = (ref: string, inner: string, attributes = '') => `<c r="${ref}"${attributes}>${inner}</c>`;

  it('a single value at XFD1048576 is one sparse cell, not a dense rectangle', async () => {
    const data = await handmadeWorkbook({
      sheets: [{ name: 'Nivå 1', rows: `<row r="1">${cell('A1', '<v>1</v>')}</row><row r="1048576">${cell('XFD1048576', '<v>2</v>')}</row>` }],
    });
    const values = (await readXlsxGrid(data)).sheets.get('Nivå 1')!.values;
    expect(values).toHaveLength(1048576);
    expect(values[0][0]).toBe(1);
    expect(values[1048575][16383]).toBe(2);
    expect(values[1048575]?.[0] ?? null).toBeNull();
    // Holes, not nulls: only the two rows that hold something exist.
    expect(Object.keys(values)).toEqual(['0', '1048575']);
    expect(Object.keys(values[1048575])).toEqual(['16383']);
  });

  it('cells beyond Excel\'s sheet size (row 1048577, column XFE) are not cells', async () => {
    const data = await handmadeWorkbook({
      sheets: [{ name: 'S', rows: `<row r="1">${cell('XFE1', '<v>1</v>')}</row><row r="1048577">${cell('A1048577', '<v>2</v>')}</row><row r="2">${cell('B2', '<v>3</v>')}</row>` }],
    });
    const values = (await readXlsxGrid(data)).sheets.get('S')!.values;
    expect(dense(values)).toEqual([
      [null, null],
      [null, 3],
    ]);
  });

  it('reads every shape of a cell as the general scan does (the common <v> and <is><t> shapes are read directly)', async () => {
    const str = ' t="str"';
    const inline = ' t="inlineStr"';
    const rows =
      `<row r="1">${cell('A1', '<v>1<v>2</v>', str)}${cell('B1', '<v>x<v/>y</v>', str)}${cell('C1', '<v>12</v><v>13</v>')}${cell('D1', '<v>7</v>tail')}</row>` +
      `<row r="2">${cell('A2', '<is><t>a</t><t>b</t></is>', inline)}${cell('B2', '<is><r><t>c</t></r><rPh><t>ph</t></rPh><r><t>d</t></r></is>', inline)}` +
      `${cell('C2', '<is><t xml:space="preserve"> cat&amp;tree_x0041_ </t></is>', inline)}${cell('D2', '<is><t>x</t>tail</is>', inline)}</row>` +
      `<row r="3">${cell('A3', '<is><is><t>n</t></is></is>', inline)}${cell('B3', '<is><t>a<t>b</t></t></is>', inline)}${cell('C3', '<x:is><x:t>p</x:t></x:is>', inline)}${cell('D3', '<is></is>', inline)}</row>` +
      `<row r="4">${cell('$A$4', '<v>4</v>')}${cell('b4', '<v>5</v>')}${cell('C$4', '<v>6</v>')}<c r="A$$4"><v>9</v></c><c><v>10</v></c><cols/><cc><v>11</v></cc></row>`;
    const values = (await readXlsxGrid(await handmadeWorkbook({ sheets: [{ name: 'S', rows }] }))).sheets.get('S')!.values;
    expect(dense(values)).toEqual([
      ['1<v>2</v>', 'x<v/>y', 12, 7, null],
      ['ab', 'cd', ' cat&treeA ', 'x', null],
      ['n', 'a<t>b</t>', 'p', '', null],
      [4, 5, 6, 9, 10],
    ]);
  });

  it('reads a sheet whose cells never close (damaged XML) without hanging, up to the damage', async () => {
    const rows = `<row r="1">${cell('A1', '<v>5</v>')}</row><row r="2">${'<c r="B2"><v>1</v>'.repeat(20000)}`;
    const values = (await readXlsxGrid(await handmadeWorkbook({ sheets: [{ name: 'S', rows }] }))).sheets.get('S')!.values;
    expect(values[0][0]).toBe(5);
  });

  it('formulas: text without "=", \'\' for shared-formula secondaries, null value without a cached <v>', async () => {
    const rows =
      `<row r="1">${cell('A1', '<v>2</v>')}${cell('B1', '<f t="shared" ref="B1:B3" si="0">A1*2</f><v>4</v>')}</row>` +
      `<row r="2">${cell('B2', '<f t="shared" si="0"/><v>6</v>')}${cell('C2', '<f>"x"</f>', ' t="str"')}</row>` +
      `<row r="3">${cell('B3', '<f t="shared" si="0"></f>')}${cell('C3', '<f>A1&amp;"&lt;"</f><v>2&lt;</v>', ' t="str"')}</row>`;
    const sheet = (await readXlsxGrid(await handmadeWorkbook({ sheets: [{ name: 'S', rows }] }))).sheets.get('S')!;
    expect(dense(sheet.formulas as Scalar[][])).toEqual([
      [null, 'A1*2', null],
      [null, '', '"x"'],
      [null, '', 'A1&"<"'],
    ]);
    expect(dense(sheet.values)).toEqual([
      [2, 4, null],
      [null, 6, null], // C2 ="x" has no cached value: null, never ''
      [null, null, '2<'],
    ]);
  });

  it('the common cell and row shapes (read by one match, SIMPLE_CELL) give the grids the general scan gives', async () => {
    // The same cells twice: as the product and Excel write them, and with what sends every cell
    // and row to the general scan (another attribute first, a second space before r).
    let seed = 7;
    const random = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % n;
    const pick = <T,>(items: readonly T[]): T => items[random(items.length)];
    const texts = ['', ' ', 'a', 'Säker', 'a &amp; b', '&lt;x&gt;', '1 &gt; 0', 'tab_x0009_end', '_x005F_x0041_', '&#229;&#x2013;', 'x > y', "it's \"q\""];
    const numbers = ['', ' ', '0', '1', '-2.5', '1e3', '45000', '46023', '60', 'abc', '0x10', 'Infinity', '12 '];
    const shapes: (() => { t?: string; inner: string })[] = [
      () => ({ inner: `<v>${pick(numbers)}</v>` }),
      () => ({ t: 'n', inner: `<v>${pick(numbers)}</v>` }),
      () => ({ t: 's', inner: `<v>${pick(['0', '1', '2', '7', 'x', ''])}</v>` }),
      () => ({ t: 'str', inner: `<v>${pick(texts)}</v>` }),
      () => ({ t: 'b', inner: `<v>${pick(['0', '1', 'true', 'false', ''])}</v>` }),
      () => ({ t: 'e', inner: `<v>${pick(['#N/A', '#DIV/0!', '&amp;'])}</v>` }),
      () => ({ t: 'd', inner: `<v>${pick(['2026-01-31', '2026-01-31T10:00:00', 'x&amp;y', ''])}</v>` }),
      () => ({ t: 'inlineStr', inner: `<is><t>${pick(texts)}</t></is>` }),
      () => ({ t: 'inlineStr', inner: `<is><t xml:space="preserve">${pick(texts)}</t></is>` }),
      () => ({ t: 'inlineStr', inner: `<v>${pick(numbers)}</v>` }),
      () => ({ inner: `<is><t>${pick(texts)}</t></is>` }),
      () => ({ t: 'str', inner: `<is><t>${pick(texts)}</t></is>` }),
    ];
    const refs = () => pick(['A', 'B', 'Z', 'AA', 'XFD', 'XFE', 'ZZZ']) + pick(['1', '2', '9', '10', '1048576', '1048577', '9999999']);
    let simple = '';
    let general = '';
    for (let row = 1; row <= 60; row++) {
      const rowAttributes = pick(['', ' ht="28"', ' ht="15" customHeight="1"', ' spans="1:6"']);
      simple += `<row r="${row}"${rowAttributes}>`;
      general += `<row  r="${row}"${rowAttributes}>`;
      for (let i = random(6); i > 0; i--) {
        const { t, inner } = pick(shapes)();
        const ref = random(3) ? `${pick(['A', 'B', 'C', 'D', 'E', 'F', 'AB'])}${row}` : refs();
        const s = pick(['', ' s="0"', ' s="1"', ' s="2"', ' s="9"']);
        const type = t ? ` t="${t}"` : '';
        if (random(5)) {
          simple += `<c r="${ref}"${s}${type}>${inner}</c>`;
          general += `<c${s || ' s="0"'} r="${ref}"${type}>${inner}</c>`;
        } else {
          // An empty formatted cell: no value, but it moves the column on for a cell without r.
          simple += `<c r="${ref}"${s}${type}/>`;
          general += `<c${s || ' s="0"'} r="${ref}"${type}/>`;
        }
        if (!random(8)) {
          // A cell without r comes next: its column follows the previous cell's.
          const follower = `<c${s}><v>${pick(numbers)}</v></c>`;
          simple += follower;
          general += follower;
        }
      }
      simple += random(4) ? '</row>' : `</row><row r="${row}" hidden="1"/>`;
      general += '</row>';
    }
    const read = async (rows: string) =>
      (await readXlsxGrid(await handmadeWorkbook({ cellFormats: [0, 14, 'yyyy-mm-dd'], sharedStrings: ['sst0', 'sst & 1', ''], sheets: [{ name: 'S', rows }] }))).sheets.get('S')!;
    const fast = await read(simple);
    const scanned = await read(general);
    expect(fast.values).toEqual(scanned.values);
    expect(fast.formulas).toEqual(scanned.formulas);
    expect(Object.keys(fast.values).length).toBeGreaterThan(30);
  });

  describe('dates', () => {
    const dated = (values: readonly string[], date1904 = false) =>
      handmadeWorkbook({
        date1904,
        cellFormats: [0, 14, 'yyyy-mm-dd'],
        sheets: [{ name: 'S', rows: `<row r="1">${values.map((v, i) => cell(`${String.fromCharCode(65 + i)}1`, `<v>${v}</v>`, ` s="${1 + (i % 2)}"`)).join('')}</row>` }],
      });
    const read = async (data: Promise<Uint8Array>) => (await readXlsxGrid(await data)).sheets.get('S')!.values[0];

    it('1900 system: serials as Excel shows them, the leap-year bug included', async () => {
      expect(await read(dated(['1', '59', '61', '46023', '2958465', '46023.75']))).toEqual([
        '1900-01-01',
        '1900-02-28',
        '1900-03-01',
        '2026-01-01',
        '9999-12-31',
        '2026-01-01',
      ]);
    });

    it('1904 system: serial 0 is 1904-01-01 and every date is 1462 days off the 1900 serial', async () => {
      expect(await read(dated(['0', String(46023 - 1462), '2957003'], true))).toEqual(['1904-01-01', '2026-01-01', '9999-12-31']);
    });

    it('numbers Excel cannot show as a date stay numbers: 20270115, negatives, 0 and 60 in the 1900 system, past 9999', async () => {
      expect(await read(dated(['20270115', '-1', '0', '60', '2958466', '0.5']))).toEqual([20270115, -1, 0, 60, 2958466, 0.5]);
      expect(await read(dated(['2957004', '-0.5'], true))).toEqual([2957004, -0.5]);
    });

    it('a t="d" cell that is not an ISO date is kept as its text', async () => {
      const rows = `<row r="1">${cell('A1', '<v>2026-02-03T10:00:00</v>', ' t="d"')}${cell('B1', '<v>+057397-09-01</v>', ' t="d"')}</row>`;
      expect((await readXlsxGrid(await handmadeWorkbook({ sheets: [{ name: 'S', rows }] }))).sheets.get('S')!.values[0]).toEqual(['2026-02-03', '+057397-09-01']);
    });
  });

  it('matches requested sheet names case-insensitively, keyed by the name asked for, with the workbook\'s spelling', async () => {
    const data = await handmadeWorkbook({
      sheets: [
        { name: 'HANDLINGSPLAN', rows: `<row r="1">${cell('A1', '<v>1</v>')}</row>` },
        { name: 'nivå 1', rows: `<row r="1">${cell('A1', '<v>2</v>')}</row>` },
      ],
    });
    const grid = await readXlsxGrid(data, ['Handlingsplan', 'Nivå 1', 'Resultat']);
    expect([...grid.sheets.keys()].sort()).toEqual(['Handlingsplan', 'Nivå 1']);
    expect(grid.sheets.get('Handlingsplan')!.name).toBe('HANDLINGSPLAN');
    expect(grid.sheets.get('Nivå 1')!.name).toBe('nivå 1');
    expect(grid.sheets.get('Nivå 1')!.values[0][0]).toBe(2);
  });

  it('prefers the exact spelling when a (damaged) workbook has both', async () => {
    const data = await handmadeWorkbook({
      sheets: [
        { name: 'RESULTAT', rows: `<row r="1">${cell('A1', '<v>1</v>')}</row>` },
        { name: 'Resultat', rows: `<row r="1">${cell('A1', '<v>2</v>')}</row>` },
      ],
    });
    expect((await readXlsxGrid(data, ['Resultat'])).sheets.get('Resultat')!.values[0][0]).toBe(2);
  });

  it('owners: the sheet-scoped marks of every sheet, by localSheetId, names compared case-insensitively', async () => {
    const data = await handmadeWorkbook({
      sheets: ['Start', 'Mitt blad', 'resultat', 'HP'].map((name) => ({ name, rows: '' })),
      definedNames:
        `<definedName name="Infosakkollen_blad" localSheetId="2" hidden="1">&quot;Resultat&quot;</definedName>` +
        `<definedName name="INFOSAKKOLLEN_BLAD" localSheetId="3" hidden="1">"Handlings""plan"""</definedName>` +
        `<definedName name="Infosakkollen_blad" localSheetId="1">'Mitt blad'!$A$1</definedName>` + // not a string constant
        `<definedName name="Infosakkollen_blad">"Utan blad"</definedName>` + // not sheet-scoped
        `<definedName name="Annat_namn" localSheetId="0">"Start"</definedName>` +
        `<definedName name="Infosakkollen_blad" localSheetId="9">"Saknas"</definedName>`,
    });
    const grid = await readXlsxGrid(data, ['Start']);
    expect(grid.owners).toEqual(
      new Map([
        ['resultat', 'Resultat'],
        ['HP', 'Handlings"plan"'],
      ]),
    );
  });

  describe('skipMarked: the cells of sheets a computation replaces, when they carry their own mark', () => {
    const mark = (sheet: number, value: string) => `<definedName name="Infosakkollen_blad" localSheetId="${sheet}" hidden="1">"${value}"</definedName>`;
    const drawing =
      '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"><xdr:oneCellAnchor><xdr:from/><xdr:ext/>' +
      '<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="3" name="Logga"/></xdr:nvPicPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>';
    const one = '<row r="1"><c r="A1" t="inlineStr"><is><t>Resultat</t></is></c></row>';
    const options = {
      sheets: [
        { name: 'Start', rows: one },
        { name: 'resultat', rows: one, drawing },
        { name: 'Arbetsområden', rows: one },
        { name: 'Återkoppling', rows: one },
        { name: 'Målgraf', rows: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' },
      ],
      sharedStrings: ['x'],
      // resultat: its own mark in another case; Arbetsområden: another sheet's mark; Återkoppling: none.
      definedNames: mark(1, 'RESULTAT') + mark(2, 'Nästa nivå') + mark(4, 'Målgraf'),
    };
    const names = ['Start', 'Resultat', 'Arbetsområden', 'Återkoppling', 'Målgraf'];
    const skipMarked = ['Resultat', 'Arbetsområden', 'Återkoppling', 'Målgraf'];

    it('only the sheets with their own mark are left out of sheets; sheetNames, owners and objects are as when every sheet is read', async () => {
      const data = await handmadeWorkbook(options);
      const all = await readXlsxGrid(data, names);
      const skipped = await readXlsxGrid(data, names, { skipMarked });
      expect([...skipped.sheets.keys()]).toEqual(['Start', 'Arbetsområden', 'Återkoppling']);
      expect(skipped.sheets.get('Arbetsområden')).toEqual(all.sheets.get('Arbetsområden'));
      expect(skipped.sheetNames).toEqual(all.sheetNames);
      expect(skipped.owners).toEqual(all.owners);
      expect(skipped.objects).toEqual(all.objects);
      expect(skipped.objects?.get('Resultat')).toEqual([{ kind: 'picture', name: 'Logga' }]);
      for (const name of names) expect(ownerOf(skipped, name)).toEqual(ownerOf(all, name));
    });

    it('a skipped sheet\'s part is still checked: a damaged one is refused as when it is read', async () => {
      const damage = (e: RawEntry): RawEntry => (e.name === 'xl/worksheets/sheet2.xml' ? { ...e, crc32: (e.crc32 ^ 1) >>> 0 } : e);
      const data = rawZip([...handmadeParts(options)].map(([name, text]) => damage(storedEntry(name, text))));
      const error = await readXlsxGrid(data, names).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotAWorkbookError);
      await expect(readXlsxGrid(data, names, { skipMarked })).rejects.toThrow((error as Error).message);
    });
  });

  it('owners is absent when no sheet is marked', async () => {
    const grid = await readXlsxGrid(await handmadeWorkbook({ sheets: [{ name: 'S', rows: '' }] }));
    expect(grid.owners).toBeUndefined();
    expect(grid.objects).toBeUndefined();
  });

  it('objects: the chart, picture and shapes on a sheet asked for, one per anchor, by cNvPr name', async () => {
    const xdr = 'xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
    const anchor = (body: string) => `<xdr:twoCellAnchor><xdr:from/><xdr:to/>${body}<xdr:clientData/></xdr:twoCellAnchor>`;
    const drawing =
      `<xdr:wsDr ${xdr} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">` +
      anchor('<xdr:graphicFrame><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Diagram 1"/></xdr:nvGraphicFramePr><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame>') +
      `<xdr:oneCellAnchor><xdr:from/><xdr:ext/><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="3" name="Logga &amp; bild"/></xdr:nvPicPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor>` +
      anchor('<xdr:grpSp><xdr:nvGrpSpPr><xdr:cNvPr id="4" name="Grupp 3"/></xdr:nvGrpSpPr><xdr:sp><xdr:nvSpPr><xdr:cNvPr id="5" name="Inre"/></xdr:nvSpPr></xdr:sp></xdr:grpSp>') +
      anchor('<xdr:cxnSp><xdr:nvCxnSpPr><xdr:cNvPr id="6" name="Pil 5"/></xdr:nvCxnSpPr></xdr:cxnSp>') +
      `<mc:AlternateContent><mc:Choice Requires="a14">${anchor('<xdr:sp><xdr:nvSpPr><xdr:cNvPr id="7" name="Kryssruta 1"/></xdr:nvSpPr></xdr:sp>')}</mc:Choice>` +
      `<mc:Fallback>${anchor('<xdr:sp><xdr:nvSpPr><xdr:cNvPr id="7" name="Kryssruta 1 (reserv)"/></xdr:nvSpPr></xdr:sp>')}</mc:Fallback></mc:AlternateContent>` +
      `</xdr:wsDr>`;
    const data = await handmadeWorkbook({
      sheets: [
        { name: 'Resultat', rows: '', drawing },
        { name: 'Annat', rows: '', drawing },
      ],
    });
    const grid = await readXlsxGrid(data, ['RESULTAT']);
    expect(grid.objects).toEqual(
      new Map([
        [
          'RESULTAT',
          [
            { kind: 'chart', name: 'Diagram 1' },
            { kind: 'picture', name: 'Logga & bild' },
            { kind: 'shape', name: 'Grupp 3' },
            { kind: 'shape', name: 'Pil 5' },
            { kind: 'shape', name: 'Kryssruta 1' },
          ],
        ],
      ]),
    );
  });

  it("objects of a user's workbook made by ExcelJS: its picture", async () => {
    const grid = await readXlsxGrid(await userWorkbook(), ['Mina anteckningar', 'Övrigt']);
    expect(grid.objects?.get('Mina anteckningar')).toEqual([{ kind: 'picture', name: expect.any(String) }]);
    expect(grid.objects?.has('Övrigt')).toBe(false);
  });
});
