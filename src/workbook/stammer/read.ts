import type { AnswerEntry, AnswerSet } from '../../core/answers/types';
import { scoreStammer } from '../../core/stammer/score';
import type { StammerCatalog } from '../../core/stammer/types';
import { eachRow, findHeader, valueAt } from '../headers';
import { cellAddress, columnName } from '../plan/address';
import type { WorkbookGrid } from '../plan/types';
import { readOrganisation, text, tickOf, uncalculated, type LocatedIssue } from '../read';
import { CONTEXT_HEADERS, CONTEXT_SHEET, HEADER_ROW, areaHeaders, contextOptionId, type AreaColumn, type ContextColumn } from './layout';

interface RowRef {
  readonly sheet: string;
  readonly row: number;
}

/** Where each statement, context question and option row is (found by id), and each sheet's columns (found by header). */
export interface StammerIndex {
  readonly rows: Map<string, RowRef>;
  readonly areaColumns: Map<string, ReadonlyMap<AreaColumn, number>>;
  readonly contextColumns?: ReadonlyMap<ContextColumn, number>;
}

export type StammerReadOutcome =
  | { readonly kind: 'foreign'; readonly issue: LocatedIssue }
  | {
      readonly kind: 'questionnaire';
      readonly model: 'stammer-mean-v1';
      readonly catalog: StammerCatalog;
      readonly answers: AnswerSet;
      /** Reader problems and the core's input errors, each with its sheet and cell. */
      readonly issues: readonly LocatedIssue[];
    };

const ID_LIKE = /^[A-Z]+\d+(\.[a-z])?$/i;
const VALID_TICKS = 'x (ja, 1 och ✓ godtas också) eller tomt';

/**
 * Each sheet's columns from its header row. A sheet whose header cannot be found is not read at
 * all: reading by position could move a tick to another step without anyone seeing it.
 */
function layouts(catalog: StammerCatalog, grid: WorkbookGrid, issues: LocatedIssue[]): Omit<StammerIndex, 'rows'> | { issue: LocatedIssue } {
  const areaColumns = new Map<string, ReadonlyMap<AreaColumn, number>>();
  for (const area of catalog.areas) {
    const sheet = grid.sheets.get(area.sheet);
    if (!sheet) {
      issues.push({ severity: 'error', code: 'missing-sheet', sheet: area.sheet, params: { sheet: area.sheet } });
      continue;
    }
    const specs = areaHeaders(catalog, area.id);
    const required = specs.filter((s) => s.key === 'id' || s.key.startsWith('step:')).map((s) => s.key);
    const header = findHeader(sheet, specs, required);
    if (!header) {
      const headers = specs.filter((s) => required.includes(s.key)).map((s) => s.texts[0][0].toUpperCase() + s.texts[0].slice(1)).join(', ');
      return { issue: { severity: 'error', code: 'layout-unrecognised', sheet: sheet.name, cell: `A${HEADER_ROW}`, params: { sheet: sheet.name, headers } } };
    }
    areaColumns.set(area.sheet, header.columns);
  }
  if (!catalog.context.length) return { areaColumns };
  const sheet = grid.sheets.get(CONTEXT_SHEET);
  if (!sheet) {
    // Context questions are never scored: without their sheet the result can still be computed.
    issues.push({ severity: 'warning', code: 'missing-sheet', sheet: CONTEXT_SHEET, params: { sheet: CONTEXT_SHEET } });
    return { areaColumns };
  }
  const header = findHeader(sheet, CONTEXT_HEADERS, ['id', 'answer']);
  if (!header) return { issue: { severity: 'error', code: 'layout-unrecognised', sheet: sheet.name, cell: `A${HEADER_ROW}`, params: { sheet: sheet.name, headers: 'Id, Svar' } } };
  return { areaColumns, contextColumns: header.columns };
}

/** Finds every row by its id; unknown and repeated ids and missing rows are errors naming the cell. */
function indexRows(catalog: StammerCatalog, grid: WorkbookGrid, index: Omit<StammerIndex, 'rows'>, issues: LocatedIssue[]): StammerIndex {
  const rows = new Map<string, RowRef>();
  const known = new Map<string, string>();
  for (const s of catalog.statements) known.set(s.id.toUpperCase(), s.id);
  const contextKnown = new Map<string, string>();
  for (const q of catalog.context) {
    contextKnown.set(q.id.toUpperCase(), q.id);
    for (const o of q.options) contextKnown.set(contextOptionId(q.id, o.id).toUpperCase(), contextOptionId(q.id, o.id));
  }
  const scan = (name: string, idColumn: number, ids: Map<string, string>) => {
    const sheet = grid.sheets.get(name)!;
    eachRow(sheet.values, (cells, row) => {
      const raw = text(cells[idColumn - 1]);
      if (!ID_LIKE.test(raw)) return;
      const cell = cellAddress(row, idColumn);
      const id = ids.get(raw.toUpperCase());
      if (!id) {
        issues.push({ severity: 'error', code: 'unknown-row', sheet: sheet.name, cell, params: { id: raw, column: columnName(idColumn) } });
        return;
      }
      const seen = rows.get(id);
      if (seen) {
        issues.push({ severity: 'error', code: 'duplicate-row', sheet: sheet.name, cell, statement: id.split('.')[0], params: { id: raw, other: `${seen.sheet}!${cellAddress(seen.row, idColumn)}` } });
        return;
      }
      rows.set(id, { sheet: name, row });
    });
  };
  for (const [name, columns] of index.areaColumns) scan(name, columns.get('id')!, known);
  if (index.contextColumns) scan(CONTEXT_SHEET, index.contextColumns.get('id')!, contextKnown);
  // Every row the catalog defines must be there, on a sheet that exists.
  for (const s of catalog.statements) {
    const area = catalog.area(s.area)!;
    const columns = index.areaColumns.get(area.sheet);
    if (columns && !rows.has(s.id)) issues.push({ severity: 'error', code: 'missing-row', sheet: area.sheet, statement: s.id, params: { id: s.id, column: columnName(columns.get('id')!) } });
  }
  if (index.contextColumns) {
    for (const id of contextKnown.values()) {
      if (!rows.has(id)) issues.push({ severity: 'error', code: 'missing-row', sheet: CONTEXT_SHEET, statement: id.split('.')[0], params: { id, column: columnName(index.contextColumns.get('id')!) } });
    }
  }
  return { rows, ...index };
}

/** The index of a questionnaire's answer cells, for the fill plan (which writes only those cells). */
export function indexStammerCells(catalog: StammerCatalog, grid: WorkbookGrid): { index: StammerIndex; issues: LocatedIssue[] } | { issue: LocatedIssue } {
  const issues: LocatedIssue[] = [];
  const layout = layouts(catalog, grid, issues);
  if ('issue' in layout) return layout;
  return { index: indexRows(catalog, grid, layout, issues), issues };
}

interface Tick {
  readonly option: string;
  readonly label: string;
  readonly sheet: string;
  readonly cell: string;
}

/**
 * Reads the answers of a catalog of statements. Tolerant of the tick marks people type (the same
 * rule as Infosäkkollen's form), strict about everything else: each problem names sheet and cell,
 * and a statement with a problem counts as unanswered (ITSAK.md §6).
 */
export function readStammerWorkbook(catalog: StammerCatalog, grid: WorkbookGrid): StammerReadOutcome {
  const indexed = indexStammerCells(catalog, grid);
  if ('issue' in indexed) return { kind: 'foreign', issue: indexed.issue };
  const { index, issues } = indexed;
  const answers: Record<string, AnswerEntry> = {};
  const ticks = new Map<string, Tick[]>();

  /** Reads the tick cells of one answer; undefined when one of them is an error (then the answer counts as unanswered). */
  const readTicks = (id: string, cells: readonly { option: string; label: string; at: RowRef; column: number }[]): string[] | undefined => {
    let broken = false;
    const selected: string[] = [];
    for (const c of cells) {
      const sheet = grid.sheets.get(c.at.sheet)!;
      const cell = cellAddress(c.at.row, c.column);
      if (uncalculated(sheet, c.at.row, c.column)) {
        issues.push({ severity: 'error', code: 'formula-without-value', sheet: sheet.name, cell, statement: id, option: c.option });
        broken = true;
        continue;
      }
      const v = valueAt(sheet, c.at.row, c.column);
      const tick = tickOf(v);
      if (tick === 'ticked') {
        selected.push(c.option);
        (ticks.get(id) ?? ticks.set(id, []).get(id)!).push({ option: c.option, label: c.label, sheet: sheet.name, cell });
      } else if (tick === 'unreadable') {
        issues.push({ severity: 'error', code: 'unknown-option', sheet: sheet.name, cell, statement: id, option: c.option, params: { value: text(v), valid: VALID_TICKS } });
        broken = true;
      }
    }
    return broken ? undefined : selected;
  };
  const commentAt = (at: RowRef, column: number | undefined): string => (column === undefined ? '' : text(valueAt(grid.sheets.get(at.sheet), at.row, column)));

  for (const s of catalog.statements) {
    const at = index.rows.get(s.id);
    if (!at) continue;
    const columns = index.areaColumns.get(at.sheet)!;
    const selected = readTicks(
      s.id,
      s.scale.map((step) => ({ option: step.id, label: step.text.sv, at, column: columns.get(`step:${step.id}`)! })),
    );
    const comment = commentAt(at, columns.get('comment'));
    if (selected && (selected.length || comment)) answers[s.id] = { selected, ...(comment ? { comment } : {}) };
  }
  const contextColumns = index.contextColumns;
  if (contextColumns) {
    for (const q of catalog.context) {
      const options = q.options.flatMap((o) => {
        const at = index.rows.get(contextOptionId(q.id, o.id));
        return at ? [{ option: o.id, label: o.text.sv, at, column: contextColumns.get('answer')! }] : [];
      });
      const selected = readTicks(q.id, options);
      const head = index.rows.get(q.id);
      const comment = head ? commentAt(head, contextColumns.get('comment')) : '';
      if (selected && (selected.length || comment)) answers[q.id] = { selected, ...(comment ? { comment } : {}) };
    }
  }

  const set: AnswerSet = { catalog: catalog.id, organisation: readOrganisation(grid, issues), answers };
  // The core decides what is an input error (several steps, several options); the reader places it on the cells.
  for (const e of scoreStammer(catalog, set).errors) {
    const cells = ticks.get(e.statement) ?? [];
    const at = index.rows.get(e.statement);
    issues.push({
      severity: 'error',
      code: e.code,
      statement: e.statement,
      option: e.option,
      sheet: cells[0]?.sheet ?? (at ? grid.sheets.get(at.sheet)?.name : undefined),
      ...(cells[0] ? { cell: cells[0].cell } : {}),
      params: { ...e.params, ...(cells.length ? { options: cells.map((c) => `${c.label} (${c.cell})`).join(', '), cells: cells.map((c) => c.cell).join(', ') } : {}) },
    });
  }
  return { kind: 'questionnaire', model: 'stammer-mean-v1', catalog, answers: set, issues };
}
