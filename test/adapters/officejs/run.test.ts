import { createMemoryExcel } from '../../../src/adapters/officejs/memory/memoryExcel';
import { type ExcelRunner, delaysForCellEdit, isCellEditModeError, runExcel, selectCellSafe } from '../../../src/adapters/officejs/run';

const fast = { delayMs: 1 };

function editModeError(): Error & { code: string } {
  return Object.assign(new Error('The operation is not allowed while Excel is in cell-edit mode.'), { code: 'InvalidOperationInCellEditMode' });
}

/** A runner on a host before ExcelApi 1.11 that fails `failures` times with the given error, then runs the batch. */
function flakyRunner(failures: number, error: () => unknown): ExcelRunner & { calls: number } {
  const excel = createMemoryExcel();
  const runner = {
    calls: 0,
    requirements: excel.requirements,
    async run<T>(...args: unknown[]): Promise<T> {
      runner.calls++;
      if (runner.calls <= failures) throw error();
      return excel.run(args[args.length - 1] as (context: Excel.RequestContext) => Promise<T>);
    },
  };
  return runner as ExcelRunner & { calls: number };
}

describe('runExcel', () => {
  it('retries while Excel is in cell-edit mode, then returns the batch result', async () => {
    const runner = flakyRunner(2, editModeError);
    await expect(runExcel(async () => 'klart', runner, fast)).resolves.toBe('klart');
    expect(runner.calls).toBe(3);
  });

  it('gives up after 3 attempts and rethrows the cell-edit error', async () => {
    const runner = flakyRunner(10, editModeError);
    await expect(runExcel(async () => 'klart', runner, fast)).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    expect(runner.calls).toBe(3);
  });

  it('rethrows other errors at once', async () => {
    const runner = flakyRunner(10, () => Object.assign(new Error('nope'), { code: 'ItemNotFound' }));
    await expect(runExcel(async () => 'klart', runner, fast)).rejects.toThrow('nope');
    expect(runner.calls).toBe(1);
  });

  it('retries when the batch itself rejects (the run is awaited inside the try)', async () => {
    const excel = createMemoryExcel();
    let attempts = 0;
    const result = await runExcel(
      async (context) => {
        attempts++;
        await context.sync();
        if (attempts < 3) throw editModeError();
        return attempts;
      },
      excel,
      fast,
    );
    expect(result).toBe(3);
  });

  // https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-delay-in-cell-edit
  it('waits for the user to leave the cell where Excel can (delayForCellEdit, ExcelApi 1.11)', async () => {
    const excel = createMemoryExcel({ apiVersion: '1.11' });
    expect(delaysForCellEdit(excel)).toBe(true);
    excel.enterCellEdit();
    let done = false;
    const run = runExcel(async () => (done = true), excel, { tries: 1 });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(done).toBe(false); // still waiting, not failed
    excel.exitCellEdit();
    await expect(run).resolves.toBe(true);
  });

  it('falls back to the bounded retry on older hosts, which fail at once in cell-edit mode', async () => {
    const excel = createMemoryExcel({ apiVersion: '1.9' });
    expect(delaysForCellEdit(excel)).toBe(false);
    excel.enterCellEdit();
    setTimeout(() => excel.exitCellEdit(), 3);
    await expect(runExcel(async () => 'klart', excel, { tries: 5, delayMs: 2 })).resolves.toBe('klart');
    excel.enterCellEdit();
    await expect(runExcel(async () => 'klart', excel, { tries: 2, delayMs: 1 })).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
  });

  it('rejects with a clear message when there is no Excel', async () => {
    await expect(runExcel(async () => 1)).rejects.toThrow('Excel is not available');
  });

  it('recognises the error code case-insensitively', () => {
    expect(isCellEditModeError({ code: 'invalidOperationInCellEditMode' })).toBe(true);
    expect(isCellEditModeError(new Error('x'))).toBe(false);
    expect(isCellEditModeError(null)).toBe(false);
  });
});

describe('selectCellSafe', () => {
  it('activates the sheet and selects the cell', async () => {
    const excel = createMemoryExcel();
    excel.workbook.addSheet('Nivå 1');
    await expect(selectCellSafe('Nivå 1', 'D14', excel)).resolves.toBe(true);
    expect(excel.workbook.activeSheet.name).toBe('Nivå 1');
    expect(excel.workbook.selection).toMatchObject({ box: { top: 14, left: 4, bottom: 14, right: 4 } });
  });

  it('never throws: false for a missing sheet, a bad address or no Excel at all', async () => {
    const excel = createMemoryExcel();
    await expect(selectCellSafe('Finns inte', 'A1', excel)).resolves.toBe(false);
    await expect(selectCellSafe('Blad1', 'not a cell', excel)).resolves.toBe(false);
    await expect(selectCellSafe('Blad1', 'A1')).resolves.toBe(false);
    await expect(selectCellSafe('Blad1', 'A1', flakyRunner(10, editModeError), fast)).resolves.toBe(false);
  });
});
