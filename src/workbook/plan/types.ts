/**
 * The write plan: a declarative description of what to write into a workbook (STYLE 4).
 * Builders in src/workbook make plans from results; adapters (src/adapters/xlsx, src/adapters/officejs)
 * apply them and never mutate them. Applying the same plan twice gives the same workbook.
 *
 * Addresses are A1 style without sheet names ("B3", "A1:F12"); `sheet` names the sheet.
 */
export type Scalar = string | number | boolean | null;

/** A cell to write. Plain scalars, or a formula, a hyperlink, or a date (written as a real Excel date). */
export type CellInput =
  | Scalar
  | { readonly formula: string; readonly result?: Scalar }
  | { readonly link: string; readonly text: string }
  | { readonly date: string /* YYYY-MM-DD */ };

export interface CellStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly fontSize?: number;
  /** Hex RGB without '#', e.g. "1F4E79". */
  readonly fontColor?: string;
  readonly fill?: string;
  readonly hAlign?: 'left' | 'center' | 'right';
  readonly vAlign?: 'top' | 'middle' | 'bottom';
  readonly wrap?: boolean;
  readonly numberFormat?: string;
  /** 'thin' = thin border on all sides of every cell; 'bottom' = a thin bottom border. */
  readonly border?: 'thin' | 'bottom';
  /** false = the cell stays editable when the sheet is protected (answer cells). */
  readonly locked?: boolean;
  readonly indent?: number;
}

export interface RangeRef {
  readonly sheet: string;
  /** e.g. "B2:B11" */
  readonly range: string;
}

export interface SheetOp {
  readonly kind: 'sheet';
  /** The sheet; an existing sheet whose name differs only in case is the same sheet (Excel's rule). */
  readonly sheet: string;
  /**
   * 'replace' (default): creates the sheet at the end of the workbook, or, when it exists, clears it
   * completely (values, formats, merges, validations, conditional formats, tables, charts) keeping
   * its position; an existing sheet found under another case is renamed to `sheet`.
   * Only ever used for sheets the product owns.
   *
   * 'update': the sheet must exist and keeps everything it has, its name included (never cleared,
   * never renamed, never created). Only the cells a `values` op names change: a `null` in its rows
   * leaves that cell exactly as it is (value, formula, style, note, link), `''` clears the cell's
   * value and keeps its format. A written cell keeps its existing format, with the op's `style`
   * laid over it. `conditionalFormat` ops may follow (see `replaces`); the other settings of this
   * op (widths, freeze, protection, print) are ignored, and `merge`, `rowHeight`, `table`,
   * `chart` and `validation` ops on an updated sheet are plan errors.
   *
   * In both modes the adapter marks the sheet as the product's with the sheet-scoped, hidden
   * defined name OWNER_NAME (src/workbook/layout.ts) whose value is the string constant `sheet`
   * (e.g. `"Handlingsplan"`), added only where missing. A user never types it; Excel and
   * LibreOffice keep it when the sheet is renamed or the file re-saved.
   */
  readonly mode?: 'replace' | 'update';
  readonly tabColor?: string;
  /** Column widths in Excel character units, from column A. */
  readonly columnWidths?: readonly number[];
  /** Frozen rows at the top and columns at the left. */
  readonly freeze?: { readonly rows: number; readonly columns: number };
  /** Protect the sheet without a password (prevents accidents, not access); unlocked cells stay editable. */
  readonly protect?: boolean;
  readonly landscape?: boolean;
  /** Print scaled to one page wide. */
  readonly fitToWidth?: boolean;
  /** Print scaled to exactly one page. */
  readonly fitToPage?: boolean;
  readonly showGridlines?: boolean;
}

export interface ValuesOp {
  readonly kind: 'values';
  readonly sheet: string;
  /** Top-left cell; rows may have different lengths. */
  readonly at: string;
  readonly rows: readonly (readonly CellInput[])[];
  readonly style?: CellStyle;
}

export interface StyleOp {
  readonly kind: 'style';
  readonly sheet: string;
  readonly range: string;
  readonly style: CellStyle;
}

export interface MergeOp {
  readonly kind: 'merge';
  readonly sheet: string;
  readonly range: string;
}

export interface RowHeightOp {
  readonly kind: 'rowHeight';
  readonly sheet: string;
  /** 1-based row numbers */
  readonly rows: readonly number[];
  /** points */
  readonly height: number;
  /**
   * A starting height only: the row still grows with what is typed in it (not fixed), and the
   * user may resize it. For answer rows, where comments are long.
   */
  readonly auto?: boolean;
}

/** A drop-down on `range`: fixed values (`list`) or the values of cells (`source`), never both. */
export type ValidationOp = ValidationOpBase &
  (
    | {
        /** Allowed values: an inline list, 1–255 characters joined by commas, so no item holds a comma. */
        readonly list: readonly string[];
        readonly source?: never;
      }
    | {
        /**
         * The cells that hold the allowed values, one row or one column, on this or another sheet
         * (e.g. the goal ids on "Mål"). The drop-down follows the cells, so values typed there later
         * are offered without a new plan. The sheet must exist or be created by the plan.
         */
        readonly source: RangeRef;
        readonly list?: never;
      }
  );

interface ValidationOpBase {
  readonly kind: 'validation';
  readonly sheet: string;
  readonly range: string;
  /** true: other values are rejected; false: a warning is shown but the value may be kept. */
  readonly strict: boolean;
  readonly prompt?: string;
}

export interface TableOp {
  readonly kind: 'table';
  readonly sheet: string;
  /** Unique in the workbook, letters, digits and underscores. */
  readonly name: string;
  /** Header row included. The header cells must be written by a values op. */
  readonly range: string;
  readonly style?: string;
}

export interface ChartOp {
  readonly kind: 'chart';
  readonly sheet: string;
  readonly name: string;
  /** 'bar' = horizontal bars, 'column' = vertical columns (both clustered); 'line' = lines with markers (a trend over time). */
  readonly type: 'bar' | 'column' | 'line';
  readonly title: string;
  readonly categories: RangeRef;
  readonly series: readonly { readonly name: string; readonly values: RangeRef; readonly color?: string }[];
  /** Top-left and bottom-right cells the chart covers. */
  readonly anchor: { readonly from: string; readonly to: string };
  readonly axis?: { readonly min?: number; readonly max?: number; readonly majorUnit?: number; readonly title?: string };
  readonly legend?: boolean;
}

export interface ConditionalFormatOp {
  readonly kind: 'conditionalFormat';
  /**
   * A text the formula contains (e.g. `N("infosakkollen:gantt")`, which adds 0): before this rule
   * is added, every conditional format rule on the sheet whose formula contains it is removed,
   * wherever the user's edits have moved it. Without it, the rule is only added.
   */
  readonly replaces?: string;
  readonly sheet: string;
  readonly range: string;
  /** An Excel formula relative to the top-left cell of `range`, without the leading '='. */
  readonly formula: string;
  readonly fill: string;
  readonly fontColor?: string;
}

export type WriteOp =
  | SheetOp
  | ValuesOp
  | StyleOp
  | MergeOp
  | RowHeightOp
  | ValidationOp
  | TableOp
  | ChartOp
  | ConditionalFormatOp;

export type WritePlan = readonly WriteOp[];

/**
 * What adapters read: the used values of some sheets, as a grid from A1.
 *
 * The grid may be sparse: a row or a cell that holds nothing may be a hole (undefined) instead of
 * null, so one stray value at XFD1048576 costs nothing. Read cells as `values[r]?.[c] ?? null`.
 */
export interface SheetGrid {
  /** The sheet's name as the workbook spells it. */
  readonly name: string;
  /**
   * values[r][c] is the cell at row r+1, column c+1; dates (a date number format on a number
   * Excel can show as a date, with the workbook's 1900 or 1904 date system) as 'YYYY-MM-DD'
   * strings, other numbers as numbers; empty cells null or holes. A formula's cached value;
   * null when the formula has none.
   */
  readonly values: readonly (readonly Scalar[])[];
  /**
   * Where a cell holds a formula: its text without '=', or '' when the cell does not store the
   * text (the secondary cells of a shared formula). null or holes elsewhere. Every adapter fills it.
   */
  readonly formulas?: readonly (readonly (string | null)[])[];
}

/** Something drawn on a sheet (not a cell): a chart, a picture, a shape. */
export interface SheetObject {
  readonly kind: 'chart' | 'picture' | 'shape';
  readonly name: string;
}

export interface WorkbookGrid {
  /** All sheet names in workbook order. */
  readonly sheetNames: readonly string[];
  /**
   * The sheets that were asked for and exist, keyed by the name asked for (matched
   * case-insensitively, as Excel matches sheet names); SheetGrid.name is the workbook's spelling.
   * A caller may let the reader skip the cells of sheets it replaces whole once they carry the
   * product's own mark (readXlsxGrid's `skipMarked`, the CLI's gridOfWorkbook): such a sheet is
   * absent here but still in sheetNames, owners and objects, which is all ownerOf needs for it.
   */
  readonly sheets: ReadonlyMap<string, SheetGrid>;
  /**
   * The product's marks: for each sheet that carries the sheet-scoped defined name OWNER_NAME,
   * the workbook's sheet name → the marker's value (the sheet the product made it as). All
   * sheets, not only those asked for.
   */
  readonly owners?: ReadonlyMap<string, string>;
  /** Charts, pictures and shapes on the sheets asked for, keyed like `sheets`; absent = none. */
  readonly objects?: ReadonlyMap<string, readonly SheetObject[]>;
}
