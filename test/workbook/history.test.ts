/**
 * Issue 10: Historik rows. A saved measurement scores again exactly as it was scored; a row
 * edited into nonsense is an error naming its cell and is skipped, the others stay usable; a row
 * of another catalog is listed, not decoded.
 */
import fc from 'fast-check';
import type { AnswerSet } from '../../src/core/answers/types';
import type { Catalog } from '../../src/core/catalog/types';
import { compareMeasurements } from '../../src/core/compare/compare';
import { score } from '../../src/core/scoring/score';
import { decodeAnswer, encodeAnswer, historyColumns, HISTORY_HEADER_ROW, measurementCells, readHistory } from '../../src/workbook/history';
import { cellAddress } from '../../src/workbook/plan/address';
import type { CellInput, Scalar, SheetGrid } from '../../src/workbook/plan/types';
import { answersFromPoints } from '../helpers/answers';
import { profileArb } from '../helpers/arbitraries';
import { realCatalog, variedAnswers } from '../helpers/workbook';

const catalog = realCatalog();
const answersArb = profileArb.map((profile) =>
  answersFromPoints(catalog, profile.points, {
    certainty: (q) => profile.certainties[q - 1],
    zero: (q) => profile.zeros[q - 1],
    widenBand: (q) => profile.widen[q - 1],
    evidence: false,
  }),
);

/** A cell as a reader would give it back: dates as YYYY-MM-DD strings. */
const scalar = (v: CellInput | undefined): Scalar => (v === undefined ? null : v !== null && typeof v === 'object' ? ('date' in v ? v.date : null) : v);

/** A Historik grid as the product writes it (title rows, header on row 4), one row per set. */
function historyGrid(rows: readonly { set: AnswerSet; date: string; catalog?: Catalog }[], cat: Catalog = catalog): SheetGrid & { values: Scalar[][] } {
  const columns = historyColumns(cat);
  const values: Scalar[][] = [['Historik – sparade mätningar'], [], [], columns.map((c) => c.header)];
  for (const r of rows) {
    const c = r.catalog ?? cat;
    const cells = measurementCells(c, r.set, score(c, r.set), r.date);
    values.push(columns.map((col) => scalar(cells.get(col.key))));
  }
  return { name: 'Historik', values };
}

const columnOf = (key: string) => historyColumns(catalog).findIndex((c) => c.key === key) + 1;

describe('answer encoding', () => {
  test('documented examples', () => {
    expect(encodeAnswer(['b', 'c'], 'säker')).toBe('b,c|S');
    expect(encodeAnswer(['n'], 'osäker')).toBe('n|O');
    expect(encodeAnswer(['a'], undefined)).toBe('a');
    expect(encodeAnswer([], 'säker')).toBe('');
    const options = ['a', 'b', 'c', 'd', 'e', 'y', 'n'];
    expect(decodeAnswer('b,c|S', options)).toEqual({ selected: ['b', 'c'], certainty: 'säker' });
    expect(decodeAnswer(' B , c | o ', options)).toEqual({ selected: ['b', 'c'], certainty: 'osäker' });
    expect(decodeAnswer('a', options)).toEqual({ selected: ['a'] });
    expect(decodeAnswer('', options)).toBeNull();
  });

  test.each(['b,,c', 'b c', 'b|X', '|S', 'b,b', 'z', 'bc', '3', 'säker', 'b,c|S|O'])('"%s" is not an answer', (text) => {
    expect(decodeAnswer(text, ['a', 'b', 'c', 'y', 'n'])).toBeUndefined();
  });
});

describe('readHistory', () => {
  test('any answer set, saved and read back, scores and compares exactly as the original', () => {
    fc.assert(
      fc.property(answersArb, answersArb, (x, y) => {
        const read = readHistory(historyGrid([{ set: x, date: '2024-05-02' }, { set: y, date: '2025-05-02' }]));
        expect(read.issues.filter((i) => i.severity === 'error')).toEqual([]);
        expect(read.saved.map((m) => m.date)).toEqual(['2024-05-02', '2025-05-02']);
        const original = compareMeasurements({ result: score(catalog, x), date: null }, { result: score(catalog, y), date: null });
        const saved = compareMeasurements({ result: read.saved[0].result!, date: null }, { result: read.saved[1].result!, date: null });
        expect(saved).toEqual(original);
      }),
      { numRuns: 60 },
    );
  });

  test('varied answers: y / u / n, adjacent bands, odd-case certainty, a missing certainty, validation figures', () => {
    const set = variedAnswers();
    const read = readHistory(historyGrid([{ set, date: '2025-05-02' }]));
    const [m] = read.saved;
    const original = score(catalog, set);
    expect(m.result!.level).toBe(original.level);
    expect(m.result!.questions).toEqual(original.questions);
    expect(m.result!.validation).toEqual(original.validation);
    expect(m.organisation).toBe('Region Testland & <Co>');
    // Question 5 was answered "n" without a certainty: no suffix, osäker again when scored.
    expect(read.sheet).toBe('Historik');
    const cells = measurementCells(catalog, set, original, '2025-05-02');
    expect(cells.get('q:5')).toBe('n');
    expect(cells.get('q:2')).toBe('a,b,c,d,e|O');
    expect(cells.get('q:12')).toBe('');
    expect(m.result!.warnings.some((w) => w.code === 'missing-certainty' && w.question === 5)).toBe(true);
  });

  test('a question with an input error is saved as it counted: unanswered', () => {
    const set: AnswerSet = { catalog: catalog.id, answers: { '1': { selected: ['a', 'n'], certainty: 'säker' }, '2': { selected: ['a'], certainty: 'kanske' } } };
    const cells = measurementCells(catalog, set, score(catalog, set), '2025-01-01');
    expect(cells.get('q:1')).toBe('');
    expect(cells.get('q:2')).toBe('');
  });

  test('a row edited into nonsense is an error naming each bad cell; it is skipped and the others stay usable', () => {
    const set = variedAnswers();
    const grid = historyGrid([
      { set, date: '2023-05-02' },
      { set, date: '2024-05-02' },
      { set, date: '2025-05-02' },
    ]);
    const row = HISTORY_HEADER_ROW + 2;
    grid.values[row - 1][columnOf('q:3') - 1] = 'b,zz|Q';
    grid.values[row - 1][columnOf('v:V1') - 1] = 'många';
    grid.values[HISTORY_HEADER_ROW + 3 - 1][columnOf('date') - 1] = '2025-02-30';
    const read = readHistory(grid);
    expect(read.saved.map((m) => m.date)).toEqual(['2023-05-02']);
    const errors = read.issues.filter((i) => i.severity === 'error');
    expect(errors).toEqual([
      expect.objectContaining({ code: 'history-bad-answer', sheet: 'Historik', cell: cellAddress(row, columnOf('q:3')), params: expect.objectContaining({ value: 'b,zz|Q', question: 3, row }) }),
      expect.objectContaining({ code: 'history-bad-number', cell: cellAddress(row, columnOf('v:V1')) }),
      expect.objectContaining({ code: 'history-bad-date', cell: `A${row + 1}`, params: expect.objectContaining({ value: '2025-02-30' }) }),
    ]);
  });

  test('a second row with the same date is an error; the first one counts', () => {
    const set = variedAnswers();
    const read = readHistory(historyGrid([{ set, date: '2025-05-02' }, { set: { catalog: catalog.id, answers: {} }, date: '2025-05-02' }]));
    expect(read.saved).toHaveLength(1);
    expect(read.saved[0].row).toBe(HISTORY_HEADER_ROW + 1);
    expect(read.issues).toEqual([expect.objectContaining({ code: 'history-duplicate-date', cell: `A${HISTORY_HEADER_ROW + 2}`, params: expect.objectContaining({ other: `A${HISTORY_HEADER_ROW + 1}` }) })]);
  });

  test('a saved level or total edited by hand is a warning: the answers decide', () => {
    const set = variedAnswers();
    const grid = historyGrid([{ set, date: '2025-05-02' }]);
    grid.values[HISTORY_HEADER_ROW][columnOf('level') - 1] = 4;
    const read = readHistory(grid);
    expect(read.saved[0].result!.level).toBe(score(catalog, set).level);
    expect(read.issues).toEqual([expect.objectContaining({ severity: 'warning', code: 'history-figure-differs', cell: cellAddress(HISTORY_HEADER_ROW + 1, columnOf('level')) })]);
  });

  test('rows of another catalog are listed with their date, never decoded; a known other edition is scored with its own catalog', () => {
    const set = variedAnswers();
    const grid = historyGrid([{ set, date: '2024-05-02' }, { set, date: '2025-05-02' }]);
    grid.values[HISTORY_HEADER_ROW][columnOf('catalog') - 1] = 'infosakkollen-2019-v0';
    const read = readHistory(grid);
    expect(read.issues).toEqual([]);
    expect(read.saved.map((m) => [m.date, m.catalog, !!m.result])).toEqual([
      ['2024-05-02', 'infosakkollen-2019-v0', false],
      ['2025-05-02', catalog.id, true],
    ]);
    // An edition the product were to ship: its rows read with its own catalog.
    const other = { ...catalog, id: 'infosakkollen-2019-v0', question: catalog.question, area: catalog.area } as Catalog;
    const both = readHistory(grid, [catalog, other]);
    expect(both.saved.map((m) => [m.catalog, !!m.result])).toEqual([
      ['infosakkollen-2019-v0', true],
      [catalog.id, true],
    ]);
  });

  test('columns are found by header: moved and inserted columns, a note row below the table', () => {
    const set = variedAnswers();
    const grid = historyGrid([{ set, date: '2025-05-02' }]);
    // The user inserts a column at A and types notes in it; a free note sits below the table.
    grid.values = grid.values.map((r, i) => [i === HISTORY_HEADER_ROW - 1 ? 'Mitt id' : i >= HISTORY_HEADER_ROW ? 'x-1' : null, ...r]);
    grid.values.push([], [null, null, null, 'Kom ihåg: nästa mätning i maj']);
    const read = readHistory(grid);
    expect(read.issues).toEqual([]);
    expect(read.saved).toHaveLength(1);
    expect(read.saved[0].result!.questions).toEqual(score(catalog, set).questions);
  });

  test('without the header row nothing is read, and the issue names the sheet', () => {
    const read = readHistory({ name: 'Historik', values: [['Historik'], [], [], ['Datum', 'Något annat']] });
    expect(read.saved).toEqual([]);
    expect(read.issues).toEqual([expect.objectContaining({ code: 'history-header-missing', sheet: 'Historik' })]);
  });
});
