/**
 * Update mode (SheetOp.mode 'update'): the sheet is patched, not rewritten. Everything the user
 * made stays byte for byte; only the cells the plan names change, with the plan's style laid over
 * their own format. Checked on a hand-made Handlingsplan with every feature a user adds, and on
 * the same workbook saved by LibreOffice.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyPlanToXlsx, applyPlanToXlsxWithReport } from '../../../src/adapters/xlsx/applyPlan';
import { readXlsxGrid } from '../../../src/adapters/xlsx/readGrid';
import { GANTT_MARKER, OWNER_NAME } from '../../../src/workbook/layout';
import type { WritePlan } from '../../../src/workbook/plan/types';
import { checkXlsx, checkerMissing } from './checkXlsx';
import { packageProblems, parseStrict, partText, zipEntries } from './fixtures';
import { elements, rawCells, resolveFormat, rowTags, styleIndex } from './sheetXmlProbe';
import { DATA_SHEET, PLAN_SHEET, smallWorkbook, updatePlan, userSheetFixture, worksheet, type UserSheetFixture } from './userSheetFixture';

const PART = 'xl/worksheets/sheet2.xml';
const LIBREOFFICE_FIXTURE = join(__dirname, 'libreoffice', 'handlingsplan-libreoffice.xlsx');

const update = (sheet = PLAN_SHEET): WritePlan[number] => ({ kind: 'sheet', sheet, mode: 'update' });

/** The cells the update plan names with a value (null entries excluded). */
const WRITTEN = ['L5', 'L7', 'L8', 'L9', 'A21', 'B21', 'D21', 'E21', 'H21', 'I21', 'K21', 'L21'];

/** Parts an update may change: the sheet, styles (new formats) and workbook.xml (the mark). */
const MAY_CHANGE = new Set([PART, 'xl/styles.xml', 'xl/workbook.xml']);

function cellValue(grid: Awaited<ReturnType<typeof readXlsxGrid>>, sheet: string, ref: string): unknown {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  const column = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return grid.sheets.get(sheet)?.values[Number(m[2]) - 1]?.[column - 1] ?? null;
}

function ownerMarks(workbookXml: string): { localSheetId: string | null; value: string | null; hidden: string | null }[] {
  const doc = parseStrict(workbookXml, 'workbook.xml');
  return Array.from(doc.getElementsByTagName('definedName'))
    .filter((n) => n.getAttribute('name') === OWNER_NAME)
    .map((n) => ({ localSheetId: n.getAttribute('localSheetId'), value: n.textContent, hidden: n.getAttribute('hidden') }));
}

describe("update mode on a user's Handlingsplan", () => {
  let fixture: UserSheetFixture;
  let before: string;
  let out: Uint8Array;
  let after: string;

  beforeAll(async () => {
    fixture = await userSheetFixture();
    before = await partText(fixture.bytes, PART);
    const result = await applyPlanToXlsxWithReport(fixture.bytes, updatePlan());
    expect(result.skipped).toEqual([]);
    out = result.bytes;
    after = await partText(out, PART);
  });

  it('starts from a clean workbook', async () => {
    expect(await packageProblems(fixture.bytes)).toEqual([]);
  });

  it('writes the cells the plan names and reads them back', async () => {
    const grid = await readXlsxGrid(out, [PLAN_SHEET]);
    expect(cellValue(grid, PLAN_SHEET, 'L5')).toBe('Kvar: 2 poäng');
    expect(cellValue(grid, PLAN_SHEET, 'L7')).toBe('Uppfyllt');
    expect(cellValue(grid, PLAN_SHEET, 'L9')).toBe('Kvar: 1 poäng');
    expect(cellValue(grid, PLAN_SHEET, 'A21')).toBe('HP-F09');
    expect(cellValue(grid, PLAN_SHEET, 'E21')).toBe(2);
    expect(cellValue(grid, PLAN_SHEET, 'H21')).toBe('2027-01-15');
    expect(cellValue(grid, PLAN_SHEET, 'I21')).toBe('2027-03-31');
    // null in the plan: the cell stays out of the sheet, as it was.
    expect(rawCells(after).has('L6')).toBe(false);
    expect(rawCells(after).has('C21')).toBe(false);
  });

  it('keeps every other cell byte for byte: notes, fills, formats, shared and array formulas, cells without r', () => {
    const old = rawCells(before);
    const now = rawCells(after);
    for (const [ref, markup] of old) {
      if (WRITTEN.includes(ref)) continue;
      expect([ref, now.get(ref)]).toEqual([ref, markup]);
    }
    expect([...now.keys()].filter((ref) => !old.has(ref)).sort()).toEqual(WRITTEN.filter((ref) => !old.has(ref)).sort());
    expect(now.get('I7')).toBe(old.get('I7'));
    expect(now.get('I8')).toContain('<f t="shared" si="0"/>');
    expect(now.get('N12')).toContain('<f t="array" ref="N12:O12">');
    expect(after).toContain('<row><c t="inlineStr"><is><t>Egen rad</t></is></c><c><v>5</v></c></row>');
  });

  it('keeps rows as they were: heights, hidden and outline rows, row formats, blank rows', () => {
    const old = rowTags(before);
    const now = rowTags(after);
    for (const [row, tag] of old) expect([row, now.get(row)]).toEqual([row, tag]);
    expect(now.get(21)).toBe('<row r="21">');
    expect(after).toContain('<row r="6" ht="6" customHeight="1"/>');
    expect(after).toContain('<row r="20" s="1" customFormat="1"/>');
  });

  it('keeps the sheet-level features byte for byte', () => {
    for (const name of ['sheetPr', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetProtection', 'mergeCells', 'dataValidations', 'hyperlinks', 'pageMargins', 'drawing', 'legacyDrawing', 'tableParts', 'extLst']) {
      expect([name, elements(after, name)]).toEqual([name, elements(before, name)]);
      expect([name, elements(before, name).length]).toEqual([name, 1]);
    }
    // The user's own conditional format stays; the product's marked Gantt rule is replaced.
    const userRule = elements(before, 'conditionalFormatting').find((e) => e.includes('K5:K9'))!;
    expect(elements(after, 'conditionalFormatting')[0]).toBe(userRule);
  });

  it('grows <dimension> to cover the new row', () => {
    expect(elements(before, 'dimension')).toEqual(['<dimension ref="A1:O20"/>']);
    expect(elements(after, 'dimension')).toEqual(['<dimension ref="A1:O21"/>']);
  });

  it('keeps every other part byte for byte: notes, VML, table, drawing, chart, shared strings, calcChain, other sheets', async () => {
    const old = await zipEntries(fixture.bytes);
    const now = await zipEntries(out);
    expect([...now.keys()].sort()).toEqual([...old.keys()].sort());
    const kept = [...old.keys()].filter((p) => !MAY_CHANGE.has(p));
    expect(kept).toEqual(
      expect.arrayContaining(['xl/comments1.xml', 'xl/drawings/vmlDrawing1.vml', 'xl/tables/table1.xml', 'xl/charts/chart1.xml', 'xl/drawings/drawing1.xml', 'xl/calcChain.xml', 'xl/sharedStrings.xml', 'xl/worksheets/_rels/sheet2.xml.rels']),
    );
    for (const p of kept) expect([p, now.get(p)!.equals(old.get(p)!)]).toEqual([p, true]);
  });

  it("lays the op's style over the cell's own format", async () => {
    const styles = await partText(out, 'xl/styles.xml');
    // L5 was bold on a red fill with a bottom border; the plan asks for italic grey text.
    const l5 = resolveFormat(styles, styleIndex(after, 'L5'));
    expect(l5).toMatchObject({ bold: true, italic: true, fontColor: 'FF595959', fill: 'FFFFC7CE', numberFormat: 'General' });
    expect(l5.border.bottom).toBe('thin');
    // L7 had no format: italic grey only, on the workbook's font.
    expect(resolveFormat(styles, styleIndex(after, 'L7'))).toMatchObject({ bold: false, italic: true, fontColor: 'FF595959', fill: undefined, fontName: 'Calibri' });
    // Formats the cells had keep their indexes; new ones are appended.
    const beforeXfs = (await partText(fixture.bytes, 'xl/styles.xml')).match(/<cellXfs[\s\S]*?<\/cellXfs>/)![0].match(/<xf\b/g)!.length;
    expect(styleIndex(after, 'L5')).toBeGreaterThanOrEqual(beforeXfs);
    expect(styleIndex(after, 'H5')).toBe(fixture.styles.date);
  });

  it('gives a date written into a general cell a date format', async () => {
    const styles = await partText(out, 'xl/styles.xml');
    expect(resolveFormat(styles, styleIndex(after, 'H21'))).toMatchObject({ numberFormat: 'yyyy-mm-dd', wrap: true, vertical: 'top' });
    expect(resolveFormat(styles, styleIndex(after, 'A21'))).toMatchObject({ numberFormat: 'General', wrap: true, vertical: 'top' });
  });

  it('replaces only the rules carrying the marker, after the user\'s rules, and keeps the x14 rules', () => {
    const rules = elements(after, 'conditionalFormatting');
    expect(rules).toHaveLength(2);
    expect(rules.filter((r) => r.includes('infosakkollen:gantt'))).toHaveLength(1);
    expect(rules[1]).toMatch(/^<conditionalFormatting sqref="P5:AA21"><cfRule type="expression" dxfId="\d+" priority="4"><formula>AND\(N\("infosakkollen:gantt"\)=0,ISNUMBER/);
    expect(after).not.toContain('sqref="P5:AA9"');
    // The x14 rule mentions the marker too, but lives in extLst: not the product's to remove.
    expect(elements(after, 'extLst')[0]).toContain('<xm:f>N("infosakkollen:gantt")+E5&gt;2</xm:f>');
  });

  it('marks the sheet as the product\'s once, next to the names the user has', async () => {
    const workbook = await partText(out, 'xl/workbook.xml');
    expect(ownerMarks(workbook)).toEqual([{ localSheetId: '1', value: `"${PLAN_SHEET}"`, hidden: '1' }]);
    const old = await partText(fixture.bytes, 'xl/workbook.xml');
    // Only the mark is new: the print area and the user's name are where they were.
    expect(workbook.replace(/<definedName name="Infosakkollen_blad"[^>]*>[^<]*<\/definedName>/, '')).toBe(old);
  });

  it('keeps calcChain when no formula cell was overwritten', async () => {
    expect((await zipEntries(out)).has('xl/calcChain.xml')).toBe(true);
  });

  it('gives the same bytes when applied again, and keeps every part through five applies', async () => {
    const again = await applyPlanToXlsxWithReport(out, updatePlan());
    expect(Buffer.from(again.bytes).equals(Buffer.from(out))).toBe(true);
    let current = out;
    for (let i = 0; i < 4; i++) current = await applyPlanToXlsx(current, updatePlan());
    const first = await zipEntries(out);
    const fifth = await zipEntries(current);
    expect([...fifth.keys()].sort()).toEqual([...first.keys()].sort());
    for (const [p, bytes] of first) expect([p, fifth.get(p)!.equals(bytes)]).toEqual([p, true]);
  });

  it('passes check-xlsx before and after', () => {
    const missing = checkerMissing();
    if (missing) {
      console.warn(`skipped: ${missing}`);
      return;
    }
    const result = checkXlsx({ fixture: fixture.bytes, updated: out });
    expect(result.output).toMatch(/2 files, 0 violations/);
    expect(result.status).toBe(0);
  });
});

describe('update mode: what a values op does to a cell', () => {
  let fixture: UserSheetFixture;
  beforeAll(async () => {
    fixture = await userSheetFixture();
  });

  async function apply(plan: WritePlan) {
    const result = await applyPlanToXlsxWithReport(fixture.bytes, [update(), ...plan]);
    return { ...result, xml: await partText(result.bytes, PART), styles: await partText(result.bytes, 'xl/styles.xml') };
  }

  it("'' clears the value and keeps the cell's format and its note", async () => {
    const { xml } = await apply([{ kind: 'values', sheet: PLAN_SHEET, at: 'K5', rows: [['', null]] }, { kind: 'values', sheet: PLAN_SHEET, at: 'B5', rows: [['']] }]);
    expect(rawCells(xml).get('K5')).toBe(`<c r="K5" s="${fixture.styles.fill}"/>`);
    expect(rawCells(xml).get('B5')).toBe(`<c r="B5" s="${fixture.styles.fill}"/>`);
    expect(rawCells(xml).get('L5')).toBe(rawCells(await partText(fixture.bytes, PART)).get('L5'));
  });

  it("'' on a cell the sheet does not have adds nothing", async () => {
    const { bytes, xml } = await apply([{ kind: 'values', sheet: PLAN_SHEET, at: 'C5', rows: [['']] }]);
    expect(rawCells(xml).has('C5')).toBe(false);
    // Only the mark changed.
    expect((await partText(bytes, PART)) === (await partText(fixture.bytes, PART))).toBe(true);
  });

  it('a value keeps the cell\'s format when the op has no style', async () => {
    const { xml } = await apply([{ kind: 'values', sheet: PLAN_SHEET, at: 'K5', rows: [['Klar', 7, true, { formula: 'H5+1', result: 46024 }]] }]);
    const cells = rawCells(xml);
    expect(cells.get('K5')).toBe(`<c r="K5" s="${fixture.styles.fill}" t="inlineStr"><is><t xml:space="preserve">Klar</t></is></c>`);
    // L5 … N5: L5 kept its own format, M5 too; N5 is new in a formatted row: the row's format.
    expect(cells.get('L5')).toBe(`<c r="L5" s="${fixture.styles.computed}"><v>7</v></c>`);
    expect(cells.get('M5')).toBe(`<c r="M5" s="${fixture.styles.column}" t="b"><v>1</v></c>`);
    expect(cells.get('N5')).toBe(`<c r="N5" s="${fixture.styles.fill}"><f>H5+1</f><v>46024</v></c>`);
  });

  it('a new cell takes its row\'s format, or else its column\'s', async () => {
    const { xml } = await apply([
      { kind: 'values', sheet: PLAN_SHEET, at: 'B20', rows: [['i en formaterad rad']] },
      { kind: 'values', sheet: PLAN_SHEET, at: 'M22', rows: [['i en formaterad kolumn']] },
    ]);
    expect(styleIndex(xml, 'B20')).toBe(fixture.styles.fill);
    expect(styleIndex(xml, 'M22')).toBe(fixture.styles.column);
    expect(rowTags(xml).get(20)).toBe(`<row r="20" s="${fixture.styles.fill}" customFormat="1">`);
  });

  it('a date written over a cell with a date format keeps that format', async () => {
    const { xml } = await apply([{ kind: 'values', sheet: PLAN_SHEET, at: 'H5', rows: [[{ date: '2027-02-01' }]] }]);
    expect(rawCells(xml).get('H5')).toBe(`<c r="H5" s="${fixture.styles.date}"><v>46419</v></c>`);
  });

  it('writes links: a new external one through the sheet rels, an internal one as a location, a changed one replaced', async () => {
    const { bytes, xml } = await apply([
      { kind: 'values', sheet: PLAN_SHEET, at: 'M9', rows: [[{ link: 'https://www.mcf.se/', text: 'MCF' }]] },
      { kind: 'values', sheet: PLAN_SHEET, at: 'M8', rows: [[{ link: `#'${DATA_SHEET}'!B2`, text: 'Till B2' }]] },
      { kind: 'values', sheet: PLAN_SHEET, at: 'M5', rows: [[{ link: 'https://intranat.example.se/ny', text: 'Ny policy' }]] },
    ]);
    const links = elements(xml, 'hyperlinks')[0];
    const rels = await partText(bytes, 'xl/worksheets/_rels/sheet2.xml.rels');
    const idOf = (ref: string) => new RegExp(`<hyperlink ref="${ref}" r:id="(rId\\d+)"`).exec(links)?.[1];
    expect(rels).toMatch(new RegExp(`Id="${idOf('M9')}" Type="[^"]+/hyperlink" Target="https://www.mcf.se/" TargetMode="External"`));
    expect(rels).toMatch(new RegExp(`Id="${idOf('M5')}" Type="[^"]+/hyperlink" Target="https://intranat.example.se/ny" TargetMode="External"`));
    // The old target of M5 had no other user: it is gone.
    expect(rels).not.toContain('https://intranat.example.se/policy');
    expect(links).toContain(`<hyperlink ref="M7" location="'${DATA_SHEET}'!A1" display="Till data"/>`);
    const internal = Array.from(parseStrict(xml, 'sheet').getElementsByTagName('hyperlink')).map((h) => [h.getAttribute('ref'), h.getAttribute('location'), h.getAttribute('r:id')]);
    expect(internal).toEqual([
      ['M5', null, idOf('M5')],
      ['M7', `'${DATA_SHEET}'!A1`, null],
      ['M8', `'${DATA_SHEET}'!B2`, null],
      ['M9', null, idOf('M9')],
    ]);
    // The other relationships (drawing, notes, table) stay.
    for (const type of ['drawing', 'vmlDrawing', 'table', 'comments']) expect(rels).toContain(`relationships/${type}"`);
    const styles = await partText(bytes, 'xl/styles.xml');
    expect(resolveFormat(styles, styleIndex(xml, 'M9'))).toMatchObject({ underline: true, fontColor: 'FF0563C1' });
    expect(await packageProblems(bytes)).toEqual([]);
  });

  it('links written again add no relationship', async () => {
    const plan: WritePlan = [update(), { kind: 'values', sheet: PLAN_SHEET, at: 'M9', rows: [[{ link: 'https://www.mcf.se/', text: 'MCF' }]] }];
    const once = await applyPlanToXlsx(fixture.bytes, plan);
    const twice = await applyPlanToXlsx(once, plan);
    expect(twice).toBe(once);
  });

  it('refuses to break a shared formula, an array formula or a table header, and says so', async () => {
    const { skipped, xml, bytes } = await apply([
      { kind: 'values', sheet: PLAN_SHEET, at: 'I7', rows: [[{ date: '2027-01-01' }], [{ date: '2027-01-02' }]] },
      { kind: 'values', sheet: PLAN_SHEET, at: 'N12', rows: [[1, 2]] },
      { kind: 'values', sheet: PLAN_SHEET, at: 'C14', rows: [['Post', 'Summa']] },
    ]);
    expect(skipped).toEqual([
      { sheet: PLAN_SHEET, cell: 'I7', reason: 'shared-formula' },
      { sheet: PLAN_SHEET, cell: 'N12', reason: 'array-formula' },
      { sheet: PLAN_SHEET, cell: 'O12', reason: 'array-formula' },
      { sheet: PLAN_SHEET, cell: 'D14', reason: 'table-header' },
    ]);
    const old = rawCells(await partText(fixture.bytes, PART));
    const now = rawCells(xml);
    for (const ref of ['I7', 'N12', 'O12', 'D14', 'I9']) expect([ref, now.get(ref)]).toEqual([ref, old.get(ref)]);
    // A secondary cell of the shared formula may take a value; the group stays whole.
    expect(now.get('I8')).toBe(`<c r="I8" s="${fixture.styles.date}"><v>46389</v></c>`);
    // The same header text is no change for the table.
    expect(now.get('C14')).toBe('<c r="C14" t="inlineStr"><is><t xml:space="preserve">Post</t></is></c>');
    // I8 held a formula: calcChain would point at a value cell, so it goes (rel and content type too).
    const entries = await zipEntries(bytes);
    expect(entries.has('xl/calcChain.xml')).toBe(false);
    expect(await partText(bytes, 'xl/_rels/workbook.xml.rels')).not.toContain('calcChain');
    expect(await partText(bytes, '[Content_Types].xml')).not.toContain('calcChain');
    expect(await packageProblems(bytes)).toEqual([]);
  });

  it('applyPlanToXlsx returns the bytes alone', async () => {
    const bytes = await applyPlanToXlsx(fixture.bytes, [update(), { kind: 'values', sheet: PLAN_SHEET, at: 'I7', rows: [[1]] }]);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(rawCells(await partText(bytes, PART)).get('I7')).toContain('<f t="shared" ref="I7:I9" si="0">');
  });

  it('style ops lay a format over existing cells and create empty formatted cells in the range', async () => {
    const { xml, styles } = await apply([{ kind: 'style', sheet: PLAN_SHEET, range: 'K5:K6', style: { bold: true, border: 'thin', hAlign: 'center' } }]);
    const old = rawCells(await partText(fixture.bytes, PART));
    expect(rawCells(xml).get('K5')).toBe(old.get('K5')!.replace(`s="${fixture.styles.fill}"`, `s="${styleIndex(xml, 'K5')}"`));
    expect(resolveFormat(styles, styleIndex(xml, 'K5'))).toMatchObject({ bold: true, fill: 'FFFFF2CC', horizontal: 'center', border: { left: 'thin', right: 'thin', top: 'thin', bottom: 'thin' } });
    // Row 6 had no cells: it gets one, and keeps its height.
    expect(xml).toMatch(new RegExp(`<row r="6" ht="6" customHeight="1"><c r="K6" s="${styleIndex(xml, 'K6')}"/></row>`));
    expect(resolveFormat(styles, styleIndex(xml, 'K6'))).toMatchObject({ bold: true, fill: undefined, horizontal: 'center' });
  });

  it('a style op keeps the formula of a shared-formula master', async () => {
    const { xml, skipped } = await apply([{ kind: 'style', sheet: PLAN_SHEET, range: 'I7', style: { fill: 'FF0000' } }]);
    expect(skipped).toEqual([]);
    expect(rawCells(xml).get('I7')).toMatch(/^<c r="I7" s="\d+"><f t="shared" ref="I7:I9" si="0">H7\+90<\/f><v>46144<\/v><\/c>$/);
  });

  it('writes into rows and cells that have no r', async () => {
    const { xml } = await apply([{ kind: 'values', sheet: PLAN_SHEET, at: 'B10', rows: [[6, 'ny']] }]);
    expect(xml).toContain('<row><c t="inlineStr"><is><t>Egen rad</t></is></c><c r="B10"><v>6</v></c><c r="C10" t="inlineStr"><is><t xml:space="preserve">ny</t></is></c></row>');
    const grid = await readXlsxGrid(await applyPlanToXlsx(fixture.bytes, [update(), { kind: 'values', sheet: PLAN_SHEET, at: 'B10', rows: [[6, 'ny']] }]), [PLAN_SHEET]);
    expect(grid.sheets.get(PLAN_SHEET)!.values[9].slice(0, 3)).toEqual(['Egen rad', 6, 'ny']);
    expect(cellValue(grid, PLAN_SHEET, 'A11')).toBe('Dold rad');
  });

  it('inserts cells in column order and rows in row order', async () => {
    const { xml } = await apply([
      { kind: 'values', sheet: PLAN_SHEET, at: 'C7', rows: [['c7']] },
      { kind: 'values', sheet: PLAN_SHEET, at: 'A13', rows: [['a13']] },
      { kind: 'values', sheet: PLAN_SHEET, at: 'Z1', rows: [['z1']] },
    ]);
    const order = [...rawCells(xml).keys()];
    expect(order.indexOf('C7')).toBe(order.indexOf('A7') + 1);
    expect(order.indexOf('A13')).toBe(order.indexOf('O12') + 1);
    expect(order.indexOf('Z1')).toBe(order.indexOf('A1') + 1);
    expect(elements(xml, 'dimension')).toEqual(['<dimension ref="A1:Z20"/>']);
  });
});

describe('update mode: plan errors', () => {
  let base: Uint8Array;
  beforeAll(async () => {
    base = (await userSheetFixture()).bytes;
  });

  it.each([
    ['merge', { kind: 'merge', sheet: PLAN_SHEET, range: 'A30:B30' }],
    ['rowHeight', { kind: 'rowHeight', sheet: PLAN_SHEET, rows: [30], height: 20 }],
    ['table', { kind: 'table', sheet: PLAN_SHEET, name: 'Ny', range: 'A30:B31' }],
    ['validation', { kind: 'validation', sheet: PLAN_SHEET, range: 'A30', list: ['a'], strict: true }],
    [
      'chart',
      {
        kind: 'chart',
        sheet: PLAN_SHEET,
        name: 'C',
        type: 'bar',
        title: 'C',
        categories: { sheet: PLAN_SHEET, range: 'A1:A2' },
        series: [{ name: 's', values: { sheet: PLAN_SHEET, range: 'B1:B2' } }],
        anchor: { from: 'D1', to: 'H9' },
      },
    ],
  ] as const)('a %s op on an updated sheet is a plan error', async (kind, op) => {
    await expect(applyPlanToXlsx(base, [update(), op as WritePlan[number]])).rejects.toThrow(new RegExp(`Plan op 2 \\(${kind}\\) on sheet "${PLAN_SHEET}": a sheet updated in place`));
    // Thrown before the workbook is opened: a new workbook fails the same way.
    await expect(applyPlanToXlsx(null, [update(), op as WritePlan[number]])).rejects.toThrow(/updated in place/);
  });

  it('an updated sheet must exist', async () => {
    await expect(applyPlanToXlsx(base, [update('Saknas')])).rejects.toThrow(/Sheet "Saknas" does not exist/);
    await expect(applyPlanToXlsx(null, [update('Saknas')])).rejects.toThrow(/does not exist/);
  });

  it('an updated sheet must be a worksheet', async () => {
    const chartsheet = await smallWorkbook([
      { name: 'Blad1', xml: worksheet('') },
      { name: 'Diagram', chartsheet: true, xml: '<chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>' },
    ]);
    await expect(applyPlanToXlsx(chartsheet, [update('diagram')])).rejects.toThrow(/not an ordinary worksheet/);
  });

  it('finds the sheet under another case and keeps its name', async () => {
    const out = await applyPlanToXlsx(base, [update('HANDLINGSPLAN'), { kind: 'values', sheet: 'HANDLINGSPLAN', at: 'A22', rows: [['x']] }]);
    const grid = await readXlsxGrid(out);
    expect(grid.sheetNames).toEqual([DATA_SHEET, PLAN_SHEET]);
    expect(cellValue(await readXlsxGrid(out, [PLAN_SHEET]), PLAN_SHEET, 'A22')).toBe('x');
    // The mark says what the product made it as.
    expect(ownerMarks(await partText(out, 'xl/workbook.xml'))).toEqual([{ localSheetId: '1', value: '"HANDLINGSPLAN"', hidden: '1' }]);
  });
});

describe('update mode: conditional formats with replaces', () => {
  const rule = (sqref: string, priority: number, formula: string) =>
    `<conditionalFormatting sqref="${sqref}"><cfRule type="expression" dxfId="0" priority="${priority}"><formula>${formula}</formula></cfRule></conditionalFormatting>`;
  const marked = 'AND(N(&quot;infosakkollen:gantt&quot;),A1&gt;0)';
  const styles = '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><dxfs count="1"><dxf><fill><patternFill><bgColor rgb="FFFF0000"/></patternFill></fill></dxf></dxfs></styleSheet>';
  const gantt = (range: string): WritePlan[number] => ({ kind: 'conditionalFormat', sheet: 'S', range, replaces: GANTT_MARKER, formula: `AND(${GANTT_MARKER},A1>0)`, fill: '5B9BD5' });

  it('removes a marked rule from an element that keeps another rule, and drops an element left empty', async () => {
    const twoRules =
      '<conditionalFormatting sqref="A1:B2"><cfRule type="expression" dxfId="0" priority="7"><formula>A1=1</formula></cfRule>' +
      `<cfRule type="expression" dxfId="0" priority="2"><formula>${marked}</formula></cfRule></conditionalFormatting>`;
    const xml = worksheet('<row r="1"><c r="A1"><v>1</v></c></row>', twoRules + rule('C1:C9', 3, marked) + rule('D1', 5, 'D1&gt;N(&quot;annat&quot;)') + '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
    const base = await smallWorkbook([{ name: 'S', xml }], { stylesXml: styles });
    const out = await applyPlanToXlsx(base, [update('S'), gantt('E1:F9'), gantt('G1:G9')]);
    const sheet = await partText(out, 'xl/worksheets/sheet1.xml');
    const formats = elements(sheet, 'conditionalFormatting');
    expect(formats).toEqual([
      '<conditionalFormatting sqref="A1:B2"><cfRule type="expression" dxfId="0" priority="7"><formula>A1=1</formula></cfRule></conditionalFormatting>',
      rule('D1', 5, 'D1&gt;N(&quot;annat&quot;)'),
      // Later ops win among the plan's rules; the user's rules (priority ≤ 7) win over them.
      expect.stringMatching(/^<conditionalFormatting sqref="E1:F9"><cfRule type="expression" dxfId="1" priority="9">/),
      expect.stringMatching(/^<conditionalFormatting sqref="G1:G9"><cfRule type="expression" dxfId="1" priority="8">/),
    ]);
    expect(await packageProblems(out)).toEqual([]);
    const again = await applyPlanToXlsx(out, [update('S'), gantt('E1:F9'), gantt('G1:G9')]);
    expect(again).toBe(out);
  });

  it('adds the first rule of a sheet in schema order', async () => {
    const xml = worksheet('', '<dataValidations count="1"><dataValidation type="list" sqref="A1"><formula1>"a"</formula1></dataValidation></dataValidations><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
    const out = await applyPlanToXlsx(await smallWorkbook([{ name: 'S', xml }]), [update('S'), gantt('A1:A3')]);
    const sheet = await partText(out, 'xl/worksheets/sheet1.xml');
    expect(sheet).toMatch(/<\/sheetData><conditionalFormatting sqref="A1:A3"><cfRule type="expression" dxfId="0" priority="1">[\s\S]*<\/conditionalFormatting><dataValidations/);
    expect(await packageProblems(out)).toEqual([]);
  });

  it('replaces works on a replaced sheet too (nothing to remove there)', async () => {
    const out = await applyPlanToXlsx(null, [{ kind: 'sheet', sheet: 'S' }, { ...gantt('A1:B2') } as WritePlan[number]]);
    const sheet = await partText(out, 'xl/worksheets/sheet1.xml');
    expect(elements(sheet, 'conditionalFormatting')).toHaveLength(1);
  });
});

describe('update mode: other sheet shapes', () => {
  it('patches a sheet written with a namespace prefix', async () => {
    const xml = worksheet('<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c></x:row>', '', 'x');
    const base = await smallWorkbook([{ name: 'S', xml }]);
    const out = await applyPlanToXlsx(base, [
      update('S'),
      { kind: 'values', sheet: 'S', at: 'B1', rows: [['b', { link: 'https://a.se/', text: 'a' }]], style: { bold: true } },
      { kind: 'conditionalFormat', sheet: 'S', range: 'A1', formula: 'A1="a"', fill: 'FFFF00' },
    ]);
    const sheet = await partText(out, 'xl/worksheets/sheet1.xml');
    expect(sheet).toContain('<x:c r="B1" s="1" t="inlineStr"><x:is><x:t xml:space="preserve">b</x:t></x:is></x:c>');
    const doc = parseStrict(sheet, 'sheet');
    const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    expect(doc.getElementsByTagNameNS(main, 'c')).toHaveLength(3);
    expect(doc.getElementsByTagNameNS(main, 'cfRule')).toHaveLength(1);
    expect(doc.getElementsByTagNameNS(main, 'hyperlink')).toHaveLength(1);
    expect(await readXlsxGrid(out, ['S']).then((g) => g.sheets.get('S')!.values[0])).toEqual(['a', 'b', 'a']);
    expect(await packageProblems(out)).toEqual([]);
  });

  it('turns an empty <sheetData/> into rows', async () => {
    const base = await smallWorkbook([{ name: 'S', xml: worksheet('').replace('<sheetData></sheetData>', '<sheetData/>') }]);
    const out = await applyPlanToXlsx(base, [update('S'), { kind: 'values', sheet: 'S', at: 'B2', rows: [[1]] }]);
    expect(await partText(out, 'xl/worksheets/sheet1.xml')).toContain('<dimension ref="A1:B2"/><sheetData><row r="2"><c r="B2"><v>1</v></c></row></sheetData>');
  });

  it('widens a row\'s spans to cover a new cell', async () => {
    const base = await smallWorkbook([{ name: 'S', xml: worksheet('<row r="1" spans="1:2"><c r="A1"><v>1</v></c></row>') }]);
    const out = await applyPlanToXlsx(base, [update('S'), { kind: 'values', sheet: 'S', at: 'E1', rows: [[5]] }]);
    expect(await partText(out, 'xl/worksheets/sheet1.xml')).toContain('<row r="1" spans="1:5"><c r="A1"><v>1</v></c><c r="E1"><v>5</v></c></row>');
  });

  it('keeps a sheet with a value at XFD1048576 sparse and fast', async () => {
    const rows = Array.from({ length: 20000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c><c r="B${i + 1}" t="inlineStr"><is><t>rad ${i}</t></is></c></row>`).join('');
    const xml = worksheet(`${rows}<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>långt bort</t></is></c></row>`);
    const base = await smallWorkbook([{ name: 'S', xml }]);
    const started = Date.now();
    const out = await applyPlanToXlsx(base, [
      update('S'),
      { kind: 'values', sheet: 'S', at: 'C10000', rows: [['mitt i']] },
      { kind: 'values', sheet: 'S', at: 'XFD1048576', rows: [['ännu längre bort']] },
      { kind: 'values', sheet: 'S', at: 'XFC1048576', rows: [[1]] },
    ]);
    // Generous for a loaded CI machine; patching is one pass over the XML (a dense grid would take minutes).
    expect(Date.now() - started).toBeLessThan(3000);
    const sheet = await partText(out, 'xl/worksheets/sheet1.xml');
    expect(sheet).toContain('<row r="1048576"><c r="XFC1048576"><v>1</v></c><c r="XFD1048576" t="inlineStr"><is><t xml:space="preserve">ännu längre bort</t></is></c></row>');
    expect(sheet).toContain('<c r="B10000" t="inlineStr"><is><t>rad 9999</t></is></c><c r="C10000"');
    expect(sheet).toContain('<dimension ref="A1:XFD1048576"/>');
  });
});

describe('ownership marks', () => {
  it('marks every sheet a plan writes, once, with its tab position', async () => {
    const plan: WritePlan = [
      { kind: 'sheet', sheet: 'Resultat' },
      { kind: 'values', sheet: 'Resultat', at: 'A1', rows: [['x']] },
      { kind: 'sheet', sheet: 'R&D "A"' },
    ];
    const once = await applyPlanToXlsx(null, plan);
    const workbook = await partText(once, 'xl/workbook.xml');
    expect(ownerMarks(workbook)).toEqual([
      { localSheetId: '0', value: '"Resultat"', hidden: '1' },
      { localSheetId: '1', value: '"R&D ""A"""', hidden: '1' },
    ]);
    expect(workbook).toMatch(/<\/sheets><definedNames>[\s\S]*<\/definedNames><calcPr /);
    const twice = await applyPlanToXlsx(once, plan);
    expect(await partText(twice, 'xl/workbook.xml')).toBe(workbook);
  });

  it('adds marks for new sheets after the user\'s sheets without moving the user\'s names', async () => {
    const base = await smallWorkbook([{ name: 'Mitt', xml: worksheet('<row r="1"><c r="A1"><v>1</v></c></row>') }, { name: 'Annat', xml: worksheet('') }], {
      definedNames: `<definedName name="_xlnm.Print_Area" localSheetId="1">Annat!$A$1:$B$2</definedName><definedName name="${OWNER_NAME.toLowerCase()}" localSheetId="0" hidden="1">"Gammalt"</definedName>`,
    });
    const out = await applyPlanToXlsx(base, [{ kind: 'sheet', sheet: 'Resultat' }, { kind: 'sheet', sheet: 'mitt', mode: 'update' }]);
    const workbook = await partText(out, 'xl/workbook.xml');
    // An existing mark on a sheet (any case of the name) is left alone, whatever it says.
    expect(workbook).toContain(
      `<definedNames><definedName name="_xlnm.Print_Area" localSheetId="1">Annat!$A$1:$B$2</definedName><definedName name="infosakkollen_blad" localSheetId="0" hidden="1">"Gammalt"</definedName>` +
        `<definedName name="${OWNER_NAME}" localSheetId="2" hidden="1">"Resultat"</definedName></definedNames>`,
    );
    expect((await readXlsxGrid(out)).sheetNames).toEqual(['Mitt', 'Annat', 'Resultat']);
  });

  it('marks a replaced sheet found under another case at its own position, renamed to the plan\'s spelling', async () => {
    const base = await smallWorkbook([{ name: 'Mitt', xml: worksheet('') }, { name: 'RESULTAT', xml: worksheet('') }, { name: 'Sist', xml: worksheet('') }]);
    const out = await applyPlanToXlsx(base, [{ kind: 'sheet', sheet: 'Resultat' }]);
    expect((await readXlsxGrid(out)).sheetNames).toEqual(['Mitt', 'Resultat', 'Sist']);
    expect(ownerMarks(await partText(out, 'xl/workbook.xml'))).toEqual([{ localSheetId: '1', value: '"Resultat"', hidden: '1' }]);
  });
});

describe('a Handlingsplan saved by LibreOffice', () => {
  let base: Uint8Array;
  let outputs: Uint8Array[];
  beforeAll(async () => {
    base = new Uint8Array(readFileSync(LIBREOFFICE_FIXTURE));
    outputs = [];
    let current = base;
    for (let i = 0; i < 5; i++) {
      const result = await applyPlanToXlsxWithReport(current, updatePlan());
      expect(result.skipped).toEqual([]);
      outputs.push(result.bytes);
      current = result.bytes;
    }
  });

  it('keeps every cell the plan does not name, every row and every other part through five applies', async () => {
    const sheet = 'xl/worksheets/sheet2.xml';
    const old = await partText(base, sheet);
    const last = await partText(outputs[4], sheet);
    const oldCells = rawCells(old);
    const lastCells = rawCells(last);
    for (const [ref, markup] of oldCells) if (!WRITTEN.includes(ref)) expect([ref, lastCells.get(ref)]).toEqual([ref, markup]);
    for (const [row, tag] of rowTags(old)) expect([row, rowTags(last).get(row)]).toEqual([row, tag]);
    const before = await zipEntries(base);
    const after = await zipEntries(outputs[4]);
    for (const [p, bytes] of before) if (!MAY_CHANGE.has(p)) expect([p, after.get(p)!.equals(bytes)]).toEqual([p, true]);
    for (const name of ['cols', 'mergeCells', 'dataValidations', 'hyperlinks', 'drawing', 'legacyDrawing', 'tableParts', 'extLst', 'sheetProtection', 'pageSetup', 'headerFooter']) {
      expect([name, elements(last, name)]).toEqual([name, elements(old, name)]);
    }
    // LibreOffice wrote the formula as quoted entities; the marked rule is still found and replaced.
    expect(elements(last, 'conditionalFormatting').filter((e) => e.includes('infosakkollen:gantt'))).toHaveLength(1);
  });

  it('settles after the first apply', async () => {
    for (const later of outputs.slice(1)) expect(later).toBe(outputs[0]);
  });

  it('passes check-xlsx', () => {
    const missing = checkerMissing();
    if (missing) {
      console.warn(`skipped: ${missing}`);
      return;
    }
    const result = checkXlsx({ libreoffice: base, updated: outputs[4] });
    expect(result.output).toMatch(/2 files, 0 violations/);
    expect(result.status).toBe(0);
  });
});
