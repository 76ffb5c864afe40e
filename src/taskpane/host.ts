/**
 * What the task pane needs from Excel, as an interface (STYLE 2): index.tsx passes the real Office.js
 * host or the in-memory preview host; tests pass the in-memory Excel or a failing fake.
 */
export interface ExcelHost {
  /** Runs one batch against the workbook (Excel.run in Excel, the memory Excel in the preview). */
  run<T>(fn: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** Activates the sheet and selects the cell; rejects when it cannot. */
  select(sheet: string, cell: string): Promise<void>;
  readonly mode: 'excel' | 'preview';
}

/** What the preview shows of its in-memory workbook, so a tester can see that something was written. */
export interface WorkbookSummary {
  readonly sheets: readonly { readonly name: string; readonly charts: readonly string[] }[];
  /** The selected cell, e.g. "Nivå 1!D7". */
  readonly selection?: string;
}
