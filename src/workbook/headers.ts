/**
 * Finds a table's columns from its header row, wherever the user moved it: an inserted column, a
 * deleted row above the table or a column dragged elsewhere is followed, never read blindly by
 * position. Used by the reader (level, Organisation and Valideringsfrågor sheets), the fill plan
 * and the action plan.
 */
import type { Scalar, SheetGrid } from './plan/types';

/** Cell text as a person sees it: trimmed, NFC, inner whitespace collapsed, lower case. */
export function headerText(v: Scalar | undefined): string {
  if (v === null || v === undefined) return '';
  return String(v).normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** A column is recognised by its header's exact text or by a prefix of it (headers carry hints in parentheses). */
export interface HeaderSpec<K extends string> {
  readonly key: K;
  /** Lower-case texts; a header matches when it equals one or starts with one followed by a space or "(". */
  readonly texts: readonly string[];
}

export interface HeaderLayout<K extends string> {
  /** 1-based row of the header. */
  readonly row: number;
  /** 1-based column per key found. */
  readonly columns: ReadonlyMap<K, number>;
}

function matches(text: string, spec: HeaderSpec<string>): boolean {
  return spec.texts.some((t) => text === t || (text.startsWith(t) && /^[\s(/\u2013-]/.test(text.slice(t.length))));
}

/** Rows searched for a header: a table is never that far down in a sheet of ours. */
const HEADER_SEARCH_ROWS = 200;
/** Columns searched in a header row (a user's own columns may come first). */
const HEADER_SEARCH_COLUMNS = 200;

/**
 * The first row (of the first HEADER_SEARCH_ROWS) that has every `required` header, with the
 * column of each spec found in it (the first match from the left).
 */
export function findHeader<K extends string>(
  sheet: SheetGrid,
  specs: readonly HeaderSpec<K>[],
  required: readonly K[],
): HeaderLayout<K> | undefined {
  const rows = Math.min(sheet.values.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < rows; r++) {
    const cells = sheet.values[r];
    if (!cells) continue;
    const columns = columnsIn(cells, specs, 0, Math.min(cells.length, HEADER_SEARCH_COLUMNS));
    if (required.every((k) => columns.has(k))) return { row: r + 1, columns };
  }
  return undefined;
}

/** The column of each spec found in cells[from..to) (the first match from the left), 1-based. */
function columnsIn<K extends string>(cells: readonly Scalar[], specs: readonly HeaderSpec<K>[], from: number, to: number): Map<K, number> {
  const columns = new Map<K, number>();
  for (let c = from; c < to; c++) {
    const text = headerText(cells[c]);
    if (!text) continue;
    const spec = specs.find((s) => !columns.has(s.key) && matches(text, s));
    if (spec) columns.set(spec.key, c + 1);
  }
  return columns;
}

/**
 * findHeader for tables that may share a header row, side by side (the goal blocks on Mål): the
 * row is the first with the `anchor` header (the one no other table has) and every `required`
 * one. When that row holds the `split` header (each table's first column, "Id") more than once,
 * it is cut before each of them and only the part holding the anchor is matched; otherwise the
 * whole row is, as findHeader does.
 */
export function findHeaderPart<K extends string>(
  sheet: SheetGrid,
  specs: readonly HeaderSpec<K>[],
  required: readonly K[],
  anchor: K,
  split: K,
): HeaderLayout<K> | undefined {
  const anchorSpec = specs.find((s) => s.key === anchor);
  const splitSpec = specs.find((s) => s.key === split);
  if (!anchorSpec || !splitSpec) return undefined;
  const rows = Math.min(sheet.values.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < rows; r++) {
    const cells = sheet.values[r];
    if (!cells) continue;
    const width = Math.min(cells.length, HEADER_SEARCH_COLUMNS);
    let at = -1;
    const splits: number[] = [];
    for (let c = 0; c < width; c++) {
      const text = headerText(cells[c]);
      if (!text) continue;
      if (at < 0 && matches(text, anchorSpec)) at = c;
      else if (matches(text, splitSpec)) splits.push(c);
    }
    if (at < 0) continue;
    const from = splits.length > 1 ? Math.max(0, ...splits.filter((c) => c < at)) : 0;
    const to = splits.length > 1 ? Math.min(width, ...splits.filter((c) => c > at)) : width;
    const columns = columnsIn(cells, specs, from, to);
    if (required.every((k) => columns.has(k))) return { row: r + 1, columns };
  }
  return undefined;
}

/** The cell's value, whether the grid has a hole or a null there. */
export function valueAt(sheet: SheetGrid | undefined, row: number, column: number): Scalar {
  return sheet?.values[row - 1]?.[column - 1] ?? null;
}

/** A cell's formula text ('' when the cell does not store it), or undefined when it holds none. */
export function formulaAt(sheet: SheetGrid | undefined, row: number, column: number): string | undefined {
  const f = sheet?.formulas?.[row - 1]?.[column - 1];
  return f === null || f === undefined ? undefined : f;
}

/** True when a cell holds something: a value, or a formula (even one without a cached value). */
export function isFilled(sheet: SheetGrid, row: number, column: number): boolean {
  const v = valueAt(sheet, row, column);
  return (v !== null && v !== '') || formulaAt(sheet, row, column) !== undefined;
}

/**
 * Calls fn for the entries an array holds, in index order, with 1-based positions. A sparse grid
 * (a stray value at XFD1048576) is walked by its keys, so the empty million rows cost nothing;
 * forEach would still visit every index.
 */
function eachEntry<T>(list: readonly T[] | undefined, fn: (item: T, position: number) => void): void {
  if (!list) return;
  if (list.length <= 4096) {
    for (let i = 0; i < list.length; i++) if (list[i] !== undefined) fn(list[i], i + 1);
    return;
  }
  // Integer keys of an array enumerate in ascending order.
  for (const key in list) {
    const i = Number(key);
    if (Number.isInteger(i) && list[i] !== undefined) fn(list[i], i + 1);
  }
}

export function eachRow<T>(grid: readonly (readonly T[] | undefined)[] | undefined, fn: (cells: readonly T[], row: number) => void): void {
  eachEntry(grid, (cells, row) => cells && fn(cells, row));
}

export function eachCell<T>(cells: readonly T[] | undefined, fn: (value: T, column: number) => void): void {
  eachEntry(cells, fn);
}

/** The last row holding anything (0 when none). Sparse rows cost nothing. */
export function lastFilledRow(sheet: SheetGrid): number {
  let last = 0;
  const scan = (grid: readonly (readonly unknown[] | undefined)[] | undefined, filled: (v: unknown) => boolean) => {
    eachRow(grid, (cells, row) => {
      if (row > last && cells.some(filled)) last = row;
    });
  };
  scan(sheet.values, (v) => v !== null && v !== undefined && v !== '');
  scan(sheet.formulas, (v) => v !== null && v !== undefined);
  return last;
}

/** The last column holding anything in rows from..to (inclusive; 0 when none). */
export function lastFilledColumn(sheet: SheetGrid, from: number, to: number): number {
  let last = 0;
  const scan = (grid: readonly (readonly unknown[] | undefined)[] | undefined, filled: (v: unknown) => boolean) => {
    eachRow(grid, (cells, row) => {
      if (row < from || row > to) return;
      eachCell(cells, (v, c) => {
        if (c > last && filled(v)) last = c;
      });
    });
  };
  scan(sheet.values, (v) => v !== null && v !== undefined && v !== '');
  scan(sheet.formulas, (v) => v !== null && v !== undefined);
  return last;
}
