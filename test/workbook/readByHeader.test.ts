/**
 * Issue 8: level sheets are read by their header row, so an inserted column is followed and never
 * read as "unanswered"; a formula tick without a cached value is a located error, never unticked.
 */
import { score } from '../../src/core/scoring/score';
import { readWorkbook } from '../../src/workbook/read';
import type { WorkbookGrid } from '../../src/workbook/plan/types';
import { exampleAnswers, gridOfBytes, questionnaireBytes, realCatalog, rowOf } from '../helpers/workbook';

const catalog = realCatalog();
const levelOf = (grid: WorkbookGrid) => {
  const read = readWorkbook(grid);
  if (read.kind !== 'questionnaire') throw new Error(read.issue.code);
  return { level: score(catalog, read.answers).level, read };
};

describe('an inserted column on every level sheet', () => {
  for (const at of [0, 3, 4, 6]) {
    test(`inserted at column ${String.fromCharCode(65 + at)}: the same answers, the same level, errors name the moved cells`, async () => {
      const grid = await gridOfBytes(await questionnaireBytes(exampleAnswers()));
      const expected = levelOf(grid);
      for (const level of [1, 2, 3, 4]) {
        for (const row of grid.sheets.get(`Nivå ${level}`)!.values) {
          if (!row) continue;
          while (row.length < at) row.push(null); // a short row ends before the inserted column
          row.splice(at, 0, 'användarens text');
        }
      }
      const after = levelOf(grid);
      expect(after.level).toBe(expected.level);
      expect(after.read.answers.answers).toEqual(expected.read.answers.answers);
      const warnings = after.read.issues.filter((i) => i.code === 'certain-without-evidence');
      for (const w of warnings) expect(w.cell).toMatch(at <= 5 ? /^G/ : /^F/);
    });
  }
});

test('a header that cannot be recognised stops reading with the sheet and cell named', async () => {
  const grid = await gridOfBytes(await questionnaireBytes(exampleAnswers()));
  grid.sheets.get('Nivå 3')!.values[3][4] = 'Anteckningar';
  const read = readWorkbook(grid);
  expect(read.kind).toBe('foreign');
  if (read.kind === 'foreign') expect(read.issue).toMatchObject({ code: 'layout-unrecognised', sheet: 'Nivå 3', cell: 'A4' });
});

test('a formula tick with a cached value reads as ticked; without one it is an error on that cell', async () => {
  const grid = await gridOfBytes(await questionnaireBytes(exampleAnswers()));
  const sheet = grid.sheets.get('Nivå 1')! as { name: string; values: (string | number | boolean | null)[][]; formulas?: (string | null)[][] };
  const row = rowOf(grid, 'Nivå 1', 'Q02.a');
  sheet.formulas = [];
  sheet.formulas[row - 1] = [];
  sheet.formulas[row - 1][3] = '"x"';
  sheet.values[row - 1][3] = 'x';
  expect(levelOf(grid).read.answers.answers['2']?.selected).toContain('a');
  sheet.values[row - 1][3] = null;
  const { read } = levelOf(grid);
  expect(read.issues).toContainEqual(expect.objectContaining({ code: 'formula-without-value', sheet: 'Nivå 1', cell: `D${row}`, question: 2 }));
  expect(read.answers.answers['2']).toBeUndefined();
});

test('the catalog id is found on Start even when the user inserted a column there', async () => {
  const grid = await gridOfBytes(await questionnaireBytes(exampleAnswers()));
  for (const row of grid.sheets.get('Start')!.values) row?.unshift(null);
  expect(readWorkbook(grid).kind).toBe('questionnaire');
});
