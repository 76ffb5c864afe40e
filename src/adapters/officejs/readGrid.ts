/**
 * Reads what the workbook layer needs (src/workbook/read): all sheet names and the used values of
 * some sheets, as grids from A1. Two round trips whatever the number of sheets (STYLE 3).
 */
import type { Scalar, SheetGrid, WorkbookGrid } from '../../workbook/plan/types';
import { readCell } from './cells';

interface UsedRange {
  readonly values: unknown[][];
  readonly numberFormat: unknown[][];
  readonly formulas: unknown[][];
  readonly rowIndex: number;
  readonly columnIndex: number;
}

/**
 * Sync 1 loads the sheet names; sync 2 the used ranges (values only) of the requested sheets that
 * exist. One sync would need getItemOrNullObject(name).getUsedRangeOrNullObject() on sheets that may
 * not exist, and what a host does with a method called on a null object is not documented; asking
 * only for sheets known to exist costs one round trip and nothing else.
 * Requested names match case-insensitively, as Excel's do; the map is keyed by the requested name.
 */
export async function readGridOffice(context: Excel.RequestContext, sheetNames: readonly string[]): Promise<WorkbookGrid> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await context.sync();

  const byName = new Map(worksheets.items.map((ws) => [ws.name.toLowerCase(), ws]));
  const wanted = [...new Set(sheetNames)].flatMap((requested) => {
    const ws = byName.get(requested.toLowerCase());
    if (!ws) return [];
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('values,numberFormat,formulas,rowIndex,columnIndex');
    return [{ requested, name: ws.name, used }];
  });
  if (wanted.length > 0) await context.sync();

  const sheets = new Map<string, SheetGrid>();
  for (const { requested, name, used } of wanted) {
    if (used.isNullObject) sheets.set(requested, { name, values: [] });
    else {
      const formulas = formulasFromA1(used);
      sheets.set(requested, formulas ? { name, values: gridFromA1(used), formulas } : { name, values: gridFromA1(used) });
    }
  }
  return { sheetNames: worksheets.items.map((ws) => ws.name), sheets };
}

/** The used range padded to start at A1: rows and columns before it are null. */
function gridFromA1(used: UsedRange): Scalar[][] {
  const width = used.columnIndex + (used.values[0]?.length ?? 0);
  const grid: Scalar[][] = [];
  for (let r = 0; r < used.rowIndex; r++) grid.push(new Array<Scalar>(width).fill(null));
  used.values.forEach((row, r) => {
    const cells = new Array<Scalar>(used.columnIndex).fill(null);
    row.forEach((value, c) => cells.push(readCell(value, used.numberFormat[r]?.[c])));
    grid.push(cells);
  });
  return grid;
}

/**
 * Formula text (without '=') where cells hold formulas, padded to A1 like the values; undefined when
 * there are none. The action-plan merge writes them back as formulas, so a user's "=H5+90" survives.
 */
function formulasFromA1(used: UsedRange): (string | null)[][] | undefined {
  let found = false;
  const grid: (string | null)[][] = [];
  used.formulas.forEach((row, r) => {
    row.forEach((f, c) => {
      if (typeof f !== 'string' || !f.startsWith('=')) return;
      found = true;
      (grid[used.rowIndex + r] ??= new Array<string | null>(used.columnIndex + row.length).fill(null))[used.columnIndex + c] = f.slice(1);
    });
  });
  if (!found) return undefined;
  for (let r = 0; r < grid.length; r++) grid[r] ??= [];
  return grid;
}
