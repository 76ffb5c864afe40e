/**
 * Issue 3, "Done when": scoring a workbook twice gives the same sheets (no duplicates), leaves
 * every answer cell and every sheet the user added untouched. Runs the real CLI
 * (`score in.xlsx -o a.xlsx`, then `score a.xlsx -o b.xlsx`) on workbooks with a user sheet
 * holding values and a picture.
 */
import ExcelJS from 'exceljs';
import { readXlsxGrid } from '../../src/adapters/xlsx/readGrid';
import { applyPlanToXlsx } from '../../src/adapters/xlsx/applyPlan';
import { questionnairePlan } from '../../src/workbook/plan/questionnaire';
import { readWorkbook } from '../../src/workbook/read';
import {
  canonicalAnswers,
  cli,
  exampleAnswers,
  partBytes,
  partClosure,
  partNames,
  partText,
  questionnaireBytes,
  realCatalog,
  sheetPart,
  sheetParts,
  tempDir,
  zipOf,
  QUESTION_SHEETS,
  RESULT_SHEETS,
  TINY_PNG,
} from '../helpers/workbook';
import type JSZip from 'jszip';

const catalog = realCatalog();
const USER_SHEET = 'Mina anteckningar';
const tmp = tempDir();
afterAll(() => tmp.cleanup());

function addUserSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet(USER_SHEET);
  ws.getCell('A1').value = 'Mina egna anteckningar';
  ws.getCell('A2').value = 'Möte med ledningen';
  ws.getCell('B2').value = new Date(Date.UTC(2026, 2, 5));
  ws.getCell('C2').value = 42;
  ws.getCell('A3').value = { formula: 'C2*2', result: 84 } as any;
  const image = wb.addImage({ buffer: TINY_PNG as any, extension: 'png' });
  ws.addImage(image, { tl: { col: 4, row: 1 }, ext: { width: 32, height: 32 } });
}

/** A: our filled workbook, opened and saved by another program that added a sheet with a picture. */
async function ourWorkbookWithUserSheet(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await questionnaireBytes(exampleAnswers())) as any);
  addUserSheet(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** B: the user's own workbook (sheet with a picture) into which the questionnaire was filled. */
async function userWorkbookFilled(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  addUserSheet(wb);
  const own = new Uint8Array(await wb.xlsx.writeBuffer());
  return applyPlanToXlsx(own, questionnairePlan(catalog, exampleAnswers()));
}

const count = (zip: JSZip, re: RegExp) => partNames(zip).filter((p) => re.test(p)).length;

describe.each([
  ['our workbook + a user sheet added by ExcelJS', ourWorkbookWithUserSheet, [...QUESTION_SHEETS, USER_SHEET]],
  ['the user workbook with the questionnaire filled in', userWorkbookFilled, [USER_SHEET, ...QUESTION_SHEETS]],
])('scoring twice: %s', (name, make, inputSheets) => {
  let input: Uint8Array;
  let a: Uint8Array;
  let b: Uint8Array;
  let zIn: JSZip;
  let zA: JSZip;
  let zB: JSZip;
  const slug = name.replace(/\W+/g, '-');
  beforeAll(async () => {
    input = await make();
    const inPath = tmp.write(`${slug}-in.xlsx`, input);
    const r1 = await cli('score', inPath, '-o', tmp.path(`${slug}-a.xlsx`));
    expect(r1.stderr).toEqual([]);
    expect(r1.code).toBe(0);
    const r2 = await cli('score', tmp.path(`${slug}-a.xlsx`), '-o', tmp.path(`${slug}-b.xlsx`));
    expect(r2.code).toBe(0);
    a = new Uint8Array(tmp.read(`${slug}-a.xlsx`));
    b = new Uint8Array(tmp.read(`${slug}-b.xlsx`));
    [zIn, zA, zB] = await Promise.all([zipOf(input), zipOf(a), zipOf(b)]);
  });

  test('the input has the sheets we expect (fixture check)', async () => {
    expect((await sheetParts(zIn)).map((s) => s.name)).toEqual(inputSheets);
    expect(count(zIn, /^xl\/media\/[^/]+\.png$/)).toBe(1);
  });

  test('the sheet list is the same after the first and the second score, with no duplicates', async () => {
    const namesA = (await sheetParts(zA)).map((s) => s.name);
    const namesB = (await sheetParts(zB)).map((s) => s.name);
    // Mål (the user's goals, issue 13) goes before the results it feeds; Målgraf after them.
    expect(namesA).toEqual([...inputSheets, 'Mål', ...RESULT_SHEETS, 'Målgraf']);
    expect(namesB).toEqual(namesA);
    expect(new Set(namesB.map((n) => n.toLowerCase())).size).toBe(namesB.length);
  });

  test('the same number of charts, drawings and tables; no parts leak', () => {
    for (const re of [/^xl\/charts\/[^/]+\.xml$/, /^xl\/drawings\/[^/]+\.xml$/, /^xl\/tables\/[^/]+\.xml$/, /^xl\/media\//]) {
      expect([String(re), count(zB, re)]).toEqual([String(re), count(zA, re)]);
    }
    expect(count(zA, /^xl\/charts\/[^/]+\.xml$/)).toBeGreaterThanOrEqual(2);
    expect(count(zA, /^xl\/tables\/[^/]+\.xml$/)).toBeGreaterThanOrEqual(1);
    expect(partNames(zB)).toEqual(partNames(zA));
  });

  test('the styles part does not grow on the second score', async () => {
    expect(await partText(zB, 'xl/styles.xml')).toBe(await partText(zA, 'xl/styles.xml'));
  });

  test('the result sheets hold the same values after the second score', async () => {
    const ga = await readXlsxGrid(a, RESULT_SHEETS);
    const gb = await readXlsxGrid(b, RESULT_SHEETS);
    for (const s of RESULT_SHEETS) expect([s, gb.sheets.get(s)!.values]).toEqual([s, ga.sheets.get(s)!.values]);
  });

  test('every questionnaire sheet keeps its exact XML (so every answer cell is untouched)', async () => {
    for (const s of QUESTION_SHEETS) {
      const before = await partText(zIn, await sheetPart(zIn, s));
      expect([s, await partText(zA, await sheetPart(zA, s))]).toEqual([s, before]);
      expect([s, await partText(zB, await sheetPart(zB, s))]).toEqual([s, before]);
    }
  });

  test('every answer cell of the question sheets reads the same; the answers are unchanged', async () => {
    const gIn = await readXlsxGrid(input, QUESTION_SHEETS);
    const gB = await readXlsxGrid(b, QUESTION_SHEETS);
    for (const s of QUESTION_SHEETS) expect([s, gB.sheets.get(s)!.values]).toEqual([s, gIn.sheets.get(s)!.values]);
    const read = readWorkbook(gB);
    expect(read.kind).toBe('questionnaire');
    if (read.kind === 'questionnaire') expect(read.answers.answers).toEqual(canonicalAnswers(catalog, exampleAnswers().answers));
  });

  test('the cell formats the question sheets use are unchanged (answer cells stay unlocked)', async () => {
    const xfs = (xml: string) => /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)![1].match(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)!;
    const used = new Set<number>();
    for (const s of QUESTION_SHEETS) {
      for (const m of (await partText(zIn, await sheetPart(zIn, s)))!.matchAll(/<c\b[^>]*\bs="(\d+)"/g)) used.add(Number(m[1]));
    }
    const before = xfs((await partText(zIn, 'xl/styles.xml'))!);
    const after = xfs((await partText(zB, 'xl/styles.xml'))!);
    for (const i of used) expect([i, after[i]]).toEqual([i, before[i]]);
  });

  test('the user sheet keeps its XML, its drawing, its relationships and its picture byte for byte', async () => {
    const partIn = await sheetPart(zIn, USER_SHEET);
    const closureIn = await partClosure(zIn, partIn);
    expect(closureIn.some((p) => /^xl\/drawings\//.test(p))).toBe(true);
    expect(closureIn.some((p) => /^xl\/media\/.+\.png$/.test(p))).toBe(true);
    for (const z of [zA, zB]) {
      const part = await sheetPart(z, USER_SHEET);
      const closure = await partClosure(z, part);
      expect(closure).toEqual(closureIn);
      for (const p of closure) {
        expect([p, await partBytes(z, p)]).toEqual([p, await partBytes(zIn, p)]);
        const rels = p.replace(/([^/]+)$/, '_rels/$1.rels');
        expect([rels, await partBytes(z, rels)]).toEqual([rels, await partBytes(zIn, rels)]);
      }
    }
    expect(await partBytes(zB, closureIn.find((p) => p.endsWith('.png'))!)).toEqual(TINY_PNG);
  });

  test('the picture keeps its content type', async () => {
    expect(await partText(zB, '[Content_Types].xml')).toMatch(/<Default [^>]*Extension="png"[^>]*ContentType="image\/png"|<Default [^>]*ContentType="image\/png"[^>]*Extension="png"/);
  });

  test('the user sheet still reads the same values', async () => {
    const gIn = await readXlsxGrid(input, [USER_SHEET]);
    const gB = await readXlsxGrid(b, [USER_SHEET]);
    expect(gB.sheets.get(USER_SHEET)!.values).toEqual(gIn.sheets.get(USER_SHEET)!.values);
    expect(gB.sheets.get(USER_SHEET)!.values[1]?.[2]).toBe(42);
  });

  test('Handlingsplan has each activity id once after the second score', async () => {
    const g = await readXlsxGrid(b, ['Handlingsplan']);
    const ids = g.sheets.get('Handlingsplan')!.values.slice(4).map((r) => r[0]).filter((v) => typeof v === 'string' && /^HP-/.test(v));
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
    const ga = await readXlsxGrid(a, ['Handlingsplan']);
    expect(g.sheets.get('Handlingsplan')!.values.length).toBe(ga.sheets.get('Handlingsplan')!.values.length);
  });
});
