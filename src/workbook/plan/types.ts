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
  readonly sheet: string;
  /**
   * Creates the sheet at the end of the workbook, or, when it exists, clears it completely
   * (values, formats, merges, validations, conditional formats, tables, charts) keeping its position.
   * Only ever used for sheets the product owns.
   */
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
}

export interface ValidationOp {
  readonly kind: 'validation';
  readonly sheet: string;
  readonly range: string;
  /** Allowed values, shown as a drop-down. */
  readonly list: readonly string[];
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
  /** 'bar' = horizontal bars, 'column' = vertical columns. */
  readonly type: 'bar' | 'column';
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

/** What adapters read: the used values of some sheets, as a grid from A1. */
export interface SheetGrid {
  readonly name: string;
  /** values[r][c] is the cell at row r+1, column c+1; dates as 'YYYY-MM-DD' strings; empty cells null. */
  readonly values: readonly (readonly Scalar[])[];
  /** Formula text (without '=') where a cell holds a formula, when the adapter reads them. */
  readonly formulas?: readonly (readonly (string | null)[])[];
}

export interface WorkbookGrid {
  /** All sheet names in workbook order. */
  readonly sheetNames: readonly string[];
  /** The sheets that were asked for and exist. */
  readonly sheets: ReadonlyMap<string, SheetGrid>;
}
