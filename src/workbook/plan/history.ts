/**
 * "Spara mätning" as a write plan (issue 10): the measurement goes into Historik, the trend of all
 * saved measurements onto Trend.
 *
 * Why two sheets: Historik is the record and the user's (notes, own columns, formats, comments,
 * links), so after the first time it is only ever updated in place, like Handlingsplan: the same
 * date's row is rewritten cell by cell in the product's columns, a new date goes below everything
 * on the sheet, and no row or column moves. A chart cannot be added to or changed on a sheet that
 * is updated in place (its series must grow with every measurement), so the trend lines live on
 * Trend, a small sheet the product owns entirely and writes anew each time: a copy of date, level
 * and points per measurement, and two native line charts that read that copy.
 */
import type { AnswerSet } from '../../core/answers/types';
import type { Catalog } from '../../core/catalog/types';
import type { ScoreResult } from '../../core/scoring/score';
import { lastFilledRow } from '../headers';
import { historyColumns, HISTORY_HEADER_ROW, measurementCells, readHistory, type HistoryRead } from '../history';
import { SHEETS } from '../layout';
import type { LocatedIssue } from '../read';
import { cellAddress, columnName } from './address';
import { withRowHeights } from './rowHeights';
import { COLORS, S } from './styles';
import type { CellInput, SheetGrid, WriteOp, WritePlan } from './types';

/** One point of the trend: a saved measurement's date and scores. */
export interface TrendPoint {
  readonly date: string;
  readonly result: ScoreResult;
}

export interface SnapshotInputs {
  readonly catalog: Catalog;
  readonly answers: AnswerSet;
  readonly result: ScoreResult;
  /** YYYY-MM-DD */
  readonly date: string;
  /** The product's Historik as it is now (ownership checked by the caller); absent or empty: a new sheet. */
  readonly existing?: SheetGrid;
}

export type SnapshotPlan =
  | { readonly kind: 'refused'; readonly issue: LocatedIssue }
  | {
      readonly kind: 'planned';
      readonly plan: WritePlan;
      /** The 1-based Historik row the measurement goes to. */
      readonly row: number;
      /** true: a measurement of the same date was there and is replaced. */
      readonly replaced: boolean;
      /** What reading the existing Historik found (rows skipped, figures edited). */
      readonly issues: readonly LocatedIssue[];
      /** Every measurement of this catalog after saving, by date: what Trend shows. */
      readonly trend: readonly TrendPoint[];
    };

const FIRST_ROW = HISTORY_HEADER_ROW + 1;

/** The measurement into Historik (new, or updated in place) and Trend written anew. */
export function snapshotPlan(inputs: SnapshotInputs): SnapshotPlan {
  const { catalog, result, date, existing } = inputs;
  const cells = measurementCells(catalog, inputs.answers, result, date);
  const history = existing && lastFilledRow(existing) > 0 ? readHistory(existing) : undefined;

  let historyOps: WriteOp[];
  let row: number;
  let replaced = false;
  if (!history) {
    row = FIRST_ROW;
    historyOps = newHistorySheet(catalog, cells);
  } else {
    const update = updateHistory(existing!, history, catalog, cells, date);
    if (update.kind === 'refused') return update;
    ({ row, replaced } = update);
    historyOps = update.ops;
  }
  const others = (history?.saved ?? []).filter((m) => m.catalog === catalog.id && m.result && m.date !== date);
  const trend = [...others.map((m) => ({ date: m.date, result: m.result! })), { date, result }].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  // Row heights only on the sheets the product writes anew: Historik's rows are the user's once it exists.
  const plan = [...(history ? historyOps : withRowHeights(historyOps)), ...withRowHeights(trendSheet(catalog, trend))];
  return { kind: 'planned', plan, row, replaced, issues: history?.issues ?? [], trend };
}

/** Historik the first time: title, how to read it, the header and the first measurement. */
function newHistorySheet(catalog: Catalog, cells: ReadonlyMap<string, CellInput>): WriteOp[] {
  const sheet = SHEETS.history;
  const columns = historyColumns(catalog);
  const last = columnName(columns.length);
  const notes = columns.findIndex((c) => c.key === 'notes') + 1;
  return [
    { kind: 'sheet', sheet, columnWidths: columns.map((c) => c.width), freeze: { rows: HISTORY_HEADER_ROW, columns: 1 }, tabColor: '7030A0', landscape: true },
    {
      kind: 'values',
      sheet,
      at: 'A1',
      rows: [
        ['Historik – sparade mätningar'],
        [
          'En rad per sparad mätning (Spara mätning / infosak snapshot); samma datum igen ersätter radens värden. Svaren står per fråga (F1 …) som kryssade alternativ och bedömning: "b,c|S" = b och c kryssade, säker; "|O" = osäker; utan tillägg = bedömning saknas; tom cell = obesvarad. Skriv gärna i Anteckningar och lägg till egna kolumner: det du skriver behålls när nya mätningar sparas.',
        ],
        [`Nivå per arbetsområde: ${catalog.areas.map((a) => `${a.id} = ${a.name.sv}`).join(' · ')}`],
      ],
    },
    { kind: 'style', sheet, range: 'A1', style: S.title },
    { kind: 'style', sheet, range: 'A2:A3', style: S.note },
    { kind: 'merge', sheet, range: `A2:${columnName(Math.max(notes, 14))}2` },
    { kind: 'merge', sheet, range: `A3:${columnName(Math.max(notes, 14))}3` },
    { kind: 'rowHeight', sheet, rows: [2], height: 45 },
    { kind: 'rowHeight', sheet, rows: [3], height: 30 },
    { kind: 'values', sheet, at: `A${HISTORY_HEADER_ROW}`, rows: [columns.map((c) => c.header)], style: { ...S.header, hAlign: 'center' } },
    { kind: 'values', sheet, at: `A${FIRST_ROW}`, rows: [columns.map((c) => (c.key === 'notes' ? null : cells.get(c.key) ?? null))], style: { vAlign: 'top' } },
    { kind: 'style', sheet, range: `${columnName(notes)}${FIRST_ROW}:${columnName(notes)}${FIRST_ROW + 200}`, style: { wrap: true, vAlign: 'top' } },
    // Formats reach 200 rows down, so the rows later snapshots add in place look the same.
    { kind: 'style', sheet, range: `A${FIRST_ROW}:A${FIRST_ROW + 200}`, style: { numberFormat: 'yyyy-mm-dd', hAlign: 'left' } },
    { kind: 'style', sheet, range: `D${FIRST_ROW}:${columnName(notes - 1)}${FIRST_ROW + 200}`, style: { hAlign: 'center' } },
    { kind: 'style', sheet, range: `${columnName(notes + 1)}${FIRST_ROW}:${last}${FIRST_ROW + 200}`, style: { hAlign: 'center' } },
    { kind: 'style', sheet, range: `D${HISTORY_HEADER_ROW}:${last}${HISTORY_HEADER_ROW}`, style: { hAlign: 'center' } },
  ];
}

type HistoryUpdate = { readonly kind: 'refused'; readonly issue: LocatedIssue } | { readonly kind: 'planned'; readonly ops: WriteOp[]; readonly row: number; readonly replaced: boolean };

/**
 * Historik updated in place: the product's cells of one row (the date's row, or a new row below
 * everything on the sheet) and nothing else. A column the user deleted is not written (nor
 * re-added), but without Datum, Katalog or an answer column the row could not be read back: then
 * nothing is written and the user is told which header to restore.
 */
function updateHistory(existing: SheetGrid, history: HistoryRead, catalog: Catalog, cells: ReadonlyMap<string, CellInput>, date: string): HistoryUpdate {
  const sheet = existing.name;
  const header = history.header;
  if (!header) return { kind: 'refused', issue: history.issues.find((i) => i.code === 'history-header-missing')! };
  const missing = historyColumns(catalog)
    .filter((c) => (c.key.startsWith('q:') || c.key === 'date' || c.key === 'catalog') && !header.columns.has(c.key))
    .map((c) => c.header);
  if (missing.length) {
    return {
      kind: 'refused',
      issue: { severity: 'error', code: 'history-column-missing', sheet, cell: cellAddress(header.row, 1), params: { catalog: catalog.id, columns: missing.join(', ') } },
    };
  }
  const existingRow = history.dateRows.get(date);
  const row = existingRow ?? Math.max(header.row, lastFilledRow(existing)) + 1;
  const placed = historyColumns(catalog)
    .filter((c) => c.key !== 'notes' && header.columns.has(c.key))
    .map((c) => ({ column: header.columns.get(c.key)!, value: cells.get(c.key) ?? null }));
  const left = Math.min(...placed.map((p) => p.column));
  const right = Math.max(...placed.map((p) => p.column));
  // One op over the product's columns; null leaves the user's cells between them untouched.
  const line: CellInput[] = new Array(right - left + 1).fill(null);
  for (const p of placed) line[p.column - left] = p.value;
  return { kind: 'planned', ops: [{ kind: 'sheet', sheet, mode: 'update' }, { kind: 'values', sheet, at: cellAddress(row, left), rows: [line] }], row, replaced: existingRow !== undefined };
}

const TREND_HEADER_ROW = 4;

/** Trend: the saved measurements' date, level and points, and a line chart of each over time. */
export function trendSheet(catalog: Catalog, points: readonly TrendPoint[]): WriteOp[] {
  const sheet = SHEETS.trend;
  const first = TREND_HEADER_ROW + 1;
  const last = Math.max(first, TREND_HEADER_ROW + points.length);
  // Dates as text: a chart's category axis then shows them as written in every client.
  const rows: CellInput[][] = points.map((p) => [p.date, p.result.level, p.result.totalPoints, p.result.measures.done, p.result.answeredCount, p.result.uncertainCount]);
  const range = (column: string) => ({ sheet, range: `${column}${first}:${column}${last}` });
  return [
    { kind: 'sheet', sheet, columnWidths: [12, 7, 11, 10, 11, 9, 2], showGridlines: false, tabColor: '7030A0', landscape: true, fitToPage: true },
    {
      kind: 'values',
      sheet,
      at: 'A1',
      rows: [
        ['Trend – nivå och poäng över tid'],
        [`Varje sparad mätning med ${catalog.name.sv} (${catalog.id}), från bladet Historik. Bladet skrivs om när en mätning sparas; skriv dina anteckningar i Historik.`],
      ],
    },
    { kind: 'style', sheet, range: 'A1', style: S.title },
    { kind: 'style', sheet, range: 'A2', style: { ...S.note, wrap: false } },
    { kind: 'values', sheet, at: `A${TREND_HEADER_ROW}`, rows: [['Datum', 'Nivå', 'Totalpoäng', 'Åtgärder', 'Besvarade', 'Osäkra']], style: S.header },
    { kind: 'values', sheet, at: `A${first}`, rows, style: { hAlign: 'center' } },
    {
      kind: 'chart',
      sheet,
      name: 'TrendNiva',
      type: 'line',
      title: 'Nivå över tid',
      categories: range('A'),
      series: [{ name: 'Nivå', values: range('B'), color: COLORS.navy }],
      anchor: { from: 'H3', to: 'P19' },
      axis: { min: 0, max: catalog.maxLevel, majorUnit: 1, title: 'Nivå (0 = under nivå 1)' },
      legend: false,
    },
    {
      kind: 'chart',
      sheet,
      name: 'TrendPoang',
      type: 'line',
      title: 'Totalpoäng över tid',
      categories: range('A'),
      series: [{ name: 'Totalpoäng', values: range('C'), color: '2F75B5' }],
      anchor: { from: 'H21', to: 'P37' },
      axis: { min: 0, title: 'Poäng' },
      legend: false,
    },
  ];
}

/**
 * Ledningssammanfattning's line on the change since the last saved measurement:
 * "Sedan förra mätningen (2025-05-02): nivå 2 → 3, +14 poäng, 9 nya åtgärder".
 */
export function sincePreviousLine(previous: TrendPoint, current: ScoreResult): string {
  const a = previous.result;
  const levelName = (n: number) => (n === 0 ? 'under nivå 1' : `nivå ${n}`);
  const level = a.level === current.level ? `${levelName(current.level)} (oförändrad)` : `${levelName(a.level)} → ${current.level === 0 ? 'under nivå 1' : current.level}`;
  const dp = current.totalPoints - a.totalPoints;
  const points = dp === 0 ? 'oförändrad poäng' : `${dp > 0 ? '+' : '−'}${Math.abs(dp)} poäng`;
  const dm = current.measures.done - a.measures.done;
  const measures = dm === 0 ? 'inga nya åtgärder' : dm > 0 ? `${dm} ${dm === 1 ? 'ny åtgärd' : 'nya åtgärder'}` : `${-dm} ${dm === -1 ? 'åtgärd' : 'åtgärder'} färre`;
  return `Sedan förra mätningen (${previous.date}): ${level}, ${points}, ${measures}`;
}
