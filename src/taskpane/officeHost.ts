/**
 * The ExcelHost over the Office.js adapter's runner: Excel.run in Excel, or any ExcelRunner (the
 * memory Excel in the preview and tests), with the adapter's bounded cell-edit-mode retry either way.
 */
import { runExcel, selectCellSafe, type ExcelRunner } from '../adapters/officejs/run';
import type { ExcelHost } from './host';

export function officeHost(runner?: ExcelRunner, mode: ExcelHost['mode'] = runner ? 'preview' : 'excel'): ExcelHost {
  return {
    mode,
    run: (fn) => runExcel(fn, runner),
    select: async (sheet, cell) => {
      // selectCellSafe never throws; the pane wants to tell the user, so a refusal becomes a rejection.
      if (!(await selectCellSafe(sheet, cell, runner))) throw new Error(`${sheet}!${cell} could not be selected`);
    },
  };
}
