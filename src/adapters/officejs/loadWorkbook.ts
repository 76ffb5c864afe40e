/**
 * Loads everything a computation needs from the open workbook, in one round trip when the sheet
 * names are known from an earlier read (STYLE 3, issue 14): the requested sheets' values and
 * formulas (bounded windows, sparse grids), every sheet's protection and ownership mark, the
 * workbook's structure protection, table and defined names, and the charts, pictures, shapes and
 * conditional formats of the requested sheets. applyPlan.ts validates a plan against the result and
 * writes with the same proxies, in the same Excel.run, without reading again.
 */
import { OWNER_NAME, SHEETS } from '../../workbook/layout';
import { type Box, columnName, rangeAddress } from '../../workbook/plan/address';
import type { Scalar, SheetGrid, SheetObject, WorkbookGrid } from '../../workbook/plan/types';
import { readCell, supportsApi, supportsExcelApi } from './cells';

/** The part of a sheet that is read: rows and columns from A1. */
export interface ReadWindow {
  readonly rows: number;
  readonly columns: number;
}

/**
 * Reading is bounded, so a stray value at XFD1048576 costs nothing: only the used part of the
 * window is transferred. Questionnaire and result sheets need A:Z (ids, answers, comments, with
 * room for inserted columns). Handlingsplan may have the user's own columns beside the Gantt:
 * A:CV and 20 000 rows, at most 2 million cells, which still fits Excel on the web's 5 MB
 * response when most of them are empty; applyPlan refuses to write outside the window.
 */
export const QUESTIONNAIRE_WINDOW: ReadWindow = { rows: 10_000, columns: 26 };
export const PLAN_WINDOW: ReadWindow = { rows: 20_000, columns: 100 };

/** Sheets the user works in and the product updates in place, with columns far to the right (Historik: one per question). */
const WIDE_SHEETS = new Set([SHEETS.actionPlan, SHEETS.history].map((s) => s.toLowerCase()));

export function readWindow(sheet: string): ReadWindow {
  return WIDE_SHEETS.has(sheet.toLowerCase()) ? PLAN_WINDOW : QUESTIONNAIRE_WINDOW;
}

export interface LoadOptions {
  /**
   * All sheet names as an earlier read saw them. When they still hold, one round trip loads
   * everything; when the user added, renamed or deleted a sheet meanwhile, the names are read
   * again first (two or three round trips). Without them: two round trips.
   */
  readonly expectSheets?: readonly string[];
}

/** A conditional format of a requested sheet, with its formula when it is a custom rule. */
export interface LoadedConditionalFormat {
  readonly format: Excel.ConditionalFormat;
  readonly formula?: string;
}

export interface LoadedSheet {
  /** The workbook's spelling. */
  readonly name: string;
  readonly sheet: Excel.Worksheet;
  readonly protection: {
    readonly protected: boolean;
    readonly options: Excel.WorksheetProtectionOptions;
    /** Known on Excel on the web (ExcelApiOnline); undefined elsewhere: applyPlan tries unprotect. */
    readonly passwordProtected?: boolean;
  };
  /** The value of the sheet's OWNER_NAME mark, when it has one. */
  readonly owner?: string;
  /** Whether the sheet has a defined name called OWNER_NAME at all (its value may not be a text). */
  readonly marked: boolean;
  /** Sheet-scoped defined names. */
  readonly names: readonly string[];
  /** Only for the sheets asked for. */
  readonly detail?: {
    readonly window: Box;
    /** The used range of the whole sheet (values only), or null for an empty sheet. */
    readonly used: Box | null;
    readonly charts: readonly Excel.Chart[];
    readonly shapes: readonly Excel.Shape[];
    readonly conditionalFormats: readonly LoadedConditionalFormat[];
  };
}

export interface LoadedWorkbook {
  readonly grid: WorkbookGrid;
  /** Every sheet, keyed by its lower-case name (Excel compares sheet names case-insensitively). */
  readonly sheets: ReadonlyMap<string, LoadedSheet>;
  readonly structureProtected: boolean;
  readonly tables: readonly { readonly name: string; readonly sheet: string; readonly table: Excel.Table }[];
  /** Workbook-scoped defined names. */
  readonly definedNames: readonly string[];
  /** Round trips this load took. */
  readonly syncs: number;
}

interface SheetQueue {
  readonly name: string;
  readonly sheet: Excel.Worksheet;
  readonly protection: Excel.WorksheetProtection;
  readonly names: Excel.NamedItemCollection;
  readonly requested?: {
    readonly as: string[];
    readonly window: Box;
    readonly values: Excel.Range;
    readonly used: Excel.Range;
    readonly charts: Excel.ChartCollection;
    readonly shapes?: Excel.ShapeCollection;
    readonly conditionalFormats: Excel.ConditionalFormatCollection;
  };
}

interface Queued {
  readonly worksheets: Excel.WorksheetCollection;
  readonly structure?: Excel.WorkbookProtection;
  readonly tables: Excel.TableCollection;
  readonly definedNames: Excel.NamedItemCollection;
  readonly sheets: SheetQueue[];
}

const lower = (name: string): string => name.toLowerCase();

function isItemNotFound(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.toLowerCase() === 'itemnotfound';
}

/** Same sheets with the same spelling (order does not matter for what is loaded). */
function sameNames(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const sorted = (list: readonly string[]) => [...list].sort().join('\u0000');
  return sorted(a) === sorted(b);
}

export async function loadWorkbook(context: Excel.RequestContext, requested: readonly string[], options: LoadOptions = {}): Promise<LoadedWorkbook> {
  if (!supportsExcelApi(context, '1.7')) throw new Error('Infosäkkollen needs Excel with ExcelApi 1.7 or later.');
  let syncs = 0;
  let names = options.expectSheets;
  if (names) {
    // Optimistic: one round trip when no sheet was added, renamed or deleted since the names were read.
    const queued = queueLoad(context, requested, names);
    try {
      await context.sync();
      syncs++;
      const actual = queued.worksheets.items.map((ws) => ws.name);
      if (sameNames(actual, names)) return finish(context, queued, syncs);
      names = actual;
    } catch (error) {
      // A sheet that was there is gone: nothing was written, so read the names and load again.
      if (!isItemNotFound(error)) throw error;
      syncs++;
      names = undefined;
    }
  }
  if (!names) {
    const worksheets = context.workbook.worksheets.load('items/name');
    await context.sync();
    syncs++;
    names = worksheets.items.map((ws) => ws.name);
  }
  const queued = queueLoad(context, requested, names);
  await context.sync();
  syncs++;
  return finish(context, queued, syncs);
}

function queueLoad(context: Excel.RequestContext, requested: readonly string[], names: readonly string[]): Queued {
  const workbook = context.workbook;
  const worksheets = workbook.worksheets.load('items/name');
  const online = supportsApi(context, 'ExcelApiOnline', '1.1');
  const shapes = supportsExcelApi(context, '1.9');
  const wanted = new Map<string, string[]>();
  for (const name of new Set(requested)) {
    const actual = names.find((n) => lower(n) === lower(name));
    if (actual !== undefined) wanted.set(actual, [...(wanted.get(actual) ?? []), name]);
  }
  const sheets = names.map((name): SheetQueue => {
    const sheet = worksheets.getItem(name);
    const protection = sheet.protection.load(online ? 'protected,options,isPasswordProtected' : 'protected,options');
    const sheetNames = sheet.names.load('items/name,items/formula');
    const as = wanted.get(name);
    if (!as) return { name, sheet, protection, names: sheetNames };
    const window = { top: 1, left: 1, bottom: readWindow(name).rows, right: readWindow(name).columns };
    const values = sheet.getRange(rangeAddress(window)).getUsedRangeOrNullObject(true);
    values.load('values,formulas,numberFormat,rowIndex,columnIndex');
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load('rowIndex,columnIndex,rowCount,columnCount');
    return {
      name,
      sheet,
      protection,
      names: sheetNames,
      requested: {
        as,
        window,
        values,
        used,
        charts: sheet.charts.load('items/name'),
        shapes: shapes ? sheet.shapes.load('items/name,items/type') : undefined,
        // customOrNullObject: a user's data bar or colour scale has no custom rule, and must not fail the load.
        conditionalFormats: sheet.getRange().conditionalFormats.load('items/type,items/customOrNullObject/rule/formula'),
      },
    };
  });
  return {
    worksheets,
    structure: workbook.protection.load('protected'),
    tables: workbook.tables.load('items/name,items/worksheet/name'),
    definedNames: workbook.names.load('items/name'),
    sheets,
  };
}

/** The mark's value: the text of `="Handlingsplan"`, else whatever the name holds. */
function markValue(item: Excel.NamedItem): string {
  const formula = String(item.formula ?? '');
  const text = /^="((?:[^"]|"")*)"$/.exec(formula);
  return text ? text[1].replace(/""/g, '"') : formula.replace(/^=/, '');
}

function boxOf(range: Excel.Range): Box | null {
  if (range.isNullObject) return null;
  return { top: range.rowIndex + 1, left: range.columnIndex + 1, bottom: range.rowIndex + range.rowCount, right: range.columnIndex + range.columnCount };
}

function finish(context: Excel.RequestContext, queued: Queued, syncs: number): LoadedWorkbook {
  // Office.js has no property for the 1904 date system in the requirement sets this add-in targets:
  // serials are read as 1900-system dates (README "Tried in Excel?").
  const date1904 = false;
  const sheets = new Map<string, LoadedSheet>();
  const gridSheets = new Map<string, SheetGrid>();
  const owners = new Map<string, string>();
  const objects = new Map<string, SheetObject[]>();
  for (const q of queued.sheets) {
    const ownerItem = q.names.items.find((n) => lower(n.name) === lower(OWNER_NAME));
    const owner = ownerItem ? markValue(ownerItem) : undefined;
    if (owner !== undefined) owners.set(q.name, owner);
    let detail: LoadedSheet['detail'];
    if (q.requested) {
      const r = q.requested;
      const grid = sparseGrid(q.name, r.values, date1904);
      const drawn: SheetObject[] = [
        ...r.charts.items.map((c): SheetObject => ({ kind: 'chart', name: c.name })),
        ...(r.shapes?.items ?? []).map((s): SheetObject => ({ kind: s.type === 'Image' ? 'picture' : 'shape', name: s.name })),
      ];
      for (const as of r.as) {
        gridSheets.set(as, grid);
        if (drawn.length > 0) objects.set(as, drawn);
      }
      detail = {
        window: r.window,
        used: boxOf(r.used),
        charts: r.charts.items,
        shapes: r.shapes?.items ?? [],
        conditionalFormats: r.conditionalFormats.items.map((format) => {
          const custom = format.customOrNullObject;
          return custom.isNullObject ? { format } : { format, formula: String(custom.rule.formula ?? '') };
        }),
      };
    }
    sheets.set(lower(q.name), {
      name: q.name,
      sheet: q.sheet,
      protection: {
        protected: q.protection.protected,
        options: q.protection.options,
        passwordProtected: supportsApi(context, 'ExcelApiOnline', '1.1') ? q.protection.isPasswordProtected : undefined,
      },
      owner,
      marked: ownerItem !== undefined,
      names: q.names.items.map((n) => n.name),
      detail,
    });
  }
  return {
    grid: { sheetNames: queued.worksheets.items.map((ws) => ws.name), sheets: gridSheets, owners, objects },
    sheets,
    structureProtected: queued.structure?.protected === true,
    tables: queued.tables.items.map((table) => ({ name: table.name, sheet: table.worksheet.name, table })),
    definedNames: queued.definedNames.items.map((n) => n.name),
    syncs,
  };
}

/**
 * The window's used part as a sparse grid from A1 (SheetGrid): rows without content are holes, and
 * so are the cells left of the first content in a row; formulas beside the values.
 */
function sparseGrid(name: string, used: Excel.Range, date1904: boolean): SheetGrid {
  const values: Scalar[][] = [];
  const formulas: (string | null)[][] = [];
  if (used.isNullObject) return { name, values, formulas };
  const top = used.rowIndex;
  const left = used.columnIndex;
  used.values.forEach((row, r) => {
    row.forEach((raw, c) => {
      const value = readCell(raw, used.numberFormat[r]?.[c], date1904);
      if (value !== null) (values[top + r] ??= [])[left + c] = value;
      const formula = used.formulas[r]?.[c];
      if (typeof formula === 'string' && formula.startsWith('=')) (formulas[top + r] ??= [])[left + c] = formula.slice(1);
    });
  });
  return { name, values, formulas };
}

/** "A1:Z10000" for messages. */
export function windowAddress(window: ReadWindow): string {
  return `A1:${columnName(window.columns)}${window.rows}`;
}
