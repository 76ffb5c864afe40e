/**
 * The plan folded into one model per owned sheet: the final value and style of every cell after
 * all ops (later ops win), plus the sheet-level features. Pure; no package access, so every plan
 * error is thrown before the workbook is touched.
 *
 * A sheet op with mode 'update' gives a model of changes only: cells a values op names (a null
 * names none), the style to lay over each, and conditional formats; the adapter patches the
 * existing sheet with it (patchSheet.ts).
 */
import { parseCell, parseRange, rangeAddress, type Box } from '../../workbook/plan/address';
import type {
  CellInput,
  ChartOp,
  ConditionalFormatOp,
  RangeRef,
  Scalar,
  SheetOp,
  TableOp,
  ValidationOp,
  WritePlan,
} from '../../workbook/plan/types';
import { DATE_FORMAT, type ResolvedStyle } from './styles';

export interface CellModel {
  value: CellInput;
  style: ResolvedStyle;
  /** Update mode: only style ops named the cell, so its value (and formula) stays. */
  keepValue?: boolean;
}

export interface SheetModel {
  readonly name: string;
  readonly sheet: SheetOp;
  /** 'update': patch the existing sheet; `style` of its cells is laid over their existing format. */
  readonly mode: 'replace' | 'update';
  /** key = cellKey(row, column) */
  readonly cells: Map<number, CellModel>;
  readonly merges: Box[];
  readonly validations: ValidationOp[];
  readonly conditionalFormats: ConditionalFormatOp[];
  readonly rowHeights: Map<number, number>;
  /** Rows whose height is a starting height (no customHeight: the row grows with its text). */
  readonly autoRows: Set<number>;
  readonly tables: TableOp[];
  readonly charts: ChartOp[];
}

const MAX_ROW = 1048576;
const MAX_COLUMN = 16384;

/** Sorting keys numerically gives row-major order. */
export function cellKey(row: number, column: number): number {
  return row * (MAX_COLUMN + 1) + column;
}

export function keyRow(key: number): number {
  return Math.floor(key / (MAX_COLUMN + 1));
}

export function keyColumn(key: number): number {
  return key % (MAX_COLUMN + 1);
}

export const LINK_STYLE: ResolvedStyle = Object.freeze({ fontColor: '0563C1', underline: true });

/** Op kinds that would change a sheet's structure; an updated sheet keeps the user's. */
const NOT_IN_UPDATE_MODE = new Set(['merge', 'rowHeight', 'table', 'chart', 'validation']);

/** Owned sheets by name, in plan order of their first `sheet` op. */
export function buildSheetModels(plan: WritePlan): Map<string, SheetModel> {
  const models = new Map<string, SheetModel>();
  const tableNames = new Map<string, string>();
  plan.forEach((op, index) => {
    if (op.kind === 'sheet') {
      checkSheetName(op.sheet);
      const clash = [...models.keys()].find((n) => n !== op.sheet && n.toLowerCase() === op.sheet.toLowerCase());
      if (clash) throw new Error(`Plan op ${index + 1}: sheet names "${clash}" and "${op.sheet}" differ only in case; Excel treats them as one sheet.`);
      // A repeated sheet op clears the sheet again, as its contract says.
      models.delete(op.sheet);
      models.set(op.sheet, emptyModel(op));
      return;
    }
    const model = models.get(op.sheet);
    if (!model) {
      throw new Error(
        `Plan op ${index + 1} (${op.kind}) writes to sheet "${op.sheet}", but no earlier "sheet" op owns it; the .xlsx adapter only writes sheets the plan owns.`,
      );
    }
    // Made only for an error: most plans have hundreds of ops.
    const where = () => `Plan op ${index + 1} (${op.kind}) on sheet "${op.sheet}"`;
    if (model.mode === 'update' && NOT_IN_UPDATE_MODE.has(op.kind)) {
      throw new Error(`${where()}: a sheet updated in place (mode 'update') keeps its own ${op.kind === 'rowHeight' ? 'row heights' : `${op.kind}s`}; the plan cannot add one.`);
    }
    try {
      switch (op.kind) {
        case 'values': {
          if (model.mode === 'update') {
            updateValues(model, op.at, op.rows, op.style);
            break;
          }
          const start = parseCell(op.at);
          const styled = new StyleMemo(op.style);
          op.rows.forEach((row, r) =>
            row.forEach((input, c) => {
              const cell = cellAt(model, start.row + r, start.column + c);
              cell.value = checkInput(input);
              cell.style = styled.over(cell.style, impliedStyle(input));
            }),
          );
          break;
        }
        case 'style': {
          const styled = new StyleMemo(op.style);
          forEachCell(parseRange(op.range), (row, column) => {
            const cell = cellAt(model, row, column);
            cell.style = styled.over(cell.style);
          });
          break;
        }
        case 'merge': {
          const box = parseRange(op.range);
          checkBox(box);
          const overlap = model.merges.find((m) => overlaps(m, box));
          if (overlap) throw new Error(`merge ${op.range} overlaps merge ${rangeAddress(overlap)}; Excel would repair the file`);
          model.merges.push(box);
          break;
        }
        case 'rowHeight':
          for (const row of op.rows) {
            if (!Number.isInteger(row) || row < 1 || row > MAX_ROW) throw new Error(`row ${row} is not a row number`);
            if (!(op.height >= 0 && op.height <= 409)) throw new Error(`row height ${op.height} is outside 0–409 points`);
            model.rowHeights.set(row, op.height);
            if (op.auto) model.autoRows.add(row);
            else model.autoRows.delete(row);
          }
          break;
        case 'validation':
          checkBox(parseRange(op.range));
          if (op.list !== undefined && op.source !== undefined) throw new Error('the validation has both a list and a source; it takes one');
          if (op.source) checkListSource(op.source);
          else checkList(op.list);
          model.validations.push(op);
          break;
        case 'conditionalFormat':
          checkBox(parseRange(op.range));
          model.conditionalFormats.push(op);
          break;
        case 'table': {
          // Excel's rules: starts with a letter, _ or \, at most 255 characters, and not a cell reference.
          if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(op.name) || op.name.length > 255 || /^([A-Za-z]{1,3}\d+|[RrCc]|R\d*C\d*)$/.test(op.name)) {
            throw new Error(`"${op.name}" is not a valid table name (letters, digits and underscores; not a cell reference)`);
          }
          const other = tableNames.get(op.name.toLowerCase());
          if (other !== undefined) throw new Error(`table name "${op.name}" is already used on sheet "${other}"`);
          tableNames.set(op.name.toLowerCase(), op.sheet);
          const box = parseRange(op.range);
          checkBox(box);
          if (box.bottom === box.top) throw new Error(`table ${op.range} needs a header row and at least one data row`);
          model.tables.push(op);
          break;
        }
        case 'chart':
          parseRange(op.categories.range);
          op.series.forEach((s) => parseRange(s.values.range));
          parseCell(op.anchor.from);
          parseCell(op.anchor.to);
          if (op.series.length === 0) throw new Error(`chart "${op.name}" has no series`);
          model.charts.push(op);
          break;
        default:
          throw new Error(`unknown op kind ${(op as { kind: string }).kind}`);
      }
    } catch (error) {
      if ((error as Error).message.startsWith('Plan op')) throw error;
      throw new Error(`${where()}: ${(error as Error).message}`);
    }
  });
  return models;
}

/** The value a chart cache or table header sees for a cell of an owned sheet. */
export function cellScalar(models: ReadonlyMap<string, SheetModel>, sheet: string, row: number, column: number): Scalar | undefined {
  const value = models.get(sheet)?.cells.get(cellKey(row, column))?.value;
  if (value === undefined) return undefined;
  if (value === null || typeof value !== 'object') return value;
  if ('formula' in value) return value.result ?? null;
  if ('link' in value) return value.text;
  return value.date;
}

/** Update mode: null leaves a cell alone; the style is laid over the cell's format by the adapter. */
function updateValues(model: SheetModel, at: string, rows: readonly (readonly CellInput[])[], style: ResolvedStyle | undefined): void {
  const start = parseCell(at);
  const styled = new StyleMemo(style);
  rows.forEach((row, r) =>
    row.forEach((input, c) => {
      if (input === null) return;
      const cell = cellAt(model, start.row + r, start.column + c);
      cell.value = checkInput(input);
      cell.keepValue = false;
      if (style) cell.style = styled.over(cell.style);
    }),
  );
}

/** A cell's style before any op gives it one: shared, like every style here (they are never changed, only replaced). */
const NO_STYLE: ResolvedStyle = Object.freeze({});
const DATE_STYLE: ResolvedStyle = Object.freeze({ numberFormat: DATE_FORMAT });

/**
 * One op's style laid over cells' styles, `{ ...under, ...implied, ...style }`, made once for each
 * style found under it: the cells of an op share their style object, which the style sheet then
 * finds by identity (StyleSheet.xfFor) instead of by a key made for every cell.
 */
class StyleMemo {
  private readonly made = new Map<ResolvedStyle, Map<ResolvedStyle, ResolvedStyle>>();

  constructor(private readonly style: ResolvedStyle | undefined) {}

  over(under: ResolvedStyle, implied: ResolvedStyle = NO_STYLE): ResolvedStyle {
    let byImplied = this.made.get(under);
    if (!byImplied) this.made.set(under, (byImplied = new Map()));
    let style = byImplied.get(implied);
    if (!style) byImplied.set(implied, (style = Object.freeze({ ...under, ...implied, ...this.style })));
    return style;
  }
}

function emptyModel(sheet: SheetOp): SheetModel {
  return {
    name: sheet.sheet,
    sheet,
    mode: sheet.mode === 'update' ? 'update' : 'replace',
    cells: new Map(),
    merges: [],
    validations: [],
    conditionalFormats: [],
    rowHeights: new Map(),
    autoRows: new Set(),
    tables: [],
    charts: [],
  };
}

function cellAt(model: SheetModel, row: number, column: number): CellModel {
  if (row > MAX_ROW || column > MAX_COLUMN) throw new Error(`cell row ${row}, column ${column} is outside the sheet`);
  const key = cellKey(row, column);
  let cell = model.cells.get(key);
  if (!cell) {
    cell = model.mode === 'update' ? { value: null, style: NO_STYLE, keepValue: true } : { value: null, style: NO_STYLE };
    model.cells.set(key, cell);
  }
  return cell;
}

function forEachCell(box: Box, visit: (row: number, column: number) => void): void {
  checkBox(box);
  for (let row = box.top; row <= box.bottom; row++) for (let column = box.left; column <= box.right; column++) visit(row, column);
}

function checkBox(box: Box): void {
  if (box.bottom > MAX_ROW || box.right > MAX_COLUMN || box.top < 1 || box.left < 1) throw new Error(`range ${rangeAddress(box)} is outside the sheet`);
}

function overlaps(a: Box, b: Box): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

function impliedStyle(input: CellInput): ResolvedStyle {
  if (input === null || typeof input !== 'object') return NO_STYLE;
  if ('date' in input) return DATE_STYLE;
  if ('link' in input) return LINK_STYLE;
  return NO_STYLE;
}

function checkInput(input: CellInput): CellInput {
  if (typeof input === 'number' && !Number.isFinite(input)) throw new Error(`${input} cannot be stored in a cell`);
  if (input !== null && typeof input === 'object' && 'date' in input) dateSerial(input.date);
  if (typeof input === 'string' && input.length > 32767) throw new Error('a cell holds at most 32 767 characters');
  return input;
}

/**
 * Excel's serial day number for 'YYYY-MM-DD': in the 1900 date system, or in the 1904 system
 * (Excel for Mac workbooks, `<workbookPr date1904="1"/>`), whose serials are 1462 days lower.
 */
export function dateSerial(date: string, date1904 = false): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const time = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (!m || new Date(time).toISOString().slice(0, 10) !== date) throw new Error(`"${date}" is not a YYYY-MM-DD date`);
  if (date1904) {
    const serial1904 = (time - Date.UTC(1904, 0, 1)) / 86400000;
    if (serial1904 < 0) throw new Error(`${date} is before the first date of a 1904-date workbook (1904-01-01)`);
    return serial1904;
  }
  const serial = (time - Date.UTC(1899, 11, 30)) / 86400000;
  // Excel counts the non-existent 1900-02-29 (serial 60); dates before it are one lower.
  if (serial < 61) {
    if (serial < 2) throw new Error(`${date} is before Excel's first date (1900-01-01)`);
    return serial - 1;
  }
  return serial;
}

function checkSheetName(name: string): void {
  if (!name || name.length > 31 || /[\\/?*[\]:]/.test(name) || /^'|'$/.test(name) || name.toLowerCase() === 'history') {
    throw new Error(`"${name}" is not a valid Excel sheet name (1–31 characters, none of \\ / ? * [ ] :, not starting or ending with ').`);
  }
}

/** An inline list formula ("a,b,c") is limited to 255 characters and cannot hold commas in items. */
function checkList(list: readonly string[] | undefined): void {
  if (!Array.isArray(list)) throw new Error('the validation has neither a list nor a source');
  if (list.length === 0) throw new Error('the validation list is empty');
  const withComma = list.find((item) => item.includes(','));
  if (withComma !== undefined) throw new Error(`list item "${withComma}" contains a comma, which an inline list cannot hold`);
  if (list.join(',').length > 255) throw new Error('the validation list is longer than the 255 characters an inline list can hold');
}

/**
 * Excel takes a list from a reference to one row or one column only. Whether the sheet exists is
 * checked against the workbook (applyPlan.ts).
 */
function checkListSource(source: RangeRef): void {
  checkSheetName(source.sheet);
  const box = parseRange(source.range);
  checkBox(box);
  if (box.top !== box.bottom && box.left !== box.right) throw new Error(`the validation source ${source.range} is neither one row nor one column, which a drop-down needs`);
}
