import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { applyPlanToXlsx } from '../../../src/adapters/xlsx/applyPlan';
import { NotAWorkbookError, readXlsxGrid } from '../../../src/adapters/xlsx/readGrid';
import { userWorkbook } from './fixtures';

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

describe('readXlsxGrid', () => {
  it('reads strings, rich text, numbers, booleans, dates, formula results, links and errors from A1', async () => {
    const grid = await readXlsxGrid(await excelJsWorkbook());
    expect(grid.sheetNames).toEqual(['Svar', 'Tom', 'Annan']);
    expect(grid.sheets.get('Svar')!.values).toEqual([
      ['Fråga', 'Svar', null, null, null, null, null],
      [1.5, true, '2026-01-31', 3, 'Svar!', 'MCF', '#N/A'],
      [null, null, null, null, null, null, null],
      ['a & <b>', null, null, null, null, null, null],
      ['sammanslagen', null, null, null, null, null, null],
    ]);
    expect(grid.sheets.get('Tom')!.values).toEqual([]);
    expect(grid.sheets.get('Annan')!.values).toEqual([
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
    expect(grid.sheets.get('S')!.values).toEqual([
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
