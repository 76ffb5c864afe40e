import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { applyPlanToXlsx } from '../../../src/adapters/xlsx/applyPlan';
import { readXlsxGrid } from '../../../src/adapters/xlsx/readGrid';
import type { WritePlan } from '../../../src/workbook/plan/types';
import { checkXlsx, checkerMissing } from './checkXlsx';
import {
  QUESTION_SHEET,
  RESULT_SHEET,
  TINY_PNG,
  everyOpPlan,
  packageProblems,
  parseStrict,
  partText,
  sheetPart,
  userWorkbook,
  worksheetChildren,
  zipEntries,
} from './fixtures';

const count = (entries: Map<string, Buffer>, pattern: RegExp) => [...entries.keys()].filter((p) => pattern.test(p)).length;

function xfsOf(styles: string): string[] {
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1];
  return cellXfs.match(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g) ?? [];
}

describe('applyPlanToXlsx on a new workbook', () => {
  let out: Uint8Array;
  beforeAll(async () => {
    out = await applyPlanToXlsx(null, everyOpPlan());
  });

  it('creates the owned sheets in plan order and nothing else', async () => {
    const grid = await readXlsxGrid(out);
    expect(grid.sheetNames).toEqual([RESULT_SHEET, QUESTION_SHEET]);
  });

  it('reads back values, dates, booleans, links and formula results', async () => {
    const grid = await readXlsxGrid(out);
    expect(grid.sheets.get(RESULT_SHEET)!.values).toEqual([
      ['Arbetsområde', 'Nivå', 'Poäng'],
      ['Styrning', 3, 38],
      ['Risk', 2, 22],
      ['Incidenter', 1, 12],
    ]);
    const questions = grid.sheets.get(QUESTION_SHEET)!.values;
    expect(questions[0][0]).toBe('Frågor & svar <1>');
    expect(questions[2]).toEqual([1, 'Policy?', 'Säker', '2026-03-15']);
    expect(questions[3]).toEqual([2, 'Risk?', 'Osäker', '1999-12-31']);
    expect(questions[4]).toEqual([3, 'Antal', 2, 'Säker!']);
    // Grids may be sparse: a cell that holds nothing reads as null or as a hole.
    const row = (r: number) => Array.from({ length: 4 }, (_, c) => questions[r]?.[c] ?? null);
    expect(row(5)).toEqual([true, false, null, null]);
    expect(row(6)).toEqual(['MCF', 'Till resultat', null, null]);
  });

  it('writes a consistent package: content types, rels, well-formed XML, schema order', async () => {
    expect(await packageProblems(out)).toEqual([]);
    const names = Object.keys((await JSZip.loadAsync(out)).files);
    expect(names.filter((n) => n.endsWith('/'))).toEqual([]); // parts only, no folder entries
  });

  it('writes formulas with cached results, and asks for recalculation when one has none', async () => {
    const xml = await partText(out, await sheetPart(out, QUESTION_SHEET));
    expect(xml).toMatch(/<c r="C5"[^>]*><f>COUNTA\(B3:B4\)<\/f><v>2<\/v><\/c>/);
    expect(xml).toMatch(/<c r="D5"[^>]* t="str"><f>C3&amp;"!"<\/f><v>Säker!<\/v><\/c>/);
    expect(xml).toMatch(/<c r="C6"[^>]*><f>NOW\(\)<\/f><\/c>/);
    expect(await partText(out, 'xl/workbook.xml')).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });

  it('writes sheet settings: frozen pane, tab colour, gridlines, widths, page setup, row heights, merges', async () => {
    const results = await partText(out, await sheetPart(out, RESULT_SHEET));
    expect(results).toContain('<tabColor rgb="FF1F4E79"/>');
    expect(results).toContain('<pane xSplit="1" ySplit="1" topLeftCell="B2" activePane="bottomRight" state="frozen"/>');
    expect(results).toContain('<col min="1" max="1" width="28" customWidth="1"/>');
    expect(results).toMatch(/<pageSetup [^>]*orientation="landscape" fitToWidth="1" fitToHeight="0"\/>/);
    expect(results).toContain('<pageSetUpPr fitToPage="1"/>');
    expect(results).toContain('tabSelected="1"');
    const questions = await partText(out, await sheetPart(out, QUESTION_SHEET));
    expect(questions).toContain('showGridLines="0"');
    expect(questions).toMatch(/<pageSetup [^>]*fitToWidth="1" fitToHeight="1"\/>/);
    expect(questions).toContain('<row r="1" ht="24" customHeight="1">');
    expect(questions).toContain('<row r="20" ht="24" customHeight="1"></row>');
    expect(questions).toContain('<mergeCells count="1"><mergeCell ref="A1:D1"/></mergeCells>');
    expect(questions).not.toContain('tabSelected');
  });

  it('protects the sheet without a password and unlocks the answer cells', async () => {
    const questions = await partText(out, await sheetPart(out, QUESTION_SHEET));
    expect(questions).toContain('<sheetProtection sheet="1" objects="1" scenarios="1" formatRows="0" insertHyperlinks="0"/>');
    expect(questions).not.toMatch(/password/i);
    const styles = await partText(out, 'xl/styles.xml');
    const xfs = xfsOf(styles);
    const styleOf = (ref: string) => Number(new RegExp(`<c r="${ref}"(?: s="(\\d+)")?`).exec(questions)![1] ?? 0);
    expect(xfs[styleOf('C4')]).toContain('<protection locked="0"/>');
    expect(xfs[styleOf('B4')]).not.toContain('locked="0"');
    // C3 got a second style op: its unlocked fill survives and the new properties are merged on top.
    const c3 = xfs[styleOf('C3')];
    expect(c3).toContain('<protection locked="0"/>');
    expect(c3).toContain('<alignment horizontal="center" vertical="center" wrapText="1" indent="1"/>');
    expect(styles).toContain('formatCode="0.0"');
    expect(styles).toContain('formatCode="yyyy-mm-dd"');
  });

  it('writes list validations: warning when not strict, stop when strict, quotes doubled', async () => {
    const questions = await partText(out, await sheetPart(out, QUESTION_SHEET));
    const validations = parseStrict(questions, 'sheet').getElementsByTagName('dataValidation');
    expect(validations).toHaveLength(2);
    const [loose, strict] = Array.from(validations);
    expect(loose.getAttribute('type')).toBe('list');
    expect(loose.getAttribute('sqref')).toBe('C3:C4');
    expect(loose.getAttribute('errorStyle')).toBe('warning');
    expect(loose.getAttribute('showErrorMessage')).toBe('1');
    expect(loose.getAttribute('prompt')).toBe('Välj ett svar');
    expect(loose.getElementsByTagName('formula1')[0].textContent).toBe('"Säker,Osäker"');
    expect(strict.getAttribute('errorStyle')).toBeNull(); // default: stop
    expect(strict.getElementsByTagName('formula1')[0].textContent).toBe('"Ja,Nej ""kanske"""');
  });

  it('writes conditional formats with a dxf appended to styles.xml', async () => {
    const questions = await partText(out, await sheetPart(out, QUESTION_SHEET));
    const rule = /<conditionalFormatting sqref="C3:C4"><cfRule type="expression" dxfId="(\d+)" priority="1"><formula>C3="Osäker"<\/formula>/.exec(questions);
    expect(rule).not.toBeNull();
    const dxfs = /<dxfs count="(\d+)">([\s\S]*?)<\/dxfs>/.exec(await partText(out, 'xl/styles.xml'))!;
    const dxf = dxfs[2].match(/<dxf>[\s\S]*?<\/dxf>/g)![Number(rule![1])];
    expect(dxf).toContain('FFF8CBAD');
    expect(dxf).toContain('<color rgb="FF9C0006"/>');
  });

  it('writes external hyperlinks through the sheet rels and internal ones as locations', async () => {
    const part = await sheetPart(out, QUESTION_SHEET);
    const questions = await partText(out, part);
    const rels = await partText(out, part.replace('worksheets/', 'worksheets/_rels/') + '.rels');
    const id = /<hyperlink ref="A7" r:id="(rId\d+)"/.exec(questions)![1];
    expect(rels).toMatch(new RegExp(`Id="${id}" Type="[^"]+/hyperlink" Target="https://www.mcf.se/" TargetMode="External"`));
    const internal = Array.from(parseStrict(questions, 'sheet').getElementsByTagName('hyperlink')).find((h) => h.getAttribute('ref') === 'B7')!;
    expect(internal.getAttribute('location')).toBe("'Arbetsområden'!A1");
    expect(internal.getAttribute('r:id')).toBeNull();
  });

  it('writes a real table part named from the header cells', async () => {
    const table = await partText(out, 'xl/tables/table1.xml');
    const doc = parseStrict(table, 'table').documentElement;
    expect(doc.getAttribute('name')).toBe('Resultat');
    expect(doc.getAttribute('ref')).toBe('A1:C4');
    expect(Array.from(doc.getElementsByTagName('tableColumn')).map((c) => c.getAttribute('name'))).toEqual(['Arbetsområde', 'Nivå', 'Poäng']);
    expect(doc.getElementsByTagName('autoFilter')[0].getAttribute('ref')).toBe('A1:C4');
    expect(doc.getElementsByTagName('tableStyleInfo')[0].getAttribute('name')).toBe('TableStyleMedium2');
    expect(await partText(out, await sheetPart(out, RESULT_SHEET))).toMatch(/<tableParts count="1"><tablePart r:id="rId\d+"\/><\/tableParts><\/worksheet>$/);
  });

  it('writes native bar charts with references and caches, in a drawing on the sheet', async () => {
    const entries = await zipEntries(out);
    expect(count(entries, /^xl\/charts\/chart\d+\.xml$/)).toBe(2);
    expect(count(entries, /^xl\/drawings\/drawing\d+\.xml$/)).toBe(1);
    const chart = parseStrict(await partText(out, 'xl/charts/chart1.xml'), 'chart');
    const el = (name: string) => Array.from(chart.getElementsByTagName(name.includes(':') ? name : `c:${name}`));
    expect(el('barDir')[0].getAttribute('val')).toBe('bar');
    expect(el('grouping')[0].getAttribute('val')).toBe('clustered');
    expect(el('ser')).toHaveLength(1);
    expect(el('f').map((f) => f.textContent)).toEqual(["'Arbetsområden'!$A$2:$A$4", "'Arbetsområden'!$B$2:$B$4"]);
    const cat = el('cat')[0];
    expect(Array.from(cat.getElementsByTagName('c:v')).map((v) => v.textContent)).toEqual(['Styrning', 'Risk', 'Incidenter']);
    const val = el('val')[0];
    expect(Array.from(val.getElementsByTagName('c:v')).map((v) => v.textContent)).toEqual(['3', '2', '1']);
    expect(el('max')[0].getAttribute('val')).toBe('4');
    expect(el('majorUnit')[0].getAttribute('val')).toBe('1');
    expect(el('catAx')).toHaveLength(1);
    expect(el('valAx')).toHaveLength(1);
    expect(el('axId')).toHaveLength(4);
    expect(el('legend')).toHaveLength(0);
    expect(el('a:srgbClr')[0].getAttribute('val')).toBe('1F4E79');
    const column = await partText(out, 'xl/charts/chart2.xml');
    expect(column).toContain('<c:barDir val="col"/>');
    expect(column).toContain('<c:legend>');

    const drawing = parseStrict(await partText(out, 'xl/drawings/drawing1.xml'), 'drawing');
    const anchors = drawing.getElementsByTagName('xdr:twoCellAnchor');
    expect(anchors).toHaveLength(2);
    expect(anchors[0].getElementsByTagName('xdr:col')[0].textContent).toBe('4'); // E
    expect(anchors[0].getElementsByTagName('xdr:col')[1].textContent).toBe('12'); // right edge of L
    expect(await partText(out, 'xl/drawings/_rels/drawing1.xml.rels')).toContain('Target="../charts/chart2.xml"');
    const sheet = await partText(out, await sheetPart(out, RESULT_SHEET));
    expect(worksheetChildren(sheet).slice(-2)).toEqual(['drawing', 'tableParts']);
  });

  it('declares content types for the new charts, drawing, table and sheets', async () => {
    const types = await partText(out, '[Content_Types].xml');
    expect(types).toContain('<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>');
    expect(types).toContain('<Override PartName="/xl/charts/chart2.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>');
    expect(types).toContain('<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>');
    expect(types).toContain('<Override PartName="/xl/tables/table1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>');
    expect(types).toContain('PartName="/xl/worksheets/sheet2.xml"');
  });

  it('opens again in ExcelJS', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([RESULT_SHEET, QUESTION_SHEET]);
    const ws = wb.getWorksheet(QUESTION_SHEET)!;
    expect(ws.getCell('B3').value).toBe('Policy?');
    expect(ws.getCell('D3').value).toEqual(new Date(Date.UTC(2026, 2, 15)));
    expect(ws.getCell('C3').dataValidation).toMatchObject({ type: 'list', formulae: ['"Säker,Osäker"'] });
    expect(ws.getCell('C4').protection).toMatchObject({ locked: false });
  });
});

describe('drop-downs whose values come from cells (ValidationOp.source)', () => {
  const GOALS = 'Mål';
  const ODD = "R&D <team's mål>";
  /** Handlingsplan's "Årliga mål" offers the goal ids on Mål; a second drop-down reads an awkward sheet name; the list form beside them. */
  const plan = (): WritePlan => [
    { kind: 'sheet', sheet: GOALS },
    { kind: 'values', sheet: GOALS, at: 'A29', rows: [['Id'], ['M1'], ['M2'], ['M3']] },
    { kind: 'sheet', sheet: ODD },
    { kind: 'values', sheet: ODD, at: 'B2', rows: [['x', 'y']] },
    { kind: 'sheet', sheet: 'Handlingsplan' },
    { kind: 'values', sheet: 'Handlingsplan', at: 'A1', rows: [['Aktivitet', 'Årliga mål', 'Status', 'Typ']] },
    { kind: 'validation', sheet: 'Handlingsplan', range: 'B2:B200', source: { sheet: GOALS, range: 'A30:A49' }, strict: false, prompt: 'Välj ett mål från bladet Mål.' },
    { kind: 'validation', sheet: 'Handlingsplan', range: 'C2:C200', list: ['Planerad', 'Klar'], strict: true },
    { kind: 'validation', sheet: 'Handlingsplan', range: 'D2', source: { sheet: ODD, range: 'F2:B2' }, strict: true },
    { kind: 'validation', sheet: 'Handlingsplan', range: 'E2', source: { sheet: 'Handlingsplan', range: 'A1' }, strict: true },
  ];
  let out: Uint8Array;
  let xml: string;
  beforeAll(async () => {
    out = await applyPlanToXlsx(null, plan());
    xml = await partText(out, await sheetPart(out, 'Handlingsplan'));
  });

  it('writes a list validation whose formula1 is an absolute, quoted reference', () => {
    const validations = Array.from(parseStrict(xml, 'sheet').getElementsByTagName('dataValidation'));
    expect(validations.map((v) => [v.getAttribute('sqref'), v.getElementsByTagName('formula1')[0].textContent])).toEqual([
      ['B2:B200', "'Mål'!$A$30:$A$49"],
      ['C2:C200', '"Planerad,Klar"'],
      ['D2', `'R&D <team''s mål>'!$B$2:$F$2`],
      ['E2', "'Handlingsplan'!$A$1"],
    ]);
    const [goals, , odd] = validations;
    expect(goals.getAttribute('type')).toBe('list');
    expect(goals.getAttribute('allowBlank')).toBe('1');
    expect(goals.getAttribute('showErrorMessage')).toBe('1');
    expect(goals.getAttribute('errorStyle')).toBe('warning');
    expect(goals.getAttribute('prompt')).toBe('Välj ett mål från bladet Mål.');
    expect(odd.getAttribute('errorStyle')).toBeNull(); // strict: stop
    // Escaped for XML, quotes around the name, its apostrophe doubled.
    expect(xml).toContain(`<formula1>'R&amp;D &lt;team''s mål&gt;'!$B$2:$F$2</formula1>`);
    expect(xml).toContain('<dataValidations count="4">');
    expect(worksheetChildren(xml).indexOf('dataValidations')).toBe(worksheetChildren(xml).indexOf('sheetData') + 1);
  });

  it('writes a consistent package that ExcelJS reads back as a range list', async () => {
    expect(await packageProblems(out)).toEqual([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out) as unknown as ExcelJS.Buffer);
    expect(wb.getWorksheet('Handlingsplan')!.getCell('B57').dataValidation).toMatchObject({ type: 'list', formulae: ["'Mål'!$A$30:$A$49"] });
  });

  it('spells the source sheet as the workbook does', async () => {
    const user = await userWorkbook();
    const written = await applyPlanToXlsx(user, [
      { kind: 'sheet', sheet: 'Handlingsplan' },
      { kind: 'validation', sheet: 'Handlingsplan', range: 'B2:B10', source: { sheet: 'övrigt', range: 'A1:A20' }, strict: true },
    ]);
    expect(await partText(written, await sheetPart(written, 'Handlingsplan'))).toContain("<formula1>'Övrigt'!$A$1:$A$20</formula1>");
  });

  it('rejects a source on a sheet the workbook does not have, or that is not one row or column', async () => {
    const on = (source: { sheet: string; range: string }): WritePlan => [
      { kind: 'sheet', sheet: 'S' },
      { kind: 'validation', sheet: 'S', range: 'A1:A5', source, strict: true },
    ];
    await expect(applyPlanToXlsx(null, on({ sheet: 'Mål', range: 'A30:A49' }))).rejects.toThrow(/from sheet "Mål", which the workbook does not have/);
    await expect(applyPlanToXlsx(null, on({ sheet: 'S', range: 'A30:B49' }))).rejects.toThrow(/neither one row nor one column/);
    await expect(applyPlanToXlsx(null, on({ sheet: 'a/b', range: 'A1:A2' }))).rejects.toThrow(/not a valid Excel sheet name/);
    const both = { kind: 'validation', sheet: 'S', range: 'A1', list: ['a'], source: { sheet: 'S', range: 'B1:B2' }, strict: true } as unknown as WritePlan[number];
    await expect(applyPlanToXlsx(null, [{ kind: 'sheet', sheet: 'S' }, both])).rejects.toThrow(/both a list and a source/);
  });

  it('refuses one on a sheet updated in place, like the list form', async () => {
    const base = await applyPlanToXlsx(null, plan());
    const update: WritePlan = [
      { kind: 'sheet', sheet: 'Handlingsplan', mode: 'update' },
      { kind: 'validation', sheet: 'Handlingsplan', range: 'B300', source: { sheet: GOALS, range: 'A30:A49' }, strict: false },
    ];
    await expect(applyPlanToXlsx(base, update)).rejects.toThrow(/keeps its own validations/);
  });

  it('passes check-xlsx', () => {
    const missing = checkerMissing();
    if (missing) return console.warn(`skipped: ${missing}`);
    const result = checkXlsx({ sourced: out });
    expect(result.output).toMatch(/1 files?, 0 violations/);
    expect(result.status).toBe(0);
  });
});

describe('applying the same plan twice', () => {
  it('gives the same workbook: same sheets, one chart per chart op, one table per table op', async () => {
    const once = await applyPlanToXlsx(null, everyOpPlan());
    const twice = await applyPlanToXlsx(once, everyOpPlan());
    const a = await zipEntries(once);
    const b = await zipEntries(twice);
    expect((await readXlsxGrid(twice)).sheetNames).toEqual([RESULT_SHEET, QUESTION_SHEET]);
    expect(count(b, /^xl\/charts\/chart\d+\.xml$/)).toBe(2);
    expect(count(b, /^xl\/drawings\/drawing\d+\.xml$/)).toBe(1);
    expect(count(b, /^xl\/tables\/table\d+\.xml$/)).toBe(1);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [part, bytes] of a) expect([part, b.get(part)!.toString('utf8')]).toEqual([part, bytes.toString('utf8')]);
    expect(await packageProblems(twice)).toEqual([]);
  });

  it('drops the old charts and tables when the plan for a sheet has fewer', async () => {
    const first = await applyPlanToXlsx(null, everyOpPlan());
    const smaller: WritePlan = [
      { kind: 'sheet', sheet: RESULT_SHEET },
      { kind: 'values', sheet: RESULT_SHEET, at: 'A1', rows: [['Område', 'Nivå'], ['Styrning', 3]] },
      {
        kind: 'chart',
        sheet: RESULT_SHEET,
        name: 'Nivå',
        type: 'column',
        title: 'Nivå',
        categories: { sheet: RESULT_SHEET, range: 'A2' },
        series: [{ name: 'Nivå', values: { sheet: RESULT_SHEET, range: 'B2' } }],
        anchor: { from: 'D1', to: 'J10' },
      },
    ];
    const second = await applyPlanToXlsx(first, smaller);
    const entries = await zipEntries(second);
    expect(count(entries, /^xl\/charts\/chart\d+\.xml$/)).toBe(1);
    expect(count(entries, /^xl\/tables\//)).toBe(0);
    expect(await partText(second, '[Content_Types].xml')).not.toContain('table1.xml');
    // The sheet the second plan does not mention is left exactly as the first plan wrote it.
    const questions = await sheetPart(first, QUESTION_SHEET);
    expect((await zipEntries(first)).get(questions)!.equals(entries.get(questions)!)).toBe(true);
    const grid = await readXlsxGrid(second);
    expect(grid.sheetNames).toEqual([RESULT_SHEET, QUESTION_SHEET]);
    expect(grid.sheets.get(RESULT_SHEET)!.values).toEqual([['Område', 'Nivå'], ['Styrning', 3]]);
    expect(await packageProblems(second)).toEqual([]);
  });
});

describe('applying a plan to a user workbook', () => {
  let user: Uint8Array;
  let userWithChart: Uint8Array;
  let out: Uint8Array;
  const chartOnlyPlan: WritePlan = [
    { kind: 'sheet', sheet: 'Användarens diagram' },
    { kind: 'values', sheet: 'Användarens diagram', at: 'A1', rows: [['a', 1], ['b', 2]] },
    {
      kind: 'chart',
      sheet: 'Användarens diagram',
      name: 'Eget',
      type: 'column',
      title: 'Eget diagram',
      categories: { sheet: 'Användarens diagram', range: 'A1:A2' },
      series: [{ name: 'S', values: { sheet: 'Användarens diagram', range: 'B1:B2' } }],
      anchor: { from: 'D1', to: 'H10' },
    },
  ];

  beforeAll(async () => {
    user = await userWorkbook();
    // A sheet with a chart the next plan does not own: from then on it is the user's chart.
    userWithChart = await applyPlanToXlsx(user, chartOnlyPlan);
    out = await applyPlanToXlsx(userWithChart, everyOpPlan());
  });

  it('keeps every part it does not own byte for byte', async () => {
    const before = await zipEntries(userWithChart);
    const after = await zipEntries(out);
    // Parts the plan legitimately updates: the sheet list, its rels, content types, styles, app.xml.
    const updated = new Set(['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'docProps/app.xml']);
    const kept = [...before.keys()].filter((p) => !updated.has(p));
    expect(kept).toEqual(expect.arrayContaining(['xl/media/image1.png', 'xl/drawings/drawing1.xml', 'xl/charts/chart1.xml', 'xl/tables/table1.xml']));
    expect(kept.some((p) => /comments/.test(p))).toBe(true);
    for (const part of kept) {
      expect([part, after.has(part) && after.get(part)!.equals(before.get(part)!)]).toEqual([part, true]);
    }
  });

  it('appends the owned sheets after the user sheets and numbers new parts around the old ones', async () => {
    const grid = await readXlsxGrid(out);
    expect(grid.sheetNames).toEqual(['Mina anteckningar', 'Övrigt', 'Användarens diagram', RESULT_SHEET, QUESTION_SHEET]);
    expect(grid.sheets.get('Mina anteckningar')!.values[0][0]).toBe('Egen rubrik');
    const entries = await zipEntries(out);
    expect(count(entries, /^xl\/charts\/chart\d+\.xml$/)).toBe(3);
    expect(count(entries, /^xl\/tables\/table\d+\.xml$/)).toBe(2);
    const ids = await Promise.all(['xl/tables/table1.xml', 'xl/tables/table2.xml'].map(async (p) => /\bid="(\d+)"/.exec(await partText(out, p))![1]));
    expect(new Set(ids).size).toBe(2);
    // ExcelJS writes the user's sheet with legacyDrawing after tableParts: not ours to check.
    expect(await packageProblems(out, [await sheetPart(out, 'Mina anteckningar')])).toEqual([]);
  });

  it('keeps the old cell formats at the same indexes and only appends', async () => {
    const before = xfsOf(await partText(userWithChart, 'xl/styles.xml'));
    const after = xfsOf(await partText(out, 'xl/styles.xml'));
    expect(after.length).toBeGreaterThan(before.length);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(await partText(out, 'xl/styles.xml')).toMatch(new RegExp(`<cellXfs count="${after.length}">`));
  });

  it('lists the new sheets in docProps/app.xml', async () => {
    const app = await partText(out, 'docProps/app.xml');
    expect(app).toContain('<vt:i4>5</vt:i4>');
    expect(app).toContain(`<vt:lpstr>${QUESTION_SHEET}</vt:lpstr>`);
  });

  it('is idempotent on a user workbook too', async () => {
    const again = await applyPlanToXlsx(out, everyOpPlan());
    const a = await zipEntries(out);
    const b = await zipEntries(again);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [part, bytes] of a) expect([part, b.get(part)!.equals(bytes)]).toEqual([part, true]);
    expect(count(b, /^xl\/charts\//)).toBe(3);
    expect((await readXlsxGrid(again)).sheetNames).toHaveLength(5);
  });

  it('opens again in ExcelJS', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out) as unknown as ExcelJS.Buffer);
    expect(wb.getWorksheet('Mina anteckningar')!.getCell('B2').value).toBe(42);
    expect(wb.getWorksheet('Mina anteckningar')!.getImages()).toHaveLength(1);
  });

  it('refuses to write a table whose name a user table already has', async () => {
    const plan: WritePlan = [
      { kind: 'sheet', sheet: 'Ny' },
      { kind: 'values', sheet: 'Ny', at: 'A1', rows: [['x'], [1]] },
      { kind: 'table', sheet: 'Ny', name: 'Egen', range: 'A1:A2' },
    ];
    await expect(applyPlanToXlsx(user, plan)).rejects.toThrow(/table named "Egen" already exists/);
  });

  it('refuses a table name that is already a defined name', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Data').getCell('A1').value = 1;
    wb.definedNames.add("'Data'!$A$1", 'Tabell');
    const base = new Uint8Array(await wb.xlsx.writeBuffer());
    const plan: WritePlan = [
      { kind: 'sheet', sheet: 'Ny' },
      { kind: 'values', sheet: 'Ny', at: 'A1', rows: [['x'], [1]] },
      { kind: 'table', sheet: 'Ny', name: 'tabell', range: 'A1:A2' },
    ];
    await expect(applyPlanToXlsx(base, plan)).rejects.toThrow(/defined name "Tabell"/);
  });
});

describe('replacing a sheet the user already has', () => {
  it("drops the old sheet's own drawing but keeps a picture another sheet still shows", async () => {
    const wb = new ExcelJS.Workbook();
    const image = wb.addImage({ buffer: TINY_PNG as unknown as ExcelJS.Buffer, extension: 'png' });
    const mine = wb.addWorksheet('Mitt');
    mine.addImage(image, 'B2:C3');
    const owned = wb.addWorksheet(RESULT_SHEET.toUpperCase());
    owned.addImage(image, 'B2:C3');
    owned.getCell('A1').value = 'gammalt';
    const base = new Uint8Array(await wb.xlsx.writeBuffer());
    const before = await zipEntries(base);
    expect(count(before, /^xl\/drawings\/drawing\d+\.xml$/)).toBe(2);

    const out = await applyPlanToXlsx(base, [
      { kind: 'sheet', sheet: RESULT_SHEET },
      { kind: 'values', sheet: RESULT_SHEET, at: 'A1', rows: [['nytt']] },
    ]);
    const after = await zipEntries(out);
    // The old owned sheet's drawing is gone, the user's drawing and the shared picture stay.
    expect(count(after, /^xl\/drawings\/drawing\d+\.xml$/)).toBe(1);
    expect(after.get('xl/media/image1.png')!.equals(before.get('xl/media/image1.png')!)).toBe(true);
    const minePart = await sheetPart(out, 'Mitt');
    expect(after.get(minePart)!.equals(before.get(minePart)!)).toBe(true);
    // Same position, renamed to the plan's spelling (Excel compares names case-insensitively).
    const grid = await readXlsxGrid(out);
    expect(grid.sheetNames).toEqual(['Mitt', RESULT_SHEET]);
    expect(grid.sheets.get(RESULT_SHEET)!.values).toEqual([['nytt']]);
    expect(await packageProblems(out, [minePart])).toEqual([]);
  });

  it('removes calcChain, its relationship and its content type', async () => {
    const zip = await JSZip.loadAsync(await applyPlanToXlsx(null, everyOpPlan()));
    zip.file('xl/calcChain.xml', '<?xml version="1.0"?><calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="C5" i="2"/></calcChain>');
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    zip.file('xl/_rels/workbook.xml.rels', rels.replace('</Relationships>', '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>'));
    const types = await zip.file('[Content_Types].xml')!.async('string');
    zip.file('[Content_Types].xml', types.replace('</Types>', '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>'));
    const base = await zip.generateAsync({ type: 'uint8array' });
    expect(await packageProblems(base)).toEqual([]);

    const out = await applyPlanToXlsx(base, everyOpPlan());
    const entries = await zipEntries(out);
    expect(entries.has('xl/calcChain.xml')).toBe(false);
    expect(await partText(out, 'xl/_rels/workbook.xml.rels')).not.toContain('calcChain');
    expect(await partText(out, '[Content_Types].xml')).not.toContain('calcChain');
    expect(await packageProblems(out)).toEqual([]);
  });
});

describe('plan errors', () => {
  it('rejects ops for a sheet the plan does not own', async () => {
    await expect(applyPlanToXlsx(null, [{ kind: 'values', sheet: 'Mina anteckningar', at: 'A1', rows: [['x']] }])).rejects.toThrow(
      /sheet "Mina anteckningar", but no earlier "sheet" op owns it/,
    );
  });

  it('rejects list items an inline list cannot hold', async () => {
    const plan: WritePlan = [
      { kind: 'sheet', sheet: 'S' },
      { kind: 'validation', sheet: 'S', range: 'A1', list: ['Ja, helt', 'Nej'], strict: true },
    ];
    await expect(applyPlanToXlsx(null, plan)).rejects.toThrow(/contains a comma/);
  });

  it('rejects a table whose header cell is empty', async () => {
    const plan: WritePlan = [
      { kind: 'sheet', sheet: 'S' },
      { kind: 'values', sheet: 'S', at: 'A1', rows: [['a'], [1]] },
      { kind: 'table', sheet: 'S', name: 'T', range: 'A1:B2' },
    ];
    await expect(applyPlanToXlsx(null, plan)).rejects.toThrow(/header cell 2 of A1:B2 is empty/);
  });

  it('rejects invalid sheet names and dates', async () => {
    await expect(applyPlanToXlsx(null, [{ kind: 'sheet', sheet: 'a/b' }])).rejects.toThrow(/not a valid Excel sheet name/);
    const plan: WritePlan = [
      { kind: 'sheet', sheet: 'S' },
      { kind: 'values', sheet: 'S', at: 'A1', rows: [[{ date: '2026-02-30' }]] },
    ];
    await expect(applyPlanToXlsx(null, plan)).rejects.toThrow(/not a YYYY-MM-DD date/);
  });

  it('gives an empty plan on a new workbook one empty sheet', async () => {
    const out = await applyPlanToXlsx(null, []);
    expect((await readXlsxGrid(out)).sheetNames).toEqual(['Blad1']);
    expect(await packageProblems(out)).toEqual([]);
  });
});

describe('check-xlsx (ECMA-376 schemas and Excel rules) on what replace mode writes', () => {
  const missing = checkerMissing();
  const violations = (output: string, file: string) =>
    output
      .split('\n')
      .filter((line) => line.includes(`${file}.xlsx: `) && !/parts schema-validated/.test(line))
      .map((line) => line.slice(line.indexOf(': ') + 2));

  it('a new workbook with every op kind has no violations, written once or twice', async () => {
    if (missing) return console.warn(`skipped: ${missing}`);
    const once = await applyPlanToXlsx(null, everyOpPlan());
    const twice = await applyPlanToXlsx(once, everyOpPlan());
    const result = checkXlsx({ once, twice });
    expect(result.output).toMatch(/2 files, 0 violations/);
    expect(result.status).toBe(0);
  });

  it("a user's workbook gets no violation it did not have", async () => {
    if (missing) return console.warn(`skipped: ${missing}`);
    const user = await userWorkbook();
    const out = await applyPlanToXlsx(user, everyOpPlan());
    const result = checkXlsx({ user, out });
    // ExcelJS writes a few schema violations of its own into the user's parts; those stay as they were.
    expect(violations(result.output, 'user').length).toBeGreaterThan(0);
    expect(violations(result.output, 'out')).toEqual(violations(result.output, 'user'));
  });
});
