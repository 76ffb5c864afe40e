/**
 * The only module that calls Excel.run (STYLE 3). Every other adapter function takes the context.
 */

interface Requirements {
  isSetSupported(name: string, minVersion?: string): boolean;
}

/** Excel.run, or the memory Excel's run in tests and the browser preview. */
export interface ExcelRunner {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  run<T>(options: { delayForCellEdit?: boolean }, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** The host's requirement sets where it is not Office.context.requirements (the memory Excel). */
  readonly requirements?: Requirements;
}

export interface RetryOptions {
  /** Attempts in all, including the first. */
  readonly tries?: number;
  /** Wait before the second attempt; doubled before each further one. */
  readonly delayMs?: number;
}

/**
 * Excel refuses API calls while the user is typing in a cell. Where the host supports it
 * (ExcelApi 1.11), Excel.run({ delayForCellEdit: true }) waits until the user leaves the cell
 * ("Delay execution while cell is being edited"). Older hosts get a few short retries, bounded
 * because the user may stay in the cell for minutes; then the pane says to press Enter or Esc.
 */
const CELL_EDIT_MODE = 'invalidoperationincelleditmode';
const DEFAULT_TRIES = 3;
const DEFAULT_DELAY_MS = 300;

export function isCellEditModeError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.toLowerCase() === CELL_EDIT_MODE;
}

function officeExcel(): ExcelRunner {
  const excel = (globalThis as unknown as { Excel?: Partial<ExcelRunner> }).Excel;
  if (typeof excel?.run !== 'function') throw new Error('Excel is not available: office.js is not loaded or the host is not Excel.');
  return excel as ExcelRunner;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether the runner's host waits for cell editing to end when asked (RunOptions.delayForCellEdit, ExcelApi 1.11). */
export function delaysForCellEdit(runner: ExcelRunner): boolean {
  const office = (globalThis as unknown as { Office?: { context?: { requirements?: Requirements } } }).Office;
  const requirements = runner.requirements ?? office?.context?.requirements;
  return typeof requirements?.isSetSupported === 'function' && requirements.isSetSupported('ExcelApi', '1.11');
}

/** Runs one batch: waiting out cell editing where Excel can, else retrying (at most `tries` attempts). */
export async function runExcel<T>(fn: (context: Excel.RequestContext) => Promise<T>, excel?: ExcelRunner, options: RetryOptions = {}): Promise<T> {
  const runner = excel ?? officeExcel();
  const tries = Math.max(1, options.tries ?? DEFAULT_TRIES);
  const delayMs = options.delayMs ?? DEFAULT_DELAY_MS;
  const delay = delaysForCellEdit(runner);
  for (let attempt = 1; ; attempt++) {
    try {
      // Awaited here, so that a rejected run lands in this catch.
      return await (delay ? runner.run({ delayForCellEdit: true }, fn) : runner.run(fn));
    } catch (error) {
      if (attempt >= tries || !isCellEditModeError(error)) throw error;
      await sleep(delayMs * 2 ** (attempt - 1));
    }
  }
}

/**
 * Activates the sheet and selects the cell (e.g. the cell of an input error the user clicked in the
 * task pane). Never throws: false when the sheet or cell does not exist or Excel refused.
 */
export async function selectCellSafe(sheet: string, cell: string, excel?: ExcelRunner, options?: RetryOptions): Promise<boolean> {
  try {
    await runExcel(
      async (context) => {
        const worksheet = context.workbook.worksheets.getItem(sheet);
        worksheet.activate();
        worksheet.getRange(cell).select();
        await context.sync();
      },
      excel,
      options,
    );
    return true;
  } catch {
    return false;
  }
}
