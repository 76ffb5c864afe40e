/**
 * Issue 3, "Done when": the reader's errors (wrong tick text, contradictions, missing sheet,
 * moved rows, foreign workbook) name the exact sheet and cell. Grids are made from the
 * workbook the tool writes, then changed the way a person would change the sheet.
 */
import ExcelJS from 'exceljs';
import { readXlsxGrid } from '../../src/adapters/xlsx/readGrid';
import { computeFromWorkbook } from '../../src/workbook/compute';
import { readWorkbook, type LocatedIssue } from '../../src/workbook/read';
import type { Scalar, WorkbookGrid } from '../../src/workbook/plan/types';
import {
  canonicalAnswers,
  editableGrid,
  exampleAnswers,
  getCell,
  locateId,
  questionnaireBytes,
  realCatalog,
  rowOf,
  setCell,
  type EditableGrid,
} from '../helpers/workbook';

const catalog = realCatalog();
let pristine: WorkbookGrid;
let emptyGrid: WorkbookGrid;
beforeAll(async () => {
  pristine = await readXlsxGrid(await questionnaireBytes(exampleAnswers()));
  emptyGrid = await readXlsxGrid(await questionnaireBytes({ catalog: catalog.id, answers: {} }));
});
const fresh = (): EditableGrid => editableGrid(pristine);

function read(grid: WorkbookGrid) {
  const r = readWorkbook(grid);
  if (r.kind !== 'questionnaire') throw new Error(`read as ${r.kind}: ${JSON.stringify(r.issue)}`);
  return r;
}
const errors = (issues: readonly LocatedIssue[]) => issues.filter((i) => i.severity === 'error');

/** Clears every tick of question q and ticks the given options with `mark`. */
function tick(grid: EditableGrid, q: number, options: string[], mark: Scalar = 'x'): void {
  for (const o of catalog.question(q)!.options) {
    const at = locateId(grid, `Q${String(q).padStart(2, '0')}.${o.id}`);
    setCell(grid, at.sheet, `D${at.row}`, options.includes(o.id) ? mark : null);
  }
}

test('fixture: the example reads without any error', () => {
  expect(errors(read(fresh()).issues)).toEqual([]);
});

describe('wrong tick text', () => {
  test('"kanske" in Nivå 1!D<Q03.b> → bad-tick naming that cell; Q3 counts as unanswered', () => {
    const grid = fresh();
    const row = rowOf(grid, 'Nivå 1', 'Q03.b');
    expect(getCell(grid, 'Nivå 1', `D${row}`)).toBe('x'); // the example ticks Q3 b
    setCell(grid, 'Nivå 1', `D${row}`, 'kanske');
    const r = read(grid);
    expect(errors(r.issues)).toEqual([
      expect.objectContaining({ code: 'bad-tick', sheet: 'Nivå 1', cell: `D${row}`, question: 3, option: 'b', params: { value: 'kanske' } }),
    ]);
    expect(r.answers.answers['3']).toBeUndefined();
    const out = computeFromWorkbook(grid, '2026-01-15');
    if (out.kind !== 'computed') throw new Error('foreign');
    expect(out.result.questions.find((q) => q.number === 3)).toMatchObject({ answered: false, points: 0 });
  });

  test('a wrong mark next to a valid tick still makes the whole question unanswered', () => {
    const grid = fresh();
    const row = rowOf(grid, 'Nivå 1', 'Q05.c');
    setCell(grid, 'Nivå 1', `D${row}`, 'nja');
    const r = read(grid);
    expect(errors(r.issues)).toEqual([expect.objectContaining({ code: 'bad-tick', sheet: 'Nivå 1', cell: `D${row}`, question: 5, option: 'c' })]);
    expect(r.answers.answers['5']).toBeUndefined();
    expect(r.answers.answers['4']).toBeDefined();
  });

  test.each([['0'], ['nej'], ['-'], ['xx'], [0], [2]])('%p is not a tick: bad-tick on that cell', (mark) => {
    const grid = fresh();
    const at = locateId(grid, 'Q20.c');
    setCell(grid, at.sheet, `D${at.row}`, mark);
    const r = read(grid);
    expect(errors(r.issues)).toContainEqual(expect.objectContaining({ code: 'bad-tick', sheet: 'Nivå 2', cell: `D${at.row}` }));
  });
});

describe('tolerant ticks', () => {
  test.each<[string, Scalar]>([
    ['x', 'x'],
    ['X', 'X'],
    ['ja', 'ja'],
    ['Ja', 'Ja'],
    ['1 (text)', '1'],
    ['1 (number)', 1],
    ['TRUE (boolean)', true],
    ['TRUE (text)', 'TRUE'],
    ['✓', '✓'],
    [' x  (spaces)', ' x '],
  ])('%s reads as ticked', (_label, mark) => {
    const grid = editableGrid(emptyGrid);
    tick(grid, 4, ['a', 'c'], mark);
    const r = read(grid);
    expect(errors(r.issues)).toEqual([]);
    expect(r.answers.answers['4']).toEqual({ selected: ['a', 'c'] });
  });

  test('FALSE (boolean) and an empty text read as not ticked', () => {
    const grid = editableGrid(emptyGrid);
    tick(grid, 4, ['a']);
    const at = locateId(grid, 'Q04.b');
    setCell(grid, at.sheet, `D${at.row}`, false);
    const at2 = locateId(grid, 'Q04.c');
    setCell(grid, at2.sheet, `D${at2.row}`, '   ');
    const r = read(grid);
    expect(errors(r.issues)).toEqual([]);
    expect(r.answers.answers['4'].selected).toEqual(['a']);
  });

  test('ticks typed in Excel (x, X, ja, 1, TRUE, ✓) read as ticked from a real .xlsx', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await questionnaireBytes({ catalog: catalog.id, answers: {} })) as any);
    const ws = wb.getWorksheet('Nivå 1')!;
    const marks: [string, ExcelJS.CellValue][] = [
      ['Q01.a', 'x'],
      ['Q01.b', 'X'],
      ['Q01.c', 'ja'],
      ['Q01.d', 1],
      ['Q01.e', true],
      ['Q02.a', '✓'],
      ['Q02.b', '1'],
    ];
    const rowIn = (id: string) => {
      let found = 0;
      ws.eachRow((row, n) => {
        if (row.getCell(1).value === id) found = n;
      });
      return found;
    };
    for (const [id, v] of marks) ws.getCell(`D${rowIn(id)}`).value = v;
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const r = read(await readXlsxGrid(bytes));
    expect(errors(r.issues)).toEqual([]);
    expect(r.answers.answers['1']?.selected).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(r.answers.answers['2']?.selected).toEqual(['a', 'b']);
  });
});

describe('contradictions and bands', () => {
  test('n ticked together with a scoring option → error on the n option cell', () => {
    const grid = fresh();
    const n = locateId(grid, 'Q05.n');
    setCell(grid, n.sheet, `D${n.row}`, 'x'); // Q5 already has a, b, d, e
    const r = read(grid);
    expect(errors(r.issues)).toEqual([expect.objectContaining({ code: 'exclusive-with-scoring', question: 5, option: 'n', sheet: 'Nivå 1', cell: `D${n.row}` })]);
    expect(r.answers.answers['5'].selected).toContain('n'); // read as typed …
    const out = computeFromWorkbook(grid, '2026-01-15');
    if (out.kind !== 'computed') throw new Error('foreign');
    expect(out.result.questions.find((q) => q.number === 5)).toMatchObject({ inputError: true, points: 0, answered: false }); // … and scored 0
  });

  test('u and n both ticked → error naming a cell of one of them', () => {
    const grid = fresh();
    tick(grid, 7, ['u', 'n']);
    const r = read(grid);
    const cells = ['Q07.u', 'Q07.n'].map((id) => `D${rowOf(grid, 'Nivå 1', id)}`);
    const e = errors(r.issues);
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({ code: 'several-exclusive', question: 7, sheet: 'Nivå 1' });
    expect(cells).toContain(e[0].cell);
  });

  test('non-adjacent bands (Q3 a and c) → error naming the cell of the band after the gap', () => {
    const grid = fresh();
    tick(grid, 3, ['a', 'c']);
    const r = read(grid);
    expect(errors(r.issues)).toEqual([
      expect.objectContaining({ code: 'non-adjacent-bands', question: 3, option: 'c', sheet: 'Nivå 1', cell: `D${rowOf(grid, 'Nivå 1', 'Q03.c')}` }),
    ]);
  });

  test('adjacent bands (Q24 c and d on Nivå 2) are accepted', () => {
    const grid = fresh();
    tick(grid, 24, ['c', 'd']);
    const r = read(grid);
    expect(errors(r.issues)).toEqual([]);
    expect(r.answers.answers['24'].selected).toEqual(['c', 'd']);
  });

  test('non-adjacent bands on Nivå 2 name the Nivå 2 cell', () => {
    const grid = fresh();
    tick(grid, 24, ['b', 'e']);
    const r = read(grid);
    expect(errors(r.issues)).toEqual([expect.objectContaining({ code: 'non-adjacent-bands', sheet: 'Nivå 2', cell: `D${rowOf(grid, 'Nivå 2', 'Q24.e')}` })]);
  });
});

describe('certainty', () => {
  test('bad certainty text on an answered question → error on the question row\'s D cell', () => {
    const grid = fresh();
    const row = rowOf(grid, 'Nivå 3', 'Q30');
    setCell(grid, 'Nivå 3', `D${row}`, 'Ganska säker');
    const r = read(grid);
    expect(errors(r.issues)).toEqual([expect.objectContaining({ code: 'bad-certainty', question: 30, sheet: 'Nivå 3', cell: `D${row}` })]);
  });

  test('certainty in any case reads lower-cased', () => {
    const grid = fresh();
    setCell(grid, 'Nivå 1', `D${rowOf(grid, 'Nivå 1', 'Q01')}`, 'OSÄKER');
    setCell(grid, 'Nivå 1', `D${rowOf(grid, 'Nivå 1', 'Q02')}`, ' säker ');
    const r = read(grid);
    expect(r.answers.answers['1'].certainty).toBe('osäker');
    expect(r.answers.answers['2'].certainty).toBe('säker');
    expect(errors(r.issues)).toEqual([]);
  });

  test('bad certainty text on a question without ticks is reported too (strict about everything but ticks)', () => {
    const grid = editableGrid(emptyGrid);
    const row = rowOf(grid, 'Nivå 1', 'Q03');
    setCell(grid, 'Nivå 1', `D${row}`, 'Kanske');
    const r = read(grid);
    expect(r.issues).toContainEqual(expect.objectContaining({ sheet: 'Nivå 1', cell: `D${row}` }));
  });

  test('säker without evidence → warning on the question\'s evidence cell (F)', () => {
    const grid = fresh();
    const row = rowOf(grid, 'Nivå 1', 'Q04');
    setCell(grid, 'Nivå 1', `F${row}`, null);
    const r = read(grid);
    expect(r.issues).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'certain-without-evidence', sheet: 'Nivå 1', cell: `F${row}` }));
  });
});

describe('organisation and validation cells', () => {
  test('a bad number of employees names Organisation!C<row>', () => {
    const grid = fresh();
    const row = rowOf(grid, 'Organisation', 'org.employees');
    setCell(grid, 'Organisation', `C${row}`, 'många');
    const r = read(grid);
    expect(errors(r.issues)).toEqual([expect.objectContaining({ code: 'bad-number', sheet: 'Organisation', cell: `C${row}` })]);
  });

  test('a bad validation number names Valideringsfrågor!C<row>', () => {
    const grid = fresh();
    const row = rowOf(grid, 'Valideringsfrågor', 'V4');
    setCell(grid, 'Valideringsfrågor', `C${row}`, '3,5');
    const r = read(grid);
    expect(errors(r.issues)).toEqual([expect.objectContaining({ code: 'bad-number', sheet: 'Valideringsfrågor', cell: `C${row}`, question: 'V4' })]);
  });
});

describe('missing sheet', () => {
  test('"Nivå 2" removed → missing-sheet naming "Nivå 2"; the other levels still read', () => {
    const grid = fresh();
    grid.sheets.delete('Nivå 2');
    grid.sheetNames.splice(grid.sheetNames.indexOf('Nivå 2'), 1);
    const r = read(grid);
    const missing = errors(r.issues).filter((i) => i.code === 'missing-sheet');
    expect(missing).toEqual([expect.objectContaining({ sheet: 'Nivå 2' })]);
    expect(errors(r.issues).every((i) => i.code === 'missing-sheet')).toBe(true); // one clear message, not 60 missing rows
    const expected = canonicalAnswers(catalog, exampleAnswers().answers);
    for (const q of catalog.questions) {
      if (q.level === 2) expect(r.answers.answers[String(q.number)]).toBeUndefined();
      else expect(r.answers.answers[String(q.number)]).toEqual(expected[String(q.number)]);
    }
  });

  test('a missing sheet read through readXlsxGrid (sheet not asked for) gives the same message', async () => {
    const names = ['Start', 'Organisation', 'Nivå 1', 'Nivå 3', 'Nivå 4', 'Valideringsfrågor'];
    const grid = await readXlsxGrid(await questionnaireBytes(exampleAnswers()), names);
    const r = read(grid);
    expect(errors(r.issues)).toEqual([expect.objectContaining({ code: 'missing-sheet', sheet: 'Nivå 2' })]);
  });
});

describe('moved rows', () => {
  /** Moves the block of question q (question row … blank row after its options) to `place` on the same sheet. */
  function moveBlock(grid: EditableGrid, sheet: string, q: string, transform: (block: Scalar[][]) => Scalar[][], place: 'blank-above' | 'end') {
    const values = grid.sheets.get(sheet)!.values;
    const start = rowOf(grid, sheet, q) - 1;
    let end = start + 1;
    while (end < values.length && !(typeof values[end][0] === 'string' && /^Q\d+$/.test(values[end][0] as string))) end++;
    const block = values.splice(start, end - start);
    const moved = transform(block);
    if (place === 'blank-above') values.splice(start, 0, [], [], [], ...moved);
    else values.push([], ...moved);
  }
  const reverseOptions = (block: Scalar[][]) => {
    const [head, ...rest] = block;
    const options = rest.filter((r) => typeof r[0] === 'string' && /^Q\d+\.[a-z]$/.test(r[0] as string));
    const others = rest.filter((r) => !options.includes(r));
    return [head, ...options.reverse(), ...others];
  };

  test('Q05 with three blank rows inserted above and its options reversed still reads the same', () => {
    const grid = fresh();
    const oldRow = rowOf(grid, 'Nivå 1', 'Q05.b');
    moveBlock(grid, 'Nivå 1', 'Q05', reverseOptions, 'blank-above');
    expect(rowOf(grid, 'Nivå 1', 'Q05.b')).not.toBe(oldRow);
    const r = read(grid);
    expect(errors(r.issues)).toEqual([]);
    expect(r.answers.answers).toEqual(canonicalAnswers(catalog, exampleAnswers().answers));
  });

  test('Q05 moved to the end of the sheet still reads the same, and an error there names the new cell', () => {
    const grid = fresh();
    const oldRow = rowOf(grid, 'Nivå 1', 'Q05.b');
    moveBlock(grid, 'Nivå 1', 'Q05', (b) => b, 'end');
    const newRow = rowOf(grid, 'Nivå 1', 'Q05.b');
    expect(newRow).toBeGreaterThan(oldRow);
    expect(errors(read(grid).issues)).toEqual([]);
    expect(read(grid).answers.answers['5']).toEqual(canonicalAnswers(catalog, exampleAnswers().answers)['5']);
    setCell(grid, 'Nivå 1', `D${newRow}`, 'kanske');
    expect(errors(read(grid).issues)).toEqual([expect.objectContaining({ code: 'bad-tick', sheet: 'Nivå 1', cell: `D${newRow}`, question: 5, option: 'b' })]);
  });

  test('a contradiction in a moved, reversed block names the new cell of the n option', () => {
    const grid = fresh();
    moveBlock(grid, 'Nivå 1', 'Q05', reverseOptions, 'blank-above');
    const nRow = rowOf(grid, 'Nivå 1', 'Q05.n');
    setCell(grid, 'Nivå 1', `D${nRow}`, 'x');
    expect(errors(read(grid).issues)).toEqual([expect.objectContaining({ code: 'exclusive-with-scoring', cell: `D${nRow}`, sheet: 'Nivå 1' })]);
  });

  test('a bad certainty in a moved question row names the new D cell', () => {
    const grid = fresh();
    moveBlock(grid, 'Nivå 1', 'Q05', (b) => b, 'blank-above');
    const row = rowOf(grid, 'Nivå 1', 'Q05');
    setCell(grid, 'Nivå 1', `D${row}`, 'Tveksam');
    expect(errors(read(grid).issues)).toEqual([expect.objectContaining({ code: 'bad-certainty', question: 5, cell: `D${row}`, sheet: 'Nivå 1' })]);
  });

  test('a deleted option row → missing-row naming the sheet and the id', () => {
    const grid = fresh();
    const values = grid.sheets.get('Nivå 1')!.values;
    values.splice(rowOf(grid, 'Nivå 1', 'Q05.c') - 1, 1);
    const e = errors(read(grid).issues);
    expect(e).toEqual([expect.objectContaining({ code: 'missing-row', sheet: 'Nivå 1', question: 5 })]);
    expect(JSON.stringify(e[0].params)).toContain('Q05.c');
  });

  test('a copied (duplicated) option row → duplicate-row naming the copy\'s cell', () => {
    const grid = fresh();
    const values = grid.sheets.get('Nivå 1')!.values;
    const src = rowOf(grid, 'Nivå 1', 'Q05.c') - 1;
    values.push([], [...values[src]]);
    const e = errors(read(grid).issues);
    expect(e).toEqual([expect.objectContaining({ code: 'duplicate-row', sheet: 'Nivå 1', cell: `A${values.length}` })]);
  });
});

describe('foreign workbook', () => {
  test('a workbook with only "Blad1" → kind foreign, code foreign-workbook', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Blad1').getCell('A1').value = 'Budget';
    const grid = await readXlsxGrid(new Uint8Array(await wb.xlsx.writeBuffer()));
    const r = readWorkbook(grid);
    expect(r.kind).toBe('foreign');
    if (r.kind === 'foreign') expect(r.issue).toMatchObject({ severity: 'error', code: 'foreign-workbook' });
    expect(computeFromWorkbook(grid, '2026-01-15')).toMatchObject({ kind: 'refused', issue: { code: 'foreign-workbook' } });
  });

  test('an unknown catalog id on Start → kind foreign, code unknown-catalog naming Start', () => {
    const grid = fresh();
    const values = grid.sheets.get('Start')!.values;
    const r = values.findIndex((x) => x[0] === 'Katalog-id');
    values[r][1] = 'infosakkollen-1999';
    const out = readWorkbook(grid);
    expect(out.kind).toBe('foreign');
    if (out.kind === 'foreign') expect(out.issue).toMatchObject({ code: 'unknown-catalog', sheet: 'Start' });
  });
});
