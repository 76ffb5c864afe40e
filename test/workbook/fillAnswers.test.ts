/**
 * Issue 8: `fill` writes only the answer cells of the questions in the answers file, and nothing
 * else (user notes, own columns, questions the file does not mention, an unreadable tick there).
 */
import { fillPlan } from '../../src/workbook/plan/fillAnswers';
import type { ValuesOp, WritePlan } from '../../src/workbook/plan/types';
import { readWorkbook } from '../../src/workbook/read';
import { exampleAnswers, gridOfBytes, questionnaireBytes, realCatalog, rowOf, type EditableGrid } from '../helpers/workbook';

const catalog = realCatalog();

function applyToGrid(grid: EditableGrid, plan: WritePlan): void {
  for (const op of plan.filter((o): o is ValuesOp => o.kind === 'values')) {
    const m = /^([A-Z]+)(\d+)$/.exec(op.at)!;
    const column = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const key = [...grid.sheets.keys()].find((k) => grid.sheets.get(k)!.name === op.sheet)!;
    const values = grid.sheets.get(key)!.values;
    const row = Number(m[2]);
    values[row - 1] ??= [];
    const v = op.rows[0][0];
    values[row - 1][column - 1] = v !== null && typeof v === 'object' ? ('date' in v ? v.date : null) : v;
  }
}

test('filling an empty questionnaire writes exactly the answers, which read back the same', async () => {
  const grid = await gridOfBytes(await questionnaireBytes());
  const answers = exampleAnswers();
  const out = fillPlan(catalog, grid, answers);
  if (out.kind !== 'plan') throw new Error(out.issue.code);
  expect(out.plan.every((op) => op.kind === 'values' || (op.kind === 'sheet' && op.mode === 'update'))).toBe(true);
  applyToGrid(grid, out.plan);
  const read = readWorkbook(grid);
  if (read.kind !== 'questionnaire') throw new Error('foreign');
  for (const [key, entry] of Object.entries(answers.answers)) {
    expect([key, [...(read.answers.answers[key]?.selected ?? [])].sort()]).toEqual([key, [...entry.selected].sort()]);
  }
  expect(read.answers.organisation?.name).toBe(answers.organisation?.name);
});

test('only the questions in the file are written: an unreadable tick and a note elsewhere stay', async () => {
  const grid = await gridOfBytes(await questionnaireBytes(exampleAnswers()));
  const q3b = rowOf(grid, 'Nivå 1', 'Q03.b');
  grid.sheets.get('Nivå 1')!.values[q3b - 1][3] = 'kanske';
  const note = rowOf(grid, 'Nivå 1', 'Q05');
  grid.sheets.get('Nivå 1')!.values[note - 1][7] = 'Min anteckning';
  const out = fillPlan(catalog, grid, { catalog: catalog.id, answers: { '1': { selected: ['a'], certainty: 'osäker' } } });
  if (out.kind !== 'plan') throw new Error(out.issue.code);
  const cells = out.plan.filter((o): o is ValuesOp => o.kind === 'values').map((o) => `${o.sheet}!${o.at}`);
  const q1 = rowOf(grid, 'Nivå 1', 'Q01');
  const q1Options = catalog.question(1)!.options.map((o) => rowOf(grid, 'Nivå 1', `Q01.${o.id}`));
  const allowed = new Set([`Nivå 1!D${q1}`, ...q1Options.map((r) => `Nivå 1!D${r}`)]);
  expect(cells.length).toBeGreaterThan(0);
  for (const c of cells) expect(allowed.has(c)).toBe(true);
});

test('an inserted column before the answer column is followed', async () => {
  const grid = await gridOfBytes(await questionnaireBytes());
  for (const values of [grid.sheets.get('Nivå 1')!.values]) for (const row of values) row?.splice(2, 0, null);
  const out = fillPlan(catalog, grid, { catalog: catalog.id, answers: { '1': { selected: ['a'], certainty: 'säker' } } });
  if (out.kind !== 'plan') throw new Error(out.issue.code);
  const cells = out.plan.filter((o): o is ValuesOp => o.kind === 'values').map((o) => o.at);
  expect(cells.every((c) => c.startsWith('E'))).toBe(true);
});

test('a level sheet without its header row is refused with a located error, nothing written', async () => {
  const grid = await gridOfBytes(await questionnaireBytes());
  grid.sheets.get('Nivå 2')!.values[3] = [];
  const out = fillPlan(catalog, grid, { catalog: catalog.id, answers: {} });
  expect(out.kind).toBe('refused');
  if (out.kind === 'refused') expect(out.issue).toMatchObject({ code: 'layout-unrecognised', sheet: 'Nivå 2', cell: 'A4' });
});
