/**
 * Issue 10, one plan for both adapters: "spara mätning" (Historik made, then updated in place;
 * Trend with its line charts) and "jämför" (Jämförelse with its bar chart) give the same values,
 * merges and chart sources through the .xlsx adapter and the Office.js adapter on the memory
 * Excel. Each adapter plans from what it reads itself, as the CLI and the pane do.
 */
import { applyPlanOffice } from '../../src/adapters/officejs/applyPlan';
import { loadWorkbook } from '../../src/adapters/officejs/loadWorkbook';
import { type MemoryExcel, MemoryWorkbook, createMemoryExcel } from '../../src/adapters/officejs/memory/memoryExcel';
import { applyPlanToXlsx } from '../../src/adapters/xlsx/applyPlan';
import { readXlsxGrid } from '../../src/adapters/xlsx/readGrid';
import type { AnswerSet } from '../../src/core/answers/types';
import { DEFAULT_CATALOG, findCatalog } from '../../src/core/catalog/registry';
import { score } from '../../src/core/scoring/score';
import example from '../../src/examples/exempelkommun.answers.json';
import earlier from '../../src/examples/exempelkommun-tidigare.answers.json';
import { historyColumns, HISTORY_HEADER_ROW } from '../../src/workbook/history';
import { HISTORY_SHEETS, INPUT_SHEETS, SHEETS } from '../../src/workbook/layout';
import { compareSides, comparisonSheetPlan, currentSide, savedSide, snapshotFromWorkbook } from '../../src/workbook/measurements';
import { columnName } from '../../src/workbook/plan/address';
import { fillPlan } from '../../src/workbook/plan/fillAnswers';
import { questionnairePlan } from '../../src/workbook/plan/questionnaire';
import type { WorkbookGrid, WritePlan } from '../../src/workbook/plan/types';
import { type SheetFacts, memoryFacts, xlsxFacts } from './facts';

jest.setTimeout(60_000);

const catalog = findCatalog(DEFAULT_CATALOG)!;

interface Pair {
  xlsx: Uint8Array;
  memory: MemoryExcel;
}

const grids = async (pair: Pair): Promise<[WorkbookGrid, WorkbookGrid]> => [
  await readXlsxGrid(pair.xlsx, INPUT_SHEETS),
  (await pair.memory.run((context) => loadWorkbook(context, INPUT_SHEETS))).grid,
];

/** Plans with each adapter's own reading, applies with that adapter. */
async function step(pair: Pair, planOf: (grid: WorkbookGrid) => WritePlan): Promise<void> {
  const [x, m] = await grids(pair);
  const plans = { xlsx: planOf(x), memory: planOf(m) };
  expect(plans.memory).toEqual(plans.xlsx);
  pair.xlsx = await applyPlanToXlsx(pair.xlsx, plans.xlsx);
  await pair.memory.run((context) => applyPlanOffice(context, plans.memory));
}

function snapshotPlan(date: string) {
  return (grid: WorkbookGrid): WritePlan => {
    const outcome = snapshotFromWorkbook(grid, date);
    if (outcome.kind !== 'planned') throw new Error(`refused: ${JSON.stringify(outcome)}`);
    return outcome.plan;
  };
}

function fill(answers: AnswerSet) {
  return (grid: WorkbookGrid): WritePlan => {
    const outcome = fillPlan(catalog, grid, answers);
    if (outcome.kind !== 'plan') throw new Error('fill refused');
    return outcome.plan;
  };
}

function differences(x: Map<string, SheetFacts>, m: Map<string, SheetFacts>): unknown[][] {
  const out: unknown[][] = [];
  for (const [sheet, facts] of x) {
    const other = m.get(sheet);
    if (!other) {
      out.push([sheet, 'missing in the memory Excel']);
      continue;
    }
    for (const key of ['values', 'formulas'] as const) {
      const a = facts[key] as Record<string, unknown>;
      const b = other[key] as Record<string, unknown>;
      for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) out.push([sheet, key, k, a[k], b[k]]);
    }
    for (const key of ['merges', 'charts'] as const) if (JSON.stringify(facts[key]) !== JSON.stringify(other[key])) out.push([sheet, key, '', facts[key], other[key]]);
  }
  for (const sheet of m.keys()) if (!x.has(sheet)) out.push([sheet, 'missing in the .xlsx']);
  return out;
}

async function questionnaire(): Promise<Pair> {
  const plan = questionnairePlan(catalog, earlier as AnswerSet);
  const pair: Pair = { xlsx: await applyPlanToXlsx(null, plan), memory: createMemoryExcel({ workbook: new MemoryWorkbook(['Blad1']) }) };
  await pair.memory.run((context) => applyPlanOffice(context, plan));
  return pair;
}

test('the first snapshot (Historik and Trend made) and Jämförelse: both adapters write the same', async () => {
  const pair = await questionnaire();
  await step(pair, snapshotPlan('2025-05-02'));
  await step(pair, (grid) => {
    const from = currentSide(grid);
    if (from.kind !== 'side') throw new Error('no side');
    const later = { ...from.side, result: score(catalog, example as AnswerSet), answers: example as AnswerSet };
    const compared = compareSides(from.side, later);
    if (compared.kind !== 'compared') throw new Error('not compared');
    const sheet = comparisonSheetPlan(grid, catalog, compared.comparison, { from: 'aktuella svar', to: 'exempelkommun.answers.json' }, '2027-03-01');
    if (sheet.kind !== 'planned') throw new Error('refused');
    return sheet.plan;
  });
  const [x, m] = await Promise.all([xlsxFacts(pair.xlsx, HISTORY_SHEETS), memoryFacts(pair.memory, HISTORY_SHEETS)]);
  // The Office.js reader sees Historik only up to column Z (see the BLOCKED test below): Historik's
  // cells are compared from the memory workbook itself, the rest through both readers.
  expect(differences(x, m).filter((d) => d[0] !== SHEETS.history || d[1] !== 'values')).toEqual([]);
  const memoryHistory = pair.memory.workbook.sheet(SHEETS.history).values();
  const xlsxHistory = (await readXlsxGrid(pair.xlsx, [SHEETS.history])).sheets.get(SHEETS.history)!.values;
  const dense = (rows: readonly (readonly unknown[] | undefined)[]) =>
    Array.from(rows, (r) => {
      const cells = Array.from(r ?? [], (v) => (v === '' || v === undefined ? null : v));
      while (cells.length && cells[cells.length - 1] === null) cells.pop();
      return cells;
    }).filter((r, i, all) => r.length || all.slice(i).some((x) => x.length));
  // The memory Excel holds a date as Excel does, as its serial; the .xlsx reader gives it as a date.
  const serialToDate = (v: unknown) => (typeof v === 'number' ? new Date(Date.UTC(1899, 11, 30) + v * 86400000).toISOString().slice(0, 10) : v);
  const memoryDated = dense(memoryHistory).map((r, i) => (i >= HISTORY_HEADER_ROW ? [serialToDate(r[0]), ...r.slice(1)] : r));
  expect(memoryDated).toEqual(dense(xlsxHistory));
  expect(dense(xlsxHistory)[HISTORY_HEADER_ROW - 1]).toHaveLength(historyColumns(catalog).length);
  expect([...x.keys()]).toEqual(HISTORY_SHEETS);
  expect(x.get(SHEETS.trend)!.charts).toHaveLength(2);
  expect(x.get(SHEETS.comparison)!.charts).toHaveLength(1);
});

// BLOCKED on the Office.js adapter (src/adapters/officejs, not this file's owners): loadWorkbook reads
// Historik in the questionnaire window A:Z, so the answer columns F1 … (from AA) are never read and
// the second snapshot is refused ("history-column-missing"). With Historik read in a wide window
// (PLAN_WINDOW, A:CV, tried on a copy) this passes. `failing` so that jest reports it the day it
// passes: then make it a plain `test`.
test('snapshot, user note, snapshot again (same date, then a new one), compare: both adapters write the same', async () => {
  const pair = await questionnaire();

  await step(pair, snapshotPlan('2025-05-02'));
  // The user writes a note in Historik, the same way into both.
  const notes = `${columnName(historyColumns(catalog).findIndex((c) => c.key === 'notes') + 1)}${HISTORY_HEADER_ROW + 1}`;
  const edit: WritePlan = [
    { kind: 'sheet', sheet: SHEETS.history, mode: 'update' },
    { kind: 'values', sheet: SHEETS.history, at: notes, rows: [['Föredraget för ledningen 2025-06-01']] },
  ];
  pair.xlsx = await applyPlanToXlsx(pair.xlsx, edit);
  await pair.memory.run((context) => applyPlanOffice(context, edit));

  await step(pair, fill(example as AnswerSet));
  await step(pair, snapshotPlan('2025-05-02'));
  await step(pair, snapshotPlan('2026-05-04'));
  await step(pair, (grid) => {
    const from = savedSide(grid, '2025-05-02');
    const to = currentSide(grid);
    if (from.kind !== 'side' || to.kind !== 'side') throw new Error('no sides');
    const compared = compareSides(from.side, to.side);
    if (compared.kind !== 'compared') throw new Error('not compared');
    const sheet = comparisonSheetPlan(grid, catalog, compared.comparison, { from: 'sparad mätning 2025-05-02', to: 'aktuella svar' }, '2027-03-01');
    if (sheet.kind !== 'planned') throw new Error('refused');
    return sheet.plan;
  });

  const [x, m] = await Promise.all([xlsxFacts(pair.xlsx, HISTORY_SHEETS), memoryFacts(pair.memory, HISTORY_SHEETS)]);
  expect(differences(x, m).slice(0, 20)).toEqual([]);
  expect([...x.keys()]).toEqual(HISTORY_SHEETS);
  expect(x.get(SHEETS.history)!.values[notes]).toBe('Föredraget för ledningen 2025-06-01');
  expect(x.get(SHEETS.trend)!.charts).toHaveLength(2);
  expect(x.get(SHEETS.comparison)!.charts).toHaveLength(1);
});
