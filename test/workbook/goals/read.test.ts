/**
 * readGoals (issue 13) on grids as users leave them: blocks found by their headers after rows were
 * inserted inside them, a block moved, columns inserted, blocks side by side, a block deleted; bad
 * values are warnings naming the cell.
 */
import { readGoals } from '../../../src/workbook/goals/read';
import { GOALS_SHEET } from '../../../src/workbook/goals/layout';
import { parseCell } from '../../../src/workbook/plan/address';
import { newGoalsSheet } from '../../../src/workbook/plan/goalsSheet';
import type { Scalar, SheetGrid } from '../../../src/workbook/plan/types';

type Grid = Scalar[][];

/** The values a new Mål sheet holds, as a reader sees them (dates and formulas play no part here). */
function newSheetGrid(): Grid {
  const grid: Grid = [];
  for (const op of newGoalsSheet('2026-03-01')) {
    if (op.kind !== 'values') continue;
    const at = parseCell(op.at);
    op.rows.forEach((row, i) =>
      row.forEach((v, j) => {
        const r = (grid[at.row - 1 + i] ??= []);
        while (r.length < at.column + j) r.push(null);
        r[at.column - 1 + j] = v as Scalar;
      }),
    );
  }
  return grid;
}

const sheet = (values: Grid): SheetGrid => ({ name: GOALS_SHEET, values });
const set = (grid: Grid, cell: string, v: Scalar) => {
  const { row, column } = parseCell(cell);
  const r = (grid[row - 1] ??= []);
  while (r.length < column) r.push(null);
  r[column - 1] = v;
};
/** Types a goal row from its first cell to the right. */
const type = (grid: Grid, cell: string, values: Scalar[]) => {
  const { row, column } = parseCell(cell);
  values.forEach((v, i) => set(grid, `${String.fromCharCode(64 + column + i)}${row}`, v));
};

/** A new sheet with two strategic, two short-term and three annual goals typed in. */
function filled(): Grid {
  const g = newSheetGrid();
  type(g, 'B6', ['Systematiskt arbete enligt ISO 27001', 'Resultatmål', 2030]);
  type(g, 'B7', ['Ökat förtroende', 'effektmål', '2029']);
  type(g, 'B14', ['Alla system klassade', 'Andel klassade system', '100 %', 'CISO', '2027-06-30', 'S1']);
  type(g, 'B15', ['All personal utbildad', 'Andel utbildade', 0.9, 'HR', null, 's1, S2']);
  type(g, 'B27', ['Klassa verksamhetssystemen', 2026, 'K1', 'nivå 3 i Infosäkkollen 2027']);
  type(g, 'B28', ['Utbilda chefer', 2026, 'K2']);
  type(g, 'F29', ['bara en kommentar']);
  return g;
}

describe('readGoals', () => {
  it('reads nothing from a new sheet: prefilled ids are not goals', () => {
    const read = readGoals(sheet(newSheetGrid()));
    expect(read.goals).toEqual({ strategic: [], shortTerm: [], annual: [] });
    expect(read.idRanges).toEqual({ strategic: 'A6:A10', shortTerm: 'A14:A23', annual: 'A27:A36' });
    expect(read.issues).toEqual([]);
  });

  it('reads every field of each block', () => {
    const read = readGoals(sheet(filled()));
    expect(read.issues).toEqual([]);
    expect(read.goals.strategic).toEqual([
      { id: 'S1', text: 'Systematiskt arbete enligt ISO 27001', kind: 'resultatmål', horizon: 2030, row: 6 },
      { id: 'S2', text: 'Ökat förtroende', kind: 'effektmål', horizon: 2029, row: 7 },
    ]);
    expect(read.goals.shortTerm).toEqual([
      { id: 'K1', text: 'Alla system klassade', indicator: 'Andel klassade system', targetValue: '100 %', responsible: 'CISO', date: '2027-06-30', serves: ['S1'], row: 14 },
      { id: 'K2', text: 'All personal utbildad', indicator: 'Andel utbildade', targetValue: '0.9', responsible: 'HR', serves: ['s1', 'S2'], row: 15 },
    ]);
    expect(read.goals.annual).toEqual([
      { id: 'Å1', text: 'Klassa verksamhetssystemen', year: 2026, serves: ['K1'], targetLevel: 'nivå 3 i Infosäkkollen 2027', row: 27 },
      { id: 'Å2', text: 'Utbilda chefer', year: 2026, serves: ['K2'], row: 28 },
      // Text beyond the id makes a goal, even only a comment: nothing typed is dropped.
      { id: 'Å3', text: '', row: 29 },
    ]);
  });

  it('follows rows inserted inside a block, a column inserted and one of the user’s own on the left', () => {
    const g = filled();
    // Two rows inserted inside the short-term block (after K1), one typed in with a new id.
    g.splice(14, 0, [null, null], ['K11', 'Incidenter rapporteras inom 24 h', 'Andel', '95 %']);
    // A column of the user's inserted between the goal text and the next column, and one at A.
    for (const row of g) {
      if (!row) continue;
      while (row.length < 2) row.push(null);
      row.splice(2, 0, 'användarens');
      row.unshift('egen');
    }
    const read = readGoals(sheet(g));
    expect(read.issues).toEqual([]);
    expect(read.goals.shortTerm.map((k) => [k.id, k.row, k.indicator])).toEqual([
      ['K1', 14, 'Andel klassade system'],
      ['K11', 16, 'Andel'],
      ['K2', 17, 'Andel utbildade'],
    ]);
    expect(read.goals.strategic.map((s) => s.kind)).toEqual(['resultatmål', 'effektmål']);
    expect(read.goals.annual.map((a) => [a.id, a.row, a.serves])).toEqual([
      ['Å1', 29, ['K1']],
      ['Å2', 30, ['K2']],
      ['Å3', 31, undefined],
    ]);
    expect(read.idRanges).toEqual({ strategic: 'B6:B10', shortTerm: 'B14:B25', annual: 'B29:B38' });
  });

  it('finds a block the user moved: the annual block cut and pasted above the strategic one', () => {
    const g = filled();
    const annual = g.splice(24, 12); // title, header and ten rows
    g.splice(2, 0, ...annual, []);
    const read = readGoals(sheet(g));
    expect(read.goals.annual.map((a) => [a.id, a.row])).toEqual([
      ['Å1', 5],
      ['Å2', 6],
      ['Å3', 7],
    ]);
    expect(read.goals.strategic.map((s) => [s.id, s.row])).toEqual([
      ['S1', 19],
      ['S2', 20],
    ]);
    // The blank row and the strategic section title below the annual rows are not goals, nor ids.
    expect(read.idRanges.annual).toBe('A5:A14');
    expect(read.goals.shortTerm).toHaveLength(2);
  });

  it('reads blocks placed side by side', () => {
    const g = filled();
    const annual = g.splice(24, 12);
    // The annual block moved to column J of the strategic block's rows.
    annual.forEach((row, i) => {
      const target = (g[3 + i] ??= []);
      while (target.length < 9) target.push(null);
      target.splice(9, 0, ...row);
    });
    const read = readGoals(sheet(g));
    expect(read.issues).toEqual([]);
    expect(read.goals.annual.map((a) => [a.id, a.text, a.row])).toEqual([
      ['Å1', 'Klassa verksamhetssystemen', 6],
      ['Å2', 'Utbilda chefer', 7],
      ['Å3', '', 8],
    ]);
    expect(read.goals.strategic.map((s) => [s.id, s.text])).toEqual([
      ['S1', 'Systematiskt arbete enligt ISO 27001'],
      ['S2', 'Ökat förtroende'],
    ]);
    expect(read.idRanges.annual).toBe('J6:J15');
    expect(read.goals.shortTerm.map((k) => k.id)).toEqual(['K1', 'K2']);
  });

  it('reads a block whose header was deleted as empty, without an error', () => {
    const g = filled();
    g[12] = []; // the short-term header row cleared
    const read = readGoals(sheet(g));
    expect(read.goals.shortTerm).toEqual([]);
    expect(read.idRanges.shortTerm).toBeUndefined();
    expect(read.issues).toEqual([]);
    // The strategic block still ends at the short-term section title.
    expect(read.goals.strategic.map((s) => s.id)).toEqual(['S1', 'S2']);
    expect(read.idRanges.strategic).toBe('A6:A10');
  });

  it('warns about a year, a date and a type it cannot use, naming the cell, and keeps the goal', () => {
    const g = filled();
    set(g, 'C6', 'Visionsmål');
    set(g, 'D7', '2030-ish');
    set(g, 'F14', '30/6 2027');
    set(g, 'F15', 2027);
    set(g, 'C27', 20266);
    set(g, 'C28', '2026-01-01');
    const read = readGoals(sheet(g));
    expect(read.issues).toEqual([
      { severity: 'warning', code: 'goal-bad-kind', sheet: 'Mål', cell: 'C6', params: { value: 'Visionsmål' } },
      { severity: 'warning', code: 'goal-bad-year', sheet: 'Mål', cell: 'D7', params: { value: '2030-ish' } },
      { severity: 'warning', code: 'goal-bad-date', sheet: 'Mål', cell: 'F14', params: { value: '30/6 2027' } },
      { severity: 'warning', code: 'goal-bad-date', sheet: 'Mål', cell: 'F15', params: { value: '2027' } },
      { severity: 'warning', code: 'goal-bad-year', sheet: 'Mål', cell: 'C27', params: { value: '20266' } },
      { severity: 'warning', code: 'goal-bad-year', sheet: 'Mål', cell: 'C28', params: { value: '2026-01-01' } },
    ]);
    expect(read.goals.strategic[0]).toEqual({ id: 'S1', text: 'Systematiskt arbete enligt ISO 27001', horizon: 2030, row: 6 });
    expect(read.goals.shortTerm[0].date).toBeUndefined();
  });

  it('takes a date serial from a cell that lost its date format, and rejects a day that does not exist', () => {
    const g = filled();
    set(g, 'F14', 46568); // 2027-06-30
    set(g, 'F15', '2027-02-30');
    const read = readGoals(sheet(g));
    expect(read.goals.shortTerm.map((k) => k.date)).toEqual(['2027-06-30', undefined]);
    expect(read.issues.map((i) => i.cell)).toEqual(['F15']);
  });

  it('reads an empty or foreign sheet as no goals', () => {
    expect(readGoals(sheet([]))).toEqual({ goals: { strategic: [], shortTerm: [], annual: [] }, idRanges: {}, issues: [] });
    expect(readGoals(sheet([['Id', 'Namn'], ['1', 'x']])).goals.annual).toEqual([]);
  });
});

test('a value typed far below the last block belongs to it (the grid is sparse; only rows it holds are read)', () => {
  const values: Scalar[][] = [...filled()];
  values[1048575] = [null, null, null, null, 'x'];
  const read = readGoals(sheet(values));
  expect(read.goals.annual.map((a) => [a.id, a.row])).toEqual([
    ['Å1', 27],
    ['Å2', 28],
    ['Å3', 29],
    ['', 1048576],
  ]);
  expect(read.idRanges.annual).toBe('A27:A36');
});
