/**
 * Issue 3, "Workbook layout": question sheets are protected without a password, answer cells
 * are the only unlocked cells and have drop-downs, every row id is unique, the catalog id is on
 * Start. Checked on the plan and on the written .xlsx XML.
 */
import type JSZip from 'jszip';
import { readXlsxGrid } from '../../src/adapters/xlsx/readGrid';
import { questionnairePlan } from '../../src/workbook/plan/questionnaire';
import type { SheetOp, StyleOp, ValidationOp, WorkbookGrid } from '../../src/workbook/plan/types';
import { CATALOG_ID } from '../helpers/spec';
import { LEVEL_SHEETS, QUESTION_SHEETS, partText, questionnaireBytes, realCatalog, sheetPart, sheetParts, zipOf } from '../helpers/workbook';

const catalog = realCatalog();
const plan = questionnairePlan(catalog);
let zip: JSZip;
let grid: WorkbookGrid;
let unlockedXf: Set<number>;

beforeAll(async () => {
  const bytes = await questionnaireBytes();
  zip = await zipOf(bytes);
  grid = await readXlsxGrid(bytes);
  const styles = (await partText(zip, 'xl/styles.xml'))!;
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1].match(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)!;
  unlockedXf = new Set(xfs.map((x, i) => (/<protection\b[^>]*\blocked="(0|false)"/.test(x) ? i : -1)).filter((i) => i >= 0));
});

/** Cells of a sqref such as "D7:D13 D17" expanded (single-column or single-cell ranges suffice here). */
function expand(sqref: string): string[] {
  const out: string[] = [];
  for (const part of sqref.split(/\s+/)) {
    const [a, b = a] = part.split(':');
    const pa = /^([A-Z]+)(\d+)$/.exec(a)!;
    const pb = /^([A-Z]+)(\d+)$/.exec(b)!;
    for (let c = pa[1].charCodeAt(0); c <= pb[1].charCodeAt(0); c++) for (let r = Number(pa[2]); r <= Number(pb[2]); r++) out.push(`${String.fromCharCode(c)}${r}`);
  }
  return out;
}

async function sheetXml(name: string): Promise<string> {
  return (await partText(zip, await sheetPart(zip, name)))!;
}

/** Answer cells of a level sheet from its ids: D of option rows; D, E, F of question rows. */
function answerCells(sheet: string): { ticks: string[]; certainty: string[]; texts: string[] } {
  const ticks: string[] = [];
  const certainty: string[] = [];
  const texts: string[] = [];
  grid.sheets.get(sheet)!.values.forEach((row, i) => {
    const id = row[0];
    if (typeof id !== 'string') return;
    if (/^Q\d+\.[a-z]$/.test(id)) ticks.push(`D${i + 1}`);
    else if (/^Q\d+$/.test(id)) {
      certainty.push(`D${i + 1}`);
      texts.push(`E${i + 1}`, `F${i + 1}`);
    }
  });
  return { ticks, certainty, texts };
}

test('the questionnaire has the sheets of the issue, in order', async () => {
  expect((await sheetParts(zip)).map((s) => s.name)).toEqual(QUESTION_SHEETS);
});

test('the catalog id is stored on Start', () => {
  const start = grid.sheets.get('Start')!.values;
  const row = start.find((r) => r?.[0] === 'Katalog-id');
  expect(row?.[1]).toBe(CATALOG_ID);
});

describe.each(LEVEL_SHEETS)('%s', (sheet) => {
  test('the plan protects the sheet', () => {
    const op = plan.find((o): o is SheetOp => o.kind === 'sheet' && o.sheet === sheet)!;
    expect(op.protect).toBe(true);
    expect(op.freeze?.rows).toBeGreaterThan(0);
  });

  test('the XML protects the sheet, without a password', async () => {
    const xml = await sheetXml(sheet);
    const prot = /<sheetProtection\b[^>]*>/.exec(xml);
    expect(prot).not.toBeNull();
    expect(prot![0]).toMatch(/\bsheet="(1|true)"/);
    expect(prot![0]).not.toMatch(/password|hashValue/i);
  });

  test('the sheet holds its catalog questions: one question row and one row per option each', () => {
    const level = Number(sheet.slice(-1));
    const ids = grid.sheets.get(sheet)!.values.map((r) => r[0]).filter((v): v is string => typeof v === 'string' && /^Q\d/.test(v));
    const expected = catalog.questions
      .filter((q) => q.level === level)
      .flatMap((q) => {
        const n = `Q${String(q.number).padStart(2, '0')}`;
        return [n, ...q.options.map((o) => `${n}.${o.id}`)];
      });
    expect(ids).toEqual(expected);
  });

  test('answer cells and only answer cells are unlocked', async () => {
    const xml = await sheetXml(sheet);
    const { ticks, certainty, texts } = answerCells(sheet);
    const expected = new Set([...ticks, ...certainty, ...texts]);
    const unlocked = new Set<string>();
    for (const m of xml.matchAll(/<c\b([^>]*?)\/?>/g)) {
      const ref = /\br="([A-Z]+\d+)"/.exec(m[1])![1];
      const s = Number(/\bs="(\d+)"/.exec(m[1])?.[1] ?? 0);
      if (unlockedXf.has(s)) unlocked.add(ref);
    }
    expect([...expected].filter((c) => !unlocked.has(c))).toEqual([]); // every answer cell is unlocked …
    expect([...unlocked].filter((c) => !expected.has(c))).toEqual([]); // … and nothing else is
    // Column-level formats could also unlock cells: none may.
    for (const m of xml.matchAll(/<col\b([^>]*?)\/?>/g)) {
      const s = Number(/\bstyle="(\d+)"/.exec(m[1])?.[1] ?? 0);
      expect(unlockedXf.has(s)).toBe(false);
    }
  });

  test('the plan styles exactly the answer cells as unlocked', () => {
    const { ticks, certainty, texts } = answerCells(sheet);
    const styled = new Set<string>();
    for (const op of plan.filter((o): o is StyleOp => o.kind === 'style' && o.sheet === sheet && o.style.locked === false)) {
      for (const c of expand(op.range)) styled.add(c);
    }
    expect([...styled].sort()).toEqual([...ticks, ...certainty, ...texts].sort());
  });

  test('every tick cell has a drop-down with x; every certainty cell one with Säker and Osäker', async () => {
    const xml = await sheetXml(sheet);
    const validations = [...xml.matchAll(/<dataValidation\b([^>]*)>([\s\S]*?)<\/dataValidation>/g)].map((m) => ({
      type: /\btype="(\w+)"/.exec(m[1])?.[1],
      cells: new Set(expand(/\bsqref="([^"]*)"/.exec(m[1])![1])),
      formula: /<formula1>([\s\S]*?)<\/formula1>/.exec(m[2])?.[1] ?? '',
    }));
    const { ticks, certainty } = answerCells(sheet);
    for (const c of ticks) {
      const v = validations.find((x) => x.cells.has(c));
      expect([c, v?.type, v?.formula]).toEqual([c, 'list', '"x"']);
    }
    for (const c of certainty) {
      const v = validations.find((x) => x.cells.has(c));
      expect([c, v?.type, v?.formula]).toEqual([c, 'list', '"Säker,Osäker"']);
    }
  });

  test('the plan has a validation op covering every tick and certainty cell', () => {
    const ops = plan.filter((o): o is ValidationOp => o.kind === 'validation' && o.sheet === sheet);
    const { ticks, certainty } = answerCells(sheet);
    for (const c of ticks) expect([c, ops.find((o) => expand(o.range).includes(c))?.list]).toEqual([c, ['x']]);
    for (const c of certainty) {
      const op = ops.find((o) => expand(o.range).includes(c));
      expect([c, op?.list, op?.strict]).toEqual([c, ['Säker', 'Osäker'], true]);
    }
  });
});

test('Organisation and Valideringsfrågor: value cells are unlocked, the sheets protected', async () => {
  for (const sheet of ['Organisation', 'Valideringsfrågor']) {
    const xml = await sheetXml(sheet);
    expect(xml).toMatch(/<sheetProtection\b[^>]*\bsheet="(1|true)"/);
    const values = grid.sheets.get(sheet)!.values;
    const valueCells = values.map((r, i) => (typeof r[0] === 'string' && /^(org\.|V\d)/.test(r[0]) ? `C${i + 1}` : '')).filter(Boolean);
    expect(valueCells.length).toBeGreaterThan(5);
    for (const c of valueCells) {
      const m = new RegExp(`<c r="${c}"[^>]*?\\bs="(\\d+)"`).exec(xml);
      expect([sheet, c, m ? unlockedXf.has(Number(m[1])) : 'no cell']).toEqual([sheet, c, true]);
    }
  }
});

test('every row id is unique in the whole workbook', () => {
  const ids: string[] = [];
  for (const sheet of QUESTION_SHEETS) {
    for (const row of grid.sheets.get(sheet)!.values) if (typeof row?.[0] === 'string' && /^(Q\d|org\.|V\d)/.test(row[0])) ids.push(row[0]);
  }
  expect(new Set(ids).size).toBe(ids.length);
  const options = catalog.questions.reduce((n, q) => n + q.options.length, 0);
  expect(ids.filter((i) => /^Q\d+\.[a-z]$/.test(i))).toHaveLength(options);
  expect(ids.filter((i) => /^Q\d+$/.test(i))).toHaveLength(40);
});

test('the Swedish headers are on the question sheets', () => {
  const header = grid.sheets.get('Nivå 1')!.values[3];
  expect(header.slice(0, 6)).toEqual(['Id', 'Nr', expect.stringContaining('Fråga'), expect.stringContaining('Svar'), 'Kommentar', expect.stringContaining('Underlag')]);
});

test('answer rows are not fixed-height: every row height of the questionnaire is a starting height (issue 9)', () => {
  const plan = questionnairePlan(catalog);
  const heights = plan.filter((op) => op.kind === 'rowHeight');
  expect(heights.length).toBeGreaterThan(0);
  expect(heights.every((op) => op.kind === 'rowHeight' && op.auto === true)).toBe(true);
});
