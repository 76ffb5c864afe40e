/**
 * Issue 10 through the .xlsx adapter: "spara mätning" makes Historik the first time and then
 * updates it in place (same date: the row is rewritten; new date: a row below everything), Trend is
 * rewritten with a line chart per figure, and what the user typed in Historik survives.
 */
import { applyPlanToXlsx } from '../../src/adapters/xlsx/applyPlan';
import { readXlsxGrid } from '../../src/adapters/xlsx/readGrid';
import type { AnswerSet } from '../../src/core/answers/types';
import { score } from '../../src/core/scoring/score';
import { computeFromWorkbook } from '../../src/workbook/compute';
import { historyColumns, HISTORY_HEADER_ROW, readHistory } from '../../src/workbook/history';
import { INPUT_SHEETS, SHEETS } from '../../src/workbook/layout';
import { snapshotFromWorkbook } from '../../src/workbook/measurements';
import { cellAddress, columnName } from '../../src/workbook/plan/address';
import { sincePreviousLine } from '../../src/workbook/plan/history';
import { fillPlan } from '../../src/workbook/plan/fillAnswers';
import type { ChartOp, SheetOp, ValuesOp, WorkbookGrid } from '../../src/workbook/plan/types';
import { editSheetCells, exampleAnswers, partText, questionnaireBytes, realCatalog, sheetPart, variedAnswers, zipOf } from '../helpers/workbook';

const catalog = realCatalog();
const columns = historyColumns(catalog);
const col = (key: string) => columns.findIndex((c) => c.key === key) + 1;
const NOTES = columnName(col('notes'));

async function gridOf(bytes: Uint8Array): Promise<WorkbookGrid> {
  return readXlsxGrid(bytes, INPUT_SHEETS);
}

async function snapshot(bytes: Uint8Array, date: string) {
  const outcome = snapshotFromWorkbook(await gridOf(bytes), date);
  if (outcome.kind !== 'planned') throw new Error(`refused: ${JSON.stringify(outcome)}`);
  return { outcome, bytes: await applyPlanToXlsx(bytes, outcome.plan) };
}

/** Puts other answers into the workbook, question by question, as `infosak fill` does. */
async function refill(bytes: Uint8Array, answers: AnswerSet): Promise<Uint8Array> {
  const fill = fillPlan(catalog, await gridOf(bytes), answers);
  if (fill.kind !== 'plan') throw new Error('fill refused');
  return applyPlanToXlsx(bytes, fill.plan);
}

/** The raw XML of one cell of a sheet (its value, formula and style index). */
async function cellXml(bytes: Uint8Array, sheet: string, ref: string): Promise<string | undefined> {
  const zip = await zipOf(bytes);
  const xml = (await partText(zip, await sheetPart(zip, sheet)))!;
  return new RegExp(`<c r="${ref}"[^>]*?(?:/>|>.*?</c>)`).exec(xml)?.[0];
}

/** Exempelkommun with fewer ticks: a plausible earlier measurement. */
function earlierAnswers(): AnswerSet {
  const set = exampleAnswers();
  for (const [key, entry] of Object.entries(set.answers)) {
    if (Number(key) % 3 === 0 && entry.selected.length > 1) entry.selected = entry.selected.slice(0, -1);
  }
  return set;
}

describe('snapshot: Historik and Trend', () => {
  let filled: Uint8Array;
  beforeAll(async () => {
    filled = await questionnaireBytes(exampleAnswers());
  });

  test('the first snapshot makes Historik (header, one row) and Trend (a table and two line charts)', async () => {
    const { outcome, bytes } = await snapshot(filled, '2025-05-02');
    expect(outcome).toMatchObject({ row: HISTORY_HEADER_ROW + 1, replaced: false });
    const sheetOps = outcome.plan.filter((op): op is SheetOp => op.kind === 'sheet');
    expect(sheetOps.map((op) => [op.sheet, op.mode ?? 'replace'])).toEqual([
      [SHEETS.history, 'replace'],
      [SHEETS.trend, 'replace'],
    ]);
    const charts = outcome.plan.filter((op): op is ChartOp => op.kind === 'chart');
    expect(charts.map((c) => [c.sheet, c.type, c.title])).toEqual([
      [SHEETS.trend, 'line', 'Nivå över tid'],
      [SHEETS.trend, 'line', 'Totalpoäng över tid'],
    ]);
    const grid = await gridOf(bytes);
    expect(grid.sheetNames.slice(-2)).toEqual([SHEETS.history, SHEETS.trend]);
    expect(grid.owners?.get(SHEETS.history)).toBe(SHEETS.history);
    const history = grid.sheets.get(SHEETS.history)!;
    expect(history.values[HISTORY_HEADER_ROW - 1].slice(0, 5)).toEqual(['Datum', 'Katalog', 'Organisation', 'Nivå', 'Nivå LS']);
    const read = readHistory(history);
    expect(read.issues).toEqual([]);
    const expected = score(catalog, exampleAnswers());
    expect(read.saved.map((m) => [m.date, m.result!.level, m.result!.totalPoints])).toEqual([['2025-05-02', expected.level, expected.totalPoints]]);
    const trend = grid.sheets.get(SHEETS.trend)!;
    expect(trend.values[4].slice(0, 3)).toEqual(['2025-05-02', expected.level, expected.totalPoints]);
    expect(grid.objects?.get(SHEETS.trend)?.map((o) => o.kind)).toEqual(['chart', 'chart']);
  });

  test('snapshot twice on the same date replaces that row, cell by cell; a new date goes below', async () => {
    const first = await snapshot(await questionnaireBytes(earlierAnswers()), '2025-05-02');
    const second = await snapshot(await refill(first.bytes, exampleAnswers()), '2025-05-02');
    expect(second.outcome).toMatchObject({ row: HISTORY_HEADER_ROW + 1, replaced: true });
    const update = second.outcome.plan.filter((op) => op.sheet === SHEETS.history);
    expect(update[0]).toEqual({ kind: 'sheet', sheet: SHEETS.history, mode: 'update' });
    // One values op on the row; the notes column is null (left as it is).
    expect(update.slice(1).map((op) => op.kind)).toEqual(['values']);
    const values = update[1] as ValuesOp;
    expect(values.at).toBe(`A${HISTORY_HEADER_ROW + 1}`);
    expect(values.rows[0][col('notes') - 1]).toBeNull();

    let read = readHistory((await gridOf(second.bytes)).sheets.get(SHEETS.history)!);
    expect(read.saved).toHaveLength(1);
    expect(read.saved[0].result!.totalPoints).toBe(score(catalog, exampleAnswers()).totalPoints);

    const third = await snapshot(second.bytes, '2026-05-04');
    expect(third.outcome).toMatchObject({ row: HISTORY_HEADER_ROW + 2, replaced: false });
    read = readHistory((await gridOf(third.bytes)).sheets.get(SHEETS.history)!);
    expect(read.saved.map((m) => [m.date, m.row])).toEqual([
      ['2025-05-02', HISTORY_HEADER_ROW + 1],
      ['2026-05-04', HISTORY_HEADER_ROW + 2],
    ]);
    expect(third.outcome.trend.map((p) => p.date)).toEqual(['2025-05-02', '2026-05-04']);
  });

  test("the user's notes, own columns and formulas in Historik survive five snapshots, byte for byte", async () => {
    let { bytes } = await snapshot(await questionnaireBytes(earlierAnswers()), '2024-05-02');
    const own = columnName(columns.length + 2);
    const userCells = {
      [`${NOTES}${HISTORY_HEADER_ROW + 1}`]: 'Första mätningen; ledningen informerad 2024-05-20',
      [`${own}${HISTORY_HEADER_ROW}`]: 'Ansvarig',
      [`${own}${HISTORY_HEADER_ROW + 1}`]: 'Kim',
      [`${columnName(columns.length + 3)}${HISTORY_HEADER_ROW + 1}`]: { formula: `D${HISTORY_HEADER_ROW + 1}*2`, result: 4 },
      [`A${HISTORY_HEADER_ROW + 12}`]: 'Anteckning under tabellen',
    } as const;
    bytes = await editSheetCells(bytes, SHEETS.history, userCells);
    const before = await Promise.all(Object.keys(userCells).map((ref) => cellXml(bytes, SHEETS.history, ref)));
    expect(before.every((x) => x !== undefined)).toBe(true);

    const dates = ['2024-05-02', '2025-05-02', '2025-05-02', '2026-05-04', '2024-05-02'];
    let last = 0;
    for (const [i, date] of dates.entries()) {
      bytes = await refill(bytes, i % 2 ? exampleAnswers() : variedAnswers());
      const saved = await snapshot(bytes, date);
      ({ bytes } = saved);
      last = saved.outcome.result.totalPoints;
    }
    const after = await Promise.all(Object.keys(userCells).map((ref) => cellXml(bytes, SHEETS.history, ref)));
    expect(after).toEqual(before);
    const read = readHistory((await gridOf(bytes)).sheets.get(SHEETS.history)!);
    // The note below the table is not a measurement; new dates went below it, rows never moved.
    expect(read.issues).toEqual([]);
    expect(read.saved.map((m) => [m.date, m.row])).toEqual([
      ['2024-05-02', HISTORY_HEADER_ROW + 1],
      ['2025-05-02', HISTORY_HEADER_ROW + 13],
      ['2026-05-04', HISTORY_HEADER_ROW + 14],
    ]);
    // The last snapshot, of 2024-05-02, replaced the first row's answers and figures.
    expect(read.saved[0].result!.totalPoints).toBe(last);
  });

  test('a sheet of the user\'s called "trend" or "historik" is never overwritten: refused, naming it', async () => {
    for (const name of ['trend', 'HISTORIK']) {
      const plan = [{ kind: 'sheet' as const, sheet: name }, { kind: 'values' as const, sheet: name, at: 'A1', rows: [['Egen trend']] }];
      const grid = await gridOf(await applyPlanToXlsx(filled, plan));
      const owners = new Map(grid.owners);
      owners.delete(name);
      const outcome = snapshotFromWorkbook({ ...grid, owners }, '2025-05-02');
      expect(outcome).toEqual({ kind: 'refused', issue: expect.objectContaining({ code: 'product-sheet-taken', sheet: name, cell: 'A1' }) });
    }
  });

  test('a Historik whose header row is gone is refused, nothing is planned', async () => {
    const { bytes } = await snapshot(filled, '2025-05-02');
    const broken = await editSheetCells(bytes, SHEETS.history, { [`A${HISTORY_HEADER_ROW}`]: 'Dag', [`B${HISTORY_HEADER_ROW}`]: 'Version' });
    expect(snapshotFromWorkbook(await gridOf(broken), '2026-05-02')).toEqual({ kind: 'refused', issue: expect.objectContaining({ code: 'history-header-missing', sheet: SHEETS.history }) });
    const noF7 = await editSheetCells(bytes, SHEETS.history, { [`${columnName(col('q:7'))}${HISTORY_HEADER_ROW}`]: 'Fråga sju' });
    expect(snapshotFromWorkbook(await gridOf(noF7), '2026-05-02')).toEqual({
      kind: 'refused',
      issue: expect.objectContaining({ code: 'history-column-missing', params: expect.objectContaining({ columns: 'F7' }) }),
    });
  });

  test('a row edited into nonsense is reported with its cell and skipped; the snapshot still saves', async () => {
    let { bytes } = await snapshot(await questionnaireBytes(earlierAnswers()), '2024-05-02');
    ({ bytes } = await snapshot(bytes, '2025-05-02'));
    const bad = `${columnName(col('q:12'))}${HISTORY_HEADER_ROW + 1}`;
    bytes = await editSheetCells(bytes, SHEETS.history, { [bad]: 'ja tack' });
    const { outcome } = await snapshot(bytes, '2026-05-04');
    expect(outcome.historyIssues).toEqual([expect.objectContaining({ code: 'history-bad-answer', sheet: SHEETS.history, cell: bad })]);
    expect(outcome.trend.map((p) => p.date)).toEqual(['2025-05-02', '2026-05-04']);
  });

  test('an invalid date is refused', async () => {
    expect(snapshotFromWorkbook(await gridOf(filled), '2025-02-30')).toMatchObject({ kind: 'refused', issue: { code: 'bad-date' } });
  });
});

describe('Ledningssammanfattning: since the last measurement', () => {
  test('the line names the last measurement saved before today, with level, points and åtgärder', async () => {
    let { bytes } = await snapshot(await questionnaireBytes(earlierAnswers()), '2025-05-02');
    ({ bytes } = await snapshot(bytes, '2026-11-30'));
    bytes = await refill(bytes, exampleAnswers());
    const outcome = computeFromWorkbook(await gridOf(bytes), '2026-11-30');
    if (outcome.kind !== 'computed') throw new Error('not computed');
    const a = score(catalog, earlierAnswers());
    const b = score(catalog, exampleAnswers());
    const expected = sincePreviousLine({ date: '2025-05-02', result: a }, b);
    expect(expected).toBe(
      `Sedan förra mätningen (2025-05-02): nivå ${a.level} (oförändrad), +${b.totalPoints - a.totalPoints} poäng, ${b.measures.done - a.measures.done} nya åtgärder`,
    );
    const summary = outcome.plan.filter((op): op is ValuesOp => op.kind === 'values' && op.sheet === SHEETS.summary);
    expect(summary.some((op) => op.rows.some((r) => r[0] === expected))).toBe(true);
  });

  test('wording: level change, fewer points, one åtgärd', () => {
    const base = score(catalog, exampleAnswers());
    const lower = { ...base, level: base.level - 1, totalPoints: base.totalPoints + 3, measures: { ...base.measures, done: base.measures.done + 1 } };
    expect(sincePreviousLine({ date: '2024-01-10', result: lower }, base)).toBe(`Sedan förra mätningen (2024-01-10): nivå ${base.level - 1} → ${base.level}, −3 poäng, 1 åtgärd färre`);
  });

  test('no saved measurement before today: no line', async () => {
    const { bytes } = await snapshot(await questionnaireBytes(exampleAnswers()), '2026-11-30');
    const outcome = computeFromWorkbook(await gridOf(bytes), '2026-11-30');
    if (outcome.kind !== 'computed') throw new Error('not computed');
    const texts = outcome.plan.flatMap((op) => (op.kind === 'values' && op.sheet === SHEETS.summary ? op.rows.flat() : []));
    expect(texts.some((t) => typeof t === 'string' && t.startsWith('Sedan förra mätningen'))).toBe(false);
  });
});

test('cell addresses in the issue match the header layout', () => {
  expect(cellAddress(HISTORY_HEADER_ROW + 1, col('date'))).toBe('A5');
  expect(columnName(col('q:1'))).toBe(columnName(col('v:V6') + 1));
});
