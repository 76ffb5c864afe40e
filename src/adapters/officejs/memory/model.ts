/**
 * The in-memory workbook behind the memory Excel: plain data that the proxies in memoryExcel.ts change
 * when a batch is synced, plus inspection helpers for tests and the task pane's browser preview.
 * No dependencies beyond the plan's A1 helpers, so it ships in the task pane bundle.
 */
import { type Box, cellAddress, columnNumber, rangeAddress } from '../../../workbook/plan/address';
import type { RangeRef, Scalar } from '../../../workbook/plan/types';

export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;
/** Per-cell operations on bigger ranges are refused: they would mean the caller formats whole columns. */
const MAX_CELLS_PER_OPERATION = 2_000_000;
export const STANDARD_COLUMN_WIDTH = 48; // points: 8.43 characters of Calibri 11
export const STANDARD_ROW_HEIGHT = 15; // points

/** Shaped like OfficeExtension.Error: `code` is one of Excel.ErrorCodes. */
export class MemoryExcelError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string };
  constructor(code: string, message: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message };
  }
}

export interface BorderLine {
  style: string;
  weight: string;
  color: string;
}
export type BorderSide = 'top' | 'bottom' | 'left' | 'right';

export interface CellFormat {
  bold?: boolean;
  italic?: boolean;
  underline?: string;
  fontSize?: number;
  fontName?: string;
  /** '#RRGGBB' */
  fontColor?: string;
  fill?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  indentLevel?: number;
  locked: boolean;
  borders: Partial<Record<BorderSide, BorderLine>>;
}

export interface MemoryCell {
  /** null = empty; formula cells hold null (the memory Excel does not calculate). */
  value: Scalar;
  /** '=…' */
  formula?: string;
  numberFormat: string;
  format: CellFormat;
  hyperlink?: { address?: string; textToDisplay?: string; screenTip?: string };
}

export interface MemoryValidation {
  /** As set: a list rule's source is an inline list ("Ja,Nej") or a reference formula ("='Mål'!$A$30:$A$49"). */
  rule: Record<string, unknown>;
  errorAlert?: { showAlert: boolean; style: string; title: string; message: string };
  prompt?: { showPrompt: boolean; title: string; message: string };
  ignoreBlanks: boolean;
}

export interface MemoryConditionalFormat {
  box: Box;
  type: string;
  formula?: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
}

export interface MemoryTable {
  name: string;
  sheet: MemorySheet;
  box: Box;
  style: string;
  showHeaders: boolean;
}

export interface SeriesSource {
  sheet: MemorySheet;
  box: Box;
}

export interface MemorySeries {
  name: string;
  values: SeriesSource | null;
  categories: SeriesSource | null;
  color?: string;
}

export interface MemoryAxis {
  minimum?: number;
  maximum?: number;
  majorUnit?: number;
  title: { text: string; visible: boolean };
}

export interface MemoryChart {
  name: string;
  type: string;
  sheet: MemorySheet;
  title: { text: string; visible: boolean };
  /** Top-left cell of the start cell and bottom-right cell of the end cell. */
  position: { from: string; to?: string };
  series: MemorySeries[];
  valueAxis: MemoryAxis;
  categoryAxis: MemoryAxis;
  legend: { visible: boolean; position: string };
}

export interface ProtectionState {
  protected: boolean;
  options: Record<string, unknown>;
  password?: string;
}

/** A defined name: workbook-scoped (MemoryWorkbook.names) or sheet-scoped (MemorySheet.names). */
export interface MemoryName {
  name: string;
  /** '=…', e.g. '="Handlingsplan"' or "=Blad1!$A$1". */
  formula: string;
  visible: boolean;
  comment: string;
}

/** A drawing object that is not a chart: a picture ('Image') or a shape ('GeometricShape', 'TextBox', …). */
export interface MemoryShape {
  name: string;
  type: string;
}

/** A cell as the tests and the preview see it: defaults filled in, read-only. */
export interface CellView {
  readonly address: string;
  readonly value: Scalar;
  readonly formula: string | null;
  readonly numberFormat: string;
  readonly format: Readonly<CellFormat>;
  readonly hyperlink: MemoryCell['hyperlink'] | null;
  readonly validation: MemoryValidation | null;
  /** The merged area the cell belongs to, e.g. "A1:D1", or null. */
  readonly mergedArea: string | null;
}

export interface ChartView {
  readonly name: string;
  readonly type: string;
  readonly title: string;
  readonly position: { readonly from: string; readonly to?: string };
  readonly series: readonly { readonly name: string; readonly values: RangeRef | null; readonly categories: RangeRef | null; readonly color?: string }[];
  readonly valueAxis: Readonly<MemoryAxis>;
  readonly legendVisible: boolean;
}

/** A fixture value: what a user could have typed, or a date / formula. */
export type FixtureValue = Scalar | { readonly date: string } | { readonly formula: string };

export function cellKey(row: number, column: number): number {
  return (row - 1) * MAX_COLUMNS + (column - 1);
}

function keyRow(key: number): number {
  return Math.floor(key / MAX_COLUMNS) + 1;
}

function keyColumn(key: number): number {
  return (key % MAX_COLUMNS) + 1;
}

export function boxArea(box: Box): number {
  return (box.bottom - box.top + 1) * (box.right - box.left + 1);
}

export function intersects(a: Box, b: Box): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

export function contains(outer: Box, inner: Box): boolean {
  return outer.top <= inner.top && outer.left <= inner.left && outer.bottom >= inner.bottom && outer.right >= inner.right;
}

/**
 * Parses what Range addresses look like in Office.js: "B3", "A1:C4", "$A$1", "A:C" (whole columns),
 * "2:5" (whole rows), optionally after "Sheet!" or "'Sheet name'!".
 */
export function parseAddress(address: string): { sheet?: string; box: Box } {
  let text = address.trim();
  let sheet: string | undefined;
  const bang = text.lastIndexOf('!');
  if (bang >= 0) {
    sheet = text.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
    text = text.slice(bang + 1);
  }
  const [first, second = first, extra] = text.replace(/\$/g, '').split(':');
  if (extra !== undefined) throw invalidAddress(address);
  const a = parseEnd(first, false, address);
  const b = parseEnd(second, true, address);
  const box = { top: Math.min(a.row, b.row), left: Math.min(a.column, b.column), bottom: Math.max(a.row, b.row), right: Math.max(a.column, b.column) };
  return { sheet, box };
}

function parseEnd(part: string, end: boolean, address: string): { row: number; column: number } {
  let m = /^([A-Za-z]{1,3})(\d{1,7})$/.exec(part);
  let row: number;
  let column: number;
  if (m) {
    row = Number(m[2]);
    column = columnNumber(m[1]);
  } else if ((m = /^([A-Za-z]{1,3})$/.exec(part))) {
    column = columnNumber(m[1]);
    row = end ? MAX_ROWS : 1;
  } else if ((m = /^(\d{1,7})$/.exec(part))) {
    row = Number(m[1]);
    column = end ? MAX_COLUMNS : 1;
  } else {
    throw invalidAddress(address);
  }
  if (row < 1 || row > MAX_ROWS || column < 1 || column > MAX_COLUMNS) throw invalidAddress(address);
  return { row, column };
}

/**
 * The cells a list rule's source formula refers to ("='Mål'!$A$30:$A$49", "=$A$1:$A$5" on the
 * validated sheet), or null for an inline list ("Ja,Nej"). Excel takes one row or one column and
 * an existing sheet; other formulas (names, OFFSET, …) are not emulated.
 */
export function listSourceRange(source: string, home: MemorySheet): { sheet: MemorySheet; box: Box } | null {
  if (!source.startsWith('=')) return null;
  const text = source.slice(1).trim();
  if (!/^(?:'(?:[^']|'')+'!|[^'!:]+!)?\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?$/.test(text)) {
    throw new MemoryExcelError('NotImplemented', `The memory Excel does not emulate the list source ${source}; it takes a reference to cells.`);
  }
  const { sheet: name, box } = parseAddress(text);
  const sheet = name === undefined ? home : home.workbook.findSheet(name);
  if (!sheet) throw new MemoryExcelError('InvalidArgument', `The list source ${source} refers to a sheet the workbook does not have.`);
  if (box.top !== box.bottom && box.left !== box.right) throw new MemoryExcelError('InvalidArgument', `The list source ${source} must be one row or one column.`);
  return { sheet, box };
}

function invalidAddress(address: string): MemoryExcelError {
  return new MemoryExcelError('InvalidArgument', `The address "${address}" is not valid.`);
}

/** Office.js colours are '#RRGGBB' (or names); the model keeps '#RRGGBB' upper case. */
export function normalizeColor(color: unknown): string {
  if (typeof color !== 'string') throw new MemoryExcelError('InvalidArgument', `Not a colour: ${String(color)}`);
  const named: Record<string, string> = { black: '#000000', white: '#FFFFFF', red: '#FF0000', green: '#008000', blue: '#0000FF', yellow: '#FFFF00' };
  const lower = color.toLowerCase();
  if (named[lower]) return named[lower];
  if (!/^#[0-9a-f]{6}$/i.test(color)) throw new MemoryExcelError('InvalidArgument', `Not a colour: ${color} (use #RRGGBB)`);
  return color.toUpperCase();
}

/** Excel's serial day number for 'YYYY-MM-DD' (1900 date system), or null when it is no such date. */
export function isoToSerial(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const time = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(time).toISOString().slice(0, 10) !== iso) return null;
  const serial = (time - Date.UTC(1899, 11, 30)) / 86400000;
  return serial < 61 ? serial - 1 : serial;
}

/**
 * What Excel stores when a value is written through Range.values / Range.formulas, which behave like
 * typing: '=…', '+…', '-…' become formulas, numeric and ISO date text becomes numbers, "'" keeps text.
 * undefined = leave the cell alone (null in the input array).
 */
export function interpretInput(input: unknown, currentFormat: string): { value: Scalar; formula?: string; numberFormat?: string } | undefined {
  if (input === null || input === undefined) return undefined;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new MemoryExcelError('InvalidArgument', `${input} cannot be written to a cell.`);
    return { value: input };
  }
  if (typeof input === 'boolean') return { value: input };
  if (typeof input !== 'string') throw new MemoryExcelError('InvalidArgument', `Cells hold strings, numbers and booleans, not ${JSON.stringify(input)}.`);
  if (input === '') return { value: null };
  if (currentFormat === '@') return { value: input };
  if (input.startsWith("'")) return { value: input.slice(1) };
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(input.trim())) return { value: Number(input) };
  if (/^[=+-]/.test(input) && input.length > 1) return { value: null, formula: input.startsWith('=') ? input : `=${input}` };
  if (/^(true|false)$/i.test(input)) return { value: input.toLowerCase() === 'true' };
  const serial = isoToSerial(input);
  if (serial !== null) return { value: serial, numberFormat: currentFormat === 'General' ? 'yyyy-mm-dd' : undefined };
  return { value: input };
}

function defaultFormat(): CellFormat {
  return { locked: true, borders: {} };
}

function newCell(): MemoryCell {
  return { value: null, numberFormat: 'General', format: defaultFormat() };
}

function isDefaultCell(cell: MemoryCell): boolean {
  const f = cell.format;
  return (
    cell.value === null &&
    cell.formula === undefined &&
    cell.hyperlink === undefined &&
    cell.numberFormat === 'General' &&
    f.locked &&
    Object.keys(f.borders).length === 0 &&
    Object.keys(f).length === 2
  );
}

export class MemorySheet {
  name: string;
  readonly workbook: MemoryWorkbook;
  readonly cells = new Map<number, MemoryCell>();
  /** Data validation per cell: Excel keeps it apart from values and formats (Clear All leaves it). */
  readonly validations = new Map<number, MemoryValidation>();
  merges: Box[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  conditionalFormats: MemoryConditionalFormat[] = [];
  charts: MemoryChart[] = [];
  shapes: MemoryShape[] = [];
  /** Sheet-scoped defined names; they stay with the sheet when it is renamed, as in Excel. */
  names: MemoryName[] = [];
  protection: ProtectionState = { protected: false, options: {} };
  freeze: { rows: number; columns: number } | null = null;
  showGridlines = true;
  /** '' = automatic */
  tabColor = '';
  pageLayout: { orientation: string; zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number } } = {
    orientation: 'Portrait',
    zoom: { scale: 100 },
  };

  constructor(workbook: MemoryWorkbook, name: string) {
    this.workbook = workbook;
    this.name = name;
  }

  // ---- inspection -------------------------------------------------------------------------

  cell(address: string): CellView {
    const { box } = parseAddress(address);
    const key = cellKey(box.top, box.left);
    const cell = this.cells.get(key) ?? newCell();
    const merged = this.merges.find((m) => contains(m, { top: box.top, left: box.left, bottom: box.top, right: box.left }));
    return {
      address: cellAddress(box.top, box.left),
      value: cell.value,
      formula: cell.formula ?? null,
      numberFormat: cell.numberFormat,
      format: cell.format,
      hyperlink: cell.hyperlink ?? null,
      validation: this.validations.get(key) ?? null,
      mergedArea: merged ? rangeAddress(merged) : null,
    };
  }

  /** Values of a range (default: the used range from A1), empty cells null. */
  values(range?: string): Scalar[][] {
    const box = range ? parseAddress(range).box : this.usedBox(true);
    if (!box) return [];
    const from = range ? box : { ...box, top: 1, left: 1 };
    const rows: Scalar[][] = [];
    for (let r = from.top; r <= from.bottom; r++) {
      const row: Scalar[] = [];
      for (let c = from.left; c <= from.right; c++) row.push(this.cells.get(cellKey(r, c))?.value ?? null);
      rows.push(row);
    }
    return rows;
  }

  get tables(): MemoryTable[] {
    return this.workbook.tables.filter((t) => t.sheet === this);
  }

  tableViews(): { name: string; range: string; style: string }[] {
    return this.tables.map((t) => ({ name: t.name, range: rangeAddress(t.box), style: t.style }));
  }

  chartViews(): ChartView[] {
    const ref = (s: SeriesSource | null): RangeRef | null => (s ? { sheet: s.sheet.name, range: rangeAddress(s.box) } : null);
    return this.charts.map((c) => ({
      name: c.name,
      type: c.type,
      title: c.title.text,
      position: { ...c.position },
      series: c.series.map((s) => ({ name: s.name, values: ref(s.values), categories: ref(s.categories), ...(s.color ? { color: s.color } : {}) })),
      valueAxis: { ...c.valueAxis, title: { ...c.valueAxis.title } },
      legendVisible: c.legend.visible,
    }));
  }

  /**
   * What the cell's drop-down offers now, or null without a list rule: the inline items, or the
   * values the source cells hold at this moment (so values typed there later show up), with the
   * source range. Blank source cells are left out here (Excel lists them as empty lines); numbers
   * are plain text, unformatted. The source is looked up by the name in its formula: the memory
   * Excel does not rewrite the formula when that sheet is renamed.
   */
  dropDown(address: string): { readonly source: RangeRef | null; readonly items: string[] } | null {
    const { box } = parseAddress(address);
    const list = this.validations.get(cellKey(box.top, box.left))?.rule.list as { source?: unknown } | undefined;
    if (typeof list?.source !== 'string') return null;
    const range = listSourceRange(list.source, this);
    if (!range) return { source: null, items: list.source.split(',') };
    const items: string[] = [];
    for (let r = range.box.top; r <= range.box.bottom; r++) {
      for (let c = range.box.left; c <= range.box.right; c++) {
        const value = range.sheet.cells.get(cellKey(r, c))?.value ?? null;
        if (value !== null && value !== '') items.push(typeof value === 'boolean' ? String(value).toUpperCase() : String(value));
      }
    }
    return { source: { sheet: range.sheet.name, range: rangeAddress(range.box) }, items };
  }

  mergedAreas(): string[] {
    return this.merges.map(rangeAddress);
  }

  conditionalFormatViews(): { range: string; type: string; formula?: string; fill?: string; fontColor?: string }[] {
    return this.conditionalFormats.map(({ box, ...rest }) => ({ range: rangeAddress(box), ...rest }));
  }

  /** Column width in points (column number or letters). */
  columnWidth(column: number | string): number {
    const n = typeof column === 'number' ? column : columnNumber(column);
    return this.columnWidths.get(n) ?? STANDARD_COLUMN_WIDTH;
  }

  rowHeight(row: number): number {
    return this.rowHeights.get(row) ?? STANDARD_ROW_HEIGHT;
  }

  /** The smallest box holding every cell with a value (valuesOnly) or with anything at all, optionally within a box. */
  usedBox(valuesOnly: boolean, within?: Box): Box | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = 0;
    let right = 0;
    for (const [key, cell] of this.cells) {
      if (valuesOnly ? cell.value === null && cell.formula === undefined : isDefaultCell(cell)) continue;
      const r = Math.floor(key / MAX_COLUMNS) + 1;
      const c = (key % MAX_COLUMNS) + 1;
      if (within && (r < within.top || r > within.bottom || c < within.left || c > within.right)) continue;
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }
    return bottom === 0 ? null : { top, left, bottom, right };
  }

  // ---- fixtures (direct, no batching) ------------------------------------------------------

  /** Loads values into the sheet as if a user had typed them; dates and formulas as objects. */
  setValues(at: string, rows: readonly (readonly FixtureValue[])[]): this {
    const { box } = parseAddress(at);
    rows.forEach((row, i) =>
      row.forEach((input, j) => {
        const cell = this.cellAt(box.top + i, box.left + j);
        if (input !== null && typeof input === 'object') {
          if ('date' in input) {
            const serial = isoToSerial(input.date);
            if (serial === null) throw new Error(`Not a date: ${input.date}`);
            cell.value = serial;
            cell.numberFormat = 'yyyy-mm-dd';
          } else {
            cell.formula = input.formula.startsWith('=') ? input.formula : `=${input.formula}`;
            cell.value = null;
          }
          return;
        }
        const parsed = interpretInput(input, cell.numberFormat);
        if (!parsed) return;
        cell.value = parsed.value;
        if (parsed.formula) cell.formula = parsed.formula;
        if (parsed.numberFormat) cell.numberFormat = parsed.numberFormat;
      }),
    );
    return this;
  }

  /** Protects the sheet as a user would (Review → Protect Sheet), optionally with a password. */
  protect(options: Record<string, unknown> = {}, password?: string): this {
    this.protection = { protected: true, options: { ...options }, ...(password ? { password } : {}) };
    return this;
  }

  /** A picture or shape the user put on the sheet (charts are added through the API). */
  addShape(name: string, type = 'GeometricShape'): this {
    this.shapes.push({ name, type });
    return this;
  }

  /** A sheet-scoped defined name, as Name Manager would make it. */
  addName(name: string, formula: string, visible = true): this {
    assertNameFree(this.workbook, name, this.names);
    this.names.push({ name, formula, visible, comment: '' });
    return this;
  }

  // ---- mutation helpers used by the proxies ------------------------------------------------

  cellAt(row: number, column: number): MemoryCell {
    const key = cellKey(row, column);
    let cell = this.cells.get(key);
    if (!cell) {
      cell = newCell();
      this.cells.set(key, cell);
    }
    return cell;
  }

  forEachCell(box: Box, visit: (cell: MemoryCell, row: number, column: number) => void): void {
    if (boxArea(box) > MAX_CELLS_PER_OPERATION) {
      throw new MemoryExcelError('NotImplemented', `The memory Excel does not format ${rangeAddress(box)} cell by cell; use a smaller range.`);
    }
    for (let r = box.top; r <= box.bottom; r++) for (let c = box.left; c <= box.right; c++) visit(this.cellAt(r, c), r, c);
  }

  /** Cells that exist inside box, without creating any (for clears over whole sheets). */
  existingKeys(box: Box): number[] {
    const keys: number[] = [];
    for (const key of this.cells.keys()) {
      const r = keyRow(key);
      const c = keyColumn(key);
      if (r >= box.top && r <= box.bottom && c >= box.left && c <= box.right) keys.push(key);
    }
    return keys;
  }

  /** Throws like Excel when a protected sheet would change (unlocked cells may take values). */
  assertEditable(what: string, box?: Box, allowedBy?: string): void {
    if (!this.protection.protected) return;
    if (allowedBy && this.protection.options[allowedBy] === true) return;
    if (box && what === 'values') {
      let locked = false;
      this.forEachCell(box, (cell) => (locked ||= cell.format.locked));
      if (!locked) return;
    }
    throw new MemoryExcelError('AccessDenied', `Sheet "${this.name}" is protected: cannot change ${what}.`);
  }

  snapshot(): unknown {
    const cells = [...this.cells.entries()]
      .filter(([, cell]) => !isDefaultCell(cell))
      .sort(([a], [b]) => a - b)
      .map(([key, cell]) => [cellAddress(keyRow(key), keyColumn(key)), cell]);
    const validations = [...this.validations.entries()].sort(([a], [b]) => a - b).map(([key, v]) => [cellAddress(keyRow(key), keyColumn(key)), v]);
    return {
      name: this.name,
      cells,
      validations,
      merges: this.mergedAreas().sort(),
      columnWidths: [...this.columnWidths.entries()].sort(([a], [b]) => a - b),
      rowHeights: [...this.rowHeights.entries()].sort(([a], [b]) => a - b),
      conditionalFormats: this.conditionalFormatViews(),
      charts: this.chartViews(),
      shapes: this.shapes,
      names: this.names,
      tables: this.tableViews(),
      protection: { protected: this.protection.protected, options: this.protection.options },
      freeze: this.freeze,
      showGridlines: this.showGridlines,
      tabColor: this.tabColor,
      pageLayout: this.pageLayout,
    };
  }
}

const INVALID_SHEET_NAME = /[\\/?*[\]:]/;

/** Excel's defined-name syntax (a letter of any alphabet, _ or \\ first; no cell reference, no R/C alone). */
export function isValidDefinedName(name: unknown): name is string {
  return (
    typeof name === 'string' &&
    /^[\p{L}_\\][\p{L}\p{N}_.\\]{0,254}$/u.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^[rc]$/i.test(name) &&
    !/^[rc]\d*([rc]\d*)?$/i.test(name)
  );
}

/**
 * Table names and defined names share one namespace (TOOLCHAIN.md): a new defined name may not
 * repeat a table name or a name of the same scope; Excel compares names case-insensitively.
 */
export function assertNameFree(workbook: MemoryWorkbook, name: string, scope: readonly MemoryName[]): void {
  if (!isValidDefinedName(name)) throw new MemoryExcelError('InvalidArgument', `"${name}" is not a valid name.`);
  const lower = name.toLowerCase();
  if (workbook.tables.some((t) => t.name.toLowerCase() === lower)) throw new MemoryExcelError('ItemAlreadyExists', `A table named "${name}" already exists.`);
  if (scope.some((n) => n.name.toLowerCase() === lower)) throw new MemoryExcelError('ItemAlreadyExists', `The name "${name}" already exists.`);
}

export class MemoryWorkbook {
  readonly sheets: MemorySheet[] = [];
  readonly tables: MemoryTable[] = [];
  /** Workbook-scoped defined names. */
  readonly names: MemoryName[] = [];
  /** Workbook structure protection (Review → Protect Workbook): sheets cannot be added, deleted or renamed. */
  protection: { protected: boolean; password?: string } = { protected: false };
  activeSheet: MemorySheet;
  selection: { sheet: MemorySheet; box: Box };

  /** An empty workbook with the given sheets (Swedish Excel's default: one sheet "Blad1"). */
  constructor(sheetNames: readonly string[] = ['Blad1']) {
    if (sheetNames.length === 0) throw new Error('A workbook has at least one sheet.');
    for (const name of sheetNames) this.addSheet(name);
    this.activeSheet = this.sheets[0];
    this.selection = { sheet: this.sheets[0], box: { top: 1, left: 1, bottom: 1, right: 1 } };
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  findSheet(name: string): MemorySheet | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  /** The sheet, or an error naming the sheets there are. */
  sheet(name: string): MemorySheet {
    const sheet = this.findSheet(name);
    if (!sheet) throw new Error(`No sheet "${name}" (sheets: ${this.sheetNames().join(', ')})`);
    return sheet;
  }

  addSheet(name?: string): MemorySheet {
    let sheetName = name;
    if (sheetName === undefined) {
      let n = this.sheets.length + 1;
      while (this.findSheet(`Blad${n}`)) n++;
      sheetName = `Blad${n}`;
    }
    if (!sheetName || sheetName.length > 31 || INVALID_SHEET_NAME.test(sheetName) || /^'|'$/.test(sheetName)) {
      throw new MemoryExcelError('InvalidArgument', `"${sheetName}" is not a valid sheet name.`);
    }
    if (this.findSheet(sheetName)) throw new MemoryExcelError('ItemAlreadyExists', `A sheet named "${sheetName}" already exists.`);
    const sheet = new MemorySheet(this, sheetName);
    this.sheets.push(sheet);
    return sheet;
  }

  deleteSheet(sheet: MemorySheet): void {
    if (this.sheets.length === 1) throw new MemoryExcelError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    for (let i = this.tables.length - 1; i >= 0; i--) if (this.tables[i].sheet === sheet) this.tables.splice(i, 1);
    if (this.activeSheet === sheet) this.activeSheet = this.sheets[0];
    if (this.selection.sheet === sheet) this.selection = { sheet: this.activeSheet, box: { top: 1, left: 1, bottom: 1, right: 1 } };
  }

  findTable(name: string): MemoryTable | undefined {
    const lower = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === lower);
  }

  /** Everything observable, for comparing two workbooks (e.g. after applying a plan twice). */
  snapshot(): unknown {
    return { sheets: this.sheets.map((s) => s.snapshot()), names: this.names, protected: this.protection.protected };
  }

  /** A deep copy (for tests that start many runs from one state). */
  clone(): MemoryWorkbook {
    const copy = new MemoryWorkbook(this.sheetNames());
    const deep = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
    const sheetOf = (s: MemorySheet) => copy.sheets[this.sheets.indexOf(s)];
    const line = (l: BorderLine | undefined) => (l ? { ...l } : undefined);
    // Cells are most of a workbook: copied field by field (a JSON round trip per cell is slow).
    const copyCell = (cell: MemoryCell): MemoryCell => {
      const borders: CellFormat['borders'] = {};
      for (const side of Object.keys(cell.format.borders) as BorderSide[]) borders[side] = line(cell.format.borders[side]);
      // Spreads keep the key order, so snapshots of a copy compare equal as JSON.
      const copied: MemoryCell = { ...cell, format: { ...cell.format, borders } };
      if (cell.hyperlink !== undefined) copied.hyperlink = { ...cell.hyperlink };
      return copied;
    };
    this.sheets.forEach((from, i) => {
      const to = copy.sheets[i];
      for (const [key, cell] of from.cells) to.cells.set(key, copyCell(cell));
      for (const [key, v] of from.validations) to.validations.set(key, deep(v));
      to.merges = deep(from.merges);
      for (const [k, v] of from.columnWidths) to.columnWidths.set(k, v);
      for (const [k, v] of from.rowHeights) to.rowHeights.set(k, v);
      to.conditionalFormats = deep(from.conditionalFormats);
      to.shapes = deep(from.shapes);
      to.names = deep(from.names);
      to.protection = deep(from.protection);
      to.freeze = deep(from.freeze);
      to.showGridlines = from.showGridlines;
      to.tabColor = from.tabColor;
      to.pageLayout = deep(from.pageLayout);
      to.charts = from.charts.map((c) => ({
        ...deep({ ...c, sheet: undefined, series: undefined }),
        sheet: to,
        series: c.series.map((s) => ({
          ...deep({ ...s, values: undefined, categories: undefined }),
          values: s.values ? { sheet: sheetOf(s.values.sheet), box: { ...s.values.box } } : null,
          categories: s.categories ? { sheet: sheetOf(s.categories.sheet), box: { ...s.categories.box } } : null,
        })),
      })) as MemoryChart[];
    });
    for (const t of this.tables) copy.tables.push({ ...t, sheet: sheetOf(t.sheet), box: { ...t.box } });
    copy.names.push(...deep(this.names));
    copy.protection = { ...this.protection };
    copy.activeSheet = sheetOf(this.activeSheet);
    copy.selection = { sheet: sheetOf(this.selection.sheet), box: { ...this.selection.box } };
    return copy;
  }
}
