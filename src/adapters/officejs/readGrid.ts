/**
 * Reads what the workbook layer needs (src/workbook/read): all sheet names, the ownership marks of
 * every sheet, and the used values and formulas of some sheets as sparse grids from A1, with the
 * charts, pictures and shapes on them. One round trip when the sheet names are expected right,
 * two otherwise (loadWorkbook.ts); requested names match case-insensitively, keyed as asked.
 */
import type { WorkbookGrid } from '../../workbook/plan/types';
import { type LoadOptions, loadWorkbook } from './loadWorkbook';

export async function readGridOffice(context: Excel.RequestContext, sheetNames: readonly string[], options: LoadOptions = {}): Promise<WorkbookGrid> {
  return (await loadWorkbook(context, sheetNames, options)).grid;
}
